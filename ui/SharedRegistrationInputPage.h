#pragma once

#include "ManualPage.h"

#include <QScopedPointer>

namespace Ui {
class SharedRegistrationInputPage;
}

namespace hardtoken {

class RegistrationFlow;

// カード型ハードトークン利用登録入力 when all users share one token (manual 9.2.1 step 3).
class SharedRegistrationInputPage final : public ManualPage {
    Q_OBJECT
public:
    explicit SharedRegistrationInputPage(RegistrationFlow& flow, QWidget* parent = nullptr);
    ~SharedRegistrationInputPage() override;

    void enter() override;

protected:
    void retranslate() override;

private:
    void next();

    QScopedPointer<Ui::SharedRegistrationInputPage> m_ui;
    RegistrationFlow& m_flow;
};

} // namespace hardtoken
