#pragma once

#include "desk/StaffDesk.h"

#include <QDialog>

#include <functional>
#include <memory>
#include <optional>

namespace Ui {
class AuditViewerDialog;
}

namespace hardtoken {

class AuditLogModel;
class Store;

// 監査ログ (管理 menu): the log filtered by corporation, user, serial, action, staff and days, newest
// first; the rows shown are exported as CSV for an auditor by a signed-in staff member, after the
// log has been verified.
class AuditViewerDialog final : public QDialog {
    Q_OBJECT
public:
    explicit AuditViewerDialog(Store& store, QWidget* parent = nullptr);
    ~AuditViewerDialog() override;

    AuditLogModel* model() const { return m_model; }
    // Where the CSV goes; by default a save dialog asks (tests set a fixed path).
    void setPathChooser(std::function<QString()> chooser) { m_choosePath = std::move(chooser); }
    // The desk's session: the export goes in the signed-in staff member's name (no password asked
    // again); at a desk with no key the server records it in that session.
    void useSession(const StaffCredential& staff);

protected:
    void changeEvent(QEvent* event) override;

private:
    void search();
    void exportCsv();
    void showMessage(const QString& text, bool error);

    std::unique_ptr<Ui::AuditViewerDialog> m_ui;
    Store& m_store;
    AuditLogModel* m_model = nullptr;
    std::function<QString()> m_choosePath;
    std::optional<StaffCredential> m_session;
};

} // namespace hardtoken
