#pragma once

#include "store/AuditLog.h"

#include <QAbstractTableModel>
#include <QCoreApplication>
#include <QDate>

namespace hardtoken {

class Store;

// The audit viewer's table: the entries that match the filter, newest first.
class AuditLogModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { IdColumn, AtColumn, ActorColumn, ActionColumn, CorporationColumn, DetailsColumn, ColumnCount };

    explicit AuditLogModel(const Store& store, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setFilter(const AuditFilter& filter);
    const QList<AuditRow>& rows() const { return m_rows; }
    void retranslate();

private:
    const Store& m_store;
    QList<AuditRow> m_rows;
};

} // namespace hardtoken
