#include "UserInfoSelectionPage.h"
#include "ui_UserInfoSelectionPage.h"

#include "RegistrationFlow.h"
#include "Validation.h"

#include <QHeaderView>

namespace hardtoken {

UserInfoSelectionPage::UserInfoSelectionPage(RegistrationFlow& flow, QWidget* parent)
    : ManualPage(parent)
    , m_ui(new Ui::UserInfoSelectionPage)
    , m_flow(flow)
{
    m_ui->setupUi(this);
    initPage(m_ui->pageHeader, m_ui->registerButton, nullptr);
    m_ui->usersTable->verticalHeader()->hide();
    m_ui->usersTable->horizontalHeader()->setStretchLastSection(true);
    connect(this, &ManualPage::topRequested, &m_flow, &RegistrationFlow::goToTop);
    connect(m_ui->changeModeButton, &QPushButton::clicked, &m_flow, &RegistrationFlow::changeMode);
    connect(m_ui->registerButton, &QPushButton::clicked, this, [this] {
        const Outcome o = m_flow.startRegistration();
        if (!o.ok())
            showMessage(o.message);
    });
    connect(
        &m_flow, &RegistrationFlow::procedureCompleted, this, [this](const QString& message) { m_notice = message; });
    // A hidden page is brought up to date by enter() when it is shown again (no table rebuild per
    // wrong entry on another screen).
    connect(&m_flow.service(), &RegistrationService::corporationChanged, this, [this] {
        if (isVisible())
            refresh();
    });
    refresh();
}

UserInfoSelectionPage::~UserInfoSelectionPage() = default;

void UserInfoSelectionPage::enter()
{
    clearMessages();
    if (!m_notice.isEmpty())
        showMessage(m_notice, MessageKind::Info);
    m_notice.clear();
    refresh();
}

void UserInfoSelectionPage::refresh()
{
    const RegistrationService& service = m_flow.service();
    const CorporationInfo c = service.corporation();
    m_ui->usageModeValue->setText(usageModeDisplayName(c.mode));
    const QList<UserInfo> users = service.users();
    const QString shared = c.mode == UsageMode::Shared ? service.sharedSerial() : QString();
    switch (c.mode) {
    case UsageMode::Shared:
        m_ui->registrationValue->setText(shared.isEmpty()
                ? tr("利用登録されていません")
                : tr("全ての利用者: %1").arg(Validation::formatSerial(shared)));
        break;
    case UsageMode::Individual: {
        int registered = 0;
        for (const UserInfo& u : users)
            registered += !u.currentSerial.isEmpty();
        m_ui->registrationValue->setText(tr("%1 名中 %2 名が利用登録済み").arg(users.size()).arg(registered));
        break;
    }
    case UsageMode::Unset:
        m_ui->registrationValue->setText(tr("利用形態を設定してから利用登録してください"));
        break;
    }
    m_ui->usersTable->setColumnCount(2);
    m_ui->usersTable->setHorizontalHeaderLabels({ tr("利用者名"), tr("現在利用登録しているトークン シリアル番号") });
    m_ui->usersTable->setRowCount(static_cast<int>(users.size()));
    for (int row = 0; row < users.size(); ++row) {
        const QString serial = c.mode == UsageMode::Shared ? shared : users[row].currentSerial;
        m_ui->usersTable->setItem(row, 0, new QTableWidgetItem(users[row].name));
        m_ui->usersTable->setItem(
            row, 1, new QTableWidgetItem(serial.isEmpty() ? QStringLiteral("-") : Validation::formatSerial(serial)));
    }
    m_ui->usersTable->resizeColumnToContents(0);
}

void UserInfoSelectionPage::retranslate()
{
    m_ui->retranslateUi(this);
    refresh();
}

} // namespace hardtoken
