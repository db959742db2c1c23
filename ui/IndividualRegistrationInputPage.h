#pragma once

#include "ManualPage.h"

#include <QScopedPointer>

namespace Ui {
class IndividualRegistrationInputPage;
}

namespace hardtoken {

class RegistrationFlow;
class UserSelectionModel;

// カード型ハードトークン利用登録入力 when each user has a token (manual 9.2.2 step 3): the
// 利用者の選択 table, serial and OTP, and 入力完了 once the screen was reached through 追加.
class IndividualRegistrationInputPage final : public ManualPage {
    Q_OBJECT
public:
    explicit IndividualRegistrationInputPage(RegistrationFlow& flow, QWidget* parent = nullptr);
    ~IndividualRegistrationInputPage() override;

    void enter() override;
    UserSelectionModel* userModel() const { return m_model; }

protected:
    void retranslate() override;
    void hideEvent(QHideEvent* event) override;

private:
    void next();

    QScopedPointer<Ui::IndividualRegistrationInputPage> m_ui;
    RegistrationFlow& m_flow;
    UserSelectionModel* m_model = nullptr;
};

} // namespace hardtoken
