#include "SharedRegistrationConfirmPage.h"
#include "PinConfirmation.h"
#include "PinInput.h"

#include "ui_SharedRegistrationConfirmPage.h"
#include <QPushButton>

#include "core/Validation.h"
#include "desk/RegistrationFlow.h"

namespace hardtoken {

SharedRegistrationConfirmPage::SharedRegistrationConfirmPage(RegistrationFlow& flow, QWidget* parent)
    : ManualPage(parent)
    , m_ui(new Ui::SharedRegistrationConfirmPage)
    , m_flow(flow)
{
    m_ui->setupUi(this);
    initPage(m_ui->pageHeader, m_ui->pinConfirmation->okButton(), m_ui->pinConfirmation->cancelButton());
    connect(this, &ManualPage::topRequested, &m_flow, &RegistrationFlow::goToTop);
    connect(m_ui->pinConfirmation->cancelButton(), &QPushButton::clicked, &m_flow, &RegistrationFlow::cancel);
    connect(m_ui->pinConfirmation->okButton(), &QPushButton::clicked, this, [this] {
        OutcomeFields fields;
        fields.pin = m_ui->pinConfirmation->pinInput();
        showOutcome(m_flow.confirmRegistration(m_ui->pinConfirmation->pinInput()->text()), fields);
    });
}

SharedRegistrationConfirmPage::~SharedRegistrationConfirmPage() = default;

PinInput* SharedRegistrationConfirmPage::pinInput() const
{
    return m_ui->pinConfirmation->pinInput();
}

void SharedRegistrationConfirmPage::enter()
{
    clearMessages();
    m_ui->pinConfirmation->pinInput()->clear();
    refresh();
    m_ui->pinConfirmation->pinInput()->setFocus(Qt::OtherFocusReason);
}

void SharedRegistrationConfirmPage::refresh()
{
    const auto pending = m_flow.service().pendingShared();
    m_ui->serialValue->setText(pending ? Validation::formatSerial(pending->serial) : QStringLiteral("-"));
    if (const auto current = m_flow.service().sharedSerial())
        m_ui->currentValue->setText(current->isEmpty() ? tr("なし") : Validation::formatSerial(*current));
}

void SharedRegistrationConfirmPage::retranslate()
{
    m_ui->retranslateUi(this);
    refresh();
}

} // namespace hardtoken
