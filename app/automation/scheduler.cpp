#include "automation/scheduler.h"

#include "core/schedule.h"
#include "engine/engine.h"
#include "store/database.h"
#include "store/eventstore.h"
#include "store/rulestore.h"
#include "store/taskstore.h"

#include <QDateTime>

namespace crsync {

Scheduler::Scheduler(Database &database, Engine &engine, QObject *parent)
    : QObject(parent), m_database(database), m_engine(engine)
{
    connect(&m_timer, &QTimer::timeout, this, &Scheduler::checkNow);
}

void Scheduler::start(int checkEveryMs)
{
    m_timer.start(checkEveryMs);
    checkNow();
}

void Scheduler::stop()
{
    m_timer.stop();
}

void Scheduler::checkNow()
{
    if (m_engine.isShuttingDown())
        return;
    ScheduleStore schedules(m_database);
    const Result<QList<RuleSchedule>> all = schedules.list();
    if (!all)
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const RuleSchedule &s : *all) {
        const Result<Schedule> schedule = Schedule::parse(s.spec);
        if (!schedule)
            continue;
        // The first look after a schedule was set (or crsync started) counts from then, so a
        // daily run is not fired at once for yesterday.
        if (!s.lastRun.isValid()) {
            if (schedule->kind == Schedule::Kind::Every)
                schedules.ran(s.ruleId, now);
            else
                schedules.ran(s.ruleId, now.addSecs(-1));
            continue;
        }
        if (schedule->due(s.lastRun, now) > now)
            continue;
        const Result<Rule> rule = RuleStore(m_database).get(s.ruleId);
        if (!rule || !rule->enabled)
            continue;
        schedules.ran(s.ruleId, now);
        const Result<std::optional<Task>> active = TaskStore(m_database).activeTask(s.ruleId);
        if (active && active->has_value()) {
            const QString why = tr("scheduled run of rule %1 skipped: task %2 of it is still running")
                                    .arg(rule->name)
                                    .arg((*active)->id);
            emit logLine(why);
            emit skipped(s.ruleId, why);
            continue;
        }
        const Result<qint64> task = m_engine.trigger(s.ruleId, Trigger::Schedule);
        if (!task) {
            emit logLine(tr("scheduled run of rule %1 not started: %2").arg(rule->name, task.error().message));
            emit skipped(s.ruleId, task.error().message);
            continue;
        }
        emit logLine(tr("scheduled run of rule %1 (%2): task %3").arg(rule->name, schedule->describe()).arg(*task));
        emit started(*task, s.ruleId);
    }
}

} // namespace crsync
