#pragma once

#include "desk/Outcome.h"
#include "desk/StaffDesk.h"

#include <QDialog>

#include <functional>

#include <memory>

namespace Ui {
class StaffDialog;
}

namespace hardtoken {

class StaffListModel;
class Store;
struct Outcome;

// 管理 > 担当者の管理: the staff accounts; a 管理者 adds one (the new member types the password
// twice) or disables / enables one, each time signing in with a reason (StaffDesk).
class StaffDialog final : public QDialog {
    Q_OBJECT
public:
    explicit StaffDialog(Store& store, QWidget* parent = nullptr);
    ~StaffDialog() override;

    StaffListModel* model() const { return m_model; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void add();
    void actOnSelected(
        const std::function<Outcome(const StaffCredential&, const QString&)>& act, const QString& doneFormat);
    void setDisabled(bool disabled);
    // A login locked by wrong sign-ins, usable again: by another administrator (StaffDesk).
    void resetLock();
    void report(const Outcome& outcome, const QString& done);
    void retranslate();

    std::unique_ptr<Ui::StaffDialog> m_ui;
    Store& m_store;
    StaffListModel* m_model = nullptr;
};

} // namespace hardtoken
