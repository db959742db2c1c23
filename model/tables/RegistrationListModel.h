#pragma once

#include <QAbstractTableModel>
#include <QSet>

namespace hardtoken {

class RegistrationService;

// 利用登録情報の一覧 (manual 9.2.2 step 4, CIBMHUS33): a checkbox, 利用者名 and the serial to
// register (2-7-1). Rows are the service's queue itself; only the check marks live here.
class RegistrationListModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { CheckColumn, NameColumn, SerialColumn, ColumnCount };
    enum Role { UserIdRole = Qt::UserRole + 1 };

    explicit RegistrationListModel(RegistrationService& service, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    QList<qint64> checkedUserIds() const;
    // 削除: removes the checked rows from the queue. Returns how many were removed.
    int removeChecked();
    void retranslate();
    // Off while the screen is hidden: no rows (a screen reader does not meet the list of a screen
    // left behind: Qt's cells judge "showing" by their place, not by their view). The check marks
    // stay. On by default.
    void setShown(bool shown);
    bool isShown() const { return m_shown; }

private:
    RegistrationService& m_service;
    QSet<qint64> m_checked;
    bool m_shown = true;
};

} // namespace hardtoken
