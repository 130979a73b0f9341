#include "core/instance.h"
#include "core/rule.h"
#include "core/task.h"

#include <QCoreApplication>

#include <array>
#include <utility>

namespace crsync {

namespace {

// One table per enum keeps each name written once, and both directions agree by construction.
template<typename E, std::size_t N>
QString nameOf(const std::array<std::pair<E, const char *>, N> &table, E value)
{
    for (const auto &[e, name] : table)
        if (e == value)
            return QString::fromLatin1(name);
    return {};
}

template<typename E, std::size_t N>
bool valueOf(const std::array<std::pair<E, const char *>, N> &table, const QString &name, E *value)
{
    for (const auto &[e, n] : table) {
        if (name.compare(QLatin1String(n), Qt::CaseInsensitive) == 0) {
            *value = e;
            return true;
        }
    }
    return false;
}

constexpr std::array flavors{
    std::pair{Instance::Flavor::Generic, "generic"},
    std::pair{Instance::Flavor::Harbor, "harbor"},
    std::pair{Instance::Flavor::Tcr, "tcr"},
};

constexpr std::array resourceTypes{
    std::pair{ResourceType::Image, "image"},
    std::pair{ResourceType::Chart, "chart"},
    std::pair{ResourceType::All, "all"},
};

constexpr std::array statuses{
    std::pair{TaskStatus::Pending, "Pending"},
    std::pair{TaskStatus::InProgress, "InProgress"},
    std::pair{TaskStatus::Succeeded, "Succeeded"},
    std::pair{TaskStatus::PartiallySucceeded, "PartiallySucceeded"},
    std::pair{TaskStatus::Failed, "Failed"},
    std::pair{TaskStatus::Canceled, "Canceled"},
    std::pair{TaskStatus::Interrupted, "Interrupted"},
};

constexpr std::array triggers{
    std::pair{Trigger::Manual, "manual"},
    std::pair{Trigger::Event, "event"},
    std::pair{Trigger::Poll, "poll"},
    std::pair{Trigger::Schedule, "schedule"},
};

constexpr std::array outcomes{
    std::pair{TaskItem::Outcome::Pending, "pending"},
    std::pair{TaskItem::Outcome::Copied, "copied"},
    std::pair{TaskItem::Outcome::UpToDate, "up-to-date"},
    std::pair{TaskItem::Outcome::ExistsNotOverwritten, "exists-not-overwritten"},
    std::pair{TaskItem::Outcome::Failed, "failed"},
    std::pair{TaskItem::Outcome::Canceled, "canceled"},
};

} // namespace

QString flavorName(Instance::Flavor flavor) { return nameOf(flavors, flavor); }
bool flavorFromName(const QString &name, Instance::Flavor *flavor) { return valueOf(flavors, name, flavor); }
QString resourceTypeName(ResourceType type) { return nameOf(resourceTypes, type); }
bool resourceTypeFromName(const QString &name, ResourceType *type) { return valueOf(resourceTypes, name, type); }
QString taskStatusName(TaskStatus status) { return nameOf(statuses, status); }
bool taskStatusFromName(const QString &name, TaskStatus *status) { return valueOf(statuses, name, status); }
QString triggerName(Trigger trigger) { return nameOf(triggers, trigger); }
bool triggerFromName(const QString &name, Trigger *trigger) { return valueOf(triggers, name, trigger); }
QString outcomeName(TaskItem::Outcome outcome) { return nameOf(outcomes, outcome); }
bool outcomeFromName(const QString &name, TaskItem::Outcome *outcome) { return valueOf(outcomes, name, outcome); }

QString taskStatusText(TaskStatus status)
{
    switch (status) {
    case TaskStatus::Pending:
        return QCoreApplication::translate("crsync::Names", "Pending");
    case TaskStatus::InProgress:
        return QCoreApplication::translate("crsync::Names", "InProgress");
    case TaskStatus::Succeeded:
        return QCoreApplication::translate("crsync::Names", "Succeeded");
    case TaskStatus::PartiallySucceeded:
        return QCoreApplication::translate("crsync::Names", "PartiallySucceeded");
    case TaskStatus::Failed:
        return QCoreApplication::translate("crsync::Names", "Failed");
    case TaskStatus::Canceled:
        return QCoreApplication::translate("crsync::Names", "Canceled");
    case TaskStatus::Interrupted:
        return QCoreApplication::translate("crsync::Names", "Interrupted");
    }
    return {};
}

QString triggerText(Trigger trigger)
{
    switch (trigger) {
    case Trigger::Manual:
        return QCoreApplication::translate("crsync::Names", "manual");
    case Trigger::Event:
        return QCoreApplication::translate("crsync::Names", "event");
    case Trigger::Poll:
        return QCoreApplication::translate("crsync::Names", "poll");
    case Trigger::Schedule:
        return QCoreApplication::translate("crsync::Names", "schedule");
    }
    return {};
}

QString outcomeText(TaskItem::Outcome outcome)
{
    switch (outcome) {
    case TaskItem::Outcome::Pending:
        return QCoreApplication::translate("crsync::Names", "pending");
    case TaskItem::Outcome::Copied:
        return QCoreApplication::translate("crsync::Names", "copied");
    case TaskItem::Outcome::UpToDate:
        return QCoreApplication::translate("crsync::Names", "up-to-date");
    case TaskItem::Outcome::ExistsNotOverwritten:
        return QCoreApplication::translate("crsync::Names", "exists-not-overwritten");
    case TaskItem::Outcome::Failed:
        return QCoreApplication::translate("crsync::Names", "failed");
    case TaskItem::Outcome::Canceled:
        return QCoreApplication::translate("crsync::Names", "canceled");
    }
    return {};
}

QString artifactKindText(const QString &kindName)
{
    if (kindName == QLatin1String("image"))
        return QCoreApplication::translate("crsync::Names", "image");
    if (kindName == QLatin1String("chart"))
        return QCoreApplication::translate("crsync::Names", "chart");
    if (kindName == QLatin1String("other"))
        return QCoreApplication::translate("crsync::Names", "other");
    return kindName;
}

QString itemKindText(const TaskItem &item)
{
    const QString kind = artifactKindText(item.kind);
    if (item.referrers <= 0)
        return kind;
    return QCoreApplication::translate("crsync::Names", "%1 + %n signature(s)/SBOM(s)", nullptr,
                                       item.referrers)
        .arg(kind);
}

QString resourceTypeText(ResourceType type)
{
    switch (type) {
    case ResourceType::Image:
        return QCoreApplication::translate("crsync::Names", "image");
    case ResourceType::Chart:
        return QCoreApplication::translate("crsync::Names", "chart");
    case ResourceType::All:
        return QCoreApplication::translate("crsync::Names", "all");
    }
    return {};
}

bool isFinished(TaskStatus status)
{
    return status != TaskStatus::Pending && status != TaskStatus::InProgress;
}

QList<TaskStatus> statusesBefore(TaskStatus to)
{
    switch (to) {
    case TaskStatus::Pending:
        return {};
    case TaskStatus::InProgress:
        return { TaskStatus::Pending };
    case TaskStatus::Succeeded:
    case TaskStatus::PartiallySucceeded:
        return { TaskStatus::InProgress };
    case TaskStatus::Failed:
    case TaskStatus::Canceled:
    case TaskStatus::Interrupted:
        return { TaskStatus::Pending, TaskStatus::InProgress };
    }
    return {};
}

qint64 Task::durationMs() const
{
    if (!started.isValid())
        return 0;
    const QDateTime end = finished.isValid() ? finished : QDateTime::currentDateTimeUtc();
    return started.msecsTo(end);
}

double Task::successRatio() const
{
    if (artifactsTotal == 0)
        return status == TaskStatus::Succeeded ? 1.0 : 0.0;
    return double(artifactsCopied + artifactsSkipped) / double(artifactsTotal);
}

} // namespace crsync
