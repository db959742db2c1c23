#include "inventory/RosterImport.h"

#include "core/Csv.h"
#include "core/Validation.h"
#include "store/AuditLog.h"
#include "store/CorporationTable.h"
#include "store/RegistrationTable.h"
#include "store/ServerDesk.h"
#include "store/Store.h"
#include "store/UserInfo.h"
#include "store/UserTable.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace hardtoken {

QStringList RosterReport::describe() const
{
    QStringList out;
    out << RosterImport::tr("文字コード: %1").arg(encoding)
        << RosterImport::tr("契約法人: 追加 %1、名称変更 %2 / 利用者: 追加 %3、変更 %4、変更なし %5、削除 %6")
               .arg(corporationsAdded)
               .arg(corporationsUpdated)
               .arg(usersAdded)
               .arg(usersUpdated)
               .arg(unchanged)
               .arg(removed);
    for (const QString& m : missing)
        out << RosterImport::tr("ファイルにない利用者: %1").arg(AuditLog::printable(m));
    for (const QString& r : refused)
        out << AuditLog::printable(r);
    return out;
}

QList<RosterLine> RosterImport::parse(const QByteArray& bytes, const QString& encoding, RosterReport* report)
{
    if (bytes.size() > MaxFileBytes) {
        report->refused << tr("ファイルが大きすぎます（%1 MB まで）。").arg(MaxFileBytes / 1024 / 1024);
        return {};
    }
    QString error;
    const QString text = csv::decode(bytes, encoding, &report->encoding, &error);
    if (!error.isEmpty()) {
        report->refused << error;
        return {};
    }
    const QList<csv::Record> records = csv::records(text, &error);
    if (!error.isEmpty()) {
        report->refused << error;
        return {};
    }
    if (records.isEmpty()) {
        report->refused << tr("ファイルが空です。");
        return {};
    }
    const QStringList header = records.first().fields;
    const QStringList required { QStringLiteral("契約法人コード"), QStringLiteral("契約法人名"),
        QStringLiteral("利用者ID"), QStringLiteral("利用者名"), QStringLiteral("表示順") };
    QList<qsizetype> column;
    for (const QString& name : required) {
        const qsizetype at = header.indexOf(name);
        if (at < 0) {
            report->refused << tr("1 行目（見出し）に列「%1」がありません。").arg(name);
            return {};
        }
        column.append(at);
    }
    QList<RosterLine> out;
    QSet<QPair<QString, QString>> seen;
    QHash<QString, QString> corporationNames;
    for (qsizetype r = 1; r < records.size(); ++r) {
        const csv::Record& rec = records[r];
        const auto refuse = [&](const QString& why) { report->refused << tr("%1 行目: %2").arg(rec.line).arg(why); };
        if (rec.fields.size() != header.size()) {
            refuse(tr("列の数が見出しと違います（%1 列、見出しは %2 列）").arg(rec.fields.size()).arg(header.size()));
            continue;
        }
        RosterLine l;
        l.line = rec.line;
        l.corporationCode = rec.fields[column[0]].trimmed();
        l.corporationName = rec.fields[column[1]].trimmed();
        l.userId = rec.fields[column[2]].trimmed();
        l.userName = rec.fields[column[3]].trimmed();
        bool ok = false;
        l.displayOrder = rec.fields[column[4]].trimmed().toInt(&ok);
        QString why;
        if (l.corporationCode.isEmpty() || l.corporationCode.size() > 32)
            why = tr("契約法人コードは 1〜32 文字です");
        else if (l.corporationName.isEmpty() || l.corporationName.size() > 200)
            why = tr("契約法人名は 1〜200 文字です");
        else if (l.userId.isEmpty() || l.userId.size() > 64)
            why = tr("利用者IDは 1〜64 文字です");
        else if (l.userName.isEmpty() || l.userName.size() > 200)
            why = tr("利用者名は 1〜200 文字です");
        else if (!ok || l.displayOrder < 0)
            why = tr("表示順は 0 以上の整数です");
        else if (Validation::firstControl(l.corporationCode + l.corporationName + l.userId + l.userName) >= 0)
            why = tr("制御文字は使えません");
        else if (seen.contains({ l.corporationCode, l.userId }))
            why = tr("契約法人コード %1 の利用者ID %2 が重複しています").arg(l.corporationCode, l.userId);
        else if (corporationNames.contains(l.corporationCode)
            && corporationNames[l.corporationCode] != l.corporationName)
            why = tr("契約法人コード %1 の契約法人名が、前の行と違います").arg(l.corporationCode);
        if (!why.isEmpty()) {
            refuse(why);
            continue;
        }
        seen.insert({ l.corporationCode, l.userId });
        corporationNames.insert(l.corporationCode, l.corporationName);
        out.append(l);
    }
    return out;
}

