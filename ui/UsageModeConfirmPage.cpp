#include "UsageModeConfirmPage.h"
#include "PinConfirmation.h"
#include "PinInput.h"

#include "ui_UsageModeConfirmPage.h"
#include <QPushButton>

#include "desk/RegistrationFlow.h"

namespace hardtoken {

UsageModeConfirmPage::UsageModeConfirmPage(RegistrationFlow& flow, QWidget* parent)
    : ManualPage(parent)
    , m_ui(new Ui::UsageModeConfirmPage)
    , m_flow(flow)
{
    m_ui->setupUi(this);
    initPage(m_ui->pageHeader, m_ui->pinConfirmation->okButton(), m_ui->pinConfirmation->cancelButton());
    connect(this, &ManualPage::topRequested, &m_flow, &RegistrationFlow::goToTop);
    connect(m_ui->pinConfirmation->cancelButton(), &QPushButton::clicked, &m_flow, &RegistrationFlow::cancel);
    connect(m_ui->pinConfirmation->okButton(), &QPushButton::clicked, this, &UsageModeConfirmPage::confirm);
    connect(m_ui->sharedRadio, &QRadioButton::toggled, this, &UsageModeConfirmPage::updateCurrentWarning);
    connect(m_ui->individualRadio, &QRadioButton::toggled, this, &UsageModeConfirmPage::updateCurrentWarning);
}

UsageModeConfirmPage::~UsageModeConfirmPage() = default;

PinInput* UsageModeConfirmPage::pinInput() const
{
    return m_ui->pinConfirmation->pinInput();
}

void UsageModeConfirmPage::enter()
{
    clearMessages();
    m_ui->pinConfirmation->pinInput()->clear();
    const UsageMode mode = m_flow.service().corporation().value_or(CorporationInfo {}).mode;
    m_ui->sharedRadio->setChecked(mode == UsageMode::Shared);
    m_ui->individualRadio->setChecked(mode == UsageMode::Individual);
    updateCurrentWarning();
    (mode == UsageMode::Shared ? m_ui->sharedRadio : m_ui->individualRadio)->setFocus(Qt::OtherFocusReason);
}

void UsageModeConfirmPage::updateCurrentWarning()
{
    const auto read = m_flow.service().corporation();
    if (!read)
        return; // the store is away: the warning shown stays (the banner says it is not current)
    const CorporationInfo& c = *read;
    const UsageMode chosen = m_ui->sharedRadio->isChecked() ? UsageMode::Shared
        : m_ui->individualRadio->isChecked()                ? UsageMode::Individual
                                                            : UsageMode::Unset;
    QString text = tr("現在の利用形態: %1").arg(usageModeDisplayName(c.mode));
    if (chosen != UsageMode::Unset && chosen != c.mode && c.registeredTokens > 0) {
        text += QLatin1Char('\n')
            + tr("利用形態を変更すると、現在利用登録されている %n 個のトークンの利用登録が解除されます。", nullptr,
                c.registeredTokens);
    }
    m_ui->cautionCurrent->setText(text);
}

void UsageModeConfirmPage::confirm()
{
    const UsageMode mode = m_ui->sharedRadio->isChecked() ? UsageMode::Shared
        : m_ui->individualRadio->isChecked()              ? UsageMode::Individual
                                                          : UsageMode::Unset;
    OutcomeFields fields;
    fields.pin = m_ui->pinConfirmation->pinInput();
    fields.modeError = m_ui->modeError;
    const Outcome o = m_flow.confirmUsageMode(mode, m_ui->pinConfirmation->pinInput()->text());
    showOutcome(o, fields);
    if (o.error == ServiceError::ModeNotSet)
        m_ui->sharedRadio->setFocus(Qt::OtherFocusReason);
}

void UsageModeConfirmPage::retranslate()
{
    m_ui->retranslateUi(this);
    updateCurrentWarning();
}

} // namespace hardtoken
