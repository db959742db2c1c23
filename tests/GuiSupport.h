#pragma once

#include "TestSupport.h"

#include "Language.h"
#include "MainWindow.h"
#include "ManualPage.h"
#include "PinInput.h"
#include "SoftwareKeyboard.h"
#include "StaffMenu.h"
#include "StepDriver.h"
#include "Style.h"
#include "TrainingHost.h"
#include "desk/ManualSteps.h"
#include "desk/RegistrationFlow.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

namespace hardtoken::test {

// The desktop's settings (window places, language, 設定) go to a folder of this run, never to the
// user's: a place remembered by one run must not move the next run's windows.
inline void isolateSettings()
{
    static QTemporaryDir dir;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.path());
}
Q_COREAPP_STARTUP_FUNCTION(isolateSettings)

// Types `text` into a PIN field with its software keyboard, as a customer does: opens it, clicks
// the keys (switching case when needed), closes it.
inline bool typeWithKeyboard(PinInput* input, const QString& text)
{
    if (!input)
        return false;
    auto* button = input->findChild<QPushButton*>(QStringLiteral("softwareKeyboardButton"));
    QTest::mouseClick(button, Qt::LeftButton);
    SoftwareKeyboard* keyboard = input->keyboard();
    if (!QTest::qWaitFor([&] { return keyboard->isVisible(); }))
        return false;
    for (QChar c : text) {
        if (c.isUpper() != keyboard->upperCase() && c.isLetter())
            QTest::mouseClick(keyboard->findChild<QPushButton*>(QStringLiteral("caseButton")), Qt::LeftButton);
        QTest::mouseClick(keyboard->keyFor(c), Qt::LeftButton);
    }
    QTest::mouseClick(keyboard->findChild<QPushButton*>(QStringLiteral("closeButton")), Qt::LeftButton);
    return QTest::qWaitFor([&] { return !keyboard->isVisible(); }) && input->text() == text;
}

// A person's hand for the manual's acts (StepDriver, the driver the tour and 見本 use): the mouse
// on visible, enabled widgets; keys typed (ASCII as key events, other text set as an input
// method would).
class Hand final : public StepDriver {
public:
    using StepDriver::StepDriver;

protected:
    bool click(QAbstractButton* button) override
    {
        if (!button->isVisible() || !button->isEnabled())
            return false;
        QTest::mouseClick(button, Qt::LeftButton);
        return true;
    }
    bool check(QAbstractButton* radio) override
    {
        if (!radio->isVisible() || !radio->isEnabled())
            return false;
        QTest::mouseClick(radio, Qt::LeftButton, {}, QPoint(8, radio->height() / 2));
        return radio->isChecked();
    }
    bool type(QLineEdit* edit, const QString& text) override
    {
        if (!edit->isVisible() || !edit->isEnabled())
            return false;
        edit->clear();
        edit->setFocus();
        const bool ascii = std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x80; });
        if (ascii)
            QTest::keyClicks(edit, text);
        else
            edit->setText(text);
        return edit->text() == text.left(edit->maxLength());
    }
    bool choose(QAbstractItemView* table, const QModelIndex& radio) override
    {
        table->scrollTo(radio);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(radio).center());
        return radio.data(Qt::CheckStateRole).value<Qt::CheckState>() == Qt::Checked;
    }
};

// The real console (window, pages, flow, service, store) over a temporary training store.
struct Console {
    Fixture f;
    Language language;
    std::unique_ptr<RegistrationFlow> flow;
    std::unique_ptr<MainWindow> window;

    explicit Console(const Scenario& scenario = manualScenario())
        : f(scenario)
    {
        if (auto* app = qobject_cast<QApplication*>(QCoreApplication::instance()))
            applyConsoleStyle(*app);
        launch();
    }

    // The console over another store's service (a shared PostgreSQL store); `f` is then unused.
    explicit Console(RegistrationService& service)
        : m_external(&service)
    {
        if (auto* app = qobject_cast<QApplication*>(QCoreApplication::instance()))
            applyConsoleStyle(*app);
        launch();
    }

    ~Console() { language.set(QStringLiteral("ja")); }

    RegistrationService& service() const { return m_external ? *m_external : *f.service; }

    void launch()
    {
        flow = std::make_unique<RegistrationFlow>(service());
        window = std::make_unique<MainWindow>(*flow, language);
        window->resize(1024, 768);
        flow->start();
        window->show();
    }

    // Closes the console and starts it again on the same store.
    void restart()
    {
        window.reset();
        flow.reset();
        f.restart();
        launch();
    }

    ManualPage* page() const { return window->currentPage(); }

    // The current page's widget of that objectName. A missing widget ends the test at once with
    // its name and the page (a renamed objectName in a .ui), never a null dereference later.
    template <typename T> T* find(const char* name) const
    {
        ManualPage* p = page();
        T* w = p ? p->findChild<T*>(QLatin1String(name)) : nullptr;
        if (!w) {
            qFatal("FAIL: no %s named \"%s\" on %s (was an objectName renamed in a .ui?)",
                T::staticMetaObject.className(), name, p ? p->metaObject()->className() : "(no page)");
        }
        return w;
    }

