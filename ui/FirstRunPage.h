#pragma once

#include "ManualPage.h"

#include <memory>

namespace Ui {
class FirstRunPage;
}

namespace hardtoken {

class Store;

// What a production store with no corporation opens on: the steps that prepare it (the first
// 管理者, the bank's roster, the vendor's tokens), each marked done as the store says, and a
// button that checks again once they were done with hardtoken-cli.
class FirstRunPage final : public ManualPage {
    Q_OBJECT
public:
    explicit FirstRunPage(const Store& store, QWidget* parent = nullptr);
    ~FirstRunPage() override;

    void enter() override;
    // True when the store has an administrator and a corporation: the console can leave this page
    // (for 担当者のサインイン).
    bool ready() const;

Q_SIGNALS:
    void readyToStart();

protected:
    void retranslate() override;

private:
    void check();
    void showSteps();

    std::unique_ptr<Ui::FirstRunPage> m_ui;
    const Store& m_store;
};

} // namespace hardtoken
