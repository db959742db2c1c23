#pragma once

#include <QPointer>
#include <QWidget>

class QAbstractButton;
class QLabel;

namespace hardtoken {

struct Outcome;
class PinInput;

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

// What every manual screen shares: the breadcrumb (トップ link), the title band with the screen ID
// at its right, the message area at the top, errors next to fields, Enter = the screen's primary
// button (次へ / OK), Esc = キャンセル, and retranslation on a language change.
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
    void showMessage(const QString& text, MessageKind kind = MessageKind::Error);
    void clearMessages();
    // Shows the message at the top and next to the field, and puts the focus back in the field.
    void showFieldError(QWidget* field, QLabel* errorLabel, const QString& text);
    // Shows a refused action's message where it belongs (top, and next to the field at fault).
    void showOutcome(const Outcome& outcome, const OutcomeFields& fields);

Q_SIGNALS:
    void topRequested();

protected:
    // Call after setupUi(): finds the shared labels by objectName and wires them.
    void initPage(QAbstractButton* primary, QAbstractButton* cancel);
    virtual void retranslate() = 0;
    void changeEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    QPointer<QLabel> m_message;
    QPointer<QLabel> m_screenId;
    QPointer<QAbstractButton> m_primary;
    QPointer<QAbstractButton> m_cancel;
    QList<QPointer<QLabel>> m_fieldErrors;
    QString m_screenIdText;
};

} // namespace hardtoken
