#pragma once

#include "core/task.h"

#include <QAbstractTableModel>
#include <QList>
#include <QSortFilterProxyModel>

namespace crsync {

// The artifacts of one task (its detail): repository, tag, source digest, kind (with the
// signatures and SBOMs copied with it), outcome, bytes, duration and the error text, as the
// engine recorded them.
class TaskItemModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Repository, Tag, Digest, Kind, Outcome, Bytes, Duration, Error, ColumnCount };
    static constexpr int OutcomeRole = Qt::UserRole + 1; // int(TaskItem::Outcome)
    static constexpr int SortRole = Qt::UserRole + 2;    // numbers as numbers

    using QAbstractTableModel::QAbstractTableModel;

    void setItems(QList<TaskItem> items);
    void appendItems(const QList<TaskItem> &items); // a running task's newly finished artifacts
    qint64 lastItemId() const { return m_items.isEmpty() ? 0 : m_items.last().id; }
    const QList<TaskItem> &items() const { return m_items; }
    const TaskItem *item(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // The items as CSV (RFC 4180: comma-separated, quoted where needed, CRLF line ends), UTF-8,
    // with a header row in the current language. Only `rows` (source rows) when given.
    QByteArray toCsv(const QList<int> &rows = {}) const;

private:
    QList<TaskItem> m_items;
};

// The detail's filters: failures only, and a text matched against every column.
class TaskItemFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setFailuresOnly(bool on);
    bool failuresOnly() const { return m_failuresOnly; }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override;

private:
    bool m_failuresOnly = false;
};

} // namespace crsync
