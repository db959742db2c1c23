#pragma once

#include "ManualPage.h"

#include <QScopedPointer>

namespace Ui {
class UsageModeConfirmPage;
}

namespace hardtoken {

class RegistrationFlow;
class PinInput;

// カード型ハードトークン利用形態設定確認 (manual 9.1 step 3): the two modes, the two ⚠️
// warnings, the 契約法人確認暗証番号 with its ソフトウェアキーボード, キャンセル / OK.
class UsageModeConfirmPage final : public ManualPage {
    Q_OBJECT
public:
    explicit UsageModeConfirmPage(RegistrationFlow& flow, QWidget* parent = nullptr);
    ~UsageModeConfirmPage() override;

    void enter() override;
    PinInput* pinInput() const;

protected:
    void retranslate() override;

private:
    void confirm();
    void updateCurrentWarning();

    QScopedPointer<Ui::UsageModeConfirmPage> m_ui;
    RegistrationFlow& m_flow;
};

} // namespace hardtoken
