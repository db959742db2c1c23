#pragma once

#include "TrainingSession.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>

#include <optional>

namespace hardtoken {

class Store;

// The training_results table's named operations: how each trainee did, kept in the training
// store (a scenario reset leaves them; a production store refuses them).
class TrainingResultTable final {
    Q_DECLARE_TR_FUNCTIONS(TrainingResultTable)
public:
    static constexpr int MaxTrainee = 64;
    // Saves the result (audited); its id, or 0 with store.errorMessage() saying why.
    static qint64 save(Store& store, const TrainingResult& result);
    // Every result, newest first.
    static QList<TrainingResult> list(const Store& store);
    static std::optional<TrainingResult> find(const Store& store, qint64 id);
    static int count(const Store& store);
    // A trainee's name as the table keeps it (trimmed, at most MaxTrainee characters); empty is
    // refused.
    static QString normaliseTrainee(const QString& name);
};

// The trainer's reports over saved results.
class TrainingReport final {
    Q_DECLARE_TR_FUNCTIONS(TrainingReport)
public:
    // CSV (UTF-8 with a BOM, CRLF, so that Excel opens it in Japanese): one row per expected step
    // of each result, then one summary row per result.
    static QByteArray csv(const QList<TrainingResult>& results);
    // csv() written to `path` (whole or not at all); false with `error` saying why.
    static bool writeCsv(const QList<TrainingResult>& results, const QString& path, QString* error);
    // The exercise's title in the language of the moment (bundled exercises), else the saved one.
    static QString exerciseTitle(const TrainingResult& result);
    // 「手順 9.2.2-3」, 「利用中止」, 「解除」.
    static QString stepName(const QString& stepId);
    static QString duration(qint64 msecs); // 「1分05秒」
};

} // namespace hardtoken