    // The manual's step `id` (ManualSteps' table) done with Hand: all its acts, or only those that
    // fill the screen in (what its picture shows), or only the one that leaves it.
    enum class Part { All, Filling, Leaving };
    bool perform(const QString& id, const StepInputs& inputs = {}, Part part = Part::All) const
    {
        const ManualStep step = ManualSteps::step(id);
        if (step.id.isEmpty()) {
            qWarning("no step %s in ManualSteps", qPrintable(id));
            return false;
        }
        Hand hand([this]() -> QWidget* { return page(); });
        const QList<ManualAct> acts = part == Part::All ? step.acts
            : part == Part::Filling                     ? step.filling()
                                                        : step.leaving();
        const bool done = hand.perform(acts, inputs);
        if (!done)
            qWarning("step %s: %s", qPrintable(id), qPrintable(hand.error()));
        return done;
    }
    // Acts done with Hand (a step's ● note: 追加).
    bool perform(const QList<ManualAct>& acts) const
    {
        Hand hand([this]() -> QWidget* { return page(); });
        return hand.perform(acts, {});
    }
    // What a step is given: the scenario's PIN, `serial` with the code its card shows now, and the
    // user of that name.
    StepInputs inputs(const QString& serial = {}, const QString& user = {}) const
    {
        StepInputs in { sample::pin, serial };
        in.otp = serial.isEmpty() ? QString() : f.otpFor(serial);
        for (const UserInfo& u : service().users().value_or(QList<UserInfo> {})) {
            if (u.name == user)
                in.userId = u.id;
        }
        return in;
    }

    // Clicks a button of the current page, as a person would (it must be visible and enabled).
    bool click(const char* name) const
    {
        auto* b = find<QAbstractButton>(name);
        if (!b || !b->isVisible() || !b->isEnabled())
            return false;
        QTest::mouseClick(b, Qt::LeftButton);
        return true;
    }

    bool type(const char* name, const QString& text) const
    {
        auto* e = find<QLineEdit>(name);
        if (!e)
            return false;
        e->clear();
        e->setFocus();
        QTest::keyClicks(e, text);
        return e->text() == text.left(e->maxLength());
    }

    // Whether the flow reaches the screen (by its state's name) within the usual wait.
    bool reaches(const char* screen) const
    {
        return QTest::qWaitFor([&] { return flow->screenName() == QLatin1String(screen); });
    }

    // Steps 1–2 of 9.1 and 9.2, written once: [契約法人ステータス] → [利用者情報登録/変更] link →
    // [利用者情報選択].
    bool openUserSelection() const { return perform(QStringLiteral("9.2.2-1")) && reaches("UserInfoSelection"); }
    // … and 利用登録: the input screen of the mode (SharedRegistrationInput, IndividualRegistrationInput).
    bool openRegistration(const char* inputScreen) const
    {
        return openUserSelection() && perform(QStringLiteral("9.2.2-2")) && reaches(inputScreen);
    }

    // On an input screen: types `serial` and the code its card shows now, and presses 次へ.
    bool enterToken(const QString& serial) const
    {
        return type("serialEdit", serial) && type("otpEdit", f.otpFor(serial)) && click("nextButton");
    }

    // Clicks a link (a LinkButton: the breadcrumb's topLink, the status page's menuLink), as a
    // person would (it must be visible).
    bool clickLink(const char* name) const
    {
        auto* link = find<QAbstractButton>(name);
        if (!link || !link->isVisible() || !link->isEnabled())
            return false;
        QTest::mouseClick(link, Qt::LeftButton);
        return true;
    }

    // Clicks the 選択 radio of the user's row in the 利用者の選択 table.
    bool chooseUser(const QString& name) const
    {
        auto* table = find<QTableView>("userTable");
        if (!table)
            return false;
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            if (table->model()->index(row, 1).data().toString() != name)
                continue;
            const QModelIndex radio = table->model()->index(row, 0);
            table->scrollTo(radio);
            QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(radio).center());
            return radio.data(Qt::CheckStateRole).value<Qt::CheckState>() == Qt::Checked;
        }
        return false;
    }

    // Ticks the checkbox of a row of the 利用登録情報の一覧 with the keyboard (Space on the cell).
    bool tickRow(const QString& name) const
    {
        auto* table = find<QTableView>("listTable");
        if (!table)
            return false;
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            if (table->model()->index(row, 1).data().toString() != name)
                continue;
            const QModelIndex box = table->model()->index(row, 0);
            // As a person does: into the table, the arrows to the row, Space.
            table->setFocus(Qt::TabFocusReason);
            for (int guard = 0; table->currentIndex().row() != row && guard < 1000; ++guard)
                QTest::keyClick(table, table->currentIndex().row() < row ? Qt::Key_Down : Qt::Key_Up);
            if (table->currentIndex().column() != 0)
                QTest::keyClick(table, Qt::Key_Home);
            QTest::keyClick(table, Qt::Key_Space);
            return box.data(Qt::CheckStateRole).value<Qt::CheckState>() == Qt::Checked;
        }
        return false;
    }

    // Enters the PIN with the software keyboard: opens it, clicks the keys, closes it.
    bool typePinWithKeyboard(const QString& pin) const
    {
        return typeWithKeyboard(page() ? page()->findChild<PinInput*>() : nullptr, pin);
    }

    QString message() const
    {
        auto* l = find<QLabel>("messageLabel");
        return l && l->isVisible() ? l->text() : QString();
    }

private:
    RegistrationService* m_external = nullptr;
};

#define EXPECT_SCREEN(console, name) QTRY_COMPARE((console).flow->screenName(), QStringLiteral(name))

// A grab of the whole page (not only the part the scroll area shows), for looking at it.
inline QImage grabPage(ManualPage* page)
{
    page->adjustSize();
    return page->grab().toImage();
}

inline bool isBlank(const QImage& image)
{
    if (image.isNull())
        return true;
    const QRgb first = image.pixel(0, 0);
    for (int y = 0; y < image.height(); y += 3) {
        for (int x = 0; x < image.width(); x += 3) {
            if (image.pixel(x, y) != first)
                return false;
        }
    }
    return true;
}

} // namespace hardtoken::test
