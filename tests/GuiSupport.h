#pragma once

#include "TestSupport.h"

#include "Language.h"
#include "MainWindow.h"
#include "ManualPage.h"
#include "RegistrationFlow.h"
#include "Style.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QTest>

namespace hardtoken::test {

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

    ~Console() { language.set(QStringLiteral("ja")); }

    void launch()
    {
        flow = std::make_unique<RegistrationFlow>(*f.service);
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

    template<typename T>
    T* find(const char* name) const
    {
        ManualPage* p = page();
        T* w = p ? p->findChild<T*>(QLatin1String(name)) : nullptr;
        if (!w)
            qWarning("no %s named %s on %s", T::staticMetaObject.className(), name,
                     p ? p->metaObject()->className() : "(no page)");
        return w;
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

    QString message() const
    {
        auto* l = find<QLabel>("messageLabel");
        return l && l->isVisible() ? l->text() : QString();
    }
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
