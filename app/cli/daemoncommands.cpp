#include "cli/daemoncommands.h"

#include "automation/automation.h"
#include "cli/commandcontext.h"
#include "cli/commandgroups.h"
#include "engine/engine.h"
#include "core/schedule.h"
#include "service/instanceservice.h"
#include "service/ruleservice.h"
#include "service/syncservice.h"
#include "store/eventstore.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QSocketNotifier>
#include <QTimer>
#include <csignal>
#include <unistd.h>

namespace crsync::cli {

namespace {

int g_stopPipe[2] = { -1, -1 };

void onStopSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] auto n = ::write(g_stopPipe[1], &byte, 1);
}

QString opt(const char *name)
{
    return QString::fromLatin1(name);
}

void say(CommandContext &ctx, const QString &line)
{
    // One line per event and task, with the time: what systemd's journal or a log file keeps.
    ctx.err() << QDateTime::currentDateTime().toString(Qt::ISODate) << " crsync daemon: " << line
              << Qt::endl;
}

} // namespace

CommandGroup DaemonCommands::daemonGroup()
{
    CommandGroup g;
    g.name = opt("daemon");
    g.summary = tr("Run automatic sync without a window: the webhook listener and the event "
                   "queue (\"crsync daemon [--listen HOST:PORT]\").");
    g.defaultSubcommand = opt("run");
    Subcommand run;
    run.name = opt("run");
    run.usage = opt("[--listen HOST:PORT]");
    run.summary = tr("Listen for registry notifications and sync what enabled rules cover.");
    run.details = tr(
        "Pushes that registries announce on POST /webhook (Authorization: Bearer SECRET, see "
        "\"crsync webhook secret\") are queued in the data dir and synced by tasks with trigger "
        "\"event\". One line per event and task goes to standard error. SIGTERM or SIGINT stops "
        "it: no new request is accepted, running tasks are canceled, and queued events run after "
        "the next start. Only one process may run automatic sync per data dir.");
    run.options = {
        { opt("listen"), tr("Address and port to listen on (default 127.0.0.1:%1).").arg(Automation::DefaultPort),
          opt("HOST:PORT") },
        { opt("tls-cert"), tr("PEM certificate (chain) to answer with HTTPS; needed beyond loopback."), opt("FILE") },
        { opt("tls-key"), tr("PEM private key of --tls-cert."), opt("FILE") },
    };
    run.run = &DaemonCommands::run;
    g.subcommands = { run };
    return g;
}

CommandGroup DaemonCommands::webhookGroup()
{
    CommandGroup g;
    g.name = opt("webhook");
    g.summary = tr("What to give a registry so its pushes reach crsync: \"crsync webhook secret\", "
                   "\"crsync webhook url\".");
    Subcommand secret;
    secret.name = opt("secret");
    secret.summary = tr("Print the webhook secret (made and kept in the keychain on first use).");
    secret.details = tr("Registries send it as \"Authorization: Bearer SECRET\". --rotate replaces "
                        "it: registries with the old one are refused from then on.");
    secret.options = { { opt("rotate"), tr("Make a new secret and print it.") } };
    secret.run = &DaemonCommands::secret;
    Subcommand url;
    url.name = opt("url");
    url.summary = tr("Print the URL registries post their notifications to.");
    url.options = { { opt("listen"), tr("The address the daemon listens on, as given to it."), opt("HOST:PORT") } };
    url.run = &DaemonCommands::url;
    g.subcommands = { secret, url };
    return g;
}

Subcommand DaemonCommands::instancePollCommand()
{
    Subcommand poll;
    poll.name = opt("poll");
    poll.positionals = { opt("NAME"), opt("SECONDS") };
    poll.summary = tr("Have automatic sync look at the instance every SECONDS (0: never).");
    poll.details = tr("For registries that cannot send notifications: the daemon (or the window) "
                      "scans what the instance's enabled rules cover that often and syncs tags "
                      "that are new or changed since its last look, in tasks with trigger "
                      "\"poll\". A look that finds nothing new starts no task.");
    poll.run = &DaemonCommands::poll;
    return poll;
}

void DaemonCommands::poll(CommandContext &ctx, const QCommandLineParser &p)
{
    bool ok = false;
    const int seconds = p.positionalArguments().value(1).toInt(&ok);
    if (!ok || seconds < 0 || (seconds > 0 && seconds < 10))
        return ctx.fail(Error::invalid(opt("SECONDS"),
                                       tr("SECONDS is 0 (no polling) or at least 10, not \"%1\".")
                                           .arg(p.positionalArguments().value(1))));
    InstanceService *instances = ctx.instances();
    if (!instances)
        return;
    const Result<Instance> instance = instances->find(p.positionalArguments().value(0));
    if (!instance)
        return ctx.fail(instance.error());
    Result<Database *> db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    if (Result<void> set = PollStore(**db).setInterval(instance->id, seconds); !set)
        return ctx.fail(set.error());
    ctx.out() << (seconds > 0 ? tr("Instance %1 is polled every %2 s while automatic sync runs.")
                                    .arg(instance->name)
                                    .arg(seconds)
                              : tr("Instance %1 is not polled.").arg(instance->name))
              << Qt::endl;
    ctx.finish(0);
}

