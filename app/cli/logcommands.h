#pragma once

#include "cli/commandgroup.h"
#include "core/task.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace crsync::cli {

class CommandContext;

// The "log" group: the sync log's tasks and each task's artifacts. Internal to the command line.
class LogCommands
{
    Q_DECLARE_TR_FUNCTIONS(crsync::cli::LogCommands)

public:
    static CommandGroup group();
    static QJsonObject taskJson(const Task &task);
    static QJsonObject itemJson(const TaskItem &item);

private:
    static void list(CommandContext &ctx, const QCommandLineParser &p);
    static void show(CommandContext &ctx, const QCommandLineParser &p);
};

} // namespace crsync::cli
