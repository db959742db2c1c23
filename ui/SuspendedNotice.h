#pragma once

#include "ManualPage.h"

#include <QScopedPointer>

namespace Ui {
class SuspendedNotice;
}

namespace hardtoken {

class RegistrationFlow;

// 利用中止: the system is suspended, whom to contact, and — for the help desk the manual refers
// to — the unlock with the staff member's own credential.
class SuspendedNotice final : public ManualPage {
    Q_OBJECT
public:
    explicit SuspendedNotice(RegistrationFlow& flow, QWidget* parent = nullptr);
    ~SuspendedNotice() override;

    void enter() override;

protected:
    void retranslate() override;

private:
    void refresh();
    void announce();
    void nameNotice();
    void unlock();

    QScopedPointer<Ui::SuspendedNotice> m_ui;
    RegistrationFlow& m_flow;
};

} // namespace hardtoken
