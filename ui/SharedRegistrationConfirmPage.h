#pragma once

#include "ManualPage.h"

#include <QScopedPointer>

namespace Ui {
class SharedRegistrationConfirmPage;
}

namespace hardtoken {

class RegistrationFlow;
class PinInput;

// カード型ハードトークン利用登録確認 when all users share one token (manual 9.2.1 step 4).
class SharedRegistrationConfirmPage final : public ManualPage {
    Q_OBJECT
public:
    explicit SharedRegistrationConfirmPage(RegistrationFlow& flow, QWidget* parent = nullptr);
    ~SharedRegistrationConfirmPage() override;

    void enter() override;
    PinInput* pinInput() const;

protected:
    void retranslate() override;

private:
    void refresh();

    QScopedPointer<Ui::SharedRegistrationConfirmPage> m_ui;
    RegistrationFlow& m_flow;
};

} // namespace hardtoken
