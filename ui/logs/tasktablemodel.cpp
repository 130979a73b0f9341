#include "logs/tasktablemodel.h"

#include "core/format.h"
#include "service/syncservice.h"
#include "widgets/statusicons.h"

#include <QLocale>

namespace crsync {

namespace {

TaskOrder orderOf(int column)
{
    switch (column) {
    case TaskTableModel::Created:
        return TaskOrder::Created;
    case TaskTableModel::Duration:
        return TaskOrder::Duration;
    case TaskTableModel::SuccessRatio:
        return TaskOrder::SuccessRatio;
    case TaskTableModel::Repositories:
        return TaskOrder::Repositories;
    case TaskTableModel::Status:
        return TaskOrder::Status;
    case TaskTableModel::Rule:
        return TaskOrder::Rule;
    case TaskTableModel::Trigger:
        return TaskOrder::Trigger;
    case TaskTableModel::Bytes:
        return TaskOrder::Bytes;
    default:
        return TaskOrder::Id;
    }
}

bool running(const Task &t)
{
    return t.status == TaskStatus::Pending || t.status == TaskStatus::InProgress;
}

} // namespace

TaskTableModel::TaskTableModel(SyncService &sync, QObject *parent)
    : QAbstractTableModel(parent), m_sync(sync)
{
}

Result<QList<Task>> TaskTableModel::page(int offset, int limit) const
{
    TaskFilter f = m_filter;
    f.offset = offset;
    f.limit = limit;
    return m_sync.tasks(f);
}

void TaskTableModel::setFilter(const TaskFilter &filter)
{
    const TaskOrder order = m_filter.order;
    const bool descending = m_filter.descending;
    m_filter = filter;
    m_filter.order = order;
    m_filter.descending = descending;
    beginResetModel();
    m_tasks.clear();
    m_total = 0;
    endResetModel();
    reload();
}

void TaskTableModel::reload()
{
    const int keep = std::max<int>(PageSize, int(m_tasks.size()));
    const Result<int> total = m_sync.count(m_filter);
    const Result<QList<Task>> rows = page(0, keep);
    if (!total || !rows) {
        m_error = !total ? total.error().message : rows.error().message;
        emit queryFailed(m_error);
        return;
    }
    m_error.clear();
    // Rows that stay where they were keep their selection: replace in place when the ids match.
    bool same = rows->size() == m_tasks.size();
    for (int i = 0; same && i < rows->size(); ++i)
        same = rows->at(i).id == m_tasks.at(i).id;
    m_total = *total;
    if (same) {
        m_tasks = *rows;
        if (!m_tasks.isEmpty())
            emit dataChanged(index(0, 0), index(int(m_tasks.size()) - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_tasks = *rows;
    endResetModel();
}

void TaskTableModel::refreshTask(qint64 taskId)
{
    const int row = rowOf(taskId);
    if (row < 0)
        return;
    const Result<Task> t = m_sync.task(taskId);
    if (!t)
        return;
    m_tasks[row] = *t;
    if (!running(*t))
        m_live.remove(taskId);
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void TaskTableModel::setProgress(qint64 taskId, int done, int total, qint64 bytes, double rate)
{
    m_live.insert(taskId, Live { done, total, bytes, rate });
    const int row = rowOf(taskId);
    if (row < 0)
        return;
    Task &t = m_tasks[row];
    if (t.status == TaskStatus::Pending)
        t.status = TaskStatus::InProgress;
    t.artifactsTotal = total;
    t.bytes = bytes;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void TaskTableModel::clearProgress(qint64 taskId)
{
    m_live.remove(taskId);
}

const Task *TaskTableModel::task(int row) const
{
    return row >= 0 && row < m_tasks.size() ? &m_tasks[row] : nullptr;
}

int TaskTableModel::rowOf(qint64 taskId) const
{
    for (int i = 0; i < m_tasks.size(); ++i)
        if (m_tasks[i].id == taskId)
            return i;
    return -1;
}

int TaskTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tasks.size());
}

int TaskTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool TaskTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_tasks.size() < m_total;
}

void TaskTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const Result<QList<Task>> more = page(int(m_tasks.size()), PageSize);
    if (!more || more->isEmpty()) {
        if (!more) {
            m_error = more.error().message;
            emit queryFailed(m_error);
        }
        m_total = int(m_tasks.size()); // the log shrank meanwhile; stop asking
        return;
    }
    beginInsertRows({}, int(m_tasks.size()), int(m_tasks.size() + more->size()) - 1);
    m_tasks += *more;
    endInsertRows();
}

void TaskTableModel::sort(int column, Qt::SortOrder order)
{
    m_filter.order = orderOf(column);
    m_filter.descending = order == Qt::DescendingOrder;
    beginResetModel();
    m_tasks.clear();
    endResetModel();
    reload();
}

QString TaskTableModel::durationText(const Task &t)
{
    if (t.status == TaskStatus::Pending)
        return QString();
    return formatDuration(t.durationMs());
}

QString TaskTableModel::ratioText(const Task &t)
{
    if (running(t))
        return QString();
    return QLocale().toString(t.successRatio() * 100, 'f', 0) + QLatin1Char('%');
}

QVariant TaskTableModel::data(const QModelIndex &index, int role) const
{
    const Task *t = task(index.row());
    if (!t)
        return {};
    if (role == TaskIdRole)
        return t->id;
    if (role == StatusRole)
        return int(t->status);
    const auto live = m_live.constFind(t->id);
    if (role == ProgressRole && index.column() == Status && running(*t)) {
        if (live == m_live.cend()) { // another process runs it: the counters it stored
            const int done = t->artifactsCopied + t->artifactsSkipped + t->artifactsFailed;
            return QVariantList { done, t->artifactsTotal,
                                  tr("%1 of %2").arg(done).arg(t->artifactsTotal) };
        }
        const QString text = live->rate > 0
            ? tr("%1 of %2 · %3").arg(live->done).arg(live->total).arg(formatRate(live->rate))
            : tr("%1 of %2").arg(live->done).arg(live->total);
        return QVariantList { live->done, live->total, text };
    }
    if (role == Qt::DecorationRole && index.column() == Status && !running(*t))
        return statusIcon(t->status);
    if (role == Qt::TextAlignmentRole) {
        switch (index.column()) {
        case Id:
        case Duration:
        case SuccessRatio:
        case Repositories:
        case Bytes:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case Id:
        return QString::number(t->id);
    case Created:
        return QLocale().toString(t->created.toLocalTime(), QLocale::ShortFormat);
    case Duration:
        return durationText(*t);
    case SuccessRatio:
        return ratioText(*t);
    case Repositories:
        return running(*t) && t->repositories == 0 ? QString() : QString::number(t->repositories);
    case Status: {
        if (running(*t) && live != m_live.cend() && live->total > 0) {
            // What the progress bar shows, in words for a screen reader and the tooltip.
            return tr("%1: %2 of %3 artifacts, %4, %5")
                .arg(taskStatusText(t->status))
                .arg(live->done)
                .arg(live->total)
                .arg(formatBytes(live->bytes), formatRate(live->rate));
        }
        if (role == Qt::ToolTipRole && !t->message.isEmpty())
            return tr("%1: %2").arg(taskStatusText(t->status), t->message);
        return taskStatusText(t->status);
    }
    case Rule:
        return t->ruleName;
    case Trigger:
        return triggerText(t->trigger);
    case Bytes:
        return formatBytes(live != m_live.cend() ? live->bytes : t->bytes);
    }
    return {};
}

QVariant TaskTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Id:
        return tr("Task ID");
    case Created:
        return tr("Created");
    case Duration:
        return tr("Duration");
    case SuccessRatio:
        return tr("Success ratio");
    case Repositories:
        return tr("Repositories");
    case Status:
        return tr("Status");
    case Rule:
        return tr("Rule");
    case Trigger:
        return tr("Trigger");
    case Bytes:
        return tr("Moved");
    }
    return {};
}

} // namespace crsync
