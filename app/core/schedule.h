#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QString>
#include <QTime>

namespace crsync {

// A rule's optional schedule: a full scan every N minutes or hours, or daily at a local time.
// Written as "every 30m", "every 2h", "daily 02:00" (the CLI's and the store's form).
struct Schedule
{
    enum class Kind { Every, Daily };
    Kind kind = Kind::Every;
    int minutes = 0; // Every: the period
    QTime at;        // Daily: local time

    // Kind::Invalid with field "schedule" and an example when `text` is none of the forms.
    static Result<Schedule> parse(const QString &text);
    QString toString() const; // the parseable form
    QString describe() const; // for people, translated: "every 30 minutes", "daily at 02:00"
    // When the scheduler runs it next: a period after `lastRun` (Every), or the first `at` after
    // `lastRun` (Daily); counted from `now` when it never ran. It lies in the past when crsync
    // was not running at the time; the scheduler then runs it at its next look.
    // UTC in, UTC out; Daily counts in local time.
    QDateTime due(const QDateTime &lastRun, const QDateTime &now) const;
    // What to show people as the next run: `due`, or `now` when that has passed.
    QDateTime nextRun(const QDateTime &lastRun, const QDateTime &now) const;
};

} // namespace crsync
