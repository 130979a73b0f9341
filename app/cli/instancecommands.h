#pragma once

#include "cli/commandgroup.h"
#include "core/instance.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QList>

namespace crsync {
struct ConnectionReport;
}

namespace crsync::cli {

class CommandContext;

// The "instance" group: add, list, show, edit, remove, test, over InstanceService. Internal to
// the command line.
class InstanceCommands
{
    Q_DECLARE_TR_FUNCTIONS(crsync::cli::InstanceCommands)

public:
    static CommandGroup group();

private:
    static void add(CommandContext &ctx, const QCommandLineParser &p);
    static void edit(CommandContext &ctx, const QCommandLineParser &p);
    static void list(CommandContext &ctx, const QCommandLineParser &p);
    static void show(CommandContext &ctx, const QCommandLineParser &p);
    static void remove(CommandContext &ctx, const QCommandLineParser &p);
    static void test(CommandContext &ctx, const QCommandLineParser &p);

    static QList<QCommandLineOption> formOptions(bool forEdit);
    // Applies the flags that are set onto `instance`; problems of the flags themselves (an
    // unknown flavor, contradicting switches, a URL that does not parse) are collected.
    static void applyFlags(const QCommandLineParser &p, bool forEdit, Instance *instance,
                           QList<Error> *problems);
    // Reads the password when --password-stdin is given (std::nullopt when not); false when the
    // command failed.
    static bool readPassword(CommandContext &ctx, const QCommandLineParser &p,
                             const Instance &instance, std::optional<QString> *password);
    static void printReport(CommandContext &ctx, const ConnectionReport &report, bool json);
    static QString jsonFieldsHelp();
};

} // namespace crsync::cli
