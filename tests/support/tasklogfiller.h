#pragma once

// A sync log of any size for tests and benchmarks, written straight into the database.

#include "core/result.h"
#include "core/rule.h"

#include <QDateTime>
#include <QList>

namespace crsync {

class Database;

namespace test {

struct TaskLogFillOptions
{
    // Rules the tasks belong to; empty: the database's rules, or when it has none, `newRules`
    // rules (with two instances) made for the purpose.
    QList<Rule> rules;
    int newRules = 5;
    // Tasks are created one after the other (ids and times increase together) over `days`
    // days up to `end` (default: now).
    QDateTime end;
    int days = 180;
    quint32 seed = 1; // same seed, same log
};

struct TaskLogFill
{
    QList<Rule> rules;
    qint64 firstTaskId = 0;
    qint64 lastTaskId = 0;
    int items = 0;
};

// Appends `tasks` finished tasks (every finished status, mostly Succeeded; all triggers;
// realistic counters, durations and bytes; failure messages, some in Chinese) and
// `itemsPerTask` items to each, in one transaction. 100,000 tasks take about 5 s on 2 cores,
// most of it keeping the eight order indexes of schema version 3 (1.5 s without them).
Result<TaskLogFill> fillTaskLog(Database &db, int tasks, int itemsPerTask = 0,
                                const TaskLogFillOptions &options = {});

} // namespace test
} // namespace crsync
