#pragma once

#include "cli/commandgroup.h"
#include "core/instance.h"

#include <QCoreApplication>

namespace crsync::cli {

class CommandContext;

// The "instance" group; the subcommands are split over instancecommands.cpp and
// instancetest.cpp. Internal to the command line.
class InstanceCommands
{
    Q_DECLARE_TR_FUNCTIONS(crsync::cli::InstanceCommands)

public:
    static CommandGroup group();

private:
    static void add(CommandContext &ctx, const QCommandLineParser &p);
    static void list(CommandContext &ctx, const QCommandLineParser &p);
    static void show(CommandContext &ctx, const QCommandLineParser &p);
    static void remove(CommandContext &ctx, const QCommandLineParser &p);
    static void test(CommandContext &ctx, const QCommandLineParser &p);
    static QString jsonFieldsHelp();
    // Opens the database and the instance named NAME, or finishes the command with the reason.
    static bool findInstance(CommandContext &ctx, const QString &name, Instance *instance);
};

} // namespace crsync::cli
