#include "StaffMenu.h"

#include "desk/DeskSession.h"

#include "AuditViewerDialog.h"
#include "StaffDialog.h"
#include "desk/RegistrationService.h"
#include "store/Store.h"

#include <QMenu>
#include <QMenuBar>

namespace hardtoken {

StaffMenu::StaffMenu(RegistrationService& service, QMenuBar* bar, QWidget* window)
    : QObject(window)
    , m_service(service)
    , m_window(window)
    , m_menu(bar->addMenu(QString()))
{
    m_menu->setObjectName(QStringLiteral("adminMenu"));
    const auto add = [this](const char* name, auto open) {
        QAction* a = m_menu->addAction(QString(), this, open);
        a->setObjectName(QLatin1String(name));
        return a;
    };
    using Act = StaffActDialog::Act;
    m_setPinAction = add("setPinAction", [this] { openStaffAct(Act::SetPin); });
    m_resetCountersAction = add("resetCountersAction", [this] { openStaffAct(Act::ResetCounters); });
    m_unlockAction = add("unlockAction", [this] { openStaffAct(Act::Unlock); });
    m_checkCardAction = add("checkCardAction", [this] { openStaffAct(Act::CheckCard); });
    m_menu->addSeparator();
    m_importRosterAction = add("importRosterAction", [this] { openImport(ImportDialog::Kind::Roster); });
    m_importTokensAction = add("importTokensAction", [this] { openImport(ImportDialog::Kind::Tokens); });
    m_menu->addSeparator();
    m_staffAccountsAction = add("staffAccountsAction", [this] { openStaffAccounts(); });
    m_auditAction = add("auditAction", [this] { openAuditViewer(); });
    // A desk with no key (--desk): every act of the menu goes to the server's functions — within
    // the desk's session, or (担当者の管理) signed in on the server as the administrator who acts.
}

bool StaffMenu::serving() const
{
    return !m_staffPageShown && m_service.corporationId() != 0;
}

void StaffMenu::setStaffPageShown(bool shown)
{
    m_staffPageShown = shown;
    for (QAction* a : { m_setPinAction, m_resetCountersAction, m_unlockAction })
        a->setEnabled(serving());
}

StaffActDialog* StaffMenu::openStaffAct(StaffActDialog::Act act)
{
    // The desk's acts are for the corporation being served; カードの確認 is for any card.
    if (act != StaffActDialog::Act::CheckCard && !serving())
        return nullptr;
    auto* dialog = new StaffActDialog(m_service.store(), m_service.corporationId(), act, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_session && m_session->isSignedIn())
        dialog->useSession(m_session->credential());
    connect(dialog, &QDialog::accepted, this,
        [this, dialog] { Q_EMIT staffActDone(dialog->windowTitle(), dialog->resultText(), dialog->resultIsGood()); });
    dialog->open();
    return dialog;
}

ImportDialog* StaffMenu::openImport(ImportDialog::Kind kind)
{
    auto* dialog = new ImportDialog(m_service.store(), kind, m_window);
    // At a desk with no key the import runs in the desk's session on the server (the console's
    // own rules ask for the importer's password with each file, as they always have).
    if (m_service.store().isDesk() && m_session && m_session->isSignedIn())
        dialog->useSession(m_session->credential());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportDialog::imported, this, &StaffMenu::imported);
    dialog->open();
    return dialog;
}

StaffDialog* StaffMenu::openStaffAccounts()
{
    auto* dialog = new StaffDialog(m_service.store(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

AuditViewerDialog* StaffMenu::openAuditViewer()
{
    auto* dialog = new AuditViewerDialog(m_service.store(), m_window);
    if (m_service.store().isDesk() && m_session && m_session->isSignedIn())
        dialog->useSession(m_session->credential());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

void StaffMenu::retranslate()
{
    m_menu->setTitle(tr("管理(&A)"));
    m_setPinAction->setText(tr("契約法人確認暗証番号の設定(&P)..."));
    m_resetCountersAction->setText(tr("誤入力回数のリセット(&C)..."));
    m_unlockAction->setText(tr("利用中止の解除(&U)..."));
    m_auditAction->setText(tr("監査ログ(&L)..."));
    m_checkCardAction->setText(tr("カードの確認(&K)..."));
    m_importRosterAction->setText(tr("名簿の取り込み(&R)..."));
    m_importTokensAction->setText(tr("トークンの取り込み(&T)..."));
    m_staffAccountsAction->setText(tr("担当者の管理(&M)..."));
}

} // namespace hardtoken
