// The start-up baseline: the least a Qt Widgets program does to show a window (a QApplication, a
// label in a window of the console's size), timed to its first paint as the console is.
#include "FirstPaintProbe.h"

#include <QApplication>
#include <QLabel>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QLabel window(QStringLiteral("カード型ハードトークン 管理コンソール"));
    window.resize(1024, 768);
    hardtoken::FirstPaintProbe::watch(&window);
    window.show();
    return QApplication::exec();
}
