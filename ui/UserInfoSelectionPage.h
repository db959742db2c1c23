#pragma once

#include "ManualPage.h"

#include <QScopedPointer>

namespace Ui {
class UserInfoSelectionPage;
}

namespace hardtoken {

class RegistrationFlow;
class UserListModel;

// 利用者情報選択: the users with the token each holds (a filtered, sortable UserListModel), the
// usage mode with its 変更 button, and the 利用登録 button.
class UserInfoSelectionPage final : public ManualPage {
    Q_OBJECT
public:
    explicit UserInfoSelectionPage(RegistrationFlow& flow, QWidget* parent = nullptr);
    ~UserInfoSelectionPage() override;

    void enter() override;

protected:
    void retranslate() override;
    void hideEvent(QHideEvent* event) override;

private:
    void refresh();
    void showSummary();
    void showCount();

    QScopedPointer<Ui::UserInfoSelectionPage> m_ui;
    RegistrationFlow& m_flow;
    UserListModel* m_users = nullptr;
    Saying m_notice; // said when the page is entered next
};

} // namespace hardtoken
