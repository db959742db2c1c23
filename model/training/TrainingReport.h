#pragma once

#include "training/TrainingSession.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>

namespace hardtoken {

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
