#pragma once

#include "ManualPage.h"

#include <memory>

namespace Ui {
class DeskSignInPage;
}

namespace hardtoken {

class DeskSession;

// 担当者のサインイン: what a production store opens on, and what the desk shows when it locks
// (idle, or サインアウト). The staff member's ID and password start a DeskSession; a wrong one is
// answered as every sign-in is (counted, the login locked at the limit). Nothing typed survives:
// the password field is cleared after every try and whenever the page is shown.
class DeskSignInPage final : public ManualPage {
    Q_OBJECT
public:
    explicit DeskSignInPage(DeskSession& session, QWidget* parent = nullptr);
    ~DeskSignInPage() override;

    void enter() override;
    // Shown because the desk locked after the idle time (says so above the form).
    void setLockedForIdle(bool locked);

protected:
    void retranslate() override;

private:
    void signIn();

    std::unique_ptr<Ui::DeskSignInPage> m_ui;
    DeskSession& m_session;
};

} // namespace hardtoken
