#pragma once

#include "core/instance.h"
#include "core/rule.h"
#include "core/task.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace crsync {

// The rules of one source instance for the Rules page: the rule's fields, its enabled switch
// (checkable in place), its last run and a strip of its recent runs' outcomes.
class RuleTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Name,
        Description,
        Namespace,
        Filters, // repository and tag filters
        Type,
        Target, // instance and namespace
        Overwrite,
        Enabled,
        Triggers, // what starts its syncs besides a click: push events, a poll, a schedule
        LastRun,
        RecentRuns,
        ColumnCount
    };
    static constexpr int IdRole = Qt::UserRole + 1;
    static constexpr int RecentStatusesRole = Qt::UserRole + 2; // QVariantList of int, newest first
    static constexpr int RecentRunCount = 10;

    using QAbstractTableModel::QAbstractTableModel;

    void setRules(QList<Rule> rules, QList<Instance> instances,
                  QHash<qint64, QList<Task>> recent);
    // A task of this window's engine is running for the rule (done/total so far), or not.
    void setRunning(qint64 ruleId, bool running, int done = 0, int total = 0);
    void setEnabled(qint64 ruleId, bool enabled);
    void setTriggers(QHash<qint64, QString> triggers); // rule -> "push events, every 30 minutes"...
    const Rule *rule(int row) const;
    int rowOf(qint64 ruleId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

signals:
    // The switch was flipped in the table; the page writes it (and calls setEnabled back).
    void enabledToggled(qint64 ruleId, bool enabled);

private:
    struct Running
    {
        int done = 0;
        int total = 0;
    };
    QString targetText(const Rule &rule) const;
    static QString filtersText(const Rule &rule);
    QString lastRunText(const Rule &rule) const;
    QString recentText(const Rule &rule) const;

    QList<Rule> m_rules;
    QHash<qint64, Instance> m_instances;
    QHash<qint64, QList<Task>> m_recent;
    QHash<qint64, Running> m_running;
    QHash<qint64, QString> m_triggers;
};

} // namespace crsync
