#pragma once

#include "ImportDialog.h"
#include "StaffActDialog.h"

#include <QObject>

class QAction;
class QMenu;
class QMenuBar;
class QWidget;

namespace hardtoken {

class AuditViewerDialog;
class RegistrationService;
class StaffDialog;
class DeskSession;

// The 管理 menu: the desk's acts (契約法人確認暗証番号の設定, 誤入力回数のリセット, 利用中止の解除),
// カードの確認, the imports, 担当者の管理 and the 監査ログ, each a window-modal dialog over
// `window` that does not block. What an act changes is the window's to show (the signals).
class StaffMenu final : public QObject {
    Q_OBJECT
public:
    StaffMenu(RegistrationService& service, QMenuBar* bar, QWidget* window);

    // nullptr without a corporation being served (カードの確認 is for any card).
    // The desk's session: its member does the desk's acts without typing the password again.
    void setDeskSession(DeskSession* session) { m_session = session; }
    StaffActDialog* openStaffAct(StaffActDialog::Act act);
    ImportDialog* openImport(ImportDialog::Kind kind);
    StaffDialog* openStaffAccounts();
    AuditViewerDialog* openAuditViewer();

    // The desk's acts are for the corporation being served: off while none is, or while
    // 契約法人の選択 or the first-run page is in front of the screens (`shown`).
    void setStaffPageShown(bool shown);
    void retranslate();

Q_SIGNALS:
    // A staff act went through (or was refused with `good` false): its sentence.
    // `act`: the act's name (the dialog's title), the title of the box that shows the result.
    void staffActDone(const QString& act, const QString& result, bool good);
    // New corporations, users or tokens.
    void imported();

private:
    RegistrationService& m_service;
    QWidget* m_window;
    DeskSession* m_session = nullptr;
    bool serving() const;

    bool m_staffPageShown = false;
    QMenu* m_menu = nullptr;
    QAction* m_setPinAction = nullptr;
    QAction* m_resetCountersAction = nullptr;
    QAction* m_unlockAction = nullptr;
    QAction* m_checkCardAction = nullptr;
    QAction* m_importRosterAction = nullptr;
    QAction* m_importTokensAction = nullptr;
    QAction* m_staffAccountsAction = nullptr;
    QAction* m_auditAction = nullptr;
};

} // namespace hardtoken