bool RosterImport::apply(
    Store& store, const QList<RosterLine>& lines, bool prune, bool check, const QString& actor, RosterReport* report)
{
    // Counted in a transaction that is rolled back for --check: the report is what would be done.
    QList<AuditEntry> audit;
    const bool refusedLines = !report->refused.isEmpty();
    bool completed = false; // every row was worked out (then rolled back for --check)
    const bool done = store.transaction([&] {
        QHash<QString, qint64> corporations; // code -> id
        QHash<qint64, QString> codes; // id -> code
        QHash<qint64, QSet<QString>> idsInFile;
        for (const RosterLine& l : lines) {
            qint64 corp = corporations.value(l.corporationCode);
            if (!corp) {
                corp = CorporationTable::idByCode(store, l.corporationCode);
                if (!corp) {
                    corp = CorporationTable::insert(store, l.corporationCode, l.corporationName, QString(), {});
                    if (!corp)
                        return false;
                    ++report->corporationsAdded;
                    audit.append({ 0, {}, actor, auditKey(AuditAction::CorporationImported), corp,
                        QStringLiteral("code=%1").arg(l.corporationCode) });
                } else {
                    const auto info = CorporationTable::info(store, corp, CorporationTable::TokenCount::Skipped);
                    if (info && info->name != l.corporationName) {
                        if (!CorporationTable::rename(store, corp, l.corporationName))
                            return false;
                        ++report->corporationsUpdated;
                        audit.append({ 0, {}, actor, auditKey(AuditAction::CorporationRenamed), corp,
                            QStringLiteral("code=%1").arg(l.corporationCode) });
                    }
                }
                corporations.insert(l.corporationCode, corp);
                codes.insert(corp, l.corporationCode);
            }
            idsInFile[corp].insert(l.userId);
            const auto user = UserTable::findByBankId(store, corp, l.userId);
            if (!user) {
                if (!UserTable::insert(store, corp, l.userName, l.displayOrder, l.userId))
                    return false;
                ++report->usersAdded;
                audit.append({ 0, {}, actor, auditKey(AuditAction::UserImported), corp,
                    QStringLiteral("id=%1 name=%2").arg(l.userId, l.userName) });
            } else if (user->name != l.userName || user->displayOrder != l.displayOrder) {
                if (!UserTable::update(store, user->id, l.userName, l.displayOrder))
                    return false;
                ++report->usersUpdated;
                audit.append({ 0, {}, actor, auditKey(AuditAction::UserUpdated), corp,
                    QStringLiteral("id=%1 name=%2 order=%3").arg(l.userId, l.userName).arg(l.displayOrder) });
            } else {
                ++report->unchanged;
            }
        }
        // The corporations' users the file no longer has: reported; removed only when pruning.
        for (auto it = idsInFile.cbegin(); it != idsInFile.cend(); ++it) {
            QList<qint64> gone;
            const QHash<qint64, QString> bankIds = UserTable::bankIds(store, it.key());
            for (const UserInfo& u : UserTable::list(store, it.key())) {
                const QString bankId = bankIds.value(u.id);
                if (it.value().contains(bankId))
                    continue;
                report->missing << QStringLiteral("%1 / %2 %3")
                                       .arg(codes.value(it.key()), bankId.isEmpty() ? QStringLiteral("-") : bankId,
                                           u.name);
                gone.append(u.id);
                if (prune)
                    audit.append({ 0, {}, actor, auditKey(AuditAction::UserRemoved), it.key(),
                        QStringLiteral("id=%1 name=%2 serial=%3")
                            .arg(bankId, u.name, u.currentSerial.isEmpty() ? QStringLiteral("-") : u.currentSerial) });
            }
            if (prune && !gone.isEmpty()) {
                if (!RegistrationTable::releaseUsers(store, it.key(), gone) || !UserTable::remove(store, gone))
                    return false;
                report->removed += static_cast<int>(gone.size());
            }
        }
        completed = true;
        if (check || refusedLines)
            return false; // rolled back: nothing is written
        audit.append({ 0, {}, actor, auditKey(AuditAction::RosterImported), 0,
            QStringLiteral("corporations_added=%1 corporations_updated=%2 users_added=%3 users_updated=%4"
                           " unchanged=%5 removed=%6")
                .arg(report->corporationsAdded)
                .arg(report->corporationsUpdated)
                .arg(report->usersAdded)
                .arg(report->usersUpdated)
                .arg(report->unchanged)
                .arg(report->removed) });
        return store.auditLog().appendMany(audit);
    });
    report->written = done;
    if (!completed)
        report->refused << (store.errorCode() == StoreErrorCode::Locked
                ? Store::lockedMessage()
                : tr("名簿をデータベースに書き込めませんでした。データベースは変更されていません。"));
    return done || (check && completed && !refusedLines);
}

