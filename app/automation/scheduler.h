#pragma once

#include <QObject>
#include <QTimer>

namespace crsync {

class Database;
class Engine;

// Runs rules on their schedules (ScheduleStore, core/schedule.h): when a rule's next run is
// due, a full scan of it starts with trigger `schedule`. A run that would overlap the rule's
// running task is skipped and logged, not stacked; the next one is counted from then.
class Scheduler : public QObject
{
    Q_OBJECT
public:
    Scheduler(Database &database, Engine &engine, QObject *parent = nullptr);

    void start(int checkEveryMs = 15000);
    void stop();
    void checkNow(); // every schedule that is due now

signals:
    void started(qint64 taskId, qint64 ruleId);
    void skipped(qint64 ruleId, const QString &why);
    void logLine(const QString &line);

private:
    Database &m_database;
    Engine &m_engine;
    QTimer m_timer;
};

} // namespace crsync
