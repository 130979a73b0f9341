// crsync sync NAME [--wait] · crsync cancel TASK_ID
#include "cli/synccommands.h"

#include "cli/commandcontext.h"
#include "cli/commandgroups.h"
#include "cli/output.h"
#include "engine/engine.h"
#include "engine/keychaincredentialprovider.h"
#include "store/database.h"
#include "store/rulestore.h"
#include "store/taskstore.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSocketNotifier>
#include <QTimer>
#include <csignal>
#include <unistd.h>

namespace crsync::cli {

namespace {

constexpr int BackgroundStartTimeoutMs = 30000;

// Ctrl+C during "sync --wait" cancels the task instead of leaving it Interrupted.
int g_signalPipe[2] = { -1, -1 };
void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] auto n = ::write(g_signalPipe[1], &byte, 1);
}

bool processAlive(qint64 pid)
{
    return pid > 0 && ::kill(pid_t(pid), 0) == 0;
}

QString progressLine(int done, int total, qint64 bytes, qint64 elapsedMs)
{
    const double seconds = std::max<qint64>(elapsedMs, 1) / 1000.0;
    return SyncCommands::tr("%1/%2 artifacts, %3 (%4/s), %5")
        .arg(done)
        .arg(total)
        .arg(SyncCommands::formatBytes(bytes), SyncCommands::formatBytes(qint64(bytes / seconds)),
             SyncCommands::formatDuration(elapsedMs));
}

} // namespace

QString SyncCommands::formatBytes(qint64 bytes)
{
    const char *units[] = { "B", "KiB", "MiB", "GiB", "TiB" };
    double value = double(bytes);
    int unit = 0;
    while (value >= 1024.0 && unit < 4) {
        value /= 1024.0;
        ++unit;
    }
    return unit == 0
        ? QStringLiteral("%1 B").arg(bytes)
        : QStringLiteral("%1 %2").arg(value, 0, 'f', 1).arg(QLatin1String(units[unit]));
}

QString SyncCommands::formatDuration(qint64 ms)
{
    if (ms < 60000)
        return QStringLiteral("%1 s").arg(ms / 1000.0, 0, 'f', 1);
    const qint64 s = ms / 1000;
    if (s < 3600)
        return QStringLiteral("%1m%2s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1h%2m").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
}

CommandGroup SyncCommands::syncGroup()
{
    CommandGroup g;
    g.name = QStringLiteral("sync");
    g.summary = tr("Sync a rule now: \"crsync sync NAME [--wait]\" prints the task ID; --wait "
                   "stays until the task ends and exits 0 only when it succeeded.");
    g.defaultSubcommand = QStringLiteral("run");

    Subcommand run;
    run.name = QStringLiteral("run");
    run.positionals = { QStringLiteral("NAME") };
    run.usage = QStringLiteral("[--wait]");
    run.summary = tr("Start a task for the rule NAME and print its ID (\"crsync sync NAME\").");
    run.details = tr(
        "Without --wait the task runs on in a background crsync process and the command returns "
        "at once; follow it with \"crsync log show TASK_ID\" and stop it with \"crsync cancel "
        "TASK_ID\". With --wait the command stays until the task ends, shows its progress on a "
        "terminal, and exits 0 when it Succeeded, 1 otherwise, 3 when a registry or the "
        "keychain could not be reached at all (Ctrl+C cancels the task). A rule "
        "that is already syncing, or disabled, is refused with status 2.");
    run.options = {
        { QStringLiteral("wait"), tr("Stay until the task ends; exit 0 only when it succeeded.") },
        { QStringLiteral("quiet"),
          tr("With --wait: no progress line, only the ID and the summary.") },
    };
    QCommandLineOption background(QStringLiteral("background-log"), QString(),
                                  QStringLiteral("FILE"));
    background.setFlags(QCommandLineOption::HiddenFromHelp);
    run.options << background;
    run.run = &SyncCommands::sync;
    g.subcommands = { run };
    return g;
}

CommandGroup SyncCommands::cancelGroup()
{
    CommandGroup g;
    g.name = QStringLiteral("cancel");
    g.summary = tr("Cancel a running sync task: \"crsync cancel TASK_ID\".");
    g.defaultSubcommand = QStringLiteral("task");

    Subcommand task;
    task.name = QStringLiteral("task");
    task.positionals = { QStringLiteral("TASK_ID") };
    task.summary = tr("Stop the task TASK_ID within seconds (\"crsync cancel TASK_ID\").");
    task.details = tr("Works on a task run by any crsync process of the same data dir. Waits "
                      "until the task has stopped and prints its final status; exits 2 when the "
                      "task is not running.");
    task.run = &SyncCommands::cancel;
    g.subcommands = { task };
    return g;
}

