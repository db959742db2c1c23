#pragma once

#include <QCommandLineParser>
#include <QString>

namespace hardtoken {

class Store;

// Command-line options shared by hardtoken-console and hardtoken-cli, and the start-up step that
// opens the store they name.
struct StoreOptions {
    QString database;
    QString postgres; // libpq-style connection string: the shared store of several desktops
    QString keyFile;
    // --desk: a desk on a store ruled by the server (no key; the acts go to the server's functions).
    bool desk = false;
    QString scenario; // load this scenario at start (training stores only)
    // Keep the data key in the OS keychain (KeychainVault). On by default on Windows and macOS,
    // where branch desktops have one; on Linux with --keychain.
    bool keychain = false;

    static void addTo(QCommandLineParser& parser);
    static StoreOptions from(const QCommandLineParser& parser);

    // Opens the store; loads `scenario` when given. On failure `error` says why for a person.
    bool open(Store& store, QString* error) const;
};

} // namespace hardtoken
