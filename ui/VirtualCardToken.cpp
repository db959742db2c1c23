#include "VirtualCardToken.h"
#include "ui_VirtualCardToken.h"

#include "core/Clock.h"
#include "core/Validation.h"

#include <QEvent>
#include <QTimer>

namespace hardtoken {

VirtualCardToken::VirtualCardToken(
    const Store& store, const Clock& clock, const VirtualTokenInfo& token, QWidget* parent)
    : QWidget(parent)
    , m_ui(new Ui::VirtualCardToken)
    , m_store(store)
    , m_clock(clock)
    , m_token(token)
    , m_timer(new QTimer(this))
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("card_") + token.serial);
    m_ui->frontFace->setSide(CardFace::Side::Front);
    m_ui->backFace->setSide(CardFace::Side::Back);
    m_ui->backFace->setSerial(token.serial);
    m_ui->frontFace->setMarkPositions(true);
    m_ui->backFace->setMarkPositions(true);
    connect(m_ui->frontFace, &CardFace::buttonPressed, this, &VirtualCardToken::press);
    connect(m_ui->pressButton, &QPushButton::clicked, this, &VirtualCardToken::press);
    m_timer->setInterval(250);
    connect(m_timer, &QTimer::timeout, this, &VirtualCardToken::refresh);
    retranslate();
}

VirtualCardToken::~VirtualCardToken() = default;

QString VirtualCardToken::displayText() const
{
    return m_ui->frontFace->displayText();
}

void VirtualCardToken::setBlankAfterSecs(int secs)
{
    m_blankAfterSecs = qMax(1, secs);
    retranslate();
}

void VirtualCardToken::setMarkPositions(bool mark)
{
    m_ui->frontFace->setMarkPositions(mark);
    m_ui->backFace->setMarkPositions(mark);
}

void VirtualCardToken::setHolder(const QString& holder)
{
    m_token.holder = holder;
    retranslate();
}

void VirtualCardToken::press()
{
    QString error;
    const auto code = VirtualTokens::otp(m_store, m_token.serial, m_clock.nowSecs(), m_presses, &error);
    if (!code) {
        m_ui->statusLabel->setText(error);
        return;
    }
    ++m_presses;
    m_shownAtMSecs = m_clock.nowMSecs();
    m_ui->frontFace->setDisplayText(*code);
    m_timer->start();
    Q_EMIT otpShown(*code);
}

void VirtualCardToken::refresh()
{
    if (m_shownAtMSecs < 0)
        return;
    if (m_clock.nowMSecs() - m_shownAtMSecs >= qint64(m_blankAfterSecs) * 1000) {
        m_ui->frontFace->setDisplayText({});
        m_shownAtMSecs = -1;
        m_timer->stop();
    }
}

void VirtualCardToken::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QWidget::changeEvent(event);
}

void VirtualCardToken::retranslate()
{
    QString holder;
    if (m_token.holder == QLatin1String("*"))
        holder = tr("全ての利用者");
    else if (!m_token.holder.isEmpty())
        holder = m_token.holder;
    else
        holder = tr("未登録");
    const QString kind = m_token.params.kind == OtpKind::Hotp ? tr("HOTP（ボタンを押すたびに次のコード）")
                                                              : tr("TOTP %1 秒").arg(m_token.params.period);
    m_ui->titleLabel->setText(tr("%1 — %2 — %3").arg(Validation::formatSerial(m_token.serial), holder, kind));
    m_ui->statusLabel->setText(
        tr("ボタンを押すと、ワンタイムパスワードが %1 秒間表示されます。").arg(m_blankAfterSecs));
}

} // namespace hardtoken
