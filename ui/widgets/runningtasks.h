#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QLabel>
#include <QList>
#include <QObject>
#include <QPair>

namespace crsync {

class Engine;
class SyncService;

// The tasks this window's engine runs right now, with their progress and transfer rate, from
// the engine's batched signals: what the status bar and the rules page show while syncs run.
class RunningTasks : public QObject
{
    Q_OBJECT
public:
    struct Entry
    {
        qint64 taskId = 0;
        qint64 ruleId = 0;
        QString ruleName;
        int done = 0;
        int total = 0;
        qint64 bytes = 0;
        double rate = 0; // bytes per second, over the last few seconds
    };

    RunningTasks(Engine &engine, SyncService &sync, QObject *parent = nullptr);

    QList<Entry> entries() const;
    bool isRunning(qint64 ruleId) const;
    int count() const { return int(m_entries.size()); }
    // "2 tasks running: nightly 340/1000 artifacts, 1.2 GiB, 85 MiB/s; …", or empty.
    QString summary() const;

signals:
    void changed();
    void taskFinished(qint64 taskId, qint64 ruleId);

private:
    struct Sample
    {
        qint64 ms;
        qint64 bytes;
    };
    void started(qint64 taskId, qint64 ruleId);
    void progressed(qint64 taskId, int done, int total, qint64 bytes);
    void finished(qint64 taskId);

    SyncService &m_sync;
    QElapsedTimer m_clock;
    QHash<qint64, Entry> m_entries;
    QHash<qint64, QList<Sample>> m_samples;
};

// The status bar's summary of RunningTasks: hidden while nothing runs.
class RunningTasksLabel : public QLabel
{
    Q_OBJECT
public:
    explicit RunningTasksLabel(RunningTasks &tasks, QWidget *parent = nullptr);
};

} // namespace crsync
