#include "tables/TrainingResultsModel.h"

#include "store/AuditLog.h"
#include "training/TrainingReport.h"

#include <QDateTime>

#include <algorithm>

namespace hardtoken {

TrainingResultsModel::TrainingResultsModel(const Store& store, QObject* parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
}

int TrainingResultsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_results.size());
}

int TrainingResultsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TrainingResultsModel::sortKey(const TrainingResult& r, int column) const
{
    switch (column) {
    case TraineeColumn:
        return r.trainee;
    case ExerciseColumn:
        return TrainingReport::exerciseTitle(r);
    case StartedColumn:
        return r.startedAtMSecs;
    case OutcomeColumn:
        return r.completed ? 1 : 0;
    case TimeColumn:
        return r.totalMSecs;
    case HintsColumn:
        return r.hints();
    case DemonstrationsColumn:
        return r.demonstrations();
    case WrongTurnsColumn:
        return int(r.wrongTurns.size());
    case FailuresColumn:
        return r.otpFailuresReached + r.pinFailuresReached;
    case SuspendedColumn:
        return r.suspended ? 1 : 0;
    default:
        return {};
    }
}

QVariant TrainingResultsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TrainingResult& r = m_results.at(index.row());
    if (role == SortRole)
        return sortKey(r, index.column());
    if (role == IdRole)
        return r.id;
    if (role == Qt::TextAlignmentRole && index.column() >= TimeColumn && index.column() <= FailuresColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case TraineeColumn:
        return AuditLog::printable(r.trainee);
    case ExerciseColumn:
        return TrainingReport::exerciseTitle(r);
    case StartedColumn:
        return QDateTime::fromMSecsSinceEpoch(r.startedAtMSecs)
            .toLocalTime()
            .toString(QStringLiteral("yyyy/MM/dd HH:mm"));
    case OutcomeColumn:
        return r.completed ? tr("完了") : tr("中断");
    case TimeColumn:
        return TrainingReport::duration(r.totalMSecs);
    case HintsColumn:
    case DemonstrationsColumn:
    case WrongTurnsColumn:
        return sortKey(r, index.column()); // the counts themselves
    case FailuresColumn:
        return tr("%1 / %2").arg(r.otpFailuresReached).arg(r.pinFailuresReached);
    case SuspendedColumn:
        return r.suspended ? tr("あり") : tr("なし");
    default:
        return {};
    }
}

QVariant TrainingResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TraineeColumn:
        return tr("研修者");
    case ExerciseColumn:
        return tr("練習");
    case StartedColumn:
        return tr("開始日時");
    case OutcomeColumn:
        return tr("結果");
    case TimeColumn:
        return tr("所要時間");
    case HintsColumn:
        return tr("ヒント");
    case DemonstrationsColumn:
        return tr("見本");
    case WrongTurnsColumn:
        return tr("誤操作");
    case FailuresColumn:
        return role == Qt::ToolTipRole
            ? tr("達した誤入力回数：シリアル番号・ワンタイムパスワード / 契約法人確認暗証番号")
            : tr("誤入力回数");
    case SuspendedColumn:
        return tr("利用中止");
    default:
        return {};
    }
}

void TrainingResultsModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QList<qint64> ids;
    for (const QModelIndex& i : before)
        ids.append(m_results.at(i.row()).id);
    std::stable_sort(m_results.begin(), m_results.end(), [&](const TrainingResult& a, const TrainingResult& b) {
        const QVariant ka = sortKey(a, column);
        const QVariant kb = sortKey(b, column);
        // Names and titles in the locale's order; everything else is a number.
        const qint64 c = ka.typeId() == QMetaType::QString ? ka.toString().localeAwareCompare(kb.toString())
                                                           : ka.toLongLong() - kb.toLongLong();
        return order == Qt::AscendingOrder ? c < 0 : c > 0;
    });
    QModelIndexList after;
    for (int k = 0; k < before.size(); ++k) {
        int row = 0;
        while (row < m_results.size() && m_results.at(row).id != ids.at(k))
            ++row;
        after.append(index(row, before.at(k).column()));
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void TrainingResultsModel::reload()
{
    beginResetModel();
    m_results = TrainingResultTable::list(m_store);
    endResetModel();
    if (m_sortColumn >= 0)
        sort(m_sortColumn, m_sortOrder);
}

const TrainingResult* TrainingResultsModel::resultAt(int row) const
{
    return row >= 0 && row < m_results.size() ? &m_results.at(row) : nullptr;
}

void TrainingResultsModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_results.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

} // namespace hardtoken
