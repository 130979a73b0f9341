#include "core/instance.h"
#include "core/rule.h"
#include "core/task.h"

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

bool isFinished(TaskStatus status)
{
    return status != TaskStatus::Pending && status != TaskStatus::InProgress;
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
        return 1.0;
    return double(artifactsCopied + artifactsSkipped) / double(artifactsTotal);
}

} // namespace crsync
