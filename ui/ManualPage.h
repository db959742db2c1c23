#pragma once

#include "desk/RegistrationService.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QAbstractButton;
class QLabel;

namespace hardtoken {

class PinInput;
class PageHeader;

// The fields a refused action can point at, for showOutcome().
struct OutcomeFields {
    QWidget* serial = nullptr;
    QLabel* serialError = nullptr;
    QWidget* otp = nullptr;
    QLabel* otpError = nullptr;
    PinInput* pin = nullptr;
    QWidget* user = nullptr;
    QLabel* userError = nullptr;
    QLabel* modeError = nullptr;
};

// What every manual screen shares: the PageHeader (breadcrumb with the トップ link, the title band
// with the screen ID at its right, the message banner), errors next to fields (the field's
// accessible description carries its error), Enter = the screen's primary button (次へ / OK)
// unless the focus is on another button (pressed instead) or in a table (the table's own key),
// Esc = キャンセル, and retranslation on a language change.
class ManualPage : public QWidget {
    Q_OBJECT
public:
    explicit ManualPage(QWidget* parent = nullptr);

    // The flow entered this page's screen: refresh what it shows, clear what was typed.
    virtual void enter() { }

    // Screen IDs are the bank's configuration data (CIBMHUS33 is the only one the manual shows).
    void setScreenId(const QString& id);
    QString screenId() const { return m_screenIdText; }

    enum class MessageKind { Error, Info };
    // A message at the top. Given as a Saying, it is said again in the new language when the
    // language changes while it is shown; as a text, it stays as it is.
    void showMessage(const QString& text, MessageKind kind = MessageKind::Error);
    void showMessage(const Saying& say, MessageKind kind = MessageKind::Error);
    void clearMessages();
    // Shows the message at the top and next to the field, and puts the focus back in the field.
    void showFieldError(QWidget* field, QLabel* errorLabel, const QString& text);
    // Shows a refused action's message where it belongs (top, and next to the field at fault);
    // after a language change it is shown again in the new language (Outcome::retell), without
    // moving the focus or touching what was typed.
    void showOutcome(const Outcome& outcome, const OutcomeFields& fields);

Q_SIGNALS:
    void topRequested();

protected:
    // Call after setupUi() with the form's header and its primary and cancel buttons (either may
    // be null: a screen without one).
    void initPage(PageHeader* header, QAbstractButton* primary, QAbstractButton* cancel);
    PageHeader* header() const { return m_header; }
    virtual void retranslate() = 0;
    void changeEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void say(const QString& text, MessageKind kind);
    void clearShown();
    void present(const Outcome& outcome, const OutcomeFields& fields, bool moveFocus);
    void markField(QWidget* field, QLabel* errorLabel, const QString& text, bool moveFocus);
    void sayAgain();

    PageHeader* m_header = nullptr;
    // What is shown, to be said again after a language change.
    std::optional<Outcome> m_outcome;
    OutcomeFields m_outcomeFields;
    Saying m_saying;
    MessageKind m_sayingKind = MessageKind::Error;
    QPointer<QAbstractButton> m_primary;
    QPointer<QAbstractButton> m_cancel;
    QList<QPointer<QLabel>> m_fieldErrors;
    QList<QPointer<QWidget>> m_invalidFields;
    QString m_screenIdText;
};

} // namespace hardtoken
