#include "SuspendedNotice.h"
#include "ui_SuspendedNotice.h"

#include "Accessibility.h"
#include "desk/RegistrationFlow.h"

#include <QDateTime>
#include <QLocale>

namespace hardtoken {

SuspendedNotice::SuspendedNotice(RegistrationFlow& flow, QWidget* parent)
    : ManualPage(parent)
    , m_ui(new Ui::SuspendedNotice)
    , m_flow(flow)
{
    installAccessibleInterfaces(); // before the form's notice box is first queried
    m_ui->setupUi(this);
    initPage(m_ui->pageHeader, m_ui->unlockButton, nullptr);
    connect(m_ui->unlockButton, &QPushButton::clicked, this, &SuspendedNotice::unlock);
}

SuspendedNotice::~SuspendedNotice() = default;

void SuspendedNotice::enter()
{
    clearMessages();
    m_ui->staffLoginEdit->clear();
    m_ui->staffCredentialEdit->clear();
    refresh();
    announce();
}

void SuspendedNotice::announce()
{
    // The notice is the screen's news: a screen reader hears it at once (an alert) and finds it
    // where the focus is; Tab goes on to the help desk's fields.
    nameNotice();
    m_ui->noticeBox->setAccessibleDescription(m_ui->noticeText->text() + QLatin1Char('\n') + m_ui->contactText->text());
    m_ui->noticeBox->setFocus(Qt::OtherFocusReason);
    announceAlert(m_ui->noticeBox);
}

// The notice box is named by its headline, without the ⚠️ a screen reader would spell out.
void SuspendedNotice::nameNotice()
{
    m_ui->noticeBox->setAccessibleName(m_ui->noticeTitle->text().remove(QStringLiteral("⚠️")).trimmed());
}

void SuspendedNotice::refresh()
{
    const auto read = m_flow.service().corporation();
    if (!read)
        return; // the store is away: what is shown stays (the banner says it is not current)
    const CorporationInfo& c = *read;
    const QDateTime at = QDateTime::fromString(c.suspendedAt, Qt::ISODateWithMs);
    const QString when
        = at.isValid() ? QLocale().toString(at.toLocalTime(), QLocale::ShortFormat) : QStringLiteral("-");
    const QString why = c.suspendedReason == SuspensionReason::Pin
        ? tr("契約法人確認暗証番号の誤入力")
        : tr("シリアル番号またはワンタイムパスワードの誤入力");
    m_ui->detailText->setText(tr("契約法人: %1（%2）\n利用中止日時: %3\n理由: %4").arg(c.name, c.code, when, why));
}

void SuspendedNotice::unlock()
{
    const Outcome o = m_flow.unlock(m_ui->staffLoginEdit->text(), m_ui->staffCredentialEdit->text());
    m_ui->staffCredentialEdit->clear();
    if (!o.ok()) {
        showFieldError(m_ui->staffLoginEdit, nullptr, o.message);
        return;
    }
    clearMessages();
}

void SuspendedNotice::retranslate()
{
    m_ui->retranslateUi(this);
    refresh();
    nameNotice();
}

} // namespace hardtoken
