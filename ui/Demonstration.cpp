#include "Demonstration.h"

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
#include <QLineEdit>

namespace hardtoken {

using Screen = RegistrationFlow::Screen;

Demonstration::Demonstration(TrainingSession& session, RegistrationService& service, Secrets secrets, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_service(service)
    , m_secrets(std::move(secrets))
{
    connect(&m_timer, &QTimer::timeout, this, &Demonstration::tick);
}

void Demonstration::clickLater(const QString& name)
{
    m_acts.append([this, name] {
        if (auto* b = m_page ? m_page->findChild<QAbstractButton*>(name) : nullptr; b && b->isEnabled()) {
            b->setFocus(Qt::OtherFocusReason);
            b->animateClick();
        }
    });
}

void Demonstration::checkLater(const QString& name)
{
    m_acts.append([this, name] {
        if (auto* b = m_page ? m_page->findChild<QAbstractButton*>(name) : nullptr) {
            b->setFocus(Qt::OtherFocusReason);
            b->setChecked(true);
        }
    });
}

void Demonstration::typeLater(const QString& name, const QString& text)
{
    m_acts.append([this, name] {
        if (auto* e = m_page ? m_page->findChild<QLineEdit*>(name) : nullptr) {
            e->setFocus(Qt::OtherFocusReason);
            e->clear();
        }
    });
    for (const QChar c : text) {
        m_acts.append([this, name, c] {
            if (auto* e = m_page ? m_page->findChild<QLineEdit*>(name) : nullptr)
                e->insert(QString(c));
        });
    }
}

void Demonstration::chooseUserLater(qint64 userId)
{
    m_acts.append([this, userId] {
        auto* view = m_page ? m_page->findChild<QAbstractItemView*>(QStringLiteral("userTable")) : nullptr;
        if (!view)
            return;
        QAbstractItemModel* model = view->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex radio = model->index(row, UserSelectionModel::SelectColumn);
            if (radio.data(UserSelectionModel::UserIdRole).toLongLong() != userId)
                continue;
            view->setFocus(Qt::OtherFocusReason);
            view->scrollTo(radio);
            view->setCurrentIndex(radio);
            model->setData(radio, Qt::Checked, Qt::CheckStateRole);
            return;
        }
    });
}

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
    const QStringList marks = m_session.highlights();
    const bool practisingSuspension
        = step + 1 < m_session.count() && m_session.exercise().steps.value(step + 1) == QLatin1String("suspended");
    switch (m_session.screenOf(step)) {
    case Screen::CorporateStatus:
    case Screen::UserInfoSelection:
        for (const QString& name : marks)
            clickLater(name);
        break;
    case Screen::UsageModeConfirm:
        checkLater(marks.value(0));
        typeLater(QStringLiteral("pinEdit"), m_secrets.pin);
        clickLater(QStringLiteral("okButton"));
        break;
    case Screen::SharedRegistrationInput:
    case Screen::IndividualRegistrationInput: {
        const QString serial = freeSerial();
        if (serial.isEmpty()) {
            m_error = tr("利用登録できるカードが残っていません。");
            return false;
        }
        if (m_session.screenOf(step) == Screen::IndividualRegistrationInput) {
            qint64 user = 0;
            for (const UserInfo& u : m_service.users().value_or(QList<UserInfo> {})) {
                if (m_service.queueIndexOfUser(u.id) < 0) {
                    user = u.id;
                    break;
                }
            }
            chooseUserLater(user);
        }
        QString code = codeFor(serial);
        // The exercise that practises 利用中止 asks for a wrong code: shown, not hidden.
        if (practisingSuspension && !code.isEmpty())
            code[0] = QChar(u'0' + (code[0].digitValue() + 5) % 10);
        typeLater(QStringLiteral("serialEdit"), serial);
        typeLater(QStringLiteral("otpEdit"), code);
        clickLater(QStringLiteral("nextButton"));
        break;
    }
    case Screen::SharedRegistrationConfirm:
    case Screen::IndividualRegistrationConfirm:
        if (marks == QStringList { QStringLiteral("addButton") }) {
            clickLater(QStringLiteral("addButton"));
            break;
        }
        typeLater(QStringLiteral("pinEdit"), m_secrets.pin);
        clickLater(QStringLiteral("okButton"));
        break;
    case Screen::Suspended:
        typeLater(QStringLiteral("staffLoginEdit"), m_secrets.staffLogin);
        typeLater(QStringLiteral("staffCredentialEdit"), m_secrets.staffCredential);
        clickLater(QStringLiteral("unlockButton"));
        break;
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
