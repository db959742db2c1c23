#pragma once

#include "training/TrainingResultTable.h"

#include <QAbstractTableModel>

namespace hardtoken {

// The trainer's class view: every saved result of this laptop's training store (研修者, 練習,
// 開始日時, 結果, 所要時間, ヒント, 見本, 誤操作, 誤入力回数, 利用中止), sortable by any column
// (numbers and times as numbers, SortRole).
class TrainingResultsModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        TraineeColumn,
        ExerciseColumn,
        StartedColumn,
        OutcomeColumn,
        TimeColumn,
        HintsColumn,
        DemonstrationsColumn,
        WrongTurnsColumn,
        FailuresColumn,
        SuspendedColumn,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole + 1;
    static constexpr int IdRole = Qt::UserRole + 2;

    explicit TrainingResultsModel(const Store& store, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    void reload();
    const TrainingResult* resultAt(int row) const;
    QList<TrainingResult> results() const { return m_results; }
    void retranslate();

private:
    QVariant sortKey(const TrainingResult& r, int column) const;

    const Store& m_store;
    QList<TrainingResult> m_results;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace hardtoken
