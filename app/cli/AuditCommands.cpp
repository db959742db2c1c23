// The audit log: listed, verified (the chain, its anchor and every sealed record), exported.
#include "Command.h"
#include "Terminal.h"
#include "desk/StaffDesk.h"
#include "store/AuditExport.h"
#include "store/AuditLog.h"
#include "store/CorporationTable.h"
#include "store/StaffTable.h"
#include "store/Store.h"
#include "store/TokenTable.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace hardtoken::cli {

namespace {

int verify(Store& store)
{
    const AuditVerification v = store.auditLog().verify();
    const QStringList corporations = CorporationTable::tampered(store);
    const QStringList tokens = TokenTable::tampered(store);
    const QStringList logins = StaffTable::tampered(store);
    if (!v.ok)
        err() << v.problem << Qt::endl;
    for (const QString& code : corporations)
        err() << QCoreApplication::translate(
            "cli", "契約法人 %1 の誤入力回数または利用中止の記録が改ざんされています。")
                     .arg(AuditLog::printable(code))
              << Qt::endl;
    for (const QString& serial : tokens)
        err() << QCoreApplication::translate("cli", "トークン %1 の記録が改ざんされています。")
                     .arg(AuditLog::printable(serial))
              << Qt::endl;
    for (const QString& login : logins)
        err() << QCoreApplication::translate("cli", "担当者ID %1 のサインイン記録が改ざんされています。")
                     .arg(AuditLog::printable(login))
              << Qt::endl;
    if (!v.ok || !corporations.isEmpty() || !tokens.isEmpty() || !logins.isEmpty())
        return 1;
    out() << QCoreApplication::translate("cli", "監査ログは正常です (%1 件)。").arg(v.entries) << Qt::endl;
    return 0;
}

int list(Invocation& call)
{
    Store& store = call.store();
    if (call.isSet(QStringLiteral("verify")))
        return verify(store);
    if (call.json()) {
        QJsonArray entries;
        for (const AuditEntry& e : store.auditLog().entries()) {
            entries.append(QJsonObject { { QStringLiteral("id"), e.id }, { QStringLiteral("at"), e.at },
                { QStringLiteral("actor"), e.actor }, { QStringLiteral("action"), e.action },
                { QStringLiteral("details"), e.details } });
        }
        out() << QJsonDocument(QJsonObject { { QStringLiteral("schema"), QStringLiteral("hardtoken-cli/audit/1") },
                                   { QStringLiteral("entries"), entries } })
                     .toJson(QJsonDocument::Indented)
              << Qt::flush;
        return 0;
    }
    for (const AuditEntry& e : store.auditLog().entries()) {
        out() << e.id << '\t' << e.at << '\t' << AuditLog::printable(e.actor) << '\t' << AuditLog::printable(e.action)
              << '\t' << AuditLog::printable(e.details) << '\n';
    }
    return 0;
}

// The log is verified first (a log that fails is not exported), then the matching entries go to a
// CSV (UTF-8 with BOM); its SHA-256 is printed and audited with the act.
int exportLog(Invocation& call)
{
    AuditFilter filter;
    filter.corporationCode = call.value(QStringLiteral("corporation"));
    filter.user = call.value(QStringLiteral("user"));
    filter.serial = call.value(QStringLiteral("serial"));
    filter.action = call.value(QStringLiteral("action"));
    filter.actor = call.value(QStringLiteral("actor"));
    filter.from = QDate::fromString(call.value(QStringLiteral("from")), Qt::ISODate);
    filter.to = QDate::fromString(call.value(QStringLiteral("to")), Qt::ISODate);
    if (call.isSet(QStringLiteral("from")) && !filter.from.isValid())
        return call.usage(QStringLiteral("--from %1").arg(AuditLog::printable(call.value(QStringLiteral("from")))));
    if (call.isSet(QStringLiteral("to")) && !filter.to.isValid())
        return call.usage(QStringLiteral("--to %1").arg(AuditLog::printable(call.value(QStringLiteral("to")))));
    Store& store = call.store();
    const QString path = call.value(QStringLiteral("out"));
    const QString staff = call.value(QStringLiteral("staff"));
    AuditExport::Result r;
    if (store.isTrainingStore()) {
        r = AuditExport::write(store, filter, path, QStringLiteral("cli"));
        if (!r.ok)
            return fail(r.message);
    } else {
        if (staff.isEmpty()) {
            err() << QCoreApplication::translate(
                "cli", "本番用のデータベースの監査ログを書き出すには、--staff で担当者IDを指定してください。")
                  << Qt::endl;
            return 2;
        }
        SecretReader secrets;
        const Outcome o = StaffDesk(store).exportAudit(secrets.staffCredential(staff), filter, path, &r);
        if (!o.ok())
            return fail(o.message);
    }
    out() << QCoreApplication::translate("cli", "監査ログは正常です (%1 件)。").arg(r.verifiedEntries) << '\n'
          << QCoreApplication::translate("cli", "%1 件を %2 に書き出しました。").arg(r.rows).arg(path) << '\n'
          << QStringLiteral("SHA-256: %1").arg(r.sha256) << Qt::endl;
    return 0;
}

} // namespace

QList<Command> auditCommands()
{
    using Use = Command::StoreUse;
    return {
        { words("audit"), {}, words("verify"), {}, Use::Reads, true, false,
            QT_TRANSLATE_NOOP("cli", "監査ログを表示します（--verify: 改ざんを検査します）。"), list },
        { words("audit export"), {}, words("out staff corporation user serial action actor from to"), words("out"),
            Use::Reads, false, false,
            QT_TRANSLATE_NOOP("cli", "検査したうえで監査ログを CSV（UTF-8、BOM 付き）に書き出します。"), exportLog },
    };
}

} // namespace hardtoken::cli
