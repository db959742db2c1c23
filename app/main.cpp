#include "CorporateStatusPage.h"
#include "RegistrationService.h"
#include "Store.h"
#include "StoreSetup.h"
#include "Clock.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMainWindow>
#include <QMessageBox>

using namespace hardtoken;

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("HardTokenConsole"));
    QApplication::setApplicationName(QStringLiteral("hardtoken-console"));
    QApplication::setApplicationDisplayName(QStringLiteral("カード型ハードトークン 管理コンソール"));
    QApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("カード型ハードトークン 管理コンソール"));
    parser.addHelpOption();
    parser.addVersionOption();
    StoreOptions::addTo(parser);
    parser.process(app);

    SystemClock clock;
    Store store(clock);
    QString error;
    if (!StoreOptions::from(parser).open(store, &error)) {
        QMessageBox::critical(nullptr, QApplication::applicationDisplayName(), error);
        return 1;
    }
    RegistrationService service(store);
    service.selectCorporation();

    QMainWindow window;
    window.setCentralWidget(new CorporateStatusPage(service));
    window.resize(1024, 768);
    window.show();
    return QApplication::exec();
}
