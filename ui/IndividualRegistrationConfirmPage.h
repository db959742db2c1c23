#pragma once

#include "ManualPage.h"

#include <QScopedPointer>

namespace Ui {
class IndividualRegistrationConfirmPage;
}

namespace hardtoken {

class RegistrationFlow;
class RegistrationListModel;
class PinInput;

// カード型ハードトークン利用登録確認 (CIBMHUS33, manual 9.2.2 step 4): ① 追加, the
// 利用登録情報の一覧 with ② 削除 above and below it (both act the same), the PIN, キャンセル / OK
// and ▲ ページ上部へ.
class IndividualRegistrationConfirmPage final : public ManualPage {
    Q_OBJECT
public:
    static constexpr auto ScreenId = "CIBMHUS33";

    explicit IndividualRegistrationConfirmPage(RegistrationFlow& flow, QWidget* parent = nullptr);
    ~IndividualRegistrationConfirmPage() override;

    void enter() override;
    RegistrationListModel* listModel() const { return m_model; }
    PinInput* pinInput() const;

protected:
    void retranslate() override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void removeChecked();
    void updateEmptyState();
    void scrollToTop();

    QScopedPointer<Ui::IndividualRegistrationConfirmPage> m_ui;
    RegistrationFlow& m_flow;
    RegistrationListModel* m_model = nullptr;
};

} // namespace hardtoken
