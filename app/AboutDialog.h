#pragma once

class QMessageBox;
class QWidget;

namespace hardtoken {

class Store;

// ヘルプ > このコンソールについて: the version, the libraries and their licences (Qt under the
// LGPL v3, OpenSSL under the Apache License 2.0, QtKeychain under the BSD licence), where the store
// and the log file are. Window-modal, not blocking; deleted on close.
QMessageBox* showAbout(QWidget* parent, const Store& store);

} // namespace hardtoken
