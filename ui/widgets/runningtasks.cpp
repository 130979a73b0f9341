#include "widgets/runningtasks.h"

#include "core/format.h"
#include "engine/engine.h"
#include "service/syncservice.h"

#include <QStringList>

namespace crsync {

namespace {
constexpr qint64 RateWindowMs = 3000;
}

RunningTasks::RunningTasks(Engine &engine, SyncService &sync, QObject *parent)
    : QObject(parent), m_sync(sync)
{
    m_clock.start();
    connect(&engine, &Engine::taskStarted, this, &RunningTasks::started);
    connect(&engine, &Engine::taskProgress, this, &RunningTasks::progressed);
    connect(&engine, &Engine::taskFinished, this,
            [this](qint64 taskId, TaskStatus) { finished(taskId); });
}

void RunningTasks::started(qint64 taskId, qint64 ruleId)
{
    Entry e;
    e.taskId = taskId;
    e.ruleId = ruleId;
    if (const Result<Task> task = m_sync.task(taskId))
        e.ruleName = task->ruleName;
    m_entries.insert(taskId, e);
    m_samples.insert(taskId, { Sample { m_clock.elapsed(), 0 } });
    emit changed();
}

void RunningTasks::progressed(qint64 taskId, int done, int total, qint64 bytes)
{
    auto it = m_entries.find(taskId);
    if (it == m_entries.end())
        return;
    it->done = done;
    it->total = total;
    it->bytes = bytes;
    QList<Sample> &samples = m_samples[taskId];
    const qint64 now = m_clock.elapsed();
    samples.append({ now, bytes });
    while (samples.size() > 2 && now - samples.first().ms > RateWindowMs)
        samples.removeFirst();
    const Sample &oldest = samples.first();
    it->rate = now > oldest.ms ? double(bytes - oldest.bytes) * 1000.0 / double(now - oldest.ms) : 0;
    emit changed();
}

void RunningTasks::finished(qint64 taskId)
{
    const Entry e = m_entries.take(taskId);
    m_samples.remove(taskId);
    emit changed();
    emit taskFinished(taskId, e.ruleId);
}

QList<RunningTasks::Entry> RunningTasks::entries() const
{
    QList<Entry> list = m_entries.values();
    std::sort(list.begin(), list.end(),
              [](const Entry &a, const Entry &b) { return a.taskId < b.taskId; });
    return list;
}

bool RunningTasks::isRunning(qint64 ruleId) const
{
    for (const Entry &e : m_entries)
        if (e.ruleId == ruleId)
            return true;
    return false;
}

QString RunningTasks::summary() const
{
    if (m_entries.isEmpty())
        return {};
    QStringList parts;
    for (const Entry &e : entries())
        parts << tr("%1 %2/%3 artifacts, %4, %5")
                     .arg(e.ruleName)
                     .arg(e.done)
                     .arg(e.total)
                     .arg(formatBytes(e.bytes), formatRate(e.rate));
    return tr("%n task(s) running: %1", nullptr, int(m_entries.size()))
        .arg(parts.join(QStringLiteral("; ")));
}

RunningTasksLabel::RunningTasksLabel(RunningTasks &tasks, QWidget *parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("runningTasksLabel"));
    setTextFormat(Qt::PlainText);
    hide();
    connect(&tasks, &RunningTasks::changed, this, [this, &tasks] {
        const QString text = tasks.summary();
        setText(text);
        setAccessibleName(text);
        setVisible(!text.isEmpty());
    });
}

} // namespace crsync
