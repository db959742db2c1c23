#include "store/KeyFile.h"

#include "store/AuditAction.h"
#include "store/AuditLog.h"
#include "store/CorporationTable.h"
#include "store/Database.h"
#include "store/KeyVault.h"
#include "store/StaffTable.h"
#include "store/TokenTable.h"

#ifdef Q_OS_WIN
#include <windows.h>

#include <aclapi.h>

#include <QDir>

#include <string>
#endif
#include <QFile>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QUuid>

namespace hardtoken {

Q_LOGGING_CATEGORY(lcKeyFile, "hardtoken.keyfile")

namespace {
constexpr char kKeyCheckPlain[] = "hardtoken-console key check";
const QString kKeyCheck = QStringLiteral("key_check");

std::optional<QByteArray> readKey(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray key = QByteArray::fromBase64(file.readAll().trimmed());
    if (key.size() != crypto::SecretBox::KeySize)
        return std::nullopt;
    return key;
}

#ifdef Q_OS_WIN
// NTFS ignores the owner-only mode bits QFile sets (they only toggle read-only): the file gets a
// protected DACL instead that grants the signed-in user alone full control, inheriting nothing.
bool restrictToCurrentUser(const QString& path)
{
    HANDLE token = nullptr;
    if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token))
        return false;
    DWORD size = 0;
    GetTokenInformation(token, TokenUser, nullptr, 0, &size);
    QByteArray buffer(int(size), Qt::Uninitialized);
    const bool gotUser = size > 0 && GetTokenInformation(token, TokenUser, buffer.data(), size, &size);
    CloseHandle(token);
    if (!gotUser)
        return false;
    auto* user = reinterpret_cast<TOKEN_USER*>(buffer.data());
    EXPLICIT_ACCESSW access {};
    access.grfAccessPermissions = GENERIC_ALL;
    access.grfAccessMode = SET_ACCESS;
    access.grfInheritance = NO_INHERITANCE;
    access.Trustee.TrusteeForm = TRUSTEE_IS_SID;
    access.Trustee.TrusteeType = TRUSTEE_IS_USER;
    access.Trustee.ptstrName = reinterpret_cast<LPWSTR>(user->User.Sid);
    PACL acl = nullptr;
    if (SetEntriesInAclW(1, &access, nullptr, &acl) != ERROR_SUCCESS)
        return false;
    std::wstring native = QDir::toNativeSeparators(path).toStdWString();
    const DWORD result = SetNamedSecurityInfoW(native.data(), SE_FILE_OBJECT,
        DACL_SECURITY_INFORMATION | PROTECTED_DACL_SECURITY_INFORMATION, nullptr, nullptr, acl, nullptr);
    LocalFree(acl);
    return result == ERROR_SUCCESS;
}
#endif

// Owner-only, as when it was written: a key file copied in, or made by an earlier version, that
// others could read is tightened when it is opened (as the database is). Best effort: a file the
// desktop's user does not own is left, and said in the log.
void tighten(const QString& path)
{
#ifdef Q_OS_WIN
    if (!restrictToCurrentUser(path))
        qCWarning(lcKeyFile) << "the key file could not be restricted to the current user:" << path;
#else
    constexpr QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
        | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    if ((QFile::permissions(path) & others)
        && !QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        qCWarning(lcKeyFile) << "the key file could not be made owner-only:" << path;
#endif
}

bool writeKey(const QString& path, const QByteArray& key)
{
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return false;
    out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    out.write(key.toBase64());
    out.write("\n");
    if (!out.commit())
        return false;
#ifdef Q_OS_WIN
    return restrictToCurrentUser(path);
#else
    return QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
#endif
}

bool matches(const crypto::SecretBox& box, const QString& check)
{
    return box.open(QByteArray::fromBase64(check.toLatin1()), kKeyCheck.toLatin1()) == QByteArray(kKeyCheckPlain);
}
} // namespace

QString KeyFile::vaultId(const Database& store)
{
    const QString id = store.metaValue(QStringLiteral("store.id"));
    return id.isEmpty() ? QString() : QStringLiteral("data-key/") + id;
}

