#include "SharedRegistrationInputPage.h"
#include "ui_SharedRegistrationInputPage.h"

#include "desk/RegistrationFlow.h"

namespace hardtoken {

SharedRegistrationInputPage::SharedRegistrationInputPage(RegistrationFlow& flow, QWidget* parent)
    : ManualPage(parent)
    , m_ui(new Ui::SharedRegistrationInputPage)
    , m_flow(flow)
{
    m_ui->setupUi(this);
    initPage(m_ui->pageHeader, m_ui->nextButton, m_ui->cancelButton);
    connect(this, &ManualPage::topRequested, &m_flow, &RegistrationFlow::goToTop);
    connect(m_ui->cancelButton, &QPushButton::clicked, &m_flow, &RegistrationFlow::cancel);
    connect(m_ui->nextButton, &QPushButton::clicked, this, &SharedRegistrationInputPage::next);
}

SharedRegistrationInputPage::~SharedRegistrationInputPage() = default;

void SharedRegistrationInputPage::enter()
{
    clearMessages();
    m_ui->tokenEntry->clear();
    m_ui->tokenEntry->setFocus(Qt::OtherFocusReason);
}

void SharedRegistrationInputPage::next()
{
    const Outcome o = m_flow.next(0, m_ui->tokenEntry->serial(), m_ui->tokenEntry->otp());
    OutcomeFields fields;
    m_ui->tokenEntry->addTo(fields);
    showOutcome(o, fields);
}

void SharedRegistrationInputPage::retranslate()
{
    m_ui->retranslateUi(this);
}

} // namespace hardtoken
