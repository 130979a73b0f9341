#include "rules/ruletablemodel.h"

#include "widgets/statusicons.h"

#include <QDateTime>
#include <QLocale>

namespace crsync {

void RuleTableModel::setRules(QList<Rule> rules, QList<Instance> instances,
                              QHash<qint64, QList<Task>> recent)
{
    beginResetModel();
    m_rules = std::move(rules);
    m_instances.clear();
    for (const Instance &i : instances)
        m_instances.insert(i.id, i);
    m_recent = std::move(recent);
    endResetModel();
}

void RuleTableModel::setRunning(qint64 ruleId, bool running, int done, int total)
{
    if (running)
        m_running.insert(ruleId, Running { done, total });
    else
        m_running.remove(ruleId);
    const int row = rowOf(ruleId);
    if (row >= 0)
        emit dataChanged(index(row, LastRun), index(row, LastRun));
}

void RuleTableModel::setEnabled(qint64 ruleId, bool enabled)
{
    const int row = rowOf(ruleId);
    if (row < 0)
        return;
    m_rules[row].enabled = enabled;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

const Rule *RuleTableModel::rule(int row) const
{
    return row >= 0 && row < m_rules.size() ? &m_rules[row] : nullptr;
}

int RuleTableModel::rowOf(qint64 ruleId) const
{
    for (int i = 0; i < m_rules.size(); ++i)
        if (m_rules[i].id == ruleId)
            return i;
    return -1;
}

int RuleTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rules.size());
}

int RuleTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RuleTableModel::targetText(const Rule &r) const
{
    QString instance;
    if (r.crossAccount) {
        instance = tr("%1 (cross-account)")
                       .arg(r.targetInstanceRef.isEmpty() ? r.targetUrl.authority()
                                                          : r.targetInstanceRef);
    } else {
        const auto it = m_instances.constFind(r.targetInstanceId);
        instance = it == m_instances.cend() ? tr("(missing instance)") : it->name;
    }
    return tr("%1: %2").arg(instance, r.effectiveTargetNamespace());
}

QString RuleTableModel::filtersText(const Rule &r)
{
    if (r.repositoryFilter.isEmpty() && r.tagFilter.isEmpty())
        return tr("everything");
    const QString all = tr("all");
    return tr("repositories %1, tags %2")
        .arg(r.repositoryFilter.isEmpty() ? all : r.repositoryFilter,
             r.tagFilter.isEmpty() ? all : r.tagFilter);
}

QString RuleTableModel::lastRunText(const Rule &r) const
{
    if (const auto running = m_running.constFind(r.id); running != m_running.cend())
        return running->total > 0
            ? tr("Syncing %1/%2").arg(running->done).arg(running->total)
            : tr("Syncing…");
    const QList<Task> recent = m_recent.value(r.id);
    if (recent.isEmpty())
        return tr("Never synced");
    const Task &last = recent.first();
    const QDateTime when = last.created.toLocalTime();
    const QString at = when.date() == QDate::currentDate()
        ? QLocale().toString(when.time(), QStringLiteral("HH:mm"))
        : QLocale().toString(when.date(), QLocale::ShortFormat);
    return tr("%1, %2").arg(taskStatusText(last.status), at);
}

QString RuleTableModel::recentText(const Rule &r) const
{
    const QList<Task> recent = m_recent.value(r.id);
    if (recent.isEmpty())
        return tr("No runs yet");
    QHash<int, int> counts;
    for (const Task &t : recent)
        ++counts[int(t.status)];
    QStringList parts;
    for (TaskStatus s : { TaskStatus::Succeeded, TaskStatus::PartiallySucceeded, TaskStatus::Failed,
                          TaskStatus::Canceled, TaskStatus::Interrupted, TaskStatus::InProgress,
                          TaskStatus::Pending })
        if (counts.value(int(s)))
            parts << tr("%1 %2").arg(counts.value(int(s))).arg(taskStatusText(s));
    return tr("Last %n run(s): %1", nullptr, int(recent.size())).arg(parts.join(QStringLiteral(", ")));
}

QVariant RuleTableModel::data(const QModelIndex &index, int role) const
{
    const Rule *r = rule(index.row());
    if (!r)
        return {};
    if (role == IdRole)
        return r->id;
    const int column = index.column();
    if (role == RecentStatusesRole && column == RecentRuns) {
        QVariantList statuses;
        for (const Task &t : m_recent.value(r->id))
            statuses << int(t.status);
        return statuses;
    }
    if (role == Qt::CheckStateRole && column == Enabled)
        return r->enabled ? Qt::Checked : Qt::Unchecked;
    if (role == Qt::DecorationRole && column == LastRun && !m_running.contains(r->id)) {
        const QList<Task> recent = m_recent.value(r->id);
        if (!recent.isEmpty())
            return statusIcon(recent.first().status);
    }
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole || role == Qt::ToolTipRole
        || role == Qt::EditRole) {
        const bool accessible = role == Qt::AccessibleTextRole || role == Qt::ToolTipRole;
        switch (column) {
        case Name:
            return r->name;
        case Description:
            return r->description;
        case Namespace:
            return r->sourceNamespace;
        case Filters:
            return filtersText(*r);
        case Type:
            return resourceTypeText(r->resourceType);
        case Target:
            return targetText(*r);
        case Overwrite:
            return r->overwrite ? tr("Yes") : tr("No");
        case Enabled:
            // The check box shows it; a screen reader and the tooltip say it.
            return accessible ? QVariant(r->enabled ? tr("Enabled") : tr("Disabled")) : QVariant();
        case LastRun:
            return lastRunText(*r);
        case RecentRuns:
            // Painted as a strip of marks; this is what a screen reader and a tooltip say.
            return role == Qt::DisplayRole ? QVariant() : QVariant(recentText(*r));
        case Triggers:
            return m_triggers.value(r->id, tr("by hand"));
        }
    }
    return {};
}

bool RuleTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    const Rule *r = rule(index.row());
    if (!r || index.column() != Enabled || role != Qt::CheckStateRole)
        return false;
    const bool enabled = value.toInt() == Qt::Checked;
    if (enabled != r->enabled)
        emit enabledToggled(r->id, enabled);
    return true;
}

Qt::ItemFlags RuleTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.column() == Enabled)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

void RuleTableModel::setTriggers(QHash<qint64, QString> triggers)
{
    m_triggers = std::move(triggers);
    if (!m_rules.isEmpty())
        emit dataChanged(index(0, Triggers), index(int(m_rules.size()) - 1, Triggers));
}

QVariant RuleTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Description:
        return tr("Description");
    case Namespace:
        return tr("Namespace");
    case Filters:
        return tr("Filters");
    case Type:
        return tr("Type");
    case Target:
        return tr("Target");
    case Overwrite:
        return tr("Overwrite");
    case Enabled:
        return tr("Enabled");
    case LastRun:
        return tr("Last run");
    case RecentRuns:
        return tr("Recent runs");
    case Triggers:
        return tr("Synced by");
    }
    return {};
}

} // namespace crsync
