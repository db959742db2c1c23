#pragma once

#include "desk/StaffDesk.h"
#include "inventory/RosterImport.h"
#include "inventory/TokenImport.h"

#include <QDialog>
#include <QFile>

#include <memory>
#include <optional>

namespace Ui {
class ImportDialog;
}

namespace hardtoken {

class Store;

// 管理 > 名簿の取り込み / トークンの取り込み: the same imports as hardtoken-cli import, from the
// window. A production store takes them only from a signed-in staff member; 確認だけする reports
// without writing; the report stays on screen. Secrets typed here are cleared after each attempt.
class ImportDialog final : public QDialog {
    Q_OBJECT
public:
    enum class Kind { Roster, Tokens };
    ImportDialog(Store& store, Kind kind, QWidget* parent = nullptr);
    ~ImportDialog() override;

    QString reportText() const;
    // The file dialogs' filters: the import's files (PSKC as .pskc, .pskcxml or .xml) and the
    // pre-shared key's.
    static QString fileFilter(Kind kind);
    static QString keyFileFilter();
    // The desk's session: the import goes in the signed-in staff member's name (no password asked
    // again); at a desk with no key it is the session on the server the import runs in.
    void useSession(const StaffCredential& staff);

Q_SIGNALS:
    // Something was written: the window reads the store again.
    void imported();

private:
    void run(bool check);
    QList<RosterLine> readRoster(QFile& file, RosterReport* report) const;
    // nullopt (`why` said) when the pre-shared key's file cannot be read.
    std::optional<QList<TokenLine>> readTokens(QFile& file, TokenImportReport* report, QString* why) const;
    // The file read and imported (or only checked): the report's lines.
    QStringList importFile(QFile& file, bool check, const QString& actor, bool* ok, bool* written);
    void browse();
    void retranslate();
    void changeEvent(QEvent* event) override;

    std::unique_ptr<Ui::ImportDialog> m_ui;
    std::optional<StaffCredential> m_session;
    Store& m_store;
    Kind m_kind;
};

} // namespace hardtoken
