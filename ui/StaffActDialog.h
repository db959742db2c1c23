#pragma once

#include "desk/RegistrationService.h"

#include "desk/StaffDesk.h"

#include <QDialog>

#include <optional>

#include <memory>

namespace Ui {
class StaffActDialog;
}

namespace hardtoken {

class PinInput;
class Store;

// One act of the 管理 menu: the staff member signs in for it and gives the reason; for
// 契約法人確認暗証番号の設定 the customer types the new PIN twice on the software keyboard. The act
// runs on OK; a refusal is shown in the dialog (nothing typed by the customer is kept), success
// closes it with accept() and result() says what was done.
class StaffActDialog final : public QDialog {
    Q_OBJECT
public:
    enum class Act { SetPin, ResetCounters, Unlock, CheckCard };

    StaffActDialog(Store& store, qint64 corporationId, Act act, QWidget* parent = nullptr);
    ~StaffActDialog() override;

    // What was done, for the window's status bar and the confirmation box.
    QString resultText() const { return m_result; }
    // CheckCard: whether the card worked (the result box is a warning when it did not).
    bool resultIsGood() const { return m_good; }
    PinInput* pinInput(int which) const { return which == 0 ? m_pin : m_repeat; }
    // Within a desk session: the signed-in member acts without typing the password again (the
    // login is shown, the password row hidden). The desk's acts are every staff member's (none is
    // an administrator's alone).
    void useSession(const StaffCredential& staff);

protected:
    void changeEvent(QEvent* event) override;

private:
    void run();
    void retranslate();
    void showError(const QString& message);

    std::unique_ptr<Ui::StaffActDialog> m_ui;
    Store& m_store;
    qint64 m_corporationId;
    Act m_act;
    PinInput* m_pin = nullptr;
    PinInput* m_repeat = nullptr;
    QString m_result;
    bool m_good = true;
    std::optional<StaffCredential> m_session;
};

} // namespace hardtoken
