#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace crsync {

enum class TaskStatus { Pending, InProgress, Succeeded, PartiallySucceeded, Failed, Canceled, Interrupted };
enum class Trigger { Manual, Event, Poll, Schedule };

QString taskStatusName(TaskStatus status); // "InProgress", ... as in DESIGN.md
bool taskStatusFromName(const QString &name, TaskStatus *status);
QString triggerName(Trigger trigger);       // "manual", "event", ...
bool triggerFromName(const QString &name, Trigger *trigger);
bool isFinished(TaskStatus status);
// The same words for people, translated (context "crsync::Names"): tables and summaries use
// these, JSON and flags the stable names above.
QString taskStatusText(TaskStatus status);
QString triggerText(Trigger trigger);
// The statuses a task may be in when it moves to `to` (a task's status never goes back:
// Pending -> InProgress -> a finished status, or Pending -> a finished status directly for a
// task that fails or is canceled before it starts; finished tasks never change).
QList<TaskStatus> statusesBefore(TaskStatus to);

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
    // (copied + skipped) / total. With no artifact at all: 1.0 for a task that Succeeded (there
    // was nothing to do), else 0.0 (it failed, was stopped, or has not found any yet).
    double successRatio() const;
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
    // Signatures, attestations and SBOMs of it that the target holds after the task (copied
    // now or already there), for a rule with Rule::withReferrers; included in bytes.
    int referrers = 0;
};

QString outcomeName(TaskItem::Outcome outcome); // "copied", "up-to-date", ...
bool outcomeFromName(const QString &name, TaskItem::Outcome *outcome);
QString outcomeText(TaskItem::Outcome outcome); // translated, for people
QString artifactKindText(const QString &kindName); // "image", "chart", "other" -> translated
// An item's kind with its referrers when it has any: "image", "image + 2 signatures/SBOMs".
QString itemKindText(const TaskItem &item);

} // namespace crsync
