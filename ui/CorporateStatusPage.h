#pragma once

#include "ManualPage.h"

#include <QScopedPointer>

namespace Ui {
class CorporateStatusPage;
}

namespace hardtoken {

class RegistrationFlow;

// 契約法人ステータス: the corporation, its usage mode, its registered tokens and whether it is
// suspended; the [契約法人管理情報変更]-[利用者情報登録/変更] link leads into chapter 9.
class CorporateStatusPage final : public ManualPage {
    Q_OBJECT
public:
    explicit CorporateStatusPage(RegistrationFlow& flow, QWidget* parent = nullptr);
    ~CorporateStatusPage() override;

    void enter() override;

protected:
    void retranslate() override;

private:
    void refresh();

private:
    QScopedPointer<Ui::CorporateStatusPage> m_ui;
    RegistrationFlow& m_flow;
    Saying m_notice; // said when the page is entered next
};

} // namespace hardtoken
