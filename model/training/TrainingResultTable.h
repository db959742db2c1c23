#pragma once

#include "training/TrainingSession.h"

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

} // namespace hardtoken
