#include "cli/commandgroup.h"

#include "cli/commandcontext.h"
#include "cli/output.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <memory>

namespace crsync::cli {

namespace {

QCommandLineOption helpOption()
{
    return QCommandLineOption({ QStringLiteral("h"), QStringLiteral("help") },
                              QCoreApplication::translate("crsync::cli", "Show this help."));
}

QCommandLineOption dataDirOption()
{
    return QCommandLineOption(
        QStringLiteral("data-dir"),
        QCoreApplication::translate("crsync::cli",
                                    "Where crsync keeps its database (default: $CRSYNC_DATA_DIR, "
                                    "else the standard application data folder)."),
        QStringLiteral("DIR"));
}

void configure(QCommandLineParser &parser, const Subcommand &sub)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOption(helpOption());
    parser.addOption(dataDirOption());
    parser.addOptions(sub.options);
    for (const QString &p : sub.positionals)
        parser.addPositionalArgument(p, QString());
}

// Word-wraps help prose (each paragraph separately) so it reads like the option list above it.
// Breaks at spaces and, for Chinese and other wide scripts, between characters; widths are
// counted in terminal columns (a wide character takes two). Closing punctuation stays on the line
// it ends.
QString wrapped(const QString &text, int width)
{
    const auto isWideChar = [](QChar c) { return displayWidth(QString(c)) == 2; };
    const auto isClosingPunctuation = [](QChar c) {
        return QStringView(u"，。、；：！？）」』》】").contains(c);
    };
    QString result;
    for (const QString &paragraph : text.split(QLatin1Char('\n'))) {
        QString line;
        int lineWidth = 0;
        int i = 0;
        while (i < paragraph.size()) {
            const bool spaceBefore = paragraph.at(i) == QLatin1Char(' ');
            while (i < paragraph.size() && paragraph.at(i) == QLatin1Char(' '))
                ++i;
            if (i >= paragraph.size())
                break;
            int j = i + 1;
            if (!isWideChar(paragraph.at(i))) {
                while (j < paragraph.size() && paragraph.at(j) != QLatin1Char(' ')
                       && !isWideChar(paragraph.at(j)))
                    ++j;
            }
            const QString token = paragraph.mid(i, j - i);
            const int gap = (!line.isEmpty() && spaceBefore) ? 1 : 0;
            const int tokenWidth = displayWidth(token);
            if (!line.isEmpty() && lineWidth + gap + tokenWidth > width
                && !isClosingPunctuation(token.front())) {
                result += line + QLatin1Char('\n');
                line.clear();
                lineWidth = 0;
            }
            if (!line.isEmpty() && spaceBefore) {
                line += QLatin1Char(' ');
                ++lineWidth;
            }
            line += token;
            lineWidth += tokenWidth;
            i = j;
        }
        result += line + QLatin1Char('\n');
    }
    return result;
}

} // namespace

QString groupHelp(const CommandGroup &group)
{
    QString text
        = QCoreApplication::translate("crsync::cli", "Usage: crsync %1 <command> [options]")
              .arg(group.name)
        + QLatin1String("\n\n") + group.summary + QLatin1String("\n\n")
        + QCoreApplication::translate("crsync::cli", "Commands:") + QLatin1Char('\n');
    int width = 0;
    for (const Subcommand &sub : group.subcommands)
        width = qMax(width, int(sub.name.size()));
    for (const Subcommand &sub : group.subcommands)
        text += QStringLiteral("  %1  %2\n").arg(sub.name.leftJustified(width), sub.summary);
    text += QLatin1Char('\n')
        + QCoreApplication::translate(
              "crsync::cli", "Run \"crsync %1 <command> --help\" for the options of a command.")
              .arg(group.name)
        + QLatin1Char('\n');
    return text;
}

QString subcommandHelp(const CommandGroup &group, const Subcommand &sub)
{
    QCommandLineParser parser;
    configure(parser, sub);
    QString options = parser.helpText();
    // Keep only QCommandLineParser's option list; the usage line is ours.
    // The headings come translated when Qt's own translation is loaded: look for them as Qt
    // prints them.
    // Without Qt's own translations installed they are English; either way the heading shown
    // is ours, in the language of the rest of the help.
    QString optionsHeading = QCoreApplication::translate("QCommandLineParser", "Options:");
    QString argumentsHeading = QCoreApplication::translate("QCommandLineParser", "Arguments:");
    if (!options.contains(optionsHeading)) {
        optionsHeading = QStringLiteral("Options:");
        argumentsHeading = QStringLiteral("Arguments:");
    }
    const int at = options.indexOf(optionsHeading);
    options = at >= 0 ? options.mid(at) : QString();
    const int args = options.indexOf(QLatin1Char('\n') + argumentsHeading);
    if (args >= 0)
        options.truncate(args + 1);
    if (!options.isEmpty())
        options.replace(0, optionsHeading.size(),
                        QCoreApplication::translate("crsync::cli", "Options:"));

    QStringList usage { QStringLiteral("crsync"), group.name, sub.name };
    usage << sub.positionals;
    if (!sub.usage.isEmpty())
        usage << sub.usage;
    QString text
        = QCoreApplication::translate("crsync::cli", "Usage: %1").arg(usage.join(QLatin1Char(' ')))
        + QLatin1String("\n\n") + sub.summary + QLatin1String("\n\n") + options.trimmed()
        + QLatin1Char('\n');
    if (!sub.details.isEmpty())
        text += QLatin1Char('\n') + wrapped(sub.details.trimmed(), 79);
    return text;
}

