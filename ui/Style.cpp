#include "Style.h"

#include <QApplication>
#include <QFile>
#include <QFont>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QPointer>
#include <QProxyStyle>
#include <QStyleFactory>
#include <QStyleOption>
#include <QWidget>

#include <functional>
#include <utility>

namespace hardtoken {

namespace {

// A standard icon read when it is first drawn rather than when it is asked for.
class DeferredIconEngine final : public QIconEngine {
public:
    explicit DeferredIconEngine(std::function<QIcon()> make)
        : m_make(std::move(make))
    {
    }

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State state) override
    {
        icon().paint(painter, rect, Qt::AlignCenter, mode, state);
    }
    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override
    {
        return icon().pixmap(size, mode, state);
    }
    QPixmap scaledPixmap(const QSize& size, QIcon::Mode mode, QIcon::State state, qreal scale) override
    {
        return icon().pixmap(size, scale, mode, state);
    }
    QSize actualSize(const QSize& size, QIcon::Mode mode, QIcon::State state) override
    {
        return icon().actualSize(size, mode, state);
    }
    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override
    {
        return icon().availableSizes(mode, state);
    }
    // Asked by the widgets that hold it before any paint: the style's own icons are never null.
    bool isNull() override { return false; }
    QString key() const override { return QStringLiteral("hardtoken.deferred"); }
    QIconEngine* clone() const override
    {
        // A copy made after the icon was read keeps the icon, not the (spent) way to read it.
        auto* copy = new DeferredIconEngine(m_make);
        copy->m_icon = m_icon;
        return copy;
    }

private:
    const QIcon& icon()
    {
        if (m_make)
            m_icon = std::exchange(m_make, {})();
        return m_icon;
    }

    std::function<QIcon()> m_make;
    QIcon m_icon;
};

// Fusion, with the menu bar's overflow chevron read when it is first shown: a QMenuBar asks for it
// when it is built, and Qt's icon reads its three PNGs at once after asking every image plugin
// (GIF, ICO, JPEG with libjpeg) whether it reads PNG, loading each: 1.5 ms of every start, for a
// button shown only when the menus do not fit the window.
class ConsoleStyle final : public QProxyStyle {
public:
    using QProxyStyle::QProxyStyle;

    QIcon standardIcon(StandardPixmap icon, const QStyleOption* option, const QWidget* widget) const override
    {
        if (icon != SP_ToolBarHorizontalExtensionButton && icon != SP_ToolBarVerticalExtensionButton)
            return QProxyStyle::standardIcon(icon, option, widget);
        // Fusion draws it by the layout direction only: that is kept, not the option or widget.
        QStyleOption direction;
        direction.direction = option ? option->direction : widget ? widget->layoutDirection() : Qt::LeftToRight;
        return QIcon(new DeferredIconEngine([base = QPointer<QStyle>(baseStyle()), icon, direction] {
            return base ? base->standardIcon(icon, &direction, nullptr) : QIcon();
        }));
    }
};

} // namespace

void applyConsoleStyle(QApplication& app)
{
    // Fusion draws the same on every platform, so screenshots match what branch staff see.
    if (QStyle* fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        app.setStyle(new ConsoleStyle(fusion));
    QFont font = app.font();
    // The platform's own Japanese UI fonts first: a family the machine lacks costs a fontconfig
    // fallback search for every font made from it (each size and weight the style sheet asks for),
    // a quarter of the first screen's making on Linux when the Windows families came first.
#ifdef Q_OS_WIN
    font.setFamilies({ QStringLiteral("Yu Gothic UI"), QStringLiteral("Meiryo UI"), QStringLiteral("Meiryo") });
#else
    font.setFamilies({ QStringLiteral("IPAexGothic"), QStringLiteral("Noto Sans CJK JP") });
#endif
    font.setPointSize(10);
    app.setFont(font);
    // Links (LinkButton: トップ, the status page's menu) in the portal's link blue, darker when pressed.
    QPalette palette = app.palette();
    palette.setColor(QPalette::Link, QColor(0x1f, 0x5e, 0xa8));
    palette.setColor(QPalette::LinkVisited, QColor(0x15, 0x3f, 0x73));
    app.setPalette(palette);
    QFile qss(QStringLiteral(":/style/console.qss"));
    if (qss.open(QIODevice::ReadOnly))
        app.setStyleSheet(QString::fromUtf8(qss.readAll()));
}

} // namespace hardtoken
