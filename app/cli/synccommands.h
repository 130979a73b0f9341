#pragma once

#include "cli/commandgroup.h"
#include "core/task.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace crsync::cli {

class CommandContext;

// The "sync", "cancel" and "log" groups: trigger a rule, stop a task, read the sync log.
// Internal to the command line.
class SyncCommands
{
    Q_DECLARE_TR_FUNCTIONS(crsync::cli::SyncCommands)

public:
    static CommandGroup syncGroup();
    static CommandGroup cancelGroup();
    static CommandGroup logGroup();

    static QJsonObject taskJson(const Task &task);
    static QJsonObject itemJson(const TaskItem &item);
    static QString formatBytes(qint64 bytes);
    static QString formatDuration(qint64 ms);

private:
    static void sync(CommandContext &ctx, const QCommandLineParser &p);
    static void syncAndWait(CommandContext &ctx, const QString &rule, bool quiet);
    static void syncInBackground(CommandContext &ctx, const QString &rule);
    static void cancel(CommandContext &ctx, const QCommandLineParser &p);
    static void logList(CommandContext &ctx, const QCommandLineParser &p);
    static void logShow(CommandContext &ctx, const QCommandLineParser &p);
};

} // namespace crsync::cli
