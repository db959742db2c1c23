#include "TokenEntry.h"
#include "Accessibility.h"
#include "ui_TokenEntry.h"

#include "CardFace.h"
#include "ManualPage.h"

#include <QEvent>

namespace hardtoken {

TokenEntry::TokenEntry(QWidget* parent)
    : QWidget(parent)
    , m_ui(new Ui::TokenEntry)
{
    installAccessibleInterfaces(); // the group is never "focused" besides its field
    m_ui->setupUi(this);
    setFocusProxy(m_ui->serialEdit);
    // The manual's two pictures: where the serial is, where the button is. The sample serial and
    // code are illustrations; CardFace names the pictures by their captions, not by these digits.
    m_ui->cardBackImage->setSide(CardFace::Side::Back);
    m_ui->cardBackImage->setSerial(QStringLiteral("0000000012"));
    m_ui->cardBackImage->setMarkPositions(true);
    m_ui->cardFrontImage->setSide(CardFace::Side::Front);
    m_ui->cardFrontImage->setDisplayText(QStringLiteral("123456"));
    m_ui->cardFrontImage->setMarkPositions(true);
    captionCards();
}

TokenEntry::~TokenEntry() = default;

QString TokenEntry::serial() const
{
    return m_ui->serialEdit->text();
}

QString TokenEntry::otp() const
{
    return m_ui->otpEdit->text();
}

void TokenEntry::clear()
{
    m_ui->serialEdit->clear();
    m_ui->otpEdit->clear();
}

void TokenEntry::addTo(OutcomeFields& fields) const
{
    fields.serial = m_ui->serialEdit;
    fields.serialError = m_ui->serialError;
    fields.otp = m_ui->otpEdit;
    fields.otpError = m_ui->otpError;
}

QLineEdit* TokenEntry::serialEdit() const
{
    return m_ui->serialEdit;
}

QLineEdit* TokenEntry::otpEdit() const
{
    return m_ui->otpEdit;
}

void TokenEntry::captionCards()
{
    m_ui->cardBackImage->setCaption(m_ui->cardBackCaption->text());
    m_ui->cardFrontImage->setCaption(m_ui->cardFrontCaption->text());
}

void TokenEntry::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        captionCards();
    }
    QWidget::changeEvent(event);
}

} // namespace hardtoken
