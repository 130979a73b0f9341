#pragma once

#include "core/task.h"
#include "store/taskstore.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace crsync {

class SyncService;

// The sync log's tasks for the Sync logs page, in the seed's columns (任务ID, 创建时间, 任务耗时,
// 成功比例, 同步仓库数, 同步状态) then rule, trigger and bytes. Fetched a page at a time as the
// view scrolls (canFetchMore/fetchMore), never all at once; a running task's row follows the
// engine's progress in place.
class TaskTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Id, Created, Duration, SuccessRatio, Repositories, Status, Rule, Trigger, Bytes, ColumnCount };
    static constexpr int TaskIdRole = Qt::UserRole + 1;
    // While running: QVariantList {done, total, the bar's text ("3 of 10 · 12.5 MiB/s")}.
    static constexpr int ProgressRole = Qt::UserRole + 2;
    static constexpr int StatusRole = Qt::UserRole + 3;   // int(TaskStatus)
    static constexpr int PageSize = 200;

    explicit TaskTableModel(SyncService &sync, QObject *parent = nullptr);

    void setFilter(const TaskFilter &filter); // limit/offset/order are the model's own
    const TaskFilter &filter() const { return m_filter; }
    // Reads the first pages again (new tasks, finished ones), keeping as many rows as shown.
    void reload();
    // One task changed (its status, counters): re-read that row only.
    void refreshTask(qint64 taskId);
    void setProgress(qint64 taskId, int done, int total, qint64 bytes, double rate);
    void clearProgress(qint64 taskId);

    int totalCount() const { return m_total; }
    const Task *task(int row) const;
    int rowOf(qint64 taskId) const;
    QString error() const { return m_error; } // why the last query failed, or empty

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order) override;

    static QString durationText(const Task &task);
    static QString ratioText(const Task &task);

signals:
    void queryFailed(const QString &message);

private:
    struct Live
    {
        int done = 0;
        int total = 0;
        qint64 bytes = 0;
        double rate = 0;
    };
    Result<QList<Task>> page(int offset, int limit) const;

    SyncService &m_sync;
    TaskFilter m_filter;
    QList<Task> m_tasks;
    int m_total = 0;
    QHash<qint64, Live> m_live;
    QString m_error;
};

} // namespace crsync
