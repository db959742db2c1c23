#pragma once

#include "desk/RegistrationFlow.h"

#include <QHash>
#include <QMainWindow>

class QActionGroup;
class QLabel;
class QMessageBox;
class QScrollArea;
class QStackedWidget;

namespace hardtoken {

class CorporationSelectionPage;
class DeskSession;
class DeskSignInPage;
class FirstRunPage;
class Language;
class ManualPage;
class StaffMenu;
class TrainingHost;

// Stacks one page per manual screen (each in a scroll area, so a long screen scrolls) and shows
// the one the flow is in; a page is built when its screen is first entered, so start-up builds one
// page and reads no user list. Menus: language, training reset, quit.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(RegistrationFlow& flow, Language& language, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens what the store calls for: the first-run page (no corporation yet), the manual's screens
    // (one corporation), or 契約法人の選択 (several). Call once, instead of flow.start().
    void begin();
    // 契約法人の選択 (menu, Ctrl+Shift+O): leaves the procedure as キャンセル does (the queue is dropped).
    void showCorporationSelection();
    CorporationSelectionPage* corporationSelection() const { return m_selection; }
    FirstRunPage* firstRun() const { return m_firstRun; }
    // Who is at the desk (a production store opens on 担当者のサインイン), its sign-in page, and
    // the timer that locks the desk after the store's idle minutes without a key or a click.
    DeskSession* deskSession() const { return m_session; }
    DeskSignInPage* signInPage() const { return m_signIn; }
    class QTimer* idleTimer() const { return m_idleTimer; }
    // サインアウト (ファイル menu), or the idle timer: the session ends, every dialog closes, the
    // procedure is left as キャンセル leaves it, and 担当者のサインイン is shown.
    void lockDesk(bool idle);
    QWidget* currentStaffPage() const;
    // The 管理 menu and the dialogs it opens.
    StaffMenu* staffMenu() const { return m_staffMenu; }

    // The screen's page, built the first time it is asked for (start-up builds only the first).
    ManualPage* page(RegistrationFlow::Screen screen);
    ManualPage* currentPage() const;
    QScrollArea* scrollArea(RegistrationFlow::Screen screen);
    // The トレーニング menu, the virtual cards and an exercise under way.
    TrainingHost* training() const { return m_training; }
    // The store's connection and the banner shown above every screen while it is lost.
    class StoreLink* storeLink() const { return m_link; }
    class ConnectionBanner* connectionBanner() const { return m_connectionBanner; }
    // ファイル > 設定 (window-modal, not blocking).
    class SettingsDialog* openSettings();
    // ヘルプ > このコンソールについて.
    QMessageBox* showAbout();
    // The largest width the screens' content takes: wider windows centre it (labels and their
    // buttons stay together on a 1920-pixel screen).
    static constexpr int ContentMaxWidth = 1180;
    // A size that fits the screen the window is on (90 % of it, at most 1280×960, at least what the
    // screens need), for a first start with no remembered geometry.
    void fitToScreen();

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void addPage(RegistrationFlow::Screen screen, ManualPage* page);
    ManualPage* createPage(RegistrationFlow::Screen screen);
    QScrollArea* wrap(ManualPage* page);
    void showStaffPage(ManualPage* page);
    void openCorporation(const QString& code);
    void startFlow();
    void updateCorporationMenu();
    void afterStaffAct(const QString& act, const QString& result, bool good);
    void afterImport();
    void showScreen(RegistrationFlow::Screen screen);
    void afterStoreReplaced();
    void retranslate();
    void setUpDeskSession();
    // A production desk nobody is signed in to: no corporation is opened.
    bool deskLocked() const;
    void sayNoTokens(ManualPage* page);
    void focusFirstControl(QWidget* page);
    void showSignIn(bool idle);
    void afterSignIn();

    RegistrationFlow& m_flow;
    Language& m_language;
    QStackedWidget* m_stack = nullptr;
    QHash<RegistrationFlow::Screen, ManualPage*> m_pages;
    QHash<RegistrationFlow::Screen, QScrollArea*> m_areas;
    QMenu* m_fileMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_languageMenu = nullptr;
    QMenu* m_helpMenu = nullptr;
    QAction* m_aboutAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_settingsAction = nullptr;
    QAction* m_selectCorporationAction = nullptr;
    StaffMenu* m_staffMenu = nullptr;
    TrainingHost* m_training = nullptr;
    CorporationSelectionPage* m_selection = nullptr;
    FirstRunPage* m_firstRun = nullptr;
    DeskSession* m_session = nullptr;
    DeskSignInPage* m_signIn = nullptr;
    class QTimer* m_idleTimer = nullptr;
    QAction* m_signOutAction = nullptr;
    QLabel* m_staffLabel = nullptr;
    bool m_flowStarted = false;
    bool m_sayNoTokens = false; // the next page shown says that no token is in the store yet
    bool m_staffPageShown = false; // 契約法人の選択 or the first-run page is in front of the flow
    QAction* m_japaneseAction = nullptr;
    QAction* m_englishAction = nullptr;
    QLabel* m_storeLabel = nullptr;
    class StoreLink* m_link = nullptr;
    class ConnectionBanner* m_connectionBanner = nullptr;
};

} // namespace hardtoken
