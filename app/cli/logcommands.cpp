// crsync log [--rule NAME] [--status S] [--json] · crsync log show TASK_ID [--json]
#include "cli/logcommands.h"

#include "cli/commandcontext.h"
#include "cli/commandgroups.h"
#include "cli/output.h"
#include "service/ruleservice.h"
#include "service/syncservice.h"

#include <QCommandLineParser>
#include <QJsonArray>

namespace crsync::cli {

namespace {

QString opt(const char *name)
{
    return QString::fromLatin1(name);
}

constexpr int DefaultLimit = 50;

} // namespace

QJsonObject LogCommands::taskJson(const Task &t)
{
    return QJsonObject {
        { opt("id"), t.id },
        { opt("ruleId"), t.ruleId },
        { opt("rule"), t.ruleName },
        { opt("source"), t.source },
        { opt("target"), t.target },
        { opt("trigger"), triggerName(t.trigger) },
        { opt("status"), taskStatusName(t.status) },
        { opt("created"), isoTime(t.created) },
        { opt("started"), isoTime(t.started) },
        { opt("finished"), isoTime(t.finished) },
        { opt("durationMs"), t.durationMs() },
        { opt("repositories"), t.repositories },
        { opt("artifactsTotal"), t.artifactsTotal },
        { opt("artifactsCopied"), t.artifactsCopied },
        { opt("artifactsSkipped"), t.artifactsSkipped },
        { opt("artifactsFailed"), t.artifactsFailed },
        { opt("successRatio"), t.successRatio() },
        { opt("bytes"), t.bytes },
        { opt("message"), t.message },
    };
}

QJsonObject LogCommands::itemJson(const TaskItem &i)
{
    return QJsonObject {
        { opt("id"), i.id },
        { opt("sourceRepository"), i.sourceRepository },
        { opt("targetRepository"), i.targetRepository },
        { opt("tag"), i.tag },
        { opt("digest"), i.digest },
        { opt("kind"), i.kind },
        { opt("outcome"), outcomeName(i.outcome) },
        { opt("bytes"), i.bytes },
        { opt("durationMs"), i.durationMs },
        { opt("error"), i.error },
        { opt("referrers"), i.referrers },
    };
}

CommandGroup LogCommands::group()
{
    CommandGroup g;
    g.name = opt("log");
    g.summary = tr("The sync log: tasks and their artifacts.");
    g.defaultSubcommand = opt("list");

    Subcommand list;
    list.name = opt("list");
    list.usage = opt("[--rule NAME] [--status S] [--limit N] [--json]");
    list.summary = tr("List tasks, newest first (\"crsync log\").");
    list.details = tr("--status takes Pending, InProgress, Succeeded, PartiallySucceeded, Failed, "
                      "Canceled or Interrupted, or several separated by commas. JSON fields: id, "
                      "ruleId, rule, source, target, trigger, status, created, started, finished "
                      "(ISO 8601 UTC, empty when unset), durationMs, repositories, "
                      "artifactsTotal, artifactsCopied, artifactsSkipped, artifactsFailed, "
                      "successRatio (0..1), bytes, message.");
    list.options = {
        { opt("rule"), tr("Only the tasks of this rule (also of a deleted one)."), opt("NAME") },
        { opt("status"), tr("Only tasks with this status."), opt("S") },
        { opt("limit"), tr("At most N tasks (default 50; 0 = all)."), opt("N") },
        jsonOption(),
    };
    list.run = &LogCommands::list;

    Subcommand show;
    show.name = opt("show");
    show.positionals = { opt("TASK_ID") };
    show.usage = opt("[--json]");
    show.summary = tr("Show a task and each of its artifacts.");
    show.details = tr("JSON: the task's fields (as in \"crsync log --json\") and \"items\": "
                      "sourceRepository, targetRepository, tag, digest, kind (image|chart|other), "
                      "outcome (copied|up-to-date|exists-not-overwritten|failed|canceled), "
                      "bytes, durationMs, error, referrers (the signatures, attestations and "
                      "SBOMs of the artifact at the target, for a rule that copies them).");
    show.options = { jsonOption() };
    show.run = &LogCommands::show;

    g.subcommands = { list, show };
    return g;
}

void LogCommands::list(CommandContext &ctx, const QCommandLineParser &p)
{
    TaskFilter filter;
    filter.limit = DefaultLimit;
    if (p.isSet(opt("limit"))) {
        bool ok = false;
        filter.limit = p.value(opt("limit")).toInt(&ok);
        if (!ok || filter.limit < 0)
            return ctx.fail(Error::invalid(opt("--limit"),
                                           tr("--limit takes a number of tasks, 0 for all.")));
    }
    filter.ruleName = p.value(opt("rule"));
    if (p.isSet(opt("status"))) {
        for (const QString &word : p.value(opt("status")).split(QLatin1Char(','))) {
            TaskStatus status;
            if (!taskStatusFromName(word.trimmed(), &status))
                return ctx.fail(Error::invalid(
                    opt("--status"),
                    tr("\"%1\" is not a task status; use Pending, InProgress, Succeeded, "
                       "PartiallySucceeded, Failed, Canceled or Interrupted.")
                        .arg(word)));
            filter.statuses.append(status);
        }
    }
    SyncService *sync = ctx.sync(false);
    if (!sync)
        return;
    // The log is read by people who may have just killed a crsync: show them the truth.
    sync->recoverInterrupted();
    const Result<QList<Task>> tasks = sync->tasks(filter);
    if (!tasks)
        return ctx.fail(tasks.error());
    TaskFilter all = filter;
    all.limit = 0;
    const Result<int> total = sync->count(all);
    if (tasks->isEmpty() && !filter.ruleName.isEmpty() && total && *total == 0) {
        // No task at all under that name: a typo is likelier than a rule that never ran.
        const Result<Rule> rule = ctx.rules()->find(filter.ruleName);
        if (!rule)
            return ctx.fail(Error::make(Error::Kind::NotFound,
                                        tr("There is no rule named \"%1\", and no task of a "
                                           "deleted rule of that name (\"crsync rule list\" "
                                           "shows the rules).")
                                            .arg(filter.ruleName)));
    }
    if (p.isSet(opt("json"))) {
        QJsonArray array;
        for (const Task &t : *tasks)
            array.append(taskJson(t));
        printJson(ctx.out(), array);
        return ctx.finish(ExitOk);
    }
    // The columns of the TCR sync log first (task ID, created, duration, success ratio,
    // repositories, status), then the detail an operator scanning many runs wants.
    Table table({ tr("ID"), tr("RULE"), tr("CREATED"), tr("DURATION"), tr("SUCCESS"),
                  tr("REPOS"), tr("STATUS"), tr("TRIGGER"), tr("ARTIFACTS"), tr("COPIED"),
                  tr("SKIPPED"), tr("FAILED"), tr("BYTES") });
    for (const Task &t : *tasks)
        table.addRow({ QString::number(t.id), t.ruleName, localTime(t.created),
                       formatDuration(t.durationMs()), percent(t.successRatio()),
                       QString::number(t.repositories), taskStatusText(t.status),
                       triggerText(t.trigger), QString::number(t.artifactsTotal),
                       QString::number(t.artifactsCopied), QString::number(t.artifactsSkipped),
                       QString::number(t.artifactsFailed), formatBytes(t.bytes) });
    if (table.isEmpty()) {
        ctx.out() << (filter.ruleName.isEmpty() && filter.statuses.isEmpty()
                          ? tr("No tasks yet. \"crsync sync NAME\" starts one.")
                          : tr("No task matches."))
                  << Qt::endl;
        return ctx.finish(ExitOk);
    }
    table.print(ctx.out());
    if (total && *total > tasks->size())
        ctx.out() << tr("The newest %1 of %2 tasks; --limit N shows more (0 shows all).")
                         .arg(tasks->size())
                         .arg(*total)
                  << Qt::endl;
    ctx.finish(ExitOk);
}

void LogCommands::show(CommandContext &ctx, const QCommandLineParser &p)
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
    sync->recoverInterrupted();
    const Result<Task> task = sync->task(taskId);
    if (!task)
        return ctx.fail(task.error());
    const Result<QList<TaskItem>> items = sync->items(taskId);
    if (!items)
        return ctx.fail(items.error());
    if (p.isSet(opt("json"))) {
        QJsonObject object = taskJson(*task);
        QJsonArray array;
        for (const TaskItem &i : *items)
            array.append(itemJson(i));
        object.insert(opt("items"), array);
        printJson(ctx.out(), object);
        return ctx.finish(ExitOk);
    }
    const Task &t = *task;
    QList<QPair<QString, QString>> fields {
        { tr("Task"), QString::number(t.id) },
        { tr("Rule"), t.ruleName },
        { tr("Source"), t.source },
        { tr("Target"), t.target },
        { tr("Trigger"), triggerText(t.trigger) },
        { tr("Status"), taskStatusText(t.status) },
        { tr("Created"), localTime(t.created) },
        { tr("Started"), localTime(t.started) },
        { tr("Finished"), localTime(t.finished) },
        { tr("Duration"), formatDuration(t.durationMs()) },
        { tr("Repositories"), QString::number(t.repositories) },
        { tr("Artifacts"),
          tr("%1 total, %2 copied, %3 skipped, %4 failed")
              .arg(t.artifactsTotal)
              .arg(t.artifactsCopied)
              .arg(t.artifactsSkipped)
              .arg(t.artifactsFailed) },
        { tr("Success ratio"), percent(t.successRatio()) },
        { tr("Bytes moved"), formatBytes(t.bytes) },
    };
    if (!t.message.isEmpty())
        fields.append({ tr("Message"), t.message });
    printFields(ctx.out(), fields);
    if (!items->isEmpty()) {
        ctx.out() << Qt::endl;
        Table table({ tr("SOURCE"), tr("TARGET"), tr("TAG"), tr("KIND"), tr("OUTCOME"),
                      tr("DIGEST"), tr("BYTES"), tr("DURATION"), tr("ERROR") });
        for (const TaskItem &i : *items)
            table.addRow({ i.sourceRepository, i.targetRepository, i.tag, itemKindText(i),
                           outcomeText(i.outcome), i.digest.left(19), formatBytes(i.bytes),
                           formatDuration(i.durationMs), i.error });
        table.print(ctx.out());
    }
    ctx.finish(ExitOk);
}

CommandGroup logCommands()
{
    return LogCommands::group();
}

} // namespace crsync::cli
