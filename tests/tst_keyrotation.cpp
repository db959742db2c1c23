// hardtoken-cli rotate-key in the model: a new data key, every secret and MAC sealed again in one
// transaction, the old key refused afterwards, tampered stores refused, and a crash between the
// commit and the key file's move recovered at the next open.
#include "TestSupport.h"

#include "store/CorporationTable.h"
#include "store/KeyFile.h"
#include "store/KeyVault.h"
#include "store/StaffTable.h"
#include "store/TokenTable.h"

using namespace hardtoken;
using namespace hardtoken::test;

namespace {
// A keychain in memory: what KeychainVault does against the OS, without one.
class MemoryVault final : public KeyVault {
public:
    QHash<QString, QByteArray> entries;
    bool answers = true;
    QString name() const override { return QStringLiteral("memory"); }
    std::optional<QByteArray> read(const QString& id) override
    {
        if (!answers || !entries.contains(id))
            return std::nullopt;
        return entries.value(id);
    }
    bool write(const QString& id, const QByteArray& key) override
    {
        if (!answers)
            return false;
        entries.insert(id, key);
        return true;
    }
};

bool everythingVerifies(Store& store)
{
    return store.auditLog().verify().ok && CorporationTable::tampered(store).isEmpty()
        && TokenTable::tampered(store).isEmpty() && StaffTable::tampered(store).isEmpty();
}
} // namespace

class TestKeyRotation final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rotateResealsEverythingAndTheOldKeyIsRefused();
    void aTamperedStoreIsNotRotated();
    void aCrashBeforeTheKeyFileMovedIsRecovered();
    void theKeychainHoldsTheKeyAndTheFileIsTheFallback();
};

