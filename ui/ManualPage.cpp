#include "ManualPage.h"

#include "PinInput.h"
#include "RegistrationService.h"

#include <QAbstractButton>
#include <QEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>

namespace hardtoken {

ManualPage::ManualPage(QWidget* parent)
    : QWidget(parent)
{
}

void ManualPage::initPage(QAbstractButton* primary, QAbstractButton* cancel)
{
    m_primary = primary;
    m_cancel = cancel;
    m_message = findChild<QLabel*>(QStringLiteral("messageLabel"));
    m_screenId = findChild<QLabel*>(QStringLiteral("screenIdLabel"));
    if (auto* breadcrumb = findChild<QLabel*>(QStringLiteral("breadcrumbLabel")))
        connect(breadcrumb, &QLabel::linkActivated, this, [this] { Q_EMIT topRequested(); });
    setScreenId(m_screenIdText);
}

void ManualPage::setScreenId(const QString& id)
{
    m_screenIdText = id;
    if (m_screenId) {
        m_screenId->setText(id);
        m_screenId->setVisible(!id.isEmpty());
    }
}

void ManualPage::showMessage(const QString& text, MessageKind kind)
{
    if (!m_message)
        return;
    m_message->setProperty("role", kind == MessageKind::Error ? QStringLiteral("error") : QStringLiteral("info"));
    m_message->style()->unpolish(m_message);
    m_message->style()->polish(m_message);
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void ManualPage::clearMessages()
{
    showMessage({});
    for (const QPointer<QLabel>& label : std::as_const(m_fieldErrors)) {
        if (label) {
            label->clear();
            label->hide();
        }
    }
    m_fieldErrors.clear();
}

void ManualPage::showFieldError(QWidget* field, QLabel* errorLabel, const QString& text)
{
    showMessage(text);
    if (errorLabel) {
        errorLabel->setText(text);
        errorLabel->show();
        m_fieldErrors.append(errorLabel);
    }
    if (field) {
        field->setFocus(Qt::OtherFocusReason);
        field->setProperty("invalid", true);
    }
}

void ManualPage::showOutcome(const Outcome& o, const OutcomeFields& f)
{
    clearMessages();
    if (f.pin)
        f.pin->clearError();
    switch (o.error) {
    case ServiceError::None:
        return;
    case ServiceError::InvalidInput:
        if (o.field == InputField::Pin && f.pin) {
            showMessage(o.message);
            f.pin->showError(o.message);
        } else if (o.field == InputField::Otp) {
            showFieldError(f.otp, f.otpError, o.message);
        } else {
            showFieldError(f.serial, f.serialError, o.message);
        }
        return;
    case ServiceError::NoUserChosen:
        showFieldError(f.user, f.userError, o.message);
        return;
    case ServiceError::ModeNotSet:
        showFieldError(nullptr, f.modeError, o.message);
        return;
    case ServiceError::WrongSerialOrOtp:
        // The OTP on the card is spent or wrong either way: a new one is needed (manual 9.2 ⚠️).
        if (auto* otp = qobject_cast<QLineEdit*>(f.otp))
            otp->clear();
        showFieldError(f.serial, nullptr, o.message);
        return;
    case ServiceError::SerialQueuedForOther:
    case ServiceError::SerialHeldByOther:
        showFieldError(f.serial, f.serialError, o.message);
        return;
    case ServiceError::WrongPin:
        showMessage(o.message);
        if (f.pin) {
            f.pin->clear();
            f.pin->showError(o.message);
        }
        return;
    default:
        showMessage(o.message);
        return;
    }
}

void ManualPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        setScreenId(m_screenIdText);
    }
    QWidget::changeEvent(event);
}

void ManualPage::keyPressEvent(QKeyEvent* event)
{
    const bool plain = event->modifiers() == Qt::NoModifier || event->modifiers() == Qt::KeypadModifier;
    if (plain && (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && m_primary
        && m_primary->isVisible() && m_primary->isEnabled()) {
        m_primary->click();
        return;
    }
    if (plain && event->key() == Qt::Key_Escape && m_cancel && m_cancel->isVisible() && m_cancel->isEnabled()) {
        m_cancel->click();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace hardtoken
