#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

class QCommandLineParser;

namespace crsync::cli {

class CommandContext;

// One subcommand of a group ("instance add"): its help, its options, and what it does. run()
// is called only after the options parsed and the positional arguments were counted; it must
// end with ctx.finish() (at once or at the end of an asynchronous chain).
struct Subcommand
{
    QString name;
    QStringList positionals; // required positional arguments, by their help names ("NAME")
    QString usage; // the rest of the usage line, e.g. "--url URL [options]"
    QString summary; // one line, for the group's help
    QString details; // more help after the options (JSON fields, notes); may be empty
    QList<QCommandLineOption> options;
    std::function<void(CommandContext &ctx, const QCommandLineParser &parser)> run;
};

// A top-level word ("instance", "rule", ...) and its subcommands. Each group lives in its own
// file and is listed once in cli.cpp; nothing else needs to know about it.
struct CommandGroup
{
    QString name;
    QString summary;
    QList<Subcommand> subcommands;
    // A group may also run by itself when given no subcommand word ("crsync daemon"); then
    // this is that subcommand's name, else empty (and the bare group prints its help).
    QString defaultSubcommand;
};

// Parses `arguments` (the words after the group name) for the group and runs the subcommand,
// or prints help, or refuses bad input with status 2. Every subcommand also accepts --help and
// --data-dir DIR.
void runGroup(const CommandGroup &group, CommandContext &ctx, const QStringList &arguments);

QString groupHelp(const CommandGroup &group);
QString subcommandHelp(const CommandGroup &group, const Subcommand &sub);

} // namespace crsync::cli