bool RosterImport::applyThroughServer(ServerDesk& server, const QString& session, const QList<RosterLine>& lines,
    bool prune, const QString& reason, RosterReport* report)
{
    report->written = false;
    if (lines.isEmpty() || !report->refused.isEmpty())
        return false;
    QJsonArray roster;
    for (const RosterLine& l : lines) {
        roster.append(QJsonObject { { QStringLiteral("corporation_code"), l.corporationCode },
            { QStringLiteral("corporation_name"), l.corporationName }, { QStringLiteral("user_id"), l.userId },
            { QStringLiteral("user_name"), l.userName }, { QStringLiteral("display_order"), l.displayOrder } });
    }
    const ServerDesk::RosterImportAnswer answer
        = server.importRoster(session, QJsonDocument(roster).toJson(QJsonDocument::Compact), prune, reason);
    switch (answer.outcome) {
    case ServerDesk::StaffAct::Done:
        report->corporationsAdded = answer.corporationsAdded;
        report->corporationsUpdated = answer.corporationsUpdated;
        report->usersAdded = answer.usersAdded;
        report->usersUpdated = answer.usersUpdated;
        report->unchanged = answer.unchanged;
        report->removed = answer.removed;
        report->missing = answer.detail.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        report->written = true;
        return true;
    case ServerDesk::StaffAct::NotAdministrator:
        report->refused << tr("名簿の取り込みは管理者だけが行えます。");
        return false;
    case ServerDesk::StaffAct::NoSession:
        report->refused << tr("担当者のサインインが終わっています。サインインし直してください。");
        return false;
    case ServerDesk::StaffAct::Invalid: {
        const RosterLine* line = nullptr;
        const int position = answer.detail.toInt();
        if (position >= 1 && position <= lines.size())
            line = &lines[position - 1];
        report->refused << (line ? tr("%1 行目: サーバーがこの行の値を受け付けませんでした").arg(line->line)
                                 : tr("理由を入力してください（200 文字まで）。"));
        return false;
    }
    default:
        report->refused << tr("名簿をデータベースに書き込めませんでした。データベースは変更されていません。");
        return false;
    }
}

} // namespace hardtoken