void SyncCommands::sync(CommandContext &ctx, const QCommandLineParser &p)
{
    const QString name = p.positionalArguments().value(0);
    auto db = ctx.database();
    if (!db) {
        ctx.fail(db.error());
        return;
    }
    auto rule = RuleStore(**db).findByName(name);
    if (!rule) {
        Error e = rule.error();
        if (e.kind == Error::Kind::NotFound)
            e.message = tr("There is no rule named \"%1\". \"crsync rule list\" shows the rules "
                           "there are.")
                            .arg(name);
        ctx.fail(e);
        return;
    }
    if (p.isSet(QStringLiteral("wait")) || p.isSet(QStringLiteral("background-log"))) {
        syncAndWait(ctx, name,
                    p.isSet(QStringLiteral("quiet")) || p.isSet(QStringLiteral("background-log")));
        if (p.isSet(QStringLiteral("background-log"))) {
            const QString log = p.value(QStringLiteral("background-log"));
            QObject::connect(&ctx, &QObject::destroyed, [log] { QFile::remove(log); });
        }
        return;
    }
    if (!rule->enabled) {
        ctx.fail(Error::make(Error::Kind::Conflict,
                             tr("Rule %1 is disabled; enable it before syncing it.").arg(name)));
        return;
    }
    syncInBackground(ctx, name);
}

// The task outlives this command: a detached crsync runs it and writes the ID first; we pass
// that ID on (or the child's complaint, when it could not start the task).
void SyncCommands::syncInBackground(CommandContext &ctx, const QString &rule)
{
    const QString dataDir = ctx.dataDir();
    QDir(dataDir).mkpath(QStringLiteral("tasks"));
    const QString log = QDir(dataDir).filePath(QStringLiteral("tasks/background-%1-%2.log")
                                                   .arg(QCoreApplication::applicationPid())
                                                   .arg(QDateTime::currentMSecsSinceEpoch()));
    QProcess child;
    child.setProgram(QCoreApplication::applicationFilePath());
    child.setArguments({ QStringLiteral("--data-dir"), dataDir, QStringLiteral("sync"), rule,
                         QStringLiteral("--background-log"), log });
    child.setStandardInputFile(QProcess::nullDevice());
    child.setStandardOutputFile(log, QIODevice::Append);
    child.setStandardErrorFile(log, QIODevice::Append);
    qint64 pid = 0;
    if (!child.startDetached(&pid)) {
        ctx.fail(Error::make(Error::Kind::Internal,
                             tr("Could not start a background crsync for the task: %1. Run "
                                "\"crsync sync %2 --wait\" instead.")
                                 .arg(child.errorString(), rule)));
        return;
    }
    auto *timer = new QTimer(&ctx);
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    timer->setInterval(50);
    QObject::connect(timer, &QTimer::timeout, &ctx, [&ctx, timer, log, pid, clock] {
        QFile file(log);
        QByteArray text;
        if (file.open(QIODevice::ReadOnly))
            text = file.readAll();
        static const QRegularExpression idLine(QStringLiteral("^(\\d+)$"),
                                               QRegularExpression::MultilineOption);
        const auto match = idLine.match(QString::fromUtf8(text));
        if (match.hasMatch()) {
            timer->stop();
            ctx.out() << match.captured(1) << Qt::endl;
            ctx.finish(ExitOk);
            return;
        }
        if (!processAlive(pid) || clock->elapsed() > BackgroundStartTimeoutMs) {
            timer->stop();
            ctx.err() << QString::fromUtf8(text) << Qt::flush;
            if (text.isEmpty())
                ctx.printError(tr("The background crsync stopped before it started the task."));
            QFile::remove(log);
            // The child already said why; its status is not ours to know, so map the usual
            // reasons: a conflict (already syncing) is input the user can act on.
            ctx.finish(text.contains("already") ? ExitInvalid : ExitFailure);
        }
    });
    timer->start();
}

