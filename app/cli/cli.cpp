#include "cli/cli.h"

#include "cli/commandcontext.h"
#include "cli/commandgroups.h"
#include "cli/output.h"
#include <QCoreApplication>
#include <QStringDecoder>
#include <QLoggingCategory>
#include <QTextStream>

#include <algorithm>

namespace crsync {

namespace {

// Every group of the command line, in the order `crsync --help` lists them.
QList<cli::CommandGroup> allGroups()
{
    cli::CommandGroup rules = cli::ruleCommands();
    rules.subcommands.insert(4, cli::rulePreviewCommand()); // after "edit"
    rules.subcommands << cli::ruleScheduleCommand();
    cli::CommandGroup instances = cli::instanceCommands();
    instances.subcommands << cli::instancePollCommand();
    return {
        instances,
        rules,
        cli::syncCommands(),
        cli::cancelCommands(),
        cli::logCommands(),
        cli::daemonCommands(),
        cli::webhookCommands(),
    };
}

// Global options come before the group word: --data-dir DIR (or --data-dir=DIR).
struct GlobalArguments
{
    QString dataDir;
    QStringList rest; // from the group word on
    QString error;
};

GlobalArguments splitGlobal(const QStringList &arguments)
{
    GlobalArguments g;
    for (int i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments[i];
        if (a == QLatin1String("--data-dir")) {
            if (i + 1 >= arguments.size()) {
                g.error
                    = QCoreApplication::translate("crsync::cli", "--data-dir needs a directory.");
                return g;
            }
            g.dataDir = arguments[++i];
        } else if (a.startsWith(QLatin1String("--data-dir="))) {
            g.dataDir = a.mid(int(qstrlen("--data-dir=")));
        } else {
            g.rest = arguments.mid(i);
            break;
        }
    }
    return g;
}

QString topLevelHelp(const QList<cli::CommandGroup> &groups)
{
    QString text = QCoreApplication::translate(
        "crsync::cli",
        "Usage: crsync [--data-dir DIR] <group> <command> [options]\n"
        "       crsync              (no arguments: opens the window)\n\n"
        "Replicates container images and Helm charts between registries.\n\n"
        "Groups:\n");
    int width = 0;
    for (const auto &g : groups)
        width = qMax(width, int(g.name.size()));
    for (const auto &g : groups)
        text += QStringLiteral("  %1  %2\n").arg(g.name.leftJustified(width), g.summary);
    text += QCoreApplication::translate(
        "crsync::cli",
        "\nGlobal options:\n"
        "  --data-dir DIR  Where crsync keeps its database (also $CRSYNC_DATA_DIR; default:\n"
        "                  the standard application data folder). Accepted before the\n"
        "                  group or after the command.\n"
        "  -h, --help      This help; \"crsync <group> --help\" and\n"
        "                  \"crsync <group> <command> --help\" describe each level.\n"
        "  -v, --version   The version of crsync.\n\n"
        "Passwords are never taken from the command line: they come from the keychain\n"
        "(Secret Service: GNOME Keyring or KWallet) or from standard input\n"
        "(--password-stdin reads one line). $CRSYNC_KEYCHAIN_SERVICE changes the keychain\n"
        "service name (default \"crsync\").\n\n"
        "Exit status:\n"
        "  0  done\n"
        "  1  failures: the work ran and some of it failed (or the database failed)\n"
        "  2  invalid input: a bad or missing flag or value, an unknown instance or rule,\n"
        "     a name already taken, a refused removal; nothing was changed\n"
        "  3  a registry could not be reached or refused the credentials, or no keychain\n"
        "     is available to keep or read a password\n");
    return text;
}

} // namespace

bool isCommandLineInvocation(const QStringList &arguments)
{
    const GlobalArguments g = splitGlobal(arguments);
    if (!g.error.isEmpty())
        return true;
    const QString first = g.rest.value(0);
    if (first.isEmpty())
        return false; // bare (or only --data-dir): the window
    static const QStringList cliOptions{
        QStringLiteral("--help"), QStringLiteral("-h"), QStringLiteral("help"),
        QStringLiteral("--version"), QStringLiteral("-v"), QStringLiteral("version")};
    // Words are subcommands (an unknown one is reported by the command line); single-dash
    // options such as -platform or -style belong to the window's QApplication.
    return cliOptions.contains(first) || !first.startsWith(QLatin1Char('-'))
           || first.startsWith(QLatin1String("--"));
}

QString dataDirArgument(const QStringList &arguments)
{
    return splitGlobal(arguments).dataDir;
}

int runCommandLine(const QStringList &arguments)
{
    // Library debug chatter (connections opened, requests sent) is for developers: shown only
    // when asked for through QT_LOGGING_RULES. Warnings still reach stderr.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("crsync.*.debug=false\ncrsync.*.info=false"));

    const QList<cli::CommandGroup> groups = allGroups();
    const GlobalArguments g = splitGlobal(arguments);
    cli::CommandContext ctx(g.dataDir);

    const QString word = g.rest.value(0);
    if (!g.error.isEmpty()) {
        ctx.printError(g.error);
        return cli::ExitInvalid;
    }
    if (word == QLatin1String("--version") || word == QLatin1String("-v") || word == QLatin1String("version")) {
        ctx.out() << "crsync " << QCoreApplication::applicationVersion() << Qt::endl;
        return cli::ExitOk;
    }
    if (word.isEmpty() || word == QLatin1String("--help") || word == QLatin1String("-h") || word == QLatin1String("help")) {
        (word.isEmpty() ? ctx.err() : ctx.out()) << topLevelHelp(groups) << Qt::flush;
        return word.isEmpty() ? cli::ExitInvalid : cli::ExitOk;
    }

    const cli::CommandGroup *group = nullptr;
    for (const auto &candidate : groups)
        if (candidate.name == word)
            group = &candidate;
    if (!group) {
        ctx.printError(QCoreApplication::translate(
                           "crsync::cli",
                           "Unknown command: %1. Run \"crsync --help\" for the list of commands.")
                           .arg(word));
        return cli::ExitInvalid;
    }

    QStringList groupArguments = g.rest.mid(1);
    // "crsync sync NAME": a group with a default subcommand takes a first word that is none of
    // its subcommands as that subcommand's argument.
    const QString first = groupArguments.value(0);
    if (!group->defaultSubcommand.isEmpty() && !first.isEmpty() && !first.startsWith(QLatin1Char('-'))
        && first != QLatin1String("help")
        && std::none_of(group->subcommands.begin(), group->subcommands.end(),
                        [&](const cli::Subcommand &s) { return s.name == first; }))
        groupArguments.prepend(group->defaultSubcommand);
    cli::runGroup(*group, ctx, groupArguments);
    if (!ctx.isFinished()) {
        // The subcommand went asynchronous (keychain, registry): run the event loop until it
        // calls finish(). Only this short-lived front end does so; the libraries never block.
        ctx.setLooping(true);
        QCoreApplication::exec();
        ctx.setLooping(false);
    }
    return ctx.exitCode();
}

int invalidUtf8Argument(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString text = decoder.decode(QByteArrayView(argv[i]));
        if (decoder.hasError())
            return i;
        Q_UNUSED(text);
    }
    return 0;
}

} // namespace crsync
