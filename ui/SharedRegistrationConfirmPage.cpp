#include "SharedRegistrationConfirmPage.h"
#include "ui_SharedRegistrationConfirmPage.h"

#include "RegistrationFlow.h"
#include "Validation.h"

namespace hardtoken {

SharedRegistrationConfirmPage::SharedRegistrationConfirmPage(RegistrationFlow& flow, QWidget* parent)
    : ManualPage(parent)
    , m_ui(new Ui::SharedRegistrationConfirmPage)
    , m_flow(flow)
{
    m_ui->setupUi(this);
    initPage(m_ui->pageHeader, m_ui->okButton, m_ui->cancelButton);
    connect(this, &ManualPage::topRequested, &m_flow, &RegistrationFlow::goToTop);
    connect(m_ui->cancelButton, &QPushButton::clicked, &m_flow, &RegistrationFlow::cancel);
    connect(m_ui->okButton, &QPushButton::clicked, this, [this] {
        OutcomeFields fields;
        fields.pin = m_ui->pinInput;
        showOutcome(m_flow.confirmRegistration(m_ui->pinInput->text()), fields);
    });
}

SharedRegistrationConfirmPage::~SharedRegistrationConfirmPage() = default;

PinInput* SharedRegistrationConfirmPage::pinInput() const
{
    return m_ui->pinInput;
}

void SharedRegistrationConfirmPage::enter()
{
    clearMessages();
    m_ui->pinInput->clear();
    refresh();
    m_ui->pinInput->setFocus(Qt::OtherFocusReason);
}

void SharedRegistrationConfirmPage::refresh()
{
    const auto pending = m_flow.service().pendingShared();
    m_ui->serialValue->setText(pending ? Validation::formatSerial(pending->serial) : QStringLiteral("-"));
    const QString current = m_flow.service().sharedSerial();
    m_ui->currentValue->setText(current.isEmpty() ? tr("なし") : Validation::formatSerial(current));
}

void SharedRegistrationConfirmPage::retranslate()
{
    m_ui->retranslateUi(this);
    refresh();
}

} // namespace hardtoken
