#include "SharedRegistrationInputPage.h"
#include "CardFace.h"
#include "ui_SharedRegistrationInputPage.h"

#include "RegistrationFlow.h"

namespace hardtoken {

SharedRegistrationInputPage::SharedRegistrationInputPage(RegistrationFlow& flow, QWidget* parent)
    : ManualPage(parent)
    , m_ui(new Ui::SharedRegistrationInputPage)
    , m_flow(flow)
{
    m_ui->setupUi(this);
    initPage(m_ui->pageHeader, m_ui->nextButton, m_ui->cancelButton);
    // The manual's two pictures: where the serial is, where the button is.
    m_ui->sharedCardBackImage->setSide(CardFace::Side::Back);
    m_ui->sharedCardBackImage->setSerial(QStringLiteral("0000000012"));
    m_ui->sharedCardBackImage->setMarkPositions(true);
    m_ui->sharedCardFrontImage->setSide(CardFace::Side::Front);
    m_ui->sharedCardFrontImage->setDisplayText(QStringLiteral("123456"));
    m_ui->sharedCardFrontImage->setMarkPositions(true);
    m_ui->sharedCardBackImage->setCaption(m_ui->sharedCardBackCaption->text());
    m_ui->sharedCardFrontImage->setCaption(m_ui->sharedCardFrontCaption->text());
    connect(this, &ManualPage::topRequested, &m_flow, &RegistrationFlow::goToTop);
    connect(m_ui->cancelButton, &QPushButton::clicked, &m_flow, &RegistrationFlow::cancel);
    connect(m_ui->nextButton, &QPushButton::clicked, this, &SharedRegistrationInputPage::next);
}

SharedRegistrationInputPage::~SharedRegistrationInputPage() = default;

void SharedRegistrationInputPage::enter()
{
    clearMessages();
    m_ui->serialEdit->clear();
    m_ui->otpEdit->clear();
    m_ui->serialEdit->setFocus(Qt::OtherFocusReason);
}

void SharedRegistrationInputPage::next()
{
    const Outcome o = m_flow.next(0, m_ui->serialEdit->text(), m_ui->otpEdit->text());
    OutcomeFields fields;
    fields.serial = m_ui->serialEdit;
    fields.serialError = m_ui->serialError;
    fields.otp = m_ui->otpEdit;
    fields.otpError = m_ui->otpError;
    showOutcome(o, fields);
}

void SharedRegistrationInputPage::retranslate()
{
    m_ui->retranslateUi(this);
    m_ui->sharedCardBackImage->setCaption(m_ui->sharedCardBackCaption->text());
    m_ui->sharedCardFrontImage->setCaption(m_ui->sharedCardFrontCaption->text());
}

} // namespace hardtoken
