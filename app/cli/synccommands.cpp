// crsync sync NAME [--wait] · crsync cancel TASK_ID
#include "cli/synccommands.h"

#include "cli/commandcontext.h"
#include "cli/commandgroups.h"
#include "cli/output.h"
#include "engine/engine.h"
#include "service/ruleservice.h"
#include "service/syncservice.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSocketNotifier>
#include <QTimer>
#include <csignal>
#include <unistd.h>

namespace crsync::cli {

namespace {

constexpr int BackgroundStartTimeoutMs = 30000;

// Ctrl+C, a closed terminal (SIGHUP) or a polite kill during "sync --wait" cancel the task
// instead of leaving it Interrupted.
int g_signalPipe[2] = { -1, -1 };
const int StopSignals[] = { SIGINT, SIGTERM, SIGHUP };

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] auto n = ::write(g_signalPipe[1], &byte, 1);
}

void restoreSignals()
{
    for (int s : StopSignals)
        std::signal(s, SIG_DFL);
}

bool processAlive(qint64 pid)
{
    return pid > 0 && ::kill(pid_t(pid), 0) == 0;
}

QString opt(const char *name)
{
    return QString::fromLatin1(name);
}

QString progressLine(int done, int total, qint64 bytes, qint64 elapsedMs)
{
    const double seconds = std::max<qint64>(elapsedMs, 1) / 1000.0;
    return SyncCommands::tr("%1/%2 artifacts, %3 (%4/s), %5")
        .arg(done)
        .arg(total)
        .arg(formatBytes(bytes), formatBytes(qint64(bytes / seconds)), formatDuration(elapsedMs));
}

// The logs of background starts that a killed crsync left behind (the starter removes its
// own as soon as it read it).
void sweepBackgroundLogs(const QString &dir)
{
    const QDateTime stale = QDateTime::currentDateTimeUtc().addSecs(-3600);
    for (const QFileInfo &log : QDir(dir).entryInfoList({ opt("background-*.log") }, QDir::Files))
        if (log.lastModified().toUTC() < stale)
            QFile::remove(log.filePath());
}

} // namespace

QString SyncCommands::summary(const Task &t)
{
    return tr("Task %1 %2: %3 in %4: %5 copied, %6 skipped, %7 failed; %8 moved in %9.")
        .arg(t.id)
        .arg(taskStatusText(t.status))
        .arg(tr("%n artifact(s)", nullptr, t.artifactsTotal))
        .arg(tr("%n repository(s)", nullptr, t.repositories))
        .arg(t.artifactsCopied)
        .arg(t.artifactsSkipped)
        .arg(t.artifactsFailed)
        .arg(formatBytes(t.bytes), formatDuration(t.durationMs()));
}

CommandGroup SyncCommands::syncGroup()
{
    CommandGroup g;
    g.name = opt("sync");
    g.summary = tr("Sync a rule now: \"crsync sync NAME [--wait]\" prints the task ID; --wait "
                   "stays until the task ends and exits 0 only when it succeeded.");
    g.defaultSubcommand = opt("run");

    Subcommand run;
    run.name = opt("run");
    run.positionals = { opt("NAME") };
    run.usage = opt("[--wait]");
    run.summary = tr("Start a task for the rule NAME and print its ID (\"crsync sync NAME\").");
    run.details = tr(
        "Without --wait the task runs on in a background crsync process and the command returns "
        "at once; follow it with \"crsync log show TASK_ID\" and stop it with \"crsync cancel "
        "TASK_ID\". With --wait the command stays until the task ends, shows its progress on a "
        "terminal, and exits 0 when it Succeeded, 1 otherwise, 3 when a registry or the "
        "keychain could not be reached at all (Ctrl+C cancels the task). A rule "
        "that is already syncing, or disabled, is refused with status 2.");
    run.options = {
        { opt("wait"), tr("Stay until the task ends; exit 0 only when it succeeded.") },
        { opt("quiet"), tr("With --wait: no progress line, only the ID and the summary.") },
    };
    QCommandLineOption background(opt("background-log"), QString(), opt("FILE"));
    background.setFlags(QCommandLineOption::HiddenFromHelp);
    run.options << background;
    run.run = &SyncCommands::sync;
    g.subcommands = { run };
    return g;
}

CommandGroup SyncCommands::cancelGroup()
{
    CommandGroup g;
    g.name = opt("cancel");
    g.summary = tr("Cancel a running sync task: \"crsync cancel TASK_ID\".");
    g.defaultSubcommand = opt("task");

    Subcommand task;
    task.name = opt("task");
    task.positionals = { opt("TASK_ID") };
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
    RuleService *rules = ctx.rules();
    if (!rules)
        return;
    const QString name = p.positionalArguments().value(0);
    const Result<Rule> rule = rules->find(name);
    if (!rule)
        return ctx.fail(rule.error());
    if (p.isSet(opt("wait")) || p.isSet(opt("background-log")))
        return syncAndWait(ctx, name, p.isSet(opt("quiet")) || p.isSet(opt("background-log")));
    if (!rule->enabled)
        return ctx.fail(Error::make(Error::Kind::Conflict,
                                    tr("Rule %1 is disabled; enable it before syncing it.")
                                        .arg(name)));
    syncInBackground(ctx, name);
}

