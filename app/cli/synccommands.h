#pragma once

#include "cli/commandgroup.h"
#include "core/result.h"
#include "core/task.h"

#include <QCoreApplication>
#include <optional>

namespace crsync::cli {

class CommandContext;

// The "sync" and "cancel" groups: trigger a rule (waiting for it, or handing it to a
// background crsync), and stop a task. Internal to the command line.
class SyncCommands
{
    Q_DECLARE_TR_FUNCTIONS(crsync::cli::SyncCommands)

public:
    static CommandGroup syncGroup();
    static CommandGroup cancelGroup();

    // "Task 12 Succeeded: 3 artifacts in 1 repository: ..." with plurals, translated.
    static QString summary(const Task &task);

private:
    static void sync(CommandContext &ctx, const QCommandLineParser &p);
    static void syncAndWait(CommandContext &ctx, const QString &rule, bool quiet);
    static void syncInBackground(CommandContext &ctx, const QString &rule);
    static void report(CommandContext &ctx, qint64 taskId, TaskStatus status,
                       const std::optional<Error> &failure);
    static void cancel(CommandContext &ctx, const QCommandLineParser &p);
};

} // namespace crsync::cli
