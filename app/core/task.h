#pragma once

#include <QDateTime>
#include <QString>

namespace crsync {

enum class TaskStatus { Pending, InProgress, Succeeded, PartiallySucceeded, Failed, Canceled, Interrupted };
enum class Trigger { Manual, Event, Poll, Schedule };

QString taskStatusName(TaskStatus status); // "InProgress", ... as in DESIGN.md
bool taskStatusFromName(const QString &name, TaskStatus *status);
QString triggerName(Trigger trigger);       // "manual", "event", ...
bool triggerFromName(const QString &name, Trigger *trigger);
bool isFinished(TaskStatus status);

// One run of one rule: a line of the sync log.
struct Task
{
    qint64 id = 0;
    qint64 ruleId = 0;
    QString ruleName; // kept so a log line still reads well after the rule is deleted
    QString source;   // "instance/namespace" when the task was created, for the log
    QString target;   // "instance/namespace" (or URL/namespace across accounts)
    Trigger trigger = Trigger::Manual;
    TaskStatus status = TaskStatus::Pending;
    QDateTime created;
    QDateTime started;
    QDateTime finished;
    int repositories = 0;
    int artifactsTotal = 0;
    int artifactsCopied = 0;
    int artifactsSkipped = 0;
    int artifactsFailed = 0;
    qint64 bytes = 0;
    QString message; // why it failed, when it failed as a whole

    qint64 durationMs() const;   // finished (or now) minus started; 0 before start
    double successRatio() const; // (copied + skipped) / total; 1.0 for an empty task
};

// One artifact (repository:tag) of a task.
struct TaskItem
{
    enum class Outcome { Pending, Copied, UpToDate, ExistsNotOverwritten, Failed, Canceled };

    qint64 id = 0;
    qint64 taskId = 0;
    QString sourceRepository; // full path at the source
    QString targetRepository; // full path at the target
    QString tag;
    QString digest;
    QString kind; // "image", "chart", "other"
    Outcome outcome = Outcome::Pending;
    qint64 bytes = 0;
    qint64 durationMs = 0;
    QString error;
};

QString outcomeName(TaskItem::Outcome outcome); // "copied", "up-to-date", ...
bool outcomeFromName(const QString &name, TaskItem::Outcome *outcome);

} // namespace crsync
