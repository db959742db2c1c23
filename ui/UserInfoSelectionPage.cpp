#include "UserInfoSelectionPage.h"
#include "ui_UserInfoSelectionPage.h"

#include "Accessibility.h"
#include "core/Validation.h"
#include "desk/RegistrationFlow.h"
#include "tables/UserListModel.h"

#include <QHeaderView>
#include <QHideEvent>

namespace hardtoken {

UserInfoSelectionPage::UserInfoSelectionPage(RegistrationFlow& flow, QWidget* parent)
    : ManualPage(parent)
    , m_ui(new Ui::UserInfoSelectionPage)
    , m_flow(flow)
    , m_users(new UserListModel(flow.service(), this, UserListModel::Load::Later))
{
    m_ui->setupUi(this);
    initPage(m_ui->pageHeader, m_ui->registerButton, nullptr);
    nameClearButton(m_ui->usersFilterEdit);
    m_ui->usersTable->setModel(m_users);
    m_ui->usersTable->verticalHeader()->hide();
    m_ui->usersTable->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_ui->usersTable->horizontalHeader()->setSectionResizeMode(
        UserListModel::NameColumn, QHeaderView::ResizeToContents);
    m_ui->usersTable->horizontalHeader()->setResizeContentsPrecision(100);
    m_ui->usersTable->horizontalHeader()->setStretchLastSection(true);
    m_ui->usersTable->sortByColumn(-1, Qt::AscendingOrder); // the manual's order until a header is clicked
    connect(m_ui->usersFilterEdit, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_users->setFilterText(text);
        showCount();
    });
    connect(this, &ManualPage::topRequested, &m_flow, &RegistrationFlow::goToTop);
    connect(m_ui->changeModeButton, &QPushButton::clicked, &m_flow, &RegistrationFlow::changeMode);
    connect(m_ui->registerButton, &QPushButton::clicked, this, [this] {
        const Outcome o = m_flow.startRegistration();
        if (!o.ok())
            showOutcome(o, {});
    });
    connect(
        &m_flow, &RegistrationFlow::procedureCompleted, this, [this](const Saying& message) { m_notice = message; });
    // A hidden page is brought up to date by enter() when it is shown again (no table rebuild per
    // wrong entry on another screen).
    connect(&m_flow.service(), &RegistrationService::corporationChanged, this, [this] {
        if (isVisible())
            refresh();
    });
}

UserInfoSelectionPage::~UserInfoSelectionPage() = default;

void UserInfoSelectionPage::enter()
{
    clearMessages();
    if (m_notice)
        showMessage(m_notice, MessageKind::Info);
    m_notice = {};
    refresh();
}

void UserInfoSelectionPage::refresh()
{
    // One read of the users, the mode and the shared token: the list model's.
    m_users->reload();
    showSummary();
}

void UserInfoSelectionPage::hideEvent(QHideEvent* event)
{
    // Left for another screen: the list is read again when this one is entered, so a hidden page
    // does not hold a second copy of 50,000 users. (A minimised window keeps it.)
    if (!event->spontaneous())
        m_users->release();
    ManualPage::hideEvent(event);
}

void UserInfoSelectionPage::showSummary()
{
    const UsageMode mode = m_users->mode();
    m_ui->usageModeValue->setText(usageModeDisplayName(mode));
    const QString shared = m_users->sharedSerial();
    switch (mode) {
    case UsageMode::Shared:
        m_ui->registrationValue->setText(shared.isEmpty()
                ? tr("利用登録されていません")
                : tr("全ての利用者: %1").arg(Validation::formatSerial(shared)));
        break;
    case UsageMode::Individual:
        m_ui->registrationValue->setText(
            tr("%1 名中 %2 名が利用登録済み").arg(m_users->userCount()).arg(m_users->registeredCount()));
        break;
    case UsageMode::Unset:
        m_ui->registrationValue->setText(tr("利用形態を設定してから利用登録してください"));
        break;
    }
    showCount();
}

void UserInfoSelectionPage::showCount()
{
    // How many the filter shows, when it hides some (read out with the field's description too).
    const bool filtered = !m_users->filterText().isEmpty();
    const QString count
        = filtered ? tr("%1 名中 %2 名を表示").arg(m_users->userCount()).arg(m_users->rowCount()) : QString();
    m_ui->usersCountLabel->setText(count);
    m_ui->usersFilterEdit->setAccessibleDescription(count);
}

void UserInfoSelectionPage::retranslate()
{
    m_ui->retranslateUi(this);
    nameClearButton(m_ui->usersFilterEdit);
    m_users->retranslate();
    showSummary();
}

} // namespace hardtoken