Subcommand DaemonCommands::ruleScheduleCommand()
{
    Subcommand s;
    s.name = opt("schedule");
    s.positionals = { opt("NAME"), opt("SCHEDULE") };
    s.summary = tr("Run a full sync of the rule on a schedule: \"every 30m\", \"every 2h\", "
                   "\"daily 02:00\", or \"off\".");
    s.details = tr("Scheduled runs have trigger \"schedule\" and happen while automatic sync runs "
                   "(crsync daemon, or the window). A run that would overlap the rule's running "
                   "task is skipped and logged. \"crsync rule show NAME\" gives the next run.");
    s.run = &DaemonCommands::schedule;
    return s;
}

void DaemonCommands::schedule(CommandContext &ctx, const QCommandLineParser &p)
{
    const QString text = p.positionalArguments().value(1);
    QString spec;
    if (text.trimmed().toLower() != QLatin1String("off")) {
        const Result<Schedule> parsed = Schedule::parse(text);
        if (!parsed)
            return ctx.fail(Error::invalid(opt("SCHEDULE"), parsed.error().message));
        spec = parsed->toString();
    }
    RuleService *rules = ctx.rules();
    if (!rules)
        return;
    const Result<Rule> rule = rules->find(p.positionalArguments().value(0));
    if (!rule)
        return ctx.fail(rule.error());
    Result<Database *> db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    if (Result<void> set = ScheduleStore(**db).set(rule->id, spec); !set)
        return ctx.fail(set.error());
    ctx.out() << (spec.isEmpty() ? tr("Rule %1 has no schedule.").arg(rule->name)
                                 : tr("Rule %1 runs %2 while automatic sync runs.")
                                       .arg(rule->name, Schedule::parse(spec)->describe()))
              << Qt::endl;
    ctx.finish(0);
}

void DaemonCommands::run(CommandContext &ctx, const QCommandLineParser &p)
{
    const Result<Automation::Options> listen = Automation::parseListen(p.value(opt("listen")));
    if (!listen)
        return ctx.fail(listen.error(), { { opt("listen"), opt("--listen") } });
    Automation::Options options = *listen;
    options.tlsCertificate = p.value(opt("tls-cert"));
    options.tlsKey = p.value(opt("tls-key"));
    if (Result<void> ok = Automation::checkOptions(options); !ok)
        return ctx.fail(ok.error(), { { opt("listen"), opt("--listen") }, { opt("tls"), opt("--tls-cert") } });
    SyncService *sync = ctx.sync(true);
    if (!sync)
        return;
    Engine *engine = sync->engine();
    Result<Database *> db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    auto *automation = new Automation(ctx.dataDir(), **db, *engine, ctx.credentials(), &ctx);
    QObject::connect(automation, &Automation::logLine, &ctx, [&ctx](const QString &line) { say(ctx, line); });
    QObject::connect(engine, &Engine::taskStarted, &ctx, [&ctx](qint64 task, qint64 rule) {
        say(ctx, tr("task %1 of rule %2 running").arg(task).arg(rule));
    });
    QObject::connect(engine, &Engine::taskFinished, &ctx, [&ctx](qint64 task, TaskStatus status) {
        say(ctx, tr("task %1 ended %2").arg(task).arg(taskStatusName(status)));
    });
    automation->start(options, [&ctx, automation, engine](Result<void> started) {
        if (!started)
            return ctx.fail(started.error());
        if (::pipe(g_stopPipe) != 0)
            return;
        auto *notifier = new QSocketNotifier(g_stopPipe[0], QSocketNotifier::Read, &ctx);
        QObject::connect(notifier, &QSocketNotifier::activated, &ctx, [&ctx, automation, engine, notifier] {
            char byte;
            [[maybe_unused]] auto n = ::read(g_stopPipe[0], &byte, 1);
            notifier->setEnabled(false);
            say(ctx, tr("stopping: no new requests; running tasks are canceled, queued events "
                        "wait for the next start"));
            automation->stop();
            QObject::connect(engine, &Engine::shutdownFinished, &ctx, [&ctx] {
                say(ctx, tr("stopped"));
                QTimer::singleShot(0, &ctx, [&ctx] { ctx.finish(0); });
            });
            engine->shutdown(Engine::ShutdownMode::CancelRunning);
        });
        for (int s : { SIGINT, SIGTERM })
            std::signal(s, onStopSignal);
    });
}

void DaemonCommands::secret(CommandContext &ctx, const QCommandLineParser &p)
{
    Result<Database *> db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    Automation::webhookSecret(**db, ctx.credentials(), p.isSet(opt("rotate")), [&ctx](Result<QString> s) {
        if (!s)
            return ctx.fail(s.error());
        ctx.out() << *s << Qt::endl;
        ctx.finish(0);
    });
}

void DaemonCommands::url(CommandContext &ctx, const QCommandLineParser &p)
{
    const Result<Automation::Options> options = Automation::parseListen(p.value(opt("listen")));
    if (!options)
        return ctx.fail(options.error(), { { opt("listen"), opt("--listen") } });
    ctx.out() << Automation::webhookUrl(*options) << Qt::endl;
    ctx.finish(0);
}

CommandGroup daemonCommands()
{
    return DaemonCommands::daemonGroup();
}

CommandGroup webhookCommands()
{
    return DaemonCommands::webhookGroup();
}

Subcommand instancePollCommand()
{
    return DaemonCommands::instancePollCommand();
}

Subcommand ruleScheduleCommand()
{
    return DaemonCommands::ruleScheduleCommand();
}

} // namespace crsync::cli
