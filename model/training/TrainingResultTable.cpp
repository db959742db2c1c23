#include "training/TrainingResultTable.h"

#include "core/Csv.h"
#include "store/Store.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaEnum>
#include <QSaveFile>

namespace hardtoken {

namespace {

template <typename E> QString enumKey(E value)
{
    return QString::fromLatin1(QMetaEnum::fromType<E>().valueToKey(int(value)));
}

template <typename E> E enumValue(const QString& key, E fallback)
{
    bool ok = false;
    const int v = QMetaEnum::fromType<E>().keyToValue(key.toLatin1().constData(), &ok);
    return ok ? E(v) : fallback;
}

QByteArray detailJson(const TrainingResult& r)
{
    QJsonArray steps;
    for (const TrainingStepRecord& s : r.steps) {
        steps.append(QJsonObject { { QStringLiteral("id"), s.stepId }, { QStringLiteral("ms"), double(s.msecs) },
            { QStringLiteral("hints"), s.hints }, { QStringLiteral("demonstrations"), s.demonstrations },
            { QStringLiteral("wrongTurns"), s.wrongTurns }, { QStringLiteral("done"), s.done } });
    }
    QJsonArray turns;
    for (const TrainingWrongTurn& t : r.wrongTurns) {
        turns.append(QJsonObject { { QStringLiteral("step"), t.step }, { QStringLiteral("stepId"), t.stepId },
            { QStringLiteral("kind"), enumKey(t.kind) }, { QStringLiteral("action"), enumKey(t.action) },
            { QStringLiteral("detail"), t.detail }, { QStringLiteral("remaining"), t.remainingAttempts },
            { QStringLiteral("ms"), double(t.atMSecs) } });
    }
    return QJsonDocument(QJsonObject { { QStringLiteral("steps"), steps }, { QStringLiteral("wrongTurns"), turns } })
        .toJson(QJsonDocument::Compact);
}

void readDetail(const QByteArray& json, TrainingResult* r)
{
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    for (const QJsonValue v : root.value(QLatin1String("steps")).toArray()) {
        const QJsonObject o = v.toObject();
        r->steps.append({ o.value(QLatin1String("id")).toString(), qint64(o.value(QLatin1String("ms")).toDouble()),
            o.value(QLatin1String("hints")).toInt(), o.value(QLatin1String("demonstrations")).toInt(),
            o.value(QLatin1String("wrongTurns")).toInt(), o.value(QLatin1String("done")).toBool() });
    }
    for (const QJsonValue v : root.value(QLatin1String("wrongTurns")).toArray()) {
        const QJsonObject o = v.toObject();
        TrainingWrongTurn t;
        t.step = o.value(QLatin1String("step")).toInt();
        t.stepId = o.value(QLatin1String("stepId")).toString();
        t.kind = enumValue(o.value(QLatin1String("kind")).toString(), TrainingWrongTurn::Kind::WrongButton);
        t.action = enumValue(o.value(QLatin1String("action")).toString(), RegistrationFlow::Action::Next);
        t.detail = o.value(QLatin1String("detail")).toString();
        t.remainingAttempts = o.value(QLatin1String("remaining")).toInt(-1);
        t.atMSecs = qint64(o.value(QLatin1String("ms")).toDouble());
        r->wrongTurns.append(t);
    }
}

const QString kColumns = QStringLiteral(
    "id, trainee, exercise_id, exercise_title, started_at, total_ms, completed, otp_failures, pin_failures,"
    " suspended, detail");

TrainingResult resultFrom(const Store::Query& q)
{
    TrainingResult r;
    r.id = q.value(0).toLongLong();
    r.trainee = q.value(1).toString();
    r.exerciseId = q.value(2).toString();
    r.exerciseTitle = q.value(3).toString();
    r.startedAtMSecs = q.value(4).toLongLong();
    r.totalMSecs = q.value(5).toLongLong();
    r.completed = q.value(6).toInt() != 0;
    r.otpFailuresReached = q.value(7).toInt();
    r.pinFailuresReached = q.value(8).toInt();
    r.suspended = q.value(9).toInt() != 0;
    readDetail(q.value(10).toString().toUtf8(), &r);
    return r;
}

} // namespace

QString TrainingResultTable::normaliseTrainee(const QString& name)
{
    QString n = name.simplified();
    for (const QChar c : std::as_const(n)) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return {};
    }
    return n.left(MaxTrainee);
}

qint64 TrainingResultTable::save(Store& store, const TrainingResult& result)
{
    if (!store.isTrainingStore()) {
        store.fail(StoreErrorCode::Refused, tr("練習の結果はトレーニング用データベースにだけ保存できます。"));
        return 0;
    }
    const QString trainee = normaliseTrainee(result.trainee);
    if (trainee.isEmpty()) {
        store.fail(StoreErrorCode::Refused, tr("研修者の名前が必要です。"));
        return 0;
    }
    qint64 id = 0;
    const bool ok = store.transaction([&] {
        id = store.insert(QStringLiteral("INSERT INTO training_results (trainee, exercise_id, exercise_title,"
                                         " started_at, total_ms, completed, hints, demonstrations, wrong_turns,"
                                         " otp_failures, pin_failures, suspended, detail)"
                                         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            { trainee, result.exerciseId, result.exerciseTitle, result.startedAtMSecs, result.totalMSecs,
                result.completed ? 1 : 0, result.hints(), result.demonstrations(), int(result.wrongTurns.size()),
                result.otpFailuresReached, result.pinFailuresReached, result.suspended ? 1 : 0,
                QString::fromUtf8(detailJson(result)) });
        return id != 0
            && store.audit(QStringLiteral("trainer"), AuditAction::TrainingResult, 0,
                QStringLiteral("id=%1 exercise=%2 completed=%3").arg(id).arg(result.exerciseId).arg(result.completed));
    });
    return ok ? id : 0;
}

QList<TrainingResult> TrainingResultTable::list(const Store& store)
{
    QList<TrainingResult> out;
    Store::Query q = store.query(
        QStringLiteral("SELECT %1 FROM training_results ORDER BY started_at DESC, id DESC").arg(kColumns));
    while (q.next())
        out.append(resultFrom(q));
    return out;
}

std::optional<TrainingResult> TrainingResultTable::find(const Store& store, qint64 id)
{
    Store::Query q = store.query(QStringLiteral("SELECT %1 FROM training_results WHERE id = ?").arg(kColumns), { id });
    if (!q.next())
        return std::nullopt;
    return resultFrom(q);
}

int TrainingResultTable::count(const Store& store)
{
    Store::Query q = store.query(QStringLiteral("SELECT COUNT(*) FROM training_results"));
    return q.next() ? q.value(0).toInt() : 0;
}

} // namespace hardtoken
