#include "ManualPage.h"

#include "Accessibility.h"
#include "PinInput.h"
#include "RegistrationService.h"

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

void ManualPage::showMessage(const QString& text, MessageKind kind)
{
    if (m_header) {
        m_header->banner()->showMessage(
            text, kind == MessageKind::Error ? MessageBanner::Kind::Error : MessageBanner::Kind::Info);
    }
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
    for (const QPointer<QWidget>& field : std::as_const(m_invalidFields)) {
        if (field)
            markInvalid(field, {});
    }
    m_invalidFields.clear();
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
        // What a screen reader says on reaching the field again: its name, then what is wrong
        // (Qt 6.4 has no described-by relation; the description is what the bridges read).
        markInvalid(field, text);
        m_invalidFields.append(field);
        field->setFocus(Qt::OtherFocusReason);
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
