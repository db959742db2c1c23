// Benchmarks (not tests): each figure is printed next to a baseline measured in the same run, so
// that a slow machine moves both, and every figure is the MEDIAN of its rounds. Baselines are
// really bare: prepared QSqlQuery statements on a connection of their own (not the store's own
// statement cache), liboath for OTP. Run with tests/benchmarks/run, which prints a table.
#include "ScreenshotTour.h"
#include "TestSupport.h"
#include "core/Clock.h"
#include "core/Crypto.h"
#include "core/Otp.h"
#include "desk/RegistrationService.h"
#include "inventory/Scenario.h"
#include "store/CorporationTable.h"
#include "store/Store.h"
#include "store/UserTable.h"
#include "tables/CorporationSearchModel.h"

#include "Language.h"
#include "MainWindow.h"
#include "ManualPage.h"
#include "desk/QueuedRegistration.h"
#include "desk/RegistrationFlow.h"
#include "store/UsageMode.h"
#include "store/UserInfo.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QUuid>

#include <liboath/oath.h>

#include <algorithm>
#include <functional>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

using namespace hardtoken;

namespace {

constexpr qint64 kEpoch = 1693558800; // 2023-09-01 09:00 UTC, as the tests

QTextStream& out()
{
    static QTextStream s(stdout);
    return s;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// Median over `rounds` of the time per iteration of `work`, in nanoseconds.
double measure(int rounds, int iterations, const std::function<void()>& work)
{
    QList<double> perRound;
    for (int r = 0; r < rounds; ++r) {
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < iterations; ++i)
            work();
        perRound.append(double(t.nsecsElapsed()) / iterations);
    }
    return median(perRound);
}

void row(const QString& what, double value, const QString& unit, const QString& baselineName, double baseline,
    const QString& goal = {})
{
    out() << what << '\t' << QString::number(value, 'f', 3) << '\t' << unit << '\t' << baselineName << '\t'
          << QString::number(baseline, 'f', 3) << '\t' << QString::number(value / baseline, 'f', 2) << '\t'
          << (goal.isEmpty() ? QStringLiteral("-") : goal) << Qt::endl;
}

// A measure taken in interleaved pairs with its baseline (program A, then B, in each round): the
// medians of both, and the median of the per-round ratios — each pair ran within a few tens of
// milliseconds of each other, so a slow spell of the machine weighs on both sides of a ratio.
void pairedRow(const QString& what, const QList<double>& values, const QString& unit, const QString& baselineName,
    const QList<double>& baselines, const QString& goal = {})
{
    QList<double> ratios;
    for (qsizetype i = 0; i < qMin(values.size(), baselines.size()); ++i) {
        if (values[i] > 0 && baselines[i] > 0)
            ratios.append(values[i] / baselines[i]);
    }
    out() << what << '\t' << QString::number(median(values), 'f', 3) << '\t' << unit << '\t' << baselineName << '\t'
          << QString::number(median(baselines), 'f', 3) << '\t' << QString::number(median(ratios), 'f', 2) << '\t'
          << (goal.isEmpty() ? QStringLiteral("-") : goal) << Qt::endl;
}

double peakRssMiB()
{
#ifdef Q_OS_UNIX
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0;
#else
    return 0;
#endif
}

// A corporation in individual mode with `users` users and as many free TOTP tokens.
Scenario bigScenario(int users)
{
    Scenario s;
    s.id = QStringLiteral("bench-%1").arg(users);
    s.corporationCode = QStringLiteral("9900000001");
    s.corporationName = QStringLiteral("ベンチマーク株式会社");
    s.mode = UsageMode::Individual;
    s.pin = QStringLiteral("train1234");
    // The cheapest KDF the loader takes: the PIN's production scrypt (N=2^15) is measured and
    // reported apart, so that it does not drown the database work being measured.
    s.kdf.log2N = 10;
    for (int i = 0; i < users; ++i) {
        // Names not in display order (a roster is ordered by the bank, not by name): a sort by name
        // has real work to do. 7919 is prime to every size used here.
        s.users.append({ QStringLiteral("利用者 %1").arg((qint64(i) * 7919) % users, 5, 10, QLatin1Char('0')) });
        Scenario::Token t;
        t.serial = QStringLiteral("%1").arg(1000000000LL + i);
        t.secret = QByteArray("bench-secret-") + QByteArray::number(i);
        // As at a bank: most users hold their card already (3 in 4), the rest are spares.
        if (i % 4 != 0)
            t.holder = s.users.last().name;
        s.tokens.append(t);
    }
    return s;
}

// A SQLite connection of its own with a bare table, for baselines.
struct BareSqlite {
    QString name = QStringLiteral("bare-") + QUuid::createUuid().toString(QUuid::Id128);
    QSqlDatabase db;
    explicit BareSqlite(const QString& path)
    {
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.open();
        QSqlQuery(db).exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        QSqlQuery(db).exec(
            QStringLiteral("CREATE TABLE bare (id INTEGER PRIMARY KEY, a INTEGER, b TEXT, c TEXT, d BLOB)"));
    }
    ~BareSqlite()
    {
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
    }
    // `rows` inserts through one prepared statement in one transaction, in milliseconds.
    double insertRows(int rows, const QByteArray& blob = {})
    {
        QSqlQuery(db).exec(QStringLiteral("DELETE FROM bare"));
        QElapsedTimer t;
        t.start();
        QSqlQuery(db).exec(QStringLiteral("BEGIN IMMEDIATE"));
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO bare (a, b, c, d) VALUES (?, ?, ?, ?)"));
        for (int i = 0; i < rows; ++i) {
            q.bindValue(0, i);
            q.bindValue(1, QStringLiteral("利用者 %1").arg(i));
            q.bindValue(2, QStringLiteral("2023-09-01T09:00:00.000Z"));
            q.bindValue(3, blob);
            q.exec();
        }
        QSqlQuery(db).exec(QStringLiteral("COMMIT"));
        return t.nsecsElapsed() / 1e6;
    }
};

// The rows an OK of `queued` writes (each token's state, each registration, each audit entry),
// written with bare prepared statements on a connection of their own into a store freshly loaded
// with the same scenario, in one transaction: what the store layer adds on top, in milliseconds.
double writeSameRowsBare(
    const QString& path, const Scenario& s, const QList<QueuedRegistration>& queued, const Clock& clock)
{
    {
        Store fresh(clock);
        QString error;
        fresh.openSqlite(path);
        ScenarioLoader::apply(fresh, s, QStringLiteral("bench"), &error);
    }
    const QString name = QStringLiteral("same-") + QUuid::createUuid().toString(QUuid::Id128);
    double ms = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.open();
        QSqlQuery last(db);
        last.exec(QStringLiteral("SELECT MAX(id) FROM audit_log"));
        qint64 auditId = last.next() ? last.value(0).toLongLong() : 0;
        last.finish();
        const QString mac(64, QLatin1Char('0'));
        QElapsedTimer t;
        t.start();
        QSqlQuery(db).exec(QStringLiteral("BEGIN IMMEDIATE"));
        QSqlQuery token(db), registration(db), audit(db);
        token.prepare(QStringLiteral("UPDATE tokens SET next_counter = ?, last_step = ?, drift = ?,"
                                     " status = 'registered', state_mac = ? WHERE id = ? AND last_step < ?"));
        registration.prepare(
            QStringLiteral("INSERT INTO registrations (corporation_id, user_id, token_id, since) VALUES (?, ?, ?, ?)"));
        audit.prepare(QStringLiteral("INSERT INTO audit_log (id, at, actor, action, corporation_id, details, mac)"
                                     " VALUES (?, ?, ?, ?, ?, ?, ?)"));
        for (const QueuedRegistration& e : queued) {
            token.bindValue(0, QVariant::fromValue(static_cast<qint64>(e.nextState.nextCounter)));
            token.bindValue(1, e.nextState.lastStep);
            token.bindValue(2, e.nextState.driftSteps);
            token.bindValue(3, mac);
            token.bindValue(4, e.tokenId);
            token.bindValue(5, e.nextState.lastStep);
            token.exec();
            registration.bindValue(0, 1);
            registration.bindValue(1, e.userId);
            registration.bindValue(2, e.tokenId);
            registration.bindValue(3, QStringLiteral("2023-09-01T09:00:00.000Z"));
            registration.exec();
            audit.bindValue(0, ++auditId);
            audit.bindValue(1, QStringLiteral("2023-09-01T09:00:00.000Z"));
            audit.bindValue(2, QStringLiteral("administrator"));
            audit.bindValue(3, QStringLiteral("token.registered"));
            audit.bindValue(4, 1);
            audit.bindValue(5, QStringLiteral("user=%1 serial=%2").arg(e.userName, e.serial));
            audit.bindValue(6, mac);
            audit.exec();
        }
        QSqlQuery(db).exec(QStringLiteral("COMMIT"));
        ms = t.nsecsElapsed() / 1e6;
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ms;
}

} // namespace