void TestKeyRotation::rotateResealsEverythingAndTheOldKeyIsRefused()
{
    Fixture f;
    // Some state to carry over: a wrong sign-in, a registration.
    QVERIFY(!f.service->unlock(QStringLiteral("helpdesk"), QStringLiteral("nope")).ok());
    QVERIFY(f.enqueue(QStringLiteral("鈴木 花子"), sample::spareCard2).ok());
    QVERIFY(f.service->commitQueue(sample::pin).ok());
    const QString keyPath = f.store->keyFilePath();
    QCOMPARE(keyPath, f.dbPath() + QStringLiteral(".key"));
    const QByteArray oldKey = fileBytes(keyPath);
    const QByteArray sealedBefore
        = f.raw()->scalar(QStringLiteral("SELECT secret FROM tokens WHERE serial = '0000000013'")).toByteArray();
    const qint64 auditBefore = f.store->auditLog().verify().entries;

    int tokens = 0;
    QVERIFY2(f.store->rotateKey(keyPath, QStringLiteral("test"), &tokens), qPrintable(f.store->errorMessage()));
    QCOMPARE(tokens, f.scenario.tokens.size());
    QVERIFY(fileBytes(keyPath) != oldKey);
    QCOMPARE(fileBytes(keyPath + QStringLiteral(".old")), oldKey);
    QVERIFY(!QFile::exists(keyPath + QStringLiteral(".new")));
    QCOMPARE(
        QFile::permissions(keyPath) & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
    QVERIFY(f.raw()->scalar(QStringLiteral("SELECT secret FROM tokens WHERE serial = '0000000013'")).toByteArray()
        != sealedBefore);
    QVERIFY(everythingVerifies(*f.store));
    QCOMPARE(f.store->auditLog().verify().entries, auditBefore + 1);
    QCOMPARE(f.store->auditLog().entries().last().action, QStringLiteral("key.rotated"));

    // After a restart: the same cards give the same codes, the training mark holds, it all verifies.
    f.restart();
    QVERIFY(f.store->isTrainingStore());
    QVERIFY(everythingVerifies(*f.store));
    QVERIFY(f.enqueue(QStringLiteral("田中 次郎"), sample::spareCard3).ok());
    // The old key opens the store no more.
    f.service.reset();
    f.store.reset();
    QVERIFY(QFile::remove(keyPath));
    QVERIFY(QFile::copy(keyPath + QStringLiteral(".old"), keyPath));
    Store old(f.clock);
    QVERIFY(!old.openSqlite(f.dbPath()));
    QCOMPARE(old.errorCode(), StoreErrorCode::KeyFile);
}

void TestKeyRotation::aTamperedStoreIsNotRotated()
{
    Fixture f;
    const QString keyPath = f.store->keyFilePath();
    const QByteArray key = fileBytes(keyPath);
    QVERIFY(f.raw()->ok(QStringLiteral("UPDATE corporations SET otp_failures = 0, pin_failures = 4")));
    int tokens = 0;
    QVERIFY(!f.store->rotateKey(keyPath, QStringLiteral("test"), &tokens));
    QCOMPARE(f.store->errorCode(), StoreErrorCode::Tampered);
    QCOMPARE(fileBytes(keyPath), key);
    QVERIFY(!QFile::exists(keyPath + QStringLiteral(".new")));
    QVERIFY(!CorporationTable::tampered(*f.store).isEmpty()); // still detected: nothing was resealed
}

void TestKeyRotation::aCrashBeforeTheKeyFileMovedIsRecovered()
{
    Fixture f;
    const QString keyPath = f.store->keyFilePath();
    const QByteArray oldKey = fileBytes(keyPath);
    int tokens = 0;
    QVERIFY(f.store->rotateKey(keyPath, QStringLiteral("test"), &tokens));
    const QByteArray newKey = fileBytes(keyPath);
    f.service.reset();
    f.store.reset();
    // As if the process died after COMMIT: the new key still at ".new", the old one in place.
    QVERIFY(QFile::remove(keyPath + QStringLiteral(".old")));
    QVERIFY(QFile::rename(keyPath, keyPath + QStringLiteral(".new")));
    {
        QFile out(keyPath);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(oldKey);
    }
    f.open();
    QCOMPARE(fileBytes(keyPath), newKey);
    QCOMPARE(fileBytes(keyPath + QStringLiteral(".old")), oldKey);
    QVERIFY(everythingVerifies(*f.store));
}

void TestKeyRotation::theKeychainHoldsTheKeyAndTheFileIsTheFallback()
{
    QTemporaryDir dir;
    FixedClock clock(kManualEpoch * 1000);
    const QString db = dir.filePath(QStringLiteral("k.sqlite"));
    const QString keyPath = db + QStringLiteral(".key");
    MemoryVault vault;
    QString id;
    {
        Store store(clock);
        store.setKeyVault(&vault);
        QVERIFY(store.openSqlite(db));
        id = KeyFile::vaultId(store);
        QVERIFY(id.startsWith(QStringLiteral("data-key/")));
        QCOMPARE(vault.entries.value(id), QByteArray::fromBase64(fileBytes(keyPath).trimmed()));
        QCOMPARE(store.keySource(), QStringLiteral("file")); // created there, then put in the keychain
    }
    // The keychain answers: the file is not needed.
    QVERIFY(QFile::rename(keyPath, keyPath + QStringLiteral(".offline")));
    {
        Store store(clock);
        store.setKeyVault(&vault);
        QVERIFY2(store.openSqlite(db), qPrintable(store.errorMessage()));
        QCOMPARE(store.keySource(), QStringLiteral("keychain"));
    }
    // No keychain answers (another user, no Secret Service): the file is the fallback.
    vault.answers = false;
    {
        Store store(clock);
        store.setKeyVault(&vault);
        QVERIFY(!store.openSqlite(db)); // and without the file there is nothing
        QCOMPARE(store.errorCode(), StoreErrorCode::KeyFile);
    }
    QVERIFY(QFile::rename(keyPath + QStringLiteral(".offline"), keyPath));
    {
        Store store(clock);
        store.setKeyVault(&vault);
        QVERIFY(store.openSqlite(db));
        QCOMPARE(store.keySource(), QStringLiteral("file"));
    }
    // A wrong key in the keychain is not believed: the file's key is used and put back.
    vault.answers = true;
    vault.entries.insert(id, QByteArray(32, 'x'));
    {
        Store store(clock);
        store.setKeyVault(&vault);
        QVERIFY(store.openSqlite(db));
        QCOMPARE(store.keySource(), QStringLiteral("file"));
        QCOMPARE(vault.entries.value(id), QByteArray::fromBase64(fileBytes(keyPath).trimmed()));
        // A rotation updates the keychain too.
        int tokens = 0;
        QVERIFY(store.rotateKey(keyPath, QStringLiteral("test"), &tokens));
        QCOMPARE(vault.entries.value(id), QByteArray::fromBase64(fileBytes(keyPath).trimmed()));
    }
}

QTEST_GUILESS_MAIN(TestKeyRotation)
#include "tst_keyrotation.moc"
