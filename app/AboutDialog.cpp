#include "AboutDialog.h"

#include "Language.h"
#include "LogFile.h"
#include "core/Crypto.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QDir>
#include <QMessageBox>

namespace hardtoken {

QMessageBox* showAbout(QWidget* parent, const Store& store)
{
    const QString log = LogFile::path().isEmpty() ? QCoreApplication::translate("AboutDialog", "（記録していません）")
                                                  : QDir::toNativeSeparators(LogFile::path());
    const QString where = store.isPostgres() ? QCoreApplication::translate("AboutDialog", "PostgreSQL（共有）")
                                             : QDir::toNativeSeparators(store.path());
    const QString text
        = QStringLiteral("<h3>%1</h3><p>%2 %3</p>")
              .arg(Language::displayName().toHtmlEscaped(), QCoreApplication::translate("AboutDialog", "バージョン"),
                  QCoreApplication::applicationVersion().toHtmlEscaped())
        + QStringLiteral("<p>%1: %2<br>%3: %4</p>")
              .arg(QCoreApplication::translate("AboutDialog", "データベース"), where.toHtmlEscaped(),
                  QCoreApplication::translate("AboutDialog", "ログファイル"), log.toHtmlEscaped())
        + QStringLiteral("<p>%1</p><ul><li>Qt %2 — GNU LGPL v3</li><li>%3 — Apache License 2.0</li>"
                         "<li>QtKeychain — BSD 3-Clause</li><li>IPAex Font — IPA Font License</li></ul>")
              .arg(QCoreApplication::translate("AboutDialog", "使用しているライブラリとライセンス:"),
                  QString::fromLatin1(qVersion()), crypto::libraryVersion().toHtmlEscaped());
    auto* box = new QMessageBox(QMessageBox::Information,
        QCoreApplication::translate("AboutDialog", "このコンソールについて"), text, QMessageBox::Ok, parent);
    box->setObjectName(QStringLiteral("aboutDialog"));
    box->setTextFormat(Qt::RichText);
    box->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    return box;
}

} // namespace hardtoken
