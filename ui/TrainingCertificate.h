#pragma once

#include "training/TrainingSession.h"

#include <QCoreApplication>

class QFontMetrics;

namespace hardtoken {

// The one-page, certificate-style PDF of one trainee's exercise (QPdfWriter, A4): who, which
// exercise, when, completed or not, the time of each step with its hints and demonstrations, the
// wrong turns with what was done, and the failure counters reached. In the language of the moment.
class TrainingCertificate final {
    Q_DECLARE_TR_FUNCTIONS(TrainingCertificate)
public:
    static bool write(const TrainingResult& result, const QString& path, QString* error);
    // The file name a result is saved under: 「<trainee>-<exercise>-<yyyyMMdd-HHmm>.pdf」, safe on
    // every file system.
    static QString fileName(const TrainingResult& result, const QString& suffix);
    // At most this many wrong turns are listed (the rest are counted): the summary stays one page.
    static constexpr int MaxListedWrongTurns = 12;

private:
    struct Sheet;
    static void paintHeading(Sheet& sheet, const TrainingResult& r);
    static void paintSteps(Sheet& sheet, const TrainingResult& r, const QFontMetrics& metrics);
    static void paintCounts(Sheet& sheet, const TrainingResult& r);
};

} // namespace hardtoken