// 契約法人の選択 at a branch's scale: `corporations` corporations with 5 users each, then the
// search the page runs at every keystroke, beside the same query as a bare prepared statement.
void corporationSearch(Store& store, const QSqlDatabase& bare, const QString& engine, int corporations)
{
    const QStringList words { QStringLiteral("青葉"), QStringLiteral("緑"), QStringLiteral("山田"),
        QStringLiteral("東海"), QStringLiteral("北斗"), QStringLiteral("桜"), QStringLiteral("富士"),
        QStringLiteral("大和"), QStringLiteral("日本"), QStringLiteral("関東"), QStringLiteral("中央"),
        QStringLiteral("南海"), QStringLiteral("ミドリ"), QStringLiteral("あおば"), QStringLiteral("昭和"),
        QStringLiteral("朝日"), QStringLiteral("旭"), QStringLiteral("丸の内"), QStringLiteral("新星"),
        QStringLiteral("みらい") };
    const QStringList kinds { QStringLiteral("商事"), QStringLiteral("運輸"), QStringLiteral("建設"),
        QStringLiteral("製作所"), QStringLiteral("不動産"), QStringLiteral("食品"), QStringLiteral("電機"),
        QStringLiteral("物産") };
    const QStringList forms { QStringLiteral("株式会社%1"), QStringLiteral("%1株式会社"),
        QStringLiteral("有限会社%1") };
    QElapsedTimer fill;
    fill.start();
    const bool filled = store.transaction([&] {
        for (int i = 0; i < corporations; ++i) {
            const QString name = forms[i % 3].arg(words[(i / 3) % 20] + words[(i / 60) % 20] + kinds[(i / 7) % 8]);
            const qint64 id = CorporationTable::insert(
                store, QString::number(1000000000LL + i), name, QString(), CorporationState {});
            if (!id)
                return false;
            for (int u = 0; u < 5; ++u) {
                if (!UserTable::insert(
                        store, id, QStringLiteral("利用者 %1-%2").arg(i).arg(u), u + 1, QStringLiteral("U%1").arg(u)))
                    return false;
            }
        }
        return true;
    });
    if (!filled) {
        out() << engine << ": could not fill the store: " << store.errorMessage() << Qt::endl;
        return;
    }
    if (engine == QLatin1String("PostgreSQL"))
        QSqlQuery(bare).exec(QStringLiteral("VACUUM ANALYZE"));
    else
        QSqlQuery(bare).exec(QStringLiteral("ANALYZE"));
    const double fillS = fill.nsecsElapsed() / 1e9;
    // What a staff member types: a name as an IME commits it, one that matches nothing, a code
    // digit by digit (no prefix of it is a code or in a name: each is a scan to the end).
    QStringList strokes { QStringLiteral("青"), QStringLiteral("青葉"), QStringLiteral("青葉富士"),
        QStringLiteral("青葉富士運輸"), QStringLiteral("ミ"), QStringLiteral("ミド"), QStringLiteral("ミドリ"),
        QStringLiteral("存在しない会社") };
    const QString code = QString::number(1000000000LL + corporations / 2 + 321);
    for (int i = 1; i <= code.size(); ++i)
        strokes << code.left(i);
    CorporationSearchModel model(store);
    const bool postgres = engine == QLatin1String("PostgreSQL");
    const QString contains
        = postgres ? QStringLiteral("name LIKE ? ESCAPE '\\'") : QStringLiteral("instr(name, ?) > 0");
    // The bare baseline does what the search does: the code exactly, and names only for text that is
    // not all digits.
    QSqlQuery exact(bare);
    exact.setForwardOnly(true);
    exact.prepare(QStringLiteral("SELECT id, code, name FROM corporations WHERE code = ?"));
    QSqlQuery q(bare);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, code, name FROM corporations WHERE ") + contains
        + QStringLiteral(" ORDER BY code LIMIT 101"));
    QList<double> ours;
    QList<double> bareTimes;
    int hits = 0;
    for (const QString& s : std::as_const(strokes)) {
        ours.append(measure(5, 3, [&] { model.search(s); }));
        hits += model.rowCount();
        const bool digits = std::all_of(s.cbegin(), s.cend(), [](QChar c) { return c.isDigit(); });
        bareTimes.append(measure(5, 3, [&] {
            exact.bindValue(0, s);
            exact.exec();
            while (exact.next())
                exact.value(2).toString();
            if (digits)
                return;
            q.bindValue(0, postgres ? QString(QLatin1Char('%') + s + QLatin1Char('%')) : s);
            q.exec();
            while (q.next())
                q.value(2).toString();
        }));
    }
    const QString scale = QLocale(QLocale::English).toString(corporations);
    out() << engine << ": " << scale << " corporations × 5 users written in " << QString::number(fillS, 'f', 1)
          << " s; " << strokes.size() << " keystrokes, " << hits << " rows shown in all" << Qt::endl;
    row(QStringLiteral("%1: search per keystroke, median (%2 corp.)").arg(engine, scale), median(ours) / 1e6,
        QStringLiteral("ms"), QStringLiteral("bare prepared SELECT"), median(bareTimes) / 1e6,
        QStringLiteral("< 16.7 ms"));
    row(QStringLiteral("%1: search, slowest keystroke").arg(engine),
        *std::max_element(ours.cbegin(), ours.cend()) / 1e6, QStringLiteral("ms"), QStringLiteral("bare, slowest"),
        *std::max_element(bareTimes.cbegin(), bareTimes.cend()) / 1e6, QStringLiteral("< 16.7 ms"));
}