// The task outlives this command: a detached crsync runs it and writes the ID first; we pass
// that ID on (or the child's complaint, when it could not start the task).
void SyncCommands::syncInBackground(CommandContext &ctx, const QString &rule)
{
    const QString dir = QDir(ctx.dataDir()).filePath(opt("tasks"));
    QDir().mkpath(dir);
    sweepBackgroundLogs(dir);
    const QString log = QDir(dir).filePath(QStringLiteral("background-%1-%2.log")
                                               .arg(QCoreApplication::applicationPid())
                                               .arg(QDateTime::currentMSecsSinceEpoch()));
    QProcess child;
    child.setProgram(QCoreApplication::applicationFilePath());
    child.setArguments(
        { opt("--data-dir"), ctx.dataDir(), opt("sync"), rule, opt("--background-log"), log });
    child.setStandardInputFile(QProcess::nullDevice());
    child.setStandardOutputFile(log, QIODevice::Append);
    child.setStandardErrorFile(log, QIODevice::Append);
    qint64 pid = 0;
    if (!child.startDetached(&pid))
        return ctx.fail(Error::make(Error::Kind::Internal,
                                    tr("Could not start a background crsync for the task: %1. Run "
                                       "\"crsync sync %2 --wait\" instead.")
                                        .arg(child.errorString(), rule)));
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
            // The child keeps writing to its open file; nobody reads it any more, and the task's
            // own record is in the sync log.
            QFile::remove(log);
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

void SyncCommands::syncAndWait(CommandContext &ctx, const QString &ruleName, bool quiet)
{
    SyncService *sync = ctx.sync(true);
    if (!sync)
        return;
    const Result<Rule> rule = ctx.rules()->find(ruleName);
    if (!rule)
        return ctx.fail(rule.error());
    Engine *engine = sync->engine();
    const Result<qint64> started = sync->trigger(rule->id, Trigger::Manual);
    if (!started)
        return ctx.fail(started.error());
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
        auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, &ctx);
        QObject::connect(notifier, &QSocketNotifier::activated, &ctx, [engine, taskId, notifier] {
            char byte;
            [[maybe_unused]] auto n = ::read(g_signalPipe[0], &byte, 1);
            notifier->setEnabled(false);
            engine->cancel(taskId);
        });
        for (int s : StopSignals)
            std::signal(s, onSignal);
    }

    auto failure = std::make_shared<std::optional<Error>>();
    QObject::connect(engine, &Engine::taskFailed, &ctx,
                     [taskId, failure](qint64 id, const Error &error) {
                         if (id == taskId)
                             *failure = error;
                     });
    QObject::connect(engine, &Engine::taskFinished, &ctx,
                     [&ctx, taskId, live, failure](qint64 id, TaskStatus status) {
                         if (id != taskId)
                             return;
                         restoreSignals();
                         if (live)
                             ctx.err() << '\r' << "\x1b[K" << Qt::flush;
                         // Not from inside the engine's signal: finishing ends the event loop.
                         QTimer::singleShot(0, &ctx, [&ctx, taskId, status, failure] {
                             report(ctx, taskId, status, *failure);
                         });
                     });
}

void SyncCommands::report(CommandContext &ctx, qint64 taskId, TaskStatus status,
                          const std::optional<Error> &failure)
{
    SyncService *sync = ctx.sync(false);
    const Result<Task> task = sync->task(taskId);
    if (!task)
        return ctx.fail(task.error());
    ctx.out() << summary(*task) << Qt::endl;
    if (!task->message.isEmpty())
        ctx.printError(status == TaskStatus::Succeeded ? tr("warning: %1").arg(task->message)
                                                       : task->message);
    if (const Result<QList<TaskItem>> items = sync->items(taskId)) {
        int shown = 0;
        for (const TaskItem &item : *items) {
            if (item.outcome != TaskItem::Outcome::Failed)
                continue;
            if (++shown > 10) {
                ctx.printError(tr("... more failures: crsync log show %1").arg(taskId));
                break;
            }
            ctx.printError(item.error);
        }
    }
    // A task that could not talk to a registry (or the keychain) at all ends with that status,
    // as any other command would.
    if (failure && exitCodeFor(*failure) == ExitUnreachable)
        return ctx.finish(ExitUnreachable);
    ctx.finish(status == TaskStatus::Succeeded ? ExitOk : ExitFailure);
}

void SyncCommands::cancel(CommandContext &ctx, const QCommandLineParser &p)
{
    bool ok = false;
    const qint64 taskId = p.positionalArguments().value(0).toLongLong(&ok);
    if (!ok || taskId <= 0)
        return ctx.fail(Error::invalid(opt("TASK_ID"),
                                       tr("\"%1\" is not a task ID; \"crsync log\" lists them.")
                                           .arg(p.positionalArguments().value(0))));
    SyncService *sync = ctx.sync(false);
    if (!sync)
        return;
    if (auto asked = sync->cancel(taskId); !asked)
        return ctx.fail(asked.error());
    auto *timer = new QTimer(&ctx);
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    timer->setInterval(100);
    auto ticks = std::make_shared<int>(0);
    QObject::connect(timer, &QTimer::timeout, &ctx, [&ctx, sync, timer, taskId, clock, ticks] {
        // Should the process running it die instead of stopping, say so rather than wait.
        if (++*ticks % 10 == 0)
            sync->recoverInterrupted();
        const Result<Task> task = sync->task(taskId);
        if (task && isFinished(task->status)) {
            timer->stop();
            ctx.out() << tr("Task %1 %2.").arg(taskId).arg(taskStatusText(task->status))
                      << Qt::endl;
            ctx.finish(task->status == TaskStatus::Interrupted ? ExitFailure : ExitOk);
        } else if (clock->elapsed() > 60000) {
            timer->stop();
            ctx.printError(
                tr("Task %1 was asked to cancel but has not stopped within a minute.").arg(taskId));
            ctx.finish(ExitFailure);
        }
    });
    timer->start();
}

CommandGroup syncCommands()
{
    return SyncCommands::syncGroup();
}

CommandGroup cancelCommands()
{
    return SyncCommands::cancelGroup();
}

} // namespace crsync::cli
