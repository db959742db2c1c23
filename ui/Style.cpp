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
    font.setFamilies({ QStringLiteral("Yu Gothic UI"), QStringLiteral("Meiryo UI"), QStringLiteral("Meiryo"),
        QStringLiteral("IPAexGothic"), QStringLiteral("Noto Sans CJK JP") });
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