void SyncCommands::syncAndWait(CommandContext &ctx, const QString &rule, bool quiet)
{
    auto db = ctx.database();
    if (!db) {
        ctx.fail(db.error());
        return;
    }
    Database *database = *db;
    EngineSettings settings = EngineSettings::fromEnvironment();
    settings.dataDir = ctx.dataDir();
    auto credentials = std::make_shared<KeychainCredentialProvider>(&ctx.credentials());
    auto *engine = new Engine(*database, credentials.get(), settings);
    auto started = engine->trigger(rule, Trigger::Manual);
    if (!started) {
        delete engine;
        ctx.fail(started.error());
        return;
    }
    const qint64 taskId = *started;
    ctx.out() << taskId << Qt::endl;

    const bool live = !quiet && ::isatty(STDERR_FILENO);
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    if (live) {
        QObject::connect(engine, &Engine::taskProgress, &ctx,
                         [&ctx, taskId, clock](qint64 id, int done, int total, qint64 bytes) {
                             if (id != taskId)
                                 return;
                             ctx.err() << '\r' << progressLine(done, total, bytes, clock->elapsed())
                                       << "\x1b[K" << Qt::flush;
                         });
    }

    if (::pipe(g_signalPipe) == 0) {
        auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, engine);
        QObject::connect(notifier, &QSocketNotifier::activated, engine, [engine, taskId, notifier] {
            char byte;
            [[maybe_unused]] auto n = ::read(g_signalPipe[0], &byte, 1);
            notifier->setEnabled(false);
            engine->cancel(taskId);
        });
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
    }

    QObject::connect(
        engine, &Engine::taskFinished, &ctx,
        [&ctx, engine, credentials, database, taskId, live](qint64 id, TaskStatus status) {
            if (id != taskId)
                return;
            // The engine goes before the database, and not from inside its signal.
            const std::optional<Error> failure = engine->failure(taskId);
            QTimer::singleShot(
                0, &ctx, [&ctx, engine, credentials, database, taskId, live, status, failure] {
                    delete engine;
                    std::signal(SIGINT, SIG_DFL);
                    std::signal(SIGTERM, SIG_DFL);
                    if (live)
                        ctx.err() << '\r' << "\x1b[K" << Qt::flush;
                    TaskStore tasks(*database);
                    auto task = tasks.get(taskId);
                    if (!task) {
                        ctx.fail(task.error());
                        return;
                    }
                    ctx.out() << tr("Task %1 %2: %3 artifacts in %4 repositories: %5 "
                                    "copied, %6 skipped, %7 failed; %8 moved in %9.")
                                     .arg(taskId)
                                     .arg(taskStatusName(status))
                                     .arg(task->artifactsTotal)
                                     .arg(task->repositories)
                                     .arg(task->artifactsCopied)
                                     .arg(task->artifactsSkipped)
                                     .arg(task->artifactsFailed)
                                     .arg(formatBytes(task->bytes),
                                          formatDuration(task->durationMs()))
                              << Qt::endl;
                    if (!task->message.isEmpty())
                        ctx.printError(task->message);
                    if (auto items = tasks.items(taskId)) {
                        int shown = 0;
                        for (const TaskItem &item : *items) {
                            if (item.outcome != TaskItem::Outcome::Failed)
                                continue;
                            if (++shown > 10) {
                                ctx.printError(
                                    tr("... more failures: crsync log show %1").arg(taskId));
                                break;
                            }
                            ctx.printError(item.error);
                        }
                    }
                    // A task that could not even talk to a registry (or the
                    // keychain) ends with that status, as any other command would.
                    if (failure && exitCodeFor(*failure) == ExitUnreachable)
                        ctx.finish(ExitUnreachable);
                    else
                        ctx.finish(status == TaskStatus::Succeeded ? ExitOk : ExitFailure);
                });
        });
}

void SyncCommands::cancel(CommandContext &ctx, const QCommandLineParser &p)
{
    bool ok = false;
    const qint64 taskId = p.positionalArguments().value(0).toLongLong(&ok);
    if (!ok || taskId <= 0) {
        ctx.fail(Error::invalid(QStringLiteral("TASK_ID"),
                                tr("\"%1\" is not a task ID; \"crsync log\" lists them.")
                                    .arg(p.positionalArguments().value(0))));
        return;
    }
    auto db = ctx.database();
    if (!db) {
        ctx.fail(db.error());
        return;
    }
    Database *database = *db;
    auto task = TaskStore(*database).get(taskId);
    if (!task) {
        ctx.fail(task.error());
        return;
    }
    if (isFinished(task->status)) {
        ctx.fail(Error::make(Error::Kind::Conflict,
                             tr("Task %1 is not running: it ended %2.")
                                 .arg(taskId)
                                 .arg(taskStatusName(task->status))));
        return;
    }
    if (auto asked = Engine::requestCancel(ctx.dataDir(), taskId); !asked) {
        ctx.fail(asked.error());
        return;
    }
    auto *timer = new QTimer(&ctx);
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    timer->setInterval(100);
    const QString dataDir = ctx.dataDir();
    auto ticks = std::make_shared<int>(0);
    QObject::connect(
        timer, &QTimer::timeout, &ctx, [&ctx, timer, database, taskId, clock, dataDir, ticks] {
            // Should the process running it die instead of stopping, say so rather than wait.
            if (++*ticks % 10 == 0)
                Engine::recoverInterrupted(*database, dataDir);
            auto task = TaskStore(*database).get(taskId);
            if (task && isFinished(task->status)) {
                timer->stop();
                ctx.out() << tr("Task %1 %2.").arg(taskId).arg(taskStatusName(task->status))
                          << Qt::endl;
                ctx.finish(task->status == TaskStatus::Interrupted ? ExitFailure : ExitOk);
            } else if (clock->elapsed() > 60000) {
                timer->stop();
                ctx.printError(
                    tr("Task %1 was asked to cancel but has not stopped within a minute.")
                        .arg(taskId));
                ctx.finish(ExitFailure);
            }
        });
    timer->start();
}

} // namespace crsync::cli

namespace crsync::cli {
CommandGroup syncCommands()
{
    return SyncCommands::syncGroup();
}
CommandGroup cancelCommands()
{
    return SyncCommands::cancelGroup();
}
CommandGroup logCommands()
{
    return SyncCommands::logGroup();
}
} // namespace crsync::cli
