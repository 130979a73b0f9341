#include "logs/taskitemmodel.h"

#include "core/format.h"

#include <QColor>

namespace crsync {

void TaskItemModel::setItems(QList<TaskItem> items)
{
    beginResetModel();
    m_items = std::move(items);
    endResetModel();
}

void TaskItemModel::appendItems(const QList<TaskItem> &items)
{
    if (items.isEmpty())
        return;
    beginInsertRows({}, int(m_items.size()), int(m_items.size() + items.size() - 1));
    m_items.append(items);
    endInsertRows();
}

const TaskItem *TaskItemModel::item(int row) const
{
    return row >= 0 && row < m_items.size() ? &m_items[row] : nullptr;
}

int TaskItemModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int TaskItemModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TaskItemModel::data(const QModelIndex &index, int role) const
{
    const TaskItem *i = item(index.row());
    if (!i)
        return {};
    if (role == OutcomeRole)
        return int(i->outcome);
    if (role == SortRole) {
        switch (index.column()) {
        case Bytes:
            return i->bytes;
        case Duration:
            return i->durationMs;
        case Outcome:
            return int(i->outcome);
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::ForegroundRole && i->outcome == TaskItem::Outcome::Failed
        && (index.column() == Outcome || index.column() == Error))
        return QColor(0xb3, 0x26, 0x1e);
    if (role == Qt::TextAlignmentRole && (index.column() == Bytes || index.column() == Duration))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case Repository:
        return i->targetRepository == i->sourceRepository || i->targetRepository.isEmpty()
            ? i->sourceRepository
            : tr("%1 → %2").arg(i->sourceRepository, i->targetRepository);
    case Tag:
        return i->tag;
    case Digest:
        // The table shows the start; the tooltip and a screen reader get all of it.
        return role == Qt::DisplayRole && i->digest.size() > 19 ? i->digest.left(19) + QStringLiteral("…")
                                                                 : i->digest;
    case Kind:
        return itemKindText(*i); // "image + 2 signatures/SBOMs" when it has any
    case Outcome:
        return outcomeText(i->outcome);
    case Bytes:
        return formatBytes(i->bytes);
    case Duration:
        return formatDuration(i->durationMs);
    case Error:
        return role == Qt::DisplayRole ? QString(i->error).replace(QLatin1Char('\n'), QLatin1Char(' '))
                                       : i->error;
    }
    return {};
}

QVariant TaskItemModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Repository:
        return tr("Repository");
    case Tag:
        return tr("Tag");
    case Digest:
        return tr("Source digest");
    case Kind:
        return tr("Kind");
    case Outcome:
        return tr("Outcome");
    case Bytes:
        return tr("Moved");
    case Duration:
        return tr("Duration");
    case Error:
        return tr("Error");
    }
    return {};
}

namespace {
QByteArray csvField(const QString &text)
{
    QByteArray bytes = text.toUtf8();
    if (bytes.contains(',') || bytes.contains('"') || bytes.contains('\n') || bytes.contains('\r')) {
        bytes.replace('"', "\"\"");
        bytes = '"' + bytes + '"';
    }
    return bytes;
}
} // namespace

QByteArray TaskItemModel::toCsv(const QList<int> &rows) const
{
    QByteArray out;
    QList<QByteArray> header;
    for (const QString &h : { tr("Source repository"), tr("Target repository"), tr("Tag"),
                              tr("Source digest"), tr("Kind"), tr("Outcome"), tr("Bytes"),
                              tr("Duration (ms)"), tr("Error"), tr("Signatures and SBOMs") })
        header << csvField(h);
    out += header.join(',') + "\r\n";
    QList<int> which = rows;
    if (which.isEmpty())
        for (int r = 0; r < m_items.size(); ++r)
            which << r;
    for (int r : std::as_const(which)) {
        const TaskItem &i = m_items.at(r);
        const QList<QByteArray> fields {
            csvField(i.sourceRepository), csvField(i.targetRepository), csvField(i.tag),
            csvField(i.digest), csvField(artifactKindText(i.kind)), csvField(outcomeText(i.outcome)),
            QByteArray::number(i.bytes), QByteArray::number(i.durationMs), csvField(i.error),
            QByteArray::number(i.referrers),
        };
        out += fields.join(',') + "\r\n";
    }
    return out;
}

void TaskItemFilter::setFailuresOnly(bool on)
{
    m_failuresOnly = on;
    invalidateFilter();
}

bool TaskItemFilter::filterAcceptsRow(int row, const QModelIndex &parent) const
{
    const QModelIndex first = sourceModel()->index(row, 0, parent);
    if (m_failuresOnly
        && first.data(TaskItemModel::OutcomeRole).toInt() != int(TaskItem::Outcome::Failed))
        return false;
    return QSortFilterProxyModel::filterAcceptsRow(row, parent);
}

} // namespace crsync
