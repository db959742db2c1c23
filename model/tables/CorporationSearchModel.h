#pragma once

#include "store/CorporationTable.h"

#include <QAbstractTableModel>

namespace hardtoken {

class Store;

// 契約法人の選択: the corporations a staff member finds by 契約法人コード (exact) or by name (part
// of it, as typed). Holds one page of hits (at most `PageSize`); search() replaces it.
class CorporationSearchModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int PageSize = 100;
    enum Column { CodeColumn, NameColumn, UsersColumn, RegisteredColumn, StatusColumn, ColumnCount };
    enum Role { CodeRole = Qt::UserRole + 1 };

    explicit CorporationSearchModel(const Store& store, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // False, the hits left as they were, when the store did not answer.
    bool search(const QString& text);
    QString text() const { return m_text; }
    // More corporations match than the page holds: the staff member should type more.
    bool hasMore() const { return m_more; }
    QString codeAt(int row) const { return m_hits.value(row).code; }
    // Headers follow the language: call after a translator was installed or removed.
    void retranslate();

private:
    const Store& m_store;
    QString m_text;
    QList<CorporationHit> m_hits;
    bool m_more = false;
};

} // namespace hardtoken
