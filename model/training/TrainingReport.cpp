#include "training/TrainingReport.h"

#include "core/Csv.h"

#include <QDateTime>
#include <QDir>
#include <QSaveFile>

namespace hardtoken {

QString TrainingReport::exerciseTitle(const TrainingResult& result)
{
    // The bundled exercises are read once (the class view asks for every cell and every sort).
    static const QHash<QString, Exercise> bundled = [] {
        QHash<QString, Exercise> byId;
        for (const QString& path : ExerciseLoader::bundled()) {
            QString error;
            if (const auto e = ExerciseLoader::load(path, &error))
                byId.insert(e->id, *e);
        }
        return byId;
    }();
    const auto it = bundled.constFind(result.exerciseId);
    return it != bundled.constEnd() ? it->titleIn(currentLanguageCode()) : result.exerciseTitle;
}

QString TrainingReport::stepName(const QString& stepId)
{
    if (stepId == QLatin1String("suspended"))
        return tr("利用中止");
    if (stepId == QLatin1String("unlock"))
        return tr("利用中止の解除");
    return tr("手順 %1").arg(stepId);
}

QString TrainingReport::duration(qint64 msecs)
{
    const qint64 secs = (msecs + 500) / 1000;
    if (secs < 60)
        return tr("%1秒").arg(secs);
    return tr("%1分%2秒").arg(secs / 60).arg(secs % 60, 2, 10, QLatin1Char('0'));
}

QByteArray TrainingReport::csv(const QList<TrainingResult>& results)
{
    QList<QStringList> lines { { tr("研修者"), tr("練習"), tr("開始日時"), tr("結果"), tr("手順"), tr("所要時間（秒）"),
        tr("ヒント"), tr("見本"), tr("誤操作"), tr("誤操作の内容"),
        tr("誤入力回数（シリアル番号・ワンタイムパスワード）"), tr("誤入力回数（契約法人確認暗証番号）"),
        tr("利用中止") } };
    for (const TrainingResult& r : results) {
        const QString started = QDateTime::fromMSecsSinceEpoch(r.startedAtMSecs)
                                    .toLocalTime()
                                    .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        const QString outcome = r.completed ? tr("完了") : tr("中断");
        const QString title = exerciseTitle(r);
        const auto row = [&](const QString& step, qint64 ms, int hints, int demos, int wrong, const QString& what) {
            lines.append({ r.trainee, title, started, outcome, step, QString::number(double(ms) / 1000.0, 'f', 1),
                QString::number(hints), QString::number(demos), QString::number(wrong), what,
                QString::number(r.otpFailuresReached), QString::number(r.pinFailuresReached),
                r.suspended ? tr("あり") : tr("なし") });
        };
        for (int i = 0; i < r.steps.size(); ++i) {
            const TrainingStepRecord& s = r.steps[i];
            QStringList what;
            for (const TrainingWrongTurn& t : r.wrongTurns) {
                if (t.step == i)
                    what.append(TrainingSession::whatWasDone(t));
            }
            row(stepName(s.stepId), s.msecs, s.hints, s.demonstrations, s.wrongTurns, what.join(QStringLiteral(" / ")));
        }
        row(tr("合計"), r.totalMSecs, r.hints(), r.demonstrations(), int(r.wrongTurns.size()), QString());
    }
    return csv::document(lines);
}

bool TrainingReport::writeCsv(const QList<TrainingResult>& results, const QString& path, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv(results)) < 0 || !file.commit()) {
        *error = tr("%1 に書き込めません: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

} // namespace hardtoken
