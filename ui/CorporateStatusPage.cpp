#include "CorporateStatusPage.h"
#include "ui_CorporateStatusPage.h"

#include "RegistrationService.h"
#include "Validation.h"

#include <QEvent>
#include <QHeaderView>

namespace hardtoken {

CorporateStatusPage::CorporateStatusPage(RegistrationService& service, QWidget* parent)
    : QWidget(parent)
    , m_ui(new Ui::CorporateStatusPage)
    , m_service(service)
{
    m_ui->setupUi(this);
    m_ui->usersTable->verticalHeader()->hide();
    m_ui->usersTable->horizontalHeader()->setStretchLastSection(true);
    connect(m_ui->menuLink, &QLabel::linkActivated, this, [this] { Q_EMIT userRegistrationRequested(); });
    connect(&m_service, &RegistrationService::corporationChanged, this, &CorporateStatusPage::refresh);
    refresh();
}

CorporateStatusPage::~CorporateStatusPage() = default;

void CorporateStatusPage::refresh()
{
    const CorporationInfo c = m_service.corporation();
    m_ui->corporationNameValue->setText(c.name);
    m_ui->corporationCodeValue->setText(c.code);
    switch (c.mode) {
    case UsageMode::Shared:
        m_ui->usageModeValue->setText(tr("全ての利用者が同じトークンを利用する"));
        break;
    case UsageMode::Individual:
        m_ui->usageModeValue->setText(tr("全ての利用者が異なるトークンを利用する"));
        break;
    case UsageMode::Unset:
        m_ui->usageModeValue->setText(tr("未設定"));
        break;
    }
    m_ui->registeredValue->setText(tr("%1 個").arg(c.registeredTokens));
    m_ui->stateValue->setText(c.suspended ? tr("利用中止") : tr("利用可能"));

    const QList<UserInfo> users = m_service.users();
    m_ui->usersTable->setColumnCount(2);
    m_ui->usersTable->setHorizontalHeaderLabels({ tr("利用者名"), tr("現在利用登録しているトークン シリアル番号") });
    m_ui->usersTable->setRowCount(static_cast<int>(users.size()));
    const QString shared = c.mode == UsageMode::Shared ? m_service.sharedSerial() : QString();
    for (int row = 0; row < users.size(); ++row) {
        const QString serial = c.mode == UsageMode::Shared ? shared : users[row].currentSerial;
        m_ui->usersTable->setItem(row, 0, new QTableWidgetItem(users[row].name));
        m_ui->usersTable->setItem(row, 1, new QTableWidgetItem(serial.isEmpty() ? QStringLiteral("-")
                                                                                  : Validation::formatSerial(serial)));
    }
}

void CorporateStatusPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        refresh();
    }
    QWidget::changeEvent(event);
}

} // namespace hardtoken