void runGroup(const CommandGroup &group, CommandContext &ctx, const QStringList &arguments)
{
    QString word = arguments.value(0);
    QStringList rest = arguments.mid(1);
    const bool asksHelp = word == QLatin1String("--help") || word == QLatin1String("-h")
        || word == QLatin1String("help");
    if (asksHelp || (word.isEmpty() && group.defaultSubcommand.isEmpty())) {
        // A bare group is a mistake (status 2) but still answered with what it offers.
        (asksHelp ? ctx.out() : ctx.err()) << groupHelp(group);
        ctx.finish(asksHelp ? ExitOk : ExitInvalid);
        return;
    }
    if (word.isEmpty() || word.startsWith(QLatin1Char('-'))) {
        if (group.defaultSubcommand.isEmpty()) {
            ctx.printError(QCoreApplication::translate(
                               "crsync::cli", "\"crsync %1\" needs a command before its options.")
                               .arg(group.name));
            ctx.err() << groupHelp(group);
            ctx.finish(ExitInvalid);
            return;
        }
        word = group.defaultSubcommand;
        rest = arguments;
    }

    const Subcommand *sub = nullptr;
    for (const Subcommand &candidate : group.subcommands)
        if (candidate.name == word)
            sub = &candidate;
    if (!sub) {
        ctx.printError(
            QCoreApplication::translate("crsync::cli", "\"%1\" is not a command of \"crsync %2\".")
                .arg(word, group.name));
        ctx.err() << groupHelp(group);
        ctx.finish(ExitInvalid);
        return;
    }

    // Kept alive until the subcommand has run: it may start after the keychain migration.
    auto parsed = std::make_shared<QCommandLineParser>();
    QCommandLineParser &parser = *parsed;
    configure(parser, *sub);
    QStringList argv { QStringLiteral("crsync") };
    argv << rest;
    if (!parser.parse(argv)) {
        QString hint;
        if (parser.errorText().contains(QLatin1String("password"), Qt::CaseInsensitive)) {
            QStringList stdinFlags;
            for (const QCommandLineOption &o : sub->options)
                for (const QString &n : o.names())
                    if (n.endsWith(QLatin1String("password-stdin")))
                        stdinFlags << QStringLiteral("--") + n;
            hint = QCoreApplication::translate(
                       "crsync::cli",
                       "Passwords are never taken from the command line; they are read from "
                       "standard input (%1).")
                       .arg(stdinFlags.join(QStringLiteral(", ")))
                + QLatin1Char(' ');
        }
        ctx.printError(parser.errorText() + QLatin1Char(' ') + hint
                       + QCoreApplication::translate("crsync::cli", "See \"crsync %1 %2 --help\".")
                             .arg(group.name, sub->name));
        ctx.finish(ExitInvalid);
        return;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        ctx.out() << subcommandHelp(group, *sub);
        ctx.finish(ExitOk);
        return;
    }
    if (parser.isSet(QStringLiteral("data-dir")))
        ctx.setExplicitDataDir(parser.value(QStringLiteral("data-dir")));
    for (const QCommandLineOption &o : sub->options)
        if (o.names().contains(QStringLiteral("json")))
            ctx.setJson(parser.isSet(o));

    // QCommandLineParser keeps the last of a repeated value: a second --namespace would silently
    // win over the first. Every option of ours takes one value.
    for (const QCommandLineOption &o : sub->options) {
        if (o.valueName().isEmpty())
            continue;
        const QStringList values = parser.values(o.names().constFirst());
        if (values.size() > 1) {
            ctx.printError(QCoreApplication::translate(
                               "crsync::cli", "--%1 was given %2 times (%3); give it once.")
                               .arg(o.names().constFirst())
                               .arg(values.size())
                               .arg(values.join(QStringLiteral(", "))));
            ctx.finish(ExitInvalid);
            return;
        }
    }

    const QStringList positionals = parser.positionalArguments();
    if (positionals.size() != sub->positionals.size()) {
        const QString expected = sub->positionals.isEmpty()
            ? QCoreApplication::translate("crsync::cli", "no arguments")
            : sub->positionals.join(QLatin1Char(' '));
        ctx.printError(
            QCoreApplication::translate(
                "crsync::cli",
                "\"crsync %1 %2\" takes %3, but was given: %4. See \"crsync %1 %2 --help\".")
                .arg(group.name, sub->name, expected,
                     positionals.isEmpty() ? QCoreApplication::translate("crsync::cli", "none")
                                           : positionals.join(QLatin1Char(' '))));
        ctx.finish(ExitInvalid);
        return;
    }
    ctx.whenReady([&ctx, sub, parsed] { sub->run(ctx, *parsed); });
}

} // namespace crsync::cli
