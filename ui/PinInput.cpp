#include "PinInput.h"

#include "Accessibility.h"

#include "SoftwareKeyboard.h"
#include "core/Validation.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace hardtoken {

PinInput::PinInput(QWidget* parent)
    : QWidget(parent)
{
    installAccessibleInterfaces(); // the group is never "focused" besides its field
    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_caption = new QLabel(this);
    m_caption->setObjectName(QStringLiteral("pinCaption"));
    m_caption->setProperty("role", QStringLiteral("fieldCaption"));
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(QStringLiteral("pinEdit"));
    m_edit->setEchoMode(QLineEdit::Password);
    m_edit->setMaxLength(Validation::PinMaxLength);
    m_edit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_edit->setMinimumWidth(180);
    m_caption->setBuddy(m_edit);
    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("pinHint"));
    m_hint->setProperty("role", QStringLiteral("hint"));
    m_keyboardButton = new QPushButton(this);
    m_keyboardButton->setObjectName(QStringLiteral("softwareKeyboardButton"));
    m_keyboardButton->setProperty("role", QStringLiteral("secondary"));
    m_keyboardButton->setAutoDefault(false);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("pinError"));
    m_error->setProperty("role", QStringLiteral("fieldError"));
    m_error->setWordWrap(true);
    m_error->hide();
    layout->addWidget(m_caption, 0, 0);
    layout->addWidget(m_edit, 0, 1);
    layout->addWidget(m_hint, 0, 2);
    layout->addWidget(m_keyboardButton, 0, 3);
    layout->addWidget(m_error, 1, 1, 1, 3);
    layout->setColumnStretch(4, 1);
    setFocusProxy(m_edit);
    setTabOrder(m_edit, m_keyboardButton);

    m_keyboard = new SoftwareKeyboard(this);
    connect(m_keyboardButton, &QPushButton::clicked, this, &PinInput::openKeyboard);
    connect(m_keyboard, &SoftwareKeyboard::characterTyped, this, [this](QChar c) {
        if (m_edit->text().size() < m_edit->maxLength())
            m_edit->insert(QString(c));
        m_keyboard->setTypedLength(static_cast<int>(m_edit->text().size()));
    });
    connect(m_keyboard, &SoftwareKeyboard::backspacePressed, this, [this] {
        m_edit->backspace();
        m_keyboard->setTypedLength(static_cast<int>(m_edit->text().size()));
    });
    connect(m_keyboard, &SoftwareKeyboard::clearPressed, this, [this] {
        m_edit->clear();
        m_keyboard->setTypedLength(0);
    });
    connect(m_edit, &QLineEdit::textEdited, this, [this] { clearError(); });
    retranslate();
}

QString PinInput::text() const
{
    return m_edit->text();
}

void PinInput::clear()
{
    m_edit->clear();
    clearError();
}

void PinInput::showError(const QString& message)
{
    m_error->setText(message);
    m_error->show();
    // The field the focus goes into carries its message, as the serial and OTP fields do: what a
    // screen reader reads after the field's name.
    markInvalid(m_edit, message);
    m_edit->setFocus(Qt::OtherFocusReason);
    m_edit->selectAll();
}

void PinInput::clearError()
{
    m_error->clear();
    m_error->hide();
    markInvalid(m_edit, {});
}

void PinInput::openKeyboard()
{
    m_edit->setCursorPosition(static_cast<int>(m_edit->text().size()));
    m_keyboard->setTypedLength(static_cast<int>(m_edit->text().size()));
    m_keyboard->shuffle();
    m_keyboard->open();
}

void PinInput::setCaptionText(const QString& caption)
{
    m_captionOverride = caption;
    retranslate();
}

void PinInput::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void PinInput::retranslate()
{
    const QString caption = m_captionOverride.isEmpty() ? tr("契約法人確認暗証番号") : m_captionOverride;
    m_caption->setText(caption);
    m_edit->setAccessibleName(caption);
    m_hint->setText(tr("(%1)").arg(Validation::hint(InputField::Pin)));
    m_keyboardButton->setText(tr("ソフトウェアキーボード"));
    m_keyboardButton->setAccessibleDescription(tr("ソフトウェアキーボードを開いて入力します"));
}

} // namespace hardtoken