bool KeyFile::open(Database& store, const QString& path, bool freshStore)
{
    const QString check = freshStore ? QString() : store.metaValue(kKeyCheck);
    KeyVault* vault = store.m_vault;
    // 1. The keychain, when it answers and holds this store's key.
    if (!freshStore && vault && !check.isEmpty() && !vaultId(store).isEmpty()) {
        if (const auto key = vault->read(vaultId(store))) {
            auto box = std::make_unique<crypto::SecretBox>(*key);
            if (box->isValid() && matches(*box, check)) {
                store.m_box = std::move(box);
                store.m_keySource = QStringLiteral("keychain");
                return true;
            }
        }
    }
    // 2. The key file: the fallback, and where a key is created.
    QFile file(path);
    QByteArray key;
    if (file.exists()) {
        tighten(path);
        const auto read = readKey(path);
        if (!read)
            return store.fail(
                StoreErrorCode::KeyFile, tr("暗号鍵ファイル %1 の形式が正しくないか、読み込めません。").arg(path));
        key = *read;
    } else {
        if (!freshStore) {
            return store.fail(StoreErrorCode::KeyFile,
                tr("暗号鍵ファイル %1 "
                   "が見つかりません（キーチェーンにもありません）。このデータベースのトークン情報は鍵がないと"
                   "利用できません。データベースは変更していません。")
                    .arg(path));
        }
        key = crypto::randomBytes(crypto::SecretBox::KeySize);
        if (!writeKey(path, key))
            return store.fail(StoreErrorCode::KeyFile, tr("暗号鍵ファイル %1 を作成できません。").arg(path));
    }
    auto box = std::make_unique<crypto::SecretBox>(key);
    if (check.isEmpty()) {
        if (!freshStore) {
            return store.fail(StoreErrorCode::Tampered,
                tr("データベースに暗号鍵の確認値がありません。データベースは変更していません。"));
        }
        const QByteArray sealed = box->seal(QByteArray(kKeyCheckPlain), kKeyCheck.toLatin1());
        const bool written = store.transaction([&] {
            return store.setMetaValue(kKeyCheck, QString::fromLatin1(sealed.toBase64()))
                && store.setMetaValue(QStringLiteral("store.id"), QUuid::createUuid().toString(QUuid::WithoutBraces));
        });
        if (!written)
            return false;
    } else if (!matches(*box, check)) {
        // A rotation that committed but did not get to move its new key into place.
        const QString pending = path + QStringLiteral(".new");
        const auto newer = readKey(pending);
        auto newerBox = newer ? std::make_unique<crypto::SecretBox>(*newer) : nullptr;
        if (!newerBox || !matches(*newerBox, check))
            return store.fail(
                StoreErrorCode::KeyFile, tr("暗号鍵ファイル %1 はこのデータベースのものではありません。").arg(path));
        QFile::remove(path + QStringLiteral(".old"));
        if (!QFile::rename(path, path + QStringLiteral(".old")) || !QFile::rename(pending, path))
            return store.fail(StoreErrorCode::KeyFile, tr("暗号鍵ファイル %1 を更新できません。").arg(path));
        key = *newer;
        box = std::move(newerBox);
    }
    store.m_box = std::move(box);
    store.m_keySource = QStringLiteral("file");
    // 3. A key found only in the file moves into the keychain (the file stays as the fallback).
    if (vault) {
        if (vaultId(store).isEmpty()) {
            store.transaction([&] {
                return store.setMetaValue(
                    QStringLiteral("store.id"), QUuid::createUuid().toString(QUuid::WithoutBraces));
            });
        }
        if (!vaultId(store).isEmpty())
            vault->write(vaultId(store), key);
    }
    key.fill('\0');
    return true;
}

bool KeyFile::rotate(Database& store, AuditLog& log, const QString& path, const QString& actor, int* tokens)
{
    if (!store.m_box || !store.isOpen())
        return store.fail(StoreErrorCode::KeyFile, tr("データベースが開かれていません。"));
    // Only what verifies is sealed again.
    const AuditVerification audit = log.verify();
    if (!audit.ok || !CorporationTable::tampered(store).isEmpty() || !TokenTable::tampered(store).isEmpty()
        || !StaffTable::tampered(store).isEmpty())
        return store.fail(StoreErrorCode::Tampered,
            tr("改ざんされた記録があるため、暗号鍵を替えられません（hardtoken-cli audit --verify）。"));
    const bool training = store.isTrainingStore();
    const QString source = store.metaValue(QStringLiteral("scenario.source"));
    const QString scenarioId = store.metaValue(QStringLiteral("scenario.id"));
    struct Secret {
        qint64 id;
        QString serial;
        QByteArray plain;
    };
    QList<Secret> secrets;
    for (const TokenTable::SealedSecret& t : TokenTable::sealedSecrets(store)) {
        const auto plain = store.openSecret(t.sealed, t.serial);
        if (!plain)
            return store.fail(StoreErrorCode::Tampered,
                tr("トークン %1 の秘密鍵を開けません。暗号鍵は替えていません。").arg(t.serial));
        secrets.append({ t.id, t.serial, *plain });
    }
    const QByteArray key = crypto::randomBytes(crypto::SecretBox::KeySize);
    const QString pending = path + QStringLiteral(".new");
    if (!writeKey(pending, key))
        return store.fail(StoreErrorCode::KeyFile, tr("暗号鍵ファイル %1 を作成できません。").arg(pending));

    std::unique_ptr<crypto::SecretBox> old = std::move(store.m_box);
    store.m_box = std::make_unique<crypto::SecretBox>(key);
    store.m_macs.clear();
    const bool done = store.transaction([&] {
        for (const Secret& s : std::as_const(secrets)) {
            if (!TokenTable::setSealedSecret(store, s.id, store.m_box->seal(s.plain, s.serial.toLatin1())))
                return false;
        }
        return CorporationTable::sealAll(store) && TokenTable::sealAll(store) && StaffTable::sealAll(store)
            && (!training || store.markTraining(source, scenarioId))
            && store.setMetaValue(kKeyCheck,
                QString::fromLatin1(store.m_box->seal(QByteArray(kKeyCheckPlain), kKeyCheck.toLatin1()).toBase64()))
            && log.rechain()
            && log.append(actor, auditKey(AuditAction::KeyRotated), 0, QStringLiteral("tokens=%1").arg(secrets.size()));
    });
    for (Secret& s : secrets)
        s.plain.fill('\0');
    if (!done) {
        store.m_box = std::move(old);
        store.m_macs.clear();
        QFile::remove(pending);
        return false;
    }
    // Committed: the new key takes the file's place; the old one is kept for old backups.
    QFile::remove(path + QStringLiteral(".old"));
    if (!QFile::rename(path, path + QStringLiteral(".old")) || !QFile::rename(pending, path))
        return store.fail(StoreErrorCode::KeyFile,
            tr("暗号鍵は替わりましたが、ファイル %1 を置き換えられません。%2 が新しい暗号鍵です。").arg(path, pending));
    if (store.m_vault && !vaultId(store).isEmpty())
        store.m_vault->write(vaultId(store), key);
    *tokens = static_cast<int>(secrets.size());
    return true;
}

} // namespace hardtoken
