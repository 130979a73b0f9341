#pragma once

#include "cli/commandgroup.h"

#include <QCoreApplication>

namespace crsync {
struct Plan;
}

namespace crsync::cli {

class CommandContext;

// "rule preview NAME": what a sync of the rule would do, moving nothing. Internal to the
// command line.
class PreviewCommand
{
    Q_DECLARE_TR_FUNCTIONS(crsync::cli::PreviewCommand)

public:
    static Subcommand subcommand();

private:
    static void run(CommandContext &ctx, const QCommandLineParser &p);
    static void print(CommandContext &ctx, const Plan &plan, bool json);
};

} // namespace crsync::cli
