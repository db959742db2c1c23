#include "ManualPage.h"

#include "Accessibility.h"
#include "PinInput.h"
#include "desk/RegistrationService.h"

#include "MessageBanner.h"
#include "PageHeader.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
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

void ManualPage::initPage(PageHeader* header, QAbstractButton* primary, QAbstractButton* cancel)
{
    Q_ASSERT(header);
    m_header = header;
    m_primary = primary;
    m_cancel = cancel;
    connect(m_header, &PageHeader::topRequested, this, &ManualPage::topRequested);
    setScreenId(m_screenIdText);
}

void ManualPage::setScreenId(const QString& id)
{
    m_screenIdText = id;
    if (m_header)
        m_header->setScreenId(id);
}

void ManualPage::say(const QString& text, MessageKind kind)
{
    if (m_header) {
        m_header->banner()->showMessage(
            text, kind == MessageKind::Error ? MessageBanner::Kind::Error : MessageBanner::Kind::Info);
    }
}

void ManualPage::showMessage(const QString& text, MessageKind kind)
{
    m_outcome.reset();
    m_saying = {};
    say(text, kind);
}

void ManualPage::showMessage(const Saying& message, MessageKind kind)
{
    m_outcome.reset();
    m_saying = message;
    m_sayingKind = kind;
    say(message(), kind);
}

void ManualPage::clearMessages()
{
    m_outcome.reset();
    m_saying = {};
    clearShown();
}

// Takes away what is shown (banner, field errors, red frames) and keeps what to say again.
void ManualPage::clearShown()
{
    say({}, MessageKind::Error);
    for (const QPointer<QLabel>& label : std::as_const(m_fieldErrors)) {
        if (label) {
            label->clear();
            label->hide();
        }
    }
    m_fieldErrors.clear();
    for (const QPointer<QWidget>& field : std::as_const(m_invalidFields)) {
        if (field)
            markInvalid(field, {});
    }
    m_invalidFields.clear();
}

void ManualPage::showFieldError(QWidget* field, QLabel* errorLabel, const QString& text)
{
    m_outcome.reset();
    m_saying = {};
    say(text, MessageKind::Error);
    markField(field, errorLabel, text, true);
}

void ManualPage::markField(QWidget* field, QLabel* errorLabel, const QString& text, bool moveFocus)
{
    if (errorLabel) {
        errorLabel->setText(text);
        errorLabel->show();
        m_fieldErrors.append(errorLabel);
    }
    if (field) {
        // What a screen reader says on reaching the field again: its name, then what is wrong.
        markInvalid(field, text);
        m_invalidFields.append(field);
        if (moveFocus)
            field->setFocus(Qt::OtherFocusReason);
    }
}

void ManualPage::showOutcome(const Outcome& o, const OutcomeFields& f)
{
    clearMessages();
    if (f.pin)
        f.pin->clearError();
    // What a refusal does besides saying it: the spent OTP, the wrong PIN are emptied.
    if (o.error == ServiceError::WrongSerialOrOtp) {
        // The OTP on the card is spent or wrong either way: a new one is needed (manual 9.2 ⚠️).
        if (auto* otp = qobject_cast<QLineEdit*>(f.otp))
            otp->clear();
    } else if (o.error == ServiceError::WrongPin && f.pin) {
        f.pin->clear();
    }
    present(o, f, true);
    if (!o.ok()) {
        m_outcome = o;
        m_outcomeFields = f;
    }
}

void ManualPage::present(const Outcome& o, const OutcomeFields& f, bool moveFocus)
{
    switch (o.error) {
    case ServiceError::None:
        return;
    case ServiceError::InvalidInput:
        say(o.message, MessageKind::Error);
        if (o.field == InputField::Pin && f.pin)
            f.pin->showError(o.message);
        else if (o.field == InputField::Otp)
            markField(f.otp, f.otpError, o.message, moveFocus);
        else
            markField(f.serial, f.serialError, o.message, moveFocus);
        return;
    case ServiceError::NoUserChosen:
        say(o.message, MessageKind::Error);
        markField(f.user, f.userError, o.message, moveFocus);
        return;
    case ServiceError::ModeNotSet:
        say(o.message, MessageKind::Error);
        markField(nullptr, f.modeError, o.message, moveFocus);
        return;
    case ServiceError::WrongSerialOrOtp:
        say(o.message, MessageKind::Error);
        markField(f.serial, nullptr, o.message, moveFocus);
        return;
    case ServiceError::SerialQueuedForOther:
    case ServiceError::SerialHeldByOther:
        say(o.message, MessageKind::Error);
        markField(f.serial, f.serialError, o.message, moveFocus);
        return;
    case ServiceError::WrongPin:
        say(o.message, MessageKind::Error);
        if (f.pin)
            f.pin->showError(o.message);
        return;
    default:
        say(o.message, MessageKind::Error);
        return;
    }
}

// After a language change: what is shown, in the new language. A text known only once (a
// database's own error) stays as it was said.
void ManualPage::sayAgain()
{
    if (m_outcome && m_outcome->retell) {
        m_outcome->message = m_outcome->retell();
        clearShown();
        if (m_outcomeFields.pin)
            m_outcomeFields.pin->clearError();
        present(*m_outcome, m_outcomeFields, false);
    } else if (m_saying) {
        say(m_saying(), m_sayingKind);
    }
}

void ManualPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        setScreenId(m_screenIdText);
        sayAgain();
    }
    QWidget::changeEvent(event);
}

void ManualPage::keyPressEvent(QKeyEvent* event)
{
    const bool plain = event->modifiers() == Qt::NoModifier || event->modifiers() == Qt::KeypadModifier;
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (plain && enter) {
        QWidget* focus = QApplication::focusWidget();
        // Return in a table belongs to the table (it chose or ticked the row): it must not also
        // send the screen on with 次へ / OK.
        if (qobject_cast<QAbstractItemView*>(focus)) {
            event->accept();
            return;
        }
        // Return on a focused button presses that button (キャンセル, 追加, 削除 …), not 次へ.
        if (auto* button = qobject_cast<QAbstractButton*>(focus);
            button && button != m_primary && isAncestorOf(button)) {
            if (button->isEnabled())
                button->animateClick();
            event->accept();
            return;
        }
        if (m_primary && m_primary->isVisible() && m_primary->isEnabled()) {
            m_primary->click();
            return;
        }
    }
    if (plain && event->key() == Qt::Key_Escape && m_cancel && m_cancel->isVisible() && m_cancel->isEnabled()) {
        m_cancel->click();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace hardtoken
