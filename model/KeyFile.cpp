#include "KeyFile.h"

#include "Store.h"

#include <QFile>
#include <QSaveFile>

namespace hardtoken {

namespace {
constexpr char kKeyCheckPlain[] = "hardtoken-console key check";
const QString kKeyCheck = QStringLiteral("key_check");
} // namespace

bool KeyFile::open(Store& store, const QString& path, bool freshStore)
{
    QFile file(path);
    QByteArray key;
    const QString check = freshStore ? QString() : store.metaValue(kKeyCheck);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly))
            return store.fail(StoreErrorCode::KeyFile, tr("暗号鍵ファイル %1 を読み込めません。").arg(path));
        key = QByteArray::fromBase64(file.readAll().trimmed());
        if (key.size() != crypto::SecretBox::KeySize)
            return store.fail(StoreErrorCode::KeyFile, tr("暗号鍵ファイル %1 の形式が正しくありません。").arg(path));
    } else {
        if (!freshStore) {
            return store.fail(StoreErrorCode::KeyFile,
                tr("暗号鍵ファイル %1 が見つかりません。このデータベースのトークン情報は鍵がないと利用できません。"
                   "データベースは変更していません。")
                    .arg(path));
        }
        key = crypto::randomBytes(crypto::SecretBox::KeySize);
        QSaveFile out(path);
        if (!out.open(QIODevice::WriteOnly))
            return store.fail(StoreErrorCode::KeyFile, tr("暗号鍵ファイル %1 を作成できません。").arg(path));
        out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        out.write(key.toBase64());
        out.write("\n");
        if (!out.commit())
            return store.fail(StoreErrorCode::KeyFile, tr("暗号鍵ファイル %1 を作成できません。").arg(path));
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    auto box = std::make_unique<crypto::SecretBox>(key);
    if (check.isEmpty()) {
        if (!freshStore) {
            return store.fail(StoreErrorCode::Tampered,
                tr("データベースに暗号鍵の確認値がありません。データベースは変更していません。"));
        }
        const QByteArray sealed = box->seal(QByteArray(kKeyCheckPlain), kKeyCheck.toLatin1());
        const bool written
            = store.transaction([&] { return store.setMetaValue(kKeyCheck, QString::fromLatin1(sealed.toBase64())); });
        if (!written)
            return false;
    } else if (box->open(QByteArray::fromBase64(check.toLatin1()), kKeyCheck.toLatin1())
        != QByteArray(kKeyCheckPlain)) {
        return store.fail(
            StoreErrorCode::KeyFile, tr("暗号鍵ファイル %1 はこのデータベースのものではありません。").arg(path));
    }
    store.m_box = std::move(box);
    return true;
}

} // namespace hardtoken