// The bare baseline for the desk: 50,000 names in the plainest table model Qt offers, behind a
// default QSortFilterProxyModel, in a QTableView with default headers.
class BareNames final : public QAbstractTableModel {
public:
    explicit BareNames(int rows)
    {
        for (int i = 0; i < rows; ++i)
            m_names.append(QStringLiteral("利用者 %1").arg(i, 5, 10, QLatin1Char('0')));
    }
    int rowCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : int(m_names.size()); }
    int columnCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : 2; }
    QVariant data(const QModelIndex& index, int role) const override
    {
        if (role != Qt::DisplayRole)
            return {};
        return index.column() == 0 ? m_names.at(index.row()) : QString::number(1000000000LL + index.row());
    }

private:
    QStringList m_names;
};

// One keystroke or click on a table and everything it causes, painting included, in milliseconds.
double settle(const std::function<void()>& input, QWidget* painted)
{
    QElapsedTimer t;
    t.start();
    input();
    QCoreApplication::processEvents();
    painted->repaint();
    return t.nsecsElapsed() / 1e6;
}

// Filter keystrokes (type "1", erase it: the erase brings all rows back) and sort clicks on a view.
struct DeskFigures {
    QList<double> type, erase, sort;
};

DeskFigures driveTable(QLineEdit* filter, QTableView* table, int sortColumn, int rounds)
{
    DeskFigures f;
    QWidget* painted = table->window();
    for (int i = 0; i < rounds; ++i) {
        f.type.append(settle([&] { QTest::keyClick(filter, Qt::Key_1); }, painted));
        f.erase.append(settle([&] { QTest::keyClick(filter, Qt::Key_Backspace); }, painted));
        QHeaderView* header = table->horizontalHeader();
        const QPoint at(header->sectionViewportPosition(sortColumn) + 8, header->height() / 2);
        f.sort.append(settle([&] { QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, at); }, painted));
    }
    return f;
}

