#include "Style.h"

#include <QApplication>
#include <QFile>
#include <QFont>
#include <QPalette>
#include <QStyleFactory>

namespace hardtoken {

void applyConsoleStyle(QApplication& app)
{
    // Fusion draws the same on every platform, so screenshots match what branch staff see.
    if (QStyle* fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        app.setStyle(fusion);
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
