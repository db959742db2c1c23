#include "Demonstration.h"

#include "StepDriver.h"

#include "core/Clock.h"
#include "desk/RegistrationService.h"
#include "inventory/VirtualTokens.h"
#include "store/Store.h"
#include "tables/UserSelectionModel.h"
#include "training/TrainingSession.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QKeyEvent>
#include <QPersistentModelIndex>

#include <QLineEdit>
#include <algorithm>

namespace hardtoken {

Demonstration::Demonstration(TrainingSession& session, RegistrationService& service, Secrets secrets, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_service(service)
    , m_secrets(std::move(secrets))
{
    connect(&m_timer, &QTimer::timeout, this, &Demonstration::tick);
}

// The demonstrator's hand: each act queued for the timer, done as a person would (the focus moved
// to the widget, one key at a time). Widgets are held weakly: the screen may go while it plays.
class Demonstration::Hand final : public StepDriver {
public:
    explicit Hand(Demonstration& d)
        : StepDriver([&d]() -> QWidget* { return d.m_page; })
        , m_d(d)
    {
    }

protected:
    bool click(QAbstractButton* button) override
    {
        m_d.m_acts.append([b = QPointer(button)] {
            if (b && b->isEnabled()) {
                b->setFocus(Qt::OtherFocusReason);
                b->animateClick();
            }
        });
        return true;
    }
    bool check(QAbstractButton* radio) override
    {
        m_d.m_acts.append([b = QPointer(radio)] {
            if (b) {
                b->setFocus(Qt::OtherFocusReason);
                b->setChecked(true);
            }
        });
        return true;
    }
    bool type(QLineEdit* edit, const QString& text) override
    {
        const QPointer e(edit);
        m_d.m_acts.append([e] {
            if (e) {
                e->setFocus(Qt::OtherFocusReason);
                e->clear();
            }
        });
        for (const QChar c : text) {
            m_d.m_acts.append([e, c] {
                if (e)
                    e->insert(QString(c));
            });
        }
        return true;
    }
    bool choose(QAbstractItemView* table, const QModelIndex& radio) override
    {
        m_d.m_acts.append([view = QPointer(table), index = QPersistentModelIndex(radio)] {
            if (!view || !index.isValid())
                return;
            view->setFocus(Qt::OtherFocusReason);
            view->scrollTo(index);
            view->setCurrentIndex(index);
            view->model()->setData(index, Qt::Checked, Qt::CheckStateRole);
        });
        return true;
    }

private:
    Demonstration& m_d;
};

QString Demonstration::freeSerial() const
{
    QString error;
    const auto cards = VirtualTokens::list(m_service.store(), &error);
    if (!cards)
        return {};
    const QString wanted = m_session.exercise().expect.serial;
    QStringList queued;
    for (const QueuedRegistration& q : m_service.queue())
        queued.append(q.serial);
    for (const VirtualTokenInfo& c : *cards) {
        if (c.params.kind != OtpKind::Totp || !c.holder.isEmpty() || queued.contains(c.serial))
            continue;
        if (wanted.isEmpty() || c.serial == wanted)
            return c.serial;
    }
    return {};
}

QString Demonstration::codeFor(const QString& serial) const
{
    QString error;
    return VirtualTokens::otp(m_service.store(), serial, m_service.store().clock().nowSecs(), 0, &error)
        .value_or(QString());
}

bool Demonstration::play(QWidget* page)
{
    stop();
    m_error.clear();
    m_page = page;
    const int step = m_session.current();
    if (!page || m_session.isFinished() || m_session.offTrack()) {
        m_error = tr("いまの画面では見本を再生できません。");
        return false;
    }
    const QList<ManualAct> acts = m_session.acts();
    const auto uses = [&](ManualInput input) {
        return std::any_of(acts.begin(), acts.end(), [input](const ManualAct& a) { return a.input == input; });
    };
    StepInputs inputs { m_secrets.pin };
    inputs.staffLogin = m_secrets.staffLogin;
    inputs.staffCredential = m_secrets.staffCredential;
    if (uses(ManualInput::Serial)) {
        inputs.serial = freeSerial();
        if (inputs.serial.isEmpty()) {
            m_error = tr("利用登録できるカードが残っていません。");
            return false;
        }
        inputs.otp = codeFor(inputs.serial);
        // The exercise that practises 利用中止 asks for a wrong code: shown, not hidden.
        const bool practisingSuspension
            = step + 1 < m_session.count() && m_session.exercise().steps.value(step + 1) == QLatin1String("suspended");
        if (practisingSuspension && !inputs.otp.isEmpty())
            inputs.otp[0] = QChar(u'0' + (inputs.otp[0].digitValue() + 5) % 10);
    }
    if (uses(ManualInput::User)) {
        // The first user with nothing in the 利用登録情報の一覧 yet.
        for (const UserInfo& u : m_service.users().value_or(QList<UserInfo> {})) {
            if (m_service.queueIndexOfUser(u.id) < 0) {
                inputs.userId = u.id;
                break;
            }
        }
    }
    Hand hand(*this);
    if (!hand.perform(acts, inputs)) {
        m_error = hand.error();
        m_acts.clear();
        return false;
    }
    m_session.noteDemonstration();
    qApp->installEventFilter(this);
    m_timer.start(m_paceMs / 3);
    return true;
}

bool Demonstration::eventFilter(QObject* watched, QEvent* event)
{
    // Only what a person does (spontaneous events) on the screen being shown; the coach panel, the
    // cards and the menus stay usable, and the console's own acts are not events of this kind.
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonRelease:
    case QEvent::MouseButtonDblClick:
    case QEvent::Wheel:
    case QEvent::KeyPress:
    case QEvent::KeyRelease:
    case QEvent::ShortcutOverride: {
        auto* w = qobject_cast<QWidget*>(watched);
        if (!event->spontaneous() || !w || !m_page || (w != m_page && !m_page->isAncestorOf(w)))
            break;
        if (event->type() == QEvent::KeyPress && static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape) {
            stop();
            Q_EMIT finished();
        }
        return true;
    }
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void Demonstration::tick()
{
    if (m_acts.isEmpty() || !m_page) {
        stop();
        Q_EMIT finished();
        return;
    }
    const auto act = m_acts.takeFirst();
    act();
}

void Demonstration::stop()
{
    qApp->removeEventFilter(this);
    m_timer.stop();
    m_acts.clear();
}

} // namespace hardtoken