// One start of `program` to its first paint (FirstPaintProbe): from the launch to the frame drawn,
// in milliseconds, as the program reports it against the launch time given here (the monotonic
// clock); its peak RSS in MiB from what it prints.
double startToFirstPaint(const QString& program, const QStringList& args, double* peakMiB, bool toRegistration = false)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HARDTOKEN_EXIT_AFTER_FIRST_PAINT"),
        toRegistration ? QStringLiteral("registration") : QStringLiteral("1"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("HARDTOKEN_LAUNCH_NS"), QString::number(QDeadlineTimer::current().deadlineNSecs()));
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForFinished(120000) || p.exitCode() != 0) {
        out() << program << " did not start: " << p.readAllStandardError() << Qt::endl;
        return -1;
    }
    const QString printed = QString::fromUtf8(p.readAllStandardError());
    const auto m = QRegularExpression(QStringLiteral("peak-rss-kib (\\d+)")).match(printed);
    *peakMiB = m.hasMatch() ? m.captured(1).toDouble() / 1024.0 : -1;
    const auto painted = QRegularExpression(QStringLiteral("first-paint-ms ([0-9.]+)")).match(printed);
    return painted.hasMatch() ? painted.captured(1).toDouble() : -1;
}

int main(int argc, char* argv[])
{
    qputenv(
        "QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    // `--only NAME` runs one group (otp, load, commit, users, tour), e.g. under a profiler.
    const QStringList args = QApplication::arguments();
    const QString only = args.indexOf(QStringLiteral("--only")) > 0
        ? args.value(args.indexOf(QStringLiteral("--only")) + 1)
        : QString();
    const auto wanted = [&only](const char* group) { return only.isEmpty() || only == QLatin1String(group); };
    oath_init();
    const double startRss = peakRssMiB();
    out() << "measure\tvalue\tunit\tbaseline\tbaseline value\tratio\tgoal" << Qt::endl;
    FixedClock clock(kEpoch * 1000);
    QString error;

    // OTP verification on the same window as liboath: TOTP ±1 step, HOTP 10 ahead; a wrong code, so
    // both compute every candidate.
    if (wanted("otp")) {
        const QByteArray secret = QByteArrayLiteral("12345678901234567890");
        OtpVerifier verifier({ 10, 1, 2 });
        OtpParameters totp;
        const double ours
            = measure(5, 20000, [&] { verifier.verify(secret, totp, {}, QStringLiteral("000000"), kEpoch); });
        const double oath = measure(5, 20000,
            [&] { oath_totp_validate(secret.constData(), size_t(secret.size()), kEpoch, 30, 0, 1, "000000"); });
        row(QStringLiteral("TOTP verify, ±1 step"), ours / 1000, QStringLiteral("µs"),
            QStringLiteral("liboath oath_totp_validate"), oath / 1000, QStringLiteral("< 1"));
        OtpParameters hotp;
        hotp.kind = OtpKind::Hotp;
        const double oursH
            = measure(5, 5000, [&] { verifier.verify(secret, hotp, {}, QStringLiteral("000000"), kEpoch); });
        const double oathH
            = measure(5, 5000, [&] { oath_hotp_validate(secret.constData(), size_t(secret.size()), 0, 10, "000000"); });
        row(QStringLiteral("HOTP verify, 10 ahead"), oursH / 1000, QStringLiteral("µs"),
            QStringLiteral("liboath oath_hotp_validate"), oathH / 1000, QStringLiteral("< 1"));
    }

    // Scenario load (2,000 users and tokens) vs the same number of bare prepared inserts plus the
    // crypto the load must do (scrypt of the PIN and staff credentials, sealing every secret).
    if (wanted("load")) {
        auto large = ScenarioLoader::load(QStringLiteral(":/scenarios/large-2000.json"), &error);
        if (!large) {
            out() << error << Qt::endl;
            return 1;
        }
        QList<double> load, bare, cryptoMs;
        for (int r = 0; r < 5; ++r) {
            QTemporaryDir dir;
            Store store(clock);
            store.openSqlite(dir.filePath(QStringLiteral("s.sqlite")));
            QElapsedTimer t;
            t.start();
            ScenarioLoader::apply(store, *large, QStringLiteral("bench"), &error);
            load.append(t.nsecsElapsed() / 1e6);
            t.restart();
            crypto::hashSecret(large->pin, large->kdf);
            for (const auto& st : large->staff)
                crypto::hashSecret(st.credential, large->kdf);
            for (const auto& tok : large->tokens)
                store.sealSecret(tok.secret, tok.serial);
            cryptoMs.append(t.nsecsElapsed() / 1e6);
            BareSqlite b(dir.filePath(QStringLiteral("bare.sqlite")));
            bare.append(b.insertRows(int(large->users.size() + large->tokens.size() + large->tokens.size() / 2), "x"));
        }
        row(QStringLiteral("load 2,000-user scenario"), median(load), QStringLiteral("ms"),
            QStringLiteral("bare prepared inserts + crypto"), median(bare) + median(cryptoMs), QStringLiteral("≤ 3"));
        row(QStringLiteral("  the same without its crypto (scrypt, sealing)"), median(load) - median(cryptoMs),
            QStringLiteral("ms"), QStringLiteral("bare prepared inserts"), median(bare));
    }

    // 次へ (check serial + OTP, queue the entry) at 1,000 and at 50,000 users; then OK for 1,000
    // entries vs 1,000 bare prepared inserts, with the PIN's scrypt reported apart.
    if (wanted("commit")) {
        QList<double> nextAt1k, nextAt50k, commit, cheapScrypt, scrypt, bare, sameRowsBare;
        for (int users : { 1000, 50000 }) {
            if (users == 50000 && !qEnvironmentVariableIsEmpty("HARDTOKEN_BENCH_SMALL"))
                continue;
            const Scenario s = bigScenario(users);
            for (int r = 0; r < 3; ++r) {
                QTemporaryDir dir;
                Store store(clock);
                store.openSqlite(dir.filePath(QStringLiteral("s.sqlite")));
                if (!ScenarioLoader::apply(store, s, QStringLiteral("bench"), &error)) {
                    out() << error << Qt::endl;
                    return 1;
                }
                RegistrationService service(store);
                service.selectCorporation();
                QList<qint64> ids;
                for (const UserInfo& u : service.users().value_or(QList<UserInfo> {}))
                    ids.append(u.id);
                OtpGenerator g;
                QElapsedTimer t;
                t.start();
                for (int i = 0; i < 1000; ++i) {
                    const int k = (i * 37) % users; // spread over the whole corporation
                    const Outcome o = service.enqueue(ids[k], s.tokens[k].serial, g.totp(s.tokens[k].secret, kEpoch));
                    if (!o.ok()) {
                        out() << "enqueue failed: " << o.message << Qt::endl;
                        return 1;
                    }
                }
                (users == 1000 ? nextAt1k : nextAt50k).append(t.nsecsElapsed() / 1e3 / 1000);
                if (users != 1000)
                    continue;
                const QString cheap = crypto::hashSecret(s.pin, s.kdf);
                const QString production = crypto::hashSecret(s.pin, crypto::KdfParameters {});
                t.restart();
                crypto::verifySecret(s.pin, cheap);
                cheapScrypt.append(t.nsecsElapsed() / 1e6);
                t.restart();
                crypto::verifySecret(s.pin, production);
                scrypt.append(t.nsecsElapsed() / 1e6);
                const QList<QueuedRegistration> queued = service.queue();
                t.restart();
                const Outcome o = service.commitQueue(s.pin);
                commit.append(t.nsecsElapsed() / 1e6);
                if (!o.ok()) {
                    out() << "commit failed: " << o.message << Qt::endl;
                    return 1;
                }
                BareSqlite b(dir.filePath(QStringLiteral("bare.sqlite")));
                bare.append(b.insertRows(1000));
                sameRowsBare.append(writeSameRowsBare(dir.filePath(QStringLiteral("same.sqlite")), s, queued, clock));
            }
        }
        if (!nextAt50k.isEmpty())
            row(QStringLiteral("次へ at 50,000 users (per entry)"), median(nextAt50k), QStringLiteral("µs"),
                QStringLiteral("次へ at 1,000 users"), median(nextAt1k), QStringLiteral("≈ 1 (O(1))"));
        row(QStringLiteral("OK, 1,000 entries, without the PIN's scrypt"), median(commit) - median(cheapScrypt),
            QStringLiteral("ms"), QStringLiteral("1,000 bare prepared inserts"), median(bare), QStringLiteral("≤ 4"));
        row(QStringLiteral("  the same, against the rows it writes"), median(commit) - median(cheapScrypt),
            QStringLiteral("ms"), QStringLiteral("the same rows written bare"), median(sameRowsBare));
        row(QStringLiteral("  + the PIN's scrypt (N=2^15), reported apart"), median(scrypt), QStringLiteral("ms"),
            QStringLiteral("OK, 1,000 entries, without it"), median(commit) - median(cheapScrypt));
    }

    // The 利用者の選択 data for 2,000 users, as the input screen reads it.
    if (wanted("users")) {
        auto large = ScenarioLoader::load(QStringLiteral(":/scenarios/large-2000.json"), &error);
        QTemporaryDir dir;
        Store store(clock);
        store.openSqlite(dir.filePath(QStringLiteral("s.sqlite")));
        ScenarioLoader::apply(store, *large, QStringLiteral("bench"), &error);
        RegistrationService service(store);
        service.selectCorporation();
        const double users = measure(5, 20, [&] { service.users().value(); });
        BareSqlite b(dir.filePath(QStringLiteral("s.sqlite")));
        const double bare = measure(5, 20, [&] {
            QSqlQuery q(b.db);
            q.setForwardOnly(true);
            q.exec(QStringLiteral("SELECT id, name, display_order FROM users ORDER BY display_order"));
            while (q.next())
                q.value(1).toString();
        });
        row(QStringLiteral("read 2,000 users with tokens"), users / 1e6, QStringLiteral("ms"),
            QStringLiteral("bare SELECT of the users"), bare / 1e6);
    }

    // The branch desk at 50,000 users: the 利用者の選択 table of the input screen, filtered and
    // sorted with real key and mouse events, painting included; against the same on BareNames.
    if (wanted("desk")) {
        const int users = 50000;
        const Scenario s = bigScenario(users);
        QTemporaryDir dir;
        Store store(clock);
        store.openSqlite(dir.filePath(QStringLiteral("desk.sqlite")));
        if (!ScenarioLoader::apply(store, s, QStringLiteral("bench"), &error)) {
            out() << error << Qt::endl;
            return 1;
        }
        RegistrationService service(store);
        service.selectCorporation();
        RegistrationFlow flow(service);
        Language language;
        MainWindow window(flow, language);
        window.resize(1280, 900);
        flow.start();
        window.show();
        QCoreApplication::processEvents();
        flow.openUserRegistration();
        if (!QTest::qWaitFor([&] { return flow.screen() == RegistrationFlow::Screen::UserInfoSelection; }))
            return 1;
        // 利用者情報選択's 利用者一覧 first (its own filter and sort), then the input screen.
        const DeskFigures list
            = driveTable(window.currentPage()->findChild<QLineEdit*>(QStringLiteral("usersFilterEdit")),
                window.currentPage()->findChild<QTableView*>(QStringLiteral("usersTable")), 0, 7);
        window.currentPage()->findChild<QPushButton*>(QStringLiteral("registerButton"))->click();
        if (!QTest::qWaitFor([&] { return flow.screen() == RegistrationFlow::Screen::IndividualRegistrationInput; }))
            return 1;
        auto* filter = window.currentPage()->findChild<QLineEdit*>(QStringLiteral("filterEdit"));
        auto* table = window.currentPage()->findChild<QTableView*>(QStringLiteral("userTable"));
        filter->setFocus();
        const DeskFigures ours = driveTable(filter, table, 1, 7);
        // Back to 利用者情報選択 and in again: the pages load 50,000 users as a person moves.
        QList<double> enterInput;
        for (int i = 0; i < 5; ++i) {
            flow.cancel();
            if (!QTest::qWaitFor([&] { return flow.screen() == RegistrationFlow::Screen::UserInfoSelection; }))
                return 1;
            enterInput.append(settle(
                [&] {
                    window.currentPage()->findChild<QPushButton*>(QStringLiteral("registerButton"))->click();
                    QCoreApplication::processEvents();
                },
                &window));
        }

        // The first sort click after entering the input screen (the name column's order is not
        // known yet when the users were just loaded), on 15 fresh entries.
        QList<double> firstSort;
        for (int i = 0; i < 15; ++i) {
            flow.cancel();
            if (!QTest::qWaitFor([&] { return flow.screen() == RegistrationFlow::Screen::UserInfoSelection; }))
                return 1;
            window.currentPage()->findChild<QPushButton*>(QStringLiteral("registerButton"))->click();
            if (!QTest::qWaitFor(
                    [&] { return flow.screen() == RegistrationFlow::Screen::IndividualRegistrationInput; }))
                return 1;
            // As a person would: the screen is shown and looked at before the first click.
            QTest::qWait(300);
            QHeaderView* header
                = window.currentPage()->findChild<QTableView*>(QStringLiteral("userTable"))->horizontalHeader();
            const QPoint at(header->sectionViewportPosition(1) + 8, header->height() / 2);
            firstSort.append(settle([&] { QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, at); }, &window));
        }

        BareNames bareModel(users);
        QSortFilterProxyModel bareProxy;
        bareProxy.setSourceModel(&bareModel);
        QWidget bareWindow;
        QLineEdit bareFilter(&bareWindow);
        QTableView bareTable(&bareWindow);
        bareTable.setGeometry(0, 30, 1200, 600);
        bareTable.setModel(&bareProxy);
        bareTable.setSortingEnabled(true);
        QObject::connect(
            &bareFilter, &QLineEdit::textChanged, &bareProxy, &QSortFilterProxyModel::setFilterFixedString);
        bareWindow.resize(1280, 900);
        bareWindow.show();
        bareFilter.setFocus();
        QCoreApplication::processEvents();
        const DeskFigures bare = driveTable(&bareFilter, &bareTable, 0, 7);
        row(QStringLiteral("filter keystroke at 50,000 users (type)"), median(ours.type), QStringLiteral("ms"),
            QStringLiteral("bare proxy + view"), median(bare.type), QStringLiteral("goal ≤ 16 ms"));
        row(QStringLiteral("filter keystroke at 50,000 users (erase)"), median(ours.erase), QStringLiteral("ms"),
            QStringLiteral("bare proxy + view"), median(bare.erase), QStringLiteral("goal ≤ 16 ms"));
        row(QStringLiteral("sort click at 50,000 users"), median(ours.sort), QStringLiteral("ms"),
            QStringLiteral("bare proxy + view"), median(bare.sort), QStringLiteral("goal ≤ 16 ms"));
        row(QStringLiteral("first sort click after entering (50,000 users)"), median(firstSort), QStringLiteral("ms"),
            QStringLiteral("bare proxy + view"), median(bare.sort), QStringLiteral("goal ≤ 16 ms"));
        row(QStringLiteral("利用登録 (to the input screen, 50,000 users)"), median(enterInput), QStringLiteral("ms"),
            QStringLiteral("filter keystroke (type)"), median(ours.type));
        row(QStringLiteral("利用者一覧: filter keystroke (type)"), median(list.type), QStringLiteral("ms"),
            QStringLiteral("bare proxy + view"), median(bare.type), QStringLiteral("goal ≤ 16 ms"));
        row(QStringLiteral("利用者一覧: filter keystroke (erase)"), median(list.erase), QStringLiteral("ms"),
            QStringLiteral("bare proxy + view"), median(bare.erase), QStringLiteral("goal ≤ 16 ms"));
        row(QStringLiteral("利用者一覧: sort click"), median(list.sort), QStringLiteral("ms"),
            QStringLiteral("bare proxy + view"), median(bare.sort), QStringLiteral("goal ≤ 16 ms"));
    }

    // Start to first paint and peak memory: the console on the training store and on a 50,000-user
    // corporation, against the least Qt Widgets program (bench-minimal-widgets) in the same run.
    if (wanted("startup")) {
        QTemporaryDir dir;
        const QString training = dir.filePath(QStringLiteral("training.sqlite"));
        const QString big = dir.filePath(QStringLiteral("big.sqlite"));
        const QString mid = dir.filePath(QStringLiteral("mid.sqlite"));
        {
            Store store(clock);
            auto manual = ScenarioLoader::load(QStringLiteral(":/scenarios/manual-ch9.json"), &error);
            if (!store.openSqlite(training) || !manual
                || !ScenarioLoader::apply(store, *manual, QStringLiteral(":/scenarios/manual-ch9.json"), &error)) {
                out() << error << Qt::endl;
                return 1;
            }
        }
        for (const auto& [path, users] : { std::pair(big, 50000), std::pair(mid, 10000) }) {
            Store store(clock);
            if (!store.openSqlite(path)
                || !ScenarioLoader::apply(store, bigScenario(users), QStringLiteral("bench"), &error)) {
                out() << error << Qt::endl;
                return 1;
            }
        }
        QList<double> minimal, console, console10k, console50k, rssMinimal, rssConsole, rss50k, table50k, rssTable50k,
            reset;
        // 21 rounds, each program once per round (interleaved: a slow moment of the machine falls on
        // all of them); the ratio is the median of the rounds' ratios (pairedRow).
        for (int i = 0; i < 21; ++i) {
            double rss = 0;
            minimal.append(startToFirstPaint(QStringLiteral(HARDTOKEN_MINIMAL), {}, &rss));
            rssMinimal.append(rss);
            console.append(startToFirstPaint(QStringLiteral(HARDTOKEN_CONSOLE),
                { QStringLiteral("--database"), training, QStringLiteral("--no-keychain") }, &rss));
            rssConsole.append(rss);
            // --training: the store reset to its scenario at every start (its secrets hashed once).
            reset.append(startToFirstPaint(QStringLiteral(HARDTOKEN_CONSOLE),
                { QStringLiteral("--database"), training, QStringLiteral("--no-keychain"),
                    QStringLiteral("--training") },
                &rss));
            console10k.append(startToFirstPaint(QStringLiteral(HARDTOKEN_CONSOLE),
                { QStringLiteral("--database"), mid, QStringLiteral("--no-keychain") }, &rss));
            console50k.append(startToFirstPaint(QStringLiteral(HARDTOKEN_CONSOLE),
                { QStringLiteral("--database"), big, QStringLiteral("--no-keychain") }, &rss));
            rss50k.append(rss);
            // On to 利用登録入力: the 50,000 rows of 利用者の選択 on screen.
            table50k.append(startToFirstPaint(QStringLiteral(HARDTOKEN_CONSOLE),
                { QStringLiteral("--database"), big, QStringLiteral("--no-keychain") }, &rss, true));
            rssTable50k.append(rss);
        }
        pairedRow(QStringLiteral("start to first paint, training store"), console, QStringLiteral("ms"),
            QStringLiteral("minimal Qt Widgets program"), minimal, QStringLiteral("goal ratio ≤ 2"));
        pairedRow(QStringLiteral("start to first paint, --training (reset at start)"), reset, QStringLiteral("ms"),
            QStringLiteral("minimal Qt Widgets program"), minimal, QStringLiteral("goal ratio ≤ 3"));
        pairedRow(QStringLiteral("start to first paint, 10,000 users"), console10k, QStringLiteral("ms"),
            QStringLiteral("minimal Qt Widgets program"), minimal, QStringLiteral("goal ratio ≤ 2"));
        pairedRow(QStringLiteral("start to first paint, 50,000 users"), console50k, QStringLiteral("ms"),
            QStringLiteral("minimal Qt Widgets program"), minimal, QStringLiteral("goal ratio ≤ 2"));
        row(QStringLiteral("peak RSS at first paint, training store"), median(rssConsole), QStringLiteral("MiB"),
            QStringLiteral("minimal Qt Widgets program"), median(rssMinimal), QStringLiteral("-"));
        row(QStringLiteral("peak RSS at first paint, 50,000 users"), median(rss50k), QStringLiteral("MiB"),
            QStringLiteral("minimal Qt Widgets program"), median(rssMinimal),
            QStringLiteral("goal ≤ +40 MiB (%1)").arg(median(rss50k) - median(rssMinimal), 0, 'f', 1));
        row(QStringLiteral("start to 利用者の選択 painted, 50,000 users"), median(table50k), QStringLiteral("ms"),
            QStringLiteral("minimal Qt Widgets program"), median(minimal), QStringLiteral("-"));
        row(QStringLiteral("peak RSS with 利用者の選択 on screen, 50,000 users"), median(rssTable50k),
            QStringLiteral("MiB"), QStringLiteral("minimal Qt Widgets program"), median(rssMinimal),
            QStringLiteral("goal ≤ +40 MiB (%1)").arg(median(rssTable50k) - median(rssMinimal), 0, 'f', 1));
    }

    if (wanted("corporations")) {
        const int corporations = qEnvironmentVariableIsSet("HARDTOKEN_BENCH_SMALL") ? 10000 : 100000;
        {
            QTemporaryDir dir;
            Store store(clock);
            store.openSqlite(dir.filePath(QStringLiteral("c.sqlite")));
            BareSqlite b(dir.filePath(QStringLiteral("c.sqlite")));
            corporationSearch(store, b.db, QStringLiteral("SQLite"), corporations);
        }
        if (!qEnvironmentVariableIsEmpty("HARDTOKEN_PG")) {
            test::PgDatabase pg;
            {
                Store store(clock);
                if (!store.openPostgres(pg.connection(), pg.keyFile())) {
                    out() << "PostgreSQL: " << store.errorMessage() << Qt::endl;
                } else {
                    const QString name = QStringLiteral("bare-pg");
                    {
                        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
                        test::configurePostgres(db, pg.connection());
                        db.open();
                        corporationSearch(store, db, QStringLiteral("PostgreSQL"), corporations);
                        db.close();
                    }
                    QSqlDatabase::removeDatabase(name);
                }
            }
        } else {
            out() << "PostgreSQL: HARDTOKEN_PG not set, skipped" << Qt::endl;
        }
    }

    // The whole screenshot tour (both languages) vs starting one window and grabbing it.
    // The chapter as a writer makes it (hardtoken-cli manual: the tour at print scale, then HTML and
    // PDF in both languages), in a process of its own: wall time and its peak resident memory
    // (VmHWM, read until it exits), beside the tour alone (hardtoken-cli screenshots).
    if (wanted("export")) {
        const auto runCli = [](const QStringList& args, double* peakMiB) {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
            p.setProcessEnvironment(env);
            QElapsedTimer t;
            t.start();
            p.start(QStringLiteral(HARDTOKEN_CLI_PATH), args);
            p.waitForStarted();
            long peakKib = 0;
            QFile status(QStringLiteral("/proc/%1/status").arg(p.processId()));
            while (!p.waitForFinished(10)) {
                if (status.open(QIODevice::ReadOnly)) {
                    for (const QByteArray& line : status.readAll().split('\n')) {
                        if (line.startsWith("VmHWM:"))
                            peakKib = qMax(peakKib, line.mid(6).trimmed().split(' ').value(0).toLong());
                    }
                    status.close();
                }
            }
            *peakMiB = peakKib / 1024.0;
            return p.exitCode() == 0 ? t.nsecsElapsed() / 1e6 : -1.0;
        };
        QList<double> exportMs, exportMiB, tourMs, tourMiB;
        for (int i = 0; i < 5; ++i) {
            QTemporaryDir outDir;
            double mib = 0;
            tourMs.append(runCli({ QStringLiteral("screenshots"), QStringLiteral("--out"),
                                     outDir.filePath(QStringLiteral("shots")), QStringLiteral("--quiet") },
                &mib));
            tourMiB.append(mib);
            exportMs.append(runCli({ QStringLiteral("manual"), QStringLiteral("--out"),
                                       outDir.filePath(QStringLiteral("chapter")), QStringLiteral("--quiet") },
                &mib));
            exportMiB.append(mib);
        }
        row(QStringLiteral("screenshot tour ja+en (hardtoken-cli screenshots)"), median(tourMs), QStringLiteral("ms"),
            QStringLiteral("the chapter export"), median(exportMs), QStringLiteral("goal ≤ 2500 ms"));
        row(QStringLiteral("chapter export ja+en (hardtoken-cli manual)"), median(exportMs), QStringLiteral("ms"),
            QStringLiteral("the tour alone"), median(tourMs), QStringLiteral("goal ≤ 5000 ms"));
        row(QStringLiteral("chapter export: peak memory"), *std::max_element(exportMiB.begin(), exportMiB.end()),
            QStringLiteral("MiB"), QStringLiteral("the tour alone"), *std::max_element(tourMiB.begin(), tourMiB.end()),
            QStringLiteral("goal ≤ 120 MiB"));
    }

    if (!wanted("tour")) {
        oath_done();
        return 0;
    }
    QElapsedTimer t;
    t.start();
    QLabel label(QStringLiteral("baseline"));
    label.resize(1024, 768);
    label.show();
    label.grab();
    const double baselineMs = t.nsecsElapsed() / 1e6;
    QTemporaryDir tourDir;
    TourOptions options;
    options.outDir = tourDir.path();
    QList<TourShot> shots;
    t.restart();
    if (!ScreenshotTour::run(options, &shots, &error)) {
        out() << error << Qt::endl;
        return 1;
    }
    row(QStringLiteral("screenshot tour (%1 files)").arg(shots.size()), t.nsecsElapsed() / 1e6, QStringLiteral("ms"),
        QStringLiteral("one window shown + grabbed"), baselineMs);
    row(QStringLiteral("peak memory after all of the above"), peakRssMiB(), QStringLiteral("MiB"),
        QStringLiteral("QApplication started"), startRss);
    oath_done();
    return 0;
}
