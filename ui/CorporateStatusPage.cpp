#include "CorporateStatusPage.h"
#include "ui_CorporateStatusPage.h"

#include "desk/RegistrationFlow.h"

namespace hardtoken {

CorporateStatusPage::CorporateStatusPage(RegistrationFlow& flow, QWidget* parent)
    : ManualPage(parent)
    , m_ui(new Ui::CorporateStatusPage)
    , m_flow(flow)
{
    m_ui->setupUi(this);
    initPage(m_ui->pageHeader, nullptr, nullptr);
    connect(m_ui->menuLink, &QAbstractButton::clicked, &m_flow, &RegistrationFlow::openUserRegistration);
    // The help desk's unlock on the 利用中止 notice ends here: said, not silent.
    connect(&m_flow, &RegistrationFlow::suspensionLifted, this, [this](const Saying& message) { m_notice = message; });
    // A hidden page is brought up to date by enter() when it is shown again.
    connect(&m_flow.service(), &RegistrationService::corporationChanged, this, [this] {
        if (isVisible())
            refresh();
    });
    refresh();
}

CorporateStatusPage::~CorporateStatusPage() = default;

void CorporateStatusPage::enter()
{
    clearMessages();
    if (m_notice) {
        showMessage(m_notice, MessageKind::Info);
        m_notice = {};
    }
    refresh();
}

void CorporateStatusPage::refresh()
{
    const auto read = m_flow.service().corporation();
    if (!read)
        return; // the store is away: what is shown stays (the banner says it is not current)
    const CorporationInfo& c = *read;
    m_ui->corporationNameValue->setText(c.name);
    m_ui->corporationCodeValue->setText(c.code);
    m_ui->usageModeValue->setText(usageModeDisplayName(c.mode));
    m_ui->registeredValue->setText(tr("%n 個", nullptr, c.registeredTokens));
    m_ui->stateValue->setText(c.suspended ? tr("利用中止") : tr("ご利用いただけます"));
    m_ui->stateValue->setProperty("role", c.suspended ? QStringLiteral("emphasis") : QString());
}

void CorporateStatusPage::retranslate()
{
    m_ui->retranslateUi(this);
    refresh();
}

} // namespace hardtoken
