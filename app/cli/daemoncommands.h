#pragma once

#include "cli/commandgroup.h"

#include <QCoreApplication>

namespace crsync::cli {

class CommandContext;

// "crsync daemon": automatic sync without a window; "crsync webhook secret|url": what to give
// a registry so that its pushes reach the daemon. Internal to the command line.
class DaemonCommands
{
    Q_DECLARE_TR_FUNCTIONS(crsync::cli::DaemonCommands)

public:
    static CommandGroup daemonGroup();
    static CommandGroup webhookGroup();
    static Subcommand instancePollCommand(); // "instance poll NAME SECONDS"
    static Subcommand ruleScheduleCommand(); // "rule schedule NAME SPEC|off"

private:
    static void run(CommandContext &ctx, const QCommandLineParser &p);
    static void secret(CommandContext &ctx, const QCommandLineParser &p);
    static void url(CommandContext &ctx, const QCommandLineParser &p);
    static void poll(CommandContext &ctx, const QCommandLineParser &p);
    static void schedule(CommandContext &ctx, const QCommandLineParser &p);
};

} // namespace crsync::cli
