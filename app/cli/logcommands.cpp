// crsync log [--rule NAME] [--status S] [--json] · crsync log show TASK_ID [--json]
#include "cli/commandcontext.h"
#include "cli/output.h"
#include "cli/synccommands.h"
#include "engine/engine.h"
#include "store/database.h"
#include "store/taskstore.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

namespace crsync::cli {

namespace {

QString localTime(const QDateTime &time)
{
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                          : QStringLiteral("-");
}

QString isoTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QString ratio(const Task &task)
{
    return QStringLiteral("%1%").arg(task.successRatio() * 100.0, 0, 'f', 1);
}

// The log is read by people who may have just killed a crsync: show them the truth.
Database *openAndRecover(CommandContext &ctx)
{
    auto db = ctx.database();
    if (!db) {
        ctx.fail(db.error());
        return nullptr;
    }
    Engine::recoverInterrupted(**db, ctx.dataDir());
    return *db;
}

} // namespace

QJsonObject SyncCommands::taskJson(const Task &t)
{
    return QJsonObject {
        { QStringLiteral("id"), t.id },
        { QStringLiteral("ruleId"), t.ruleId },
        { QStringLiteral("rule"), t.ruleName },
        { QStringLiteral("trigger"), triggerName(t.trigger) },
        { QStringLiteral("status"), taskStatusName(t.status) },
        { QStringLiteral("created"), isoTime(t.created) },
        { QStringLiteral("started"), isoTime(t.started) },
        { QStringLiteral("finished"), isoTime(t.finished) },
        { QStringLiteral("durationMs"), t.durationMs() },
        { QStringLiteral("repositories"), t.repositories },
        { QStringLiteral("artifactsTotal"), t.artifactsTotal },
        { QStringLiteral("artifactsCopied"), t.artifactsCopied },
        { QStringLiteral("artifactsSkipped"), t.artifactsSkipped },
        { QStringLiteral("artifactsFailed"), t.artifactsFailed },
        { QStringLiteral("successRatio"), t.successRatio() },
        { QStringLiteral("bytes"), t.bytes },
        { QStringLiteral("message"), t.message },
    };
}

QJsonObject SyncCommands::itemJson(const TaskItem &i)
{
    return QJsonObject {
        { QStringLiteral("id"), i.id },
        { QStringLiteral("sourceRepository"), i.sourceRepository },
        { QStringLiteral("targetRepository"), i.targetRepository },
        { QStringLiteral("tag"), i.tag },
        { QStringLiteral("digest"), i.digest },
        { QStringLiteral("kind"), i.kind },
        { QStringLiteral("outcome"), outcomeName(i.outcome) },
        { QStringLiteral("bytes"), i.bytes },
        { QStringLiteral("durationMs"), i.durationMs },
        { QStringLiteral("error"), i.error },
    };
}

CommandGroup SyncCommands::logGroup()
{
    CommandGroup g;
    g.name = QStringLiteral("log");
    g.summary = tr("The sync log: tasks and their artifacts.");
    g.defaultSubcommand = QStringLiteral("list");

    Subcommand list;
    list.name = QStringLiteral("list");
    list.usage = QStringLiteral("[--rule NAME] [--status S] [--limit N] [--json]");
    list.summary = tr("List tasks, newest first (\"crsync log\").");
    list.details = tr("--status takes Pending, InProgress, Succeeded, PartiallySucceeded, Failed, "
                      "Canceled or Interrupted, or several separated by commas. JSON fields: id, "
                      "ruleId, rule, trigger, status, created, started, finished (ISO 8601 UTC, "
                      "empty when unset), durationMs, repositories, artifactsTotal, "
                      "artifactsCopied, artifactsSkipped, artifactsFailed, successRatio (0..1), "
                      "bytes, message.");
    list.options = {
        { QStringLiteral("rule"), tr("Only the tasks of this rule (also of a deleted one)."),
          QStringLiteral("NAME") },
        { QStringLiteral("status"), tr("Only tasks with this status."), QStringLiteral("S") },
        { QStringLiteral("limit"), tr("At most N tasks (default 50; 0 = all)."),
          QStringLiteral("N") },
        jsonOption(),
    };
    list.run = &SyncCommands::logList;

    Subcommand show;
    show.name = QStringLiteral("show");
    show.positionals = { QStringLiteral("TASK_ID") };
    show.usage = QStringLiteral("[--json]");
    show.summary = tr("Show a task and each of its artifacts.");
    show.details = tr("JSON: the task's fields (as in \"crsync log --json\") and \"items\": "
                      "sourceRepository, targetRepository, tag, digest, kind (image|chart|other), "
                      "outcome (copied|up-to-date|exists-not-overwritten|failed|canceled), "
                      "bytes, durationMs, error.");
    show.options = { jsonOption() };
    show.run = &SyncCommands::logShow;

    g.subcommands = { list, show };
    return g;
}

void SyncCommands::logList(CommandContext &ctx, const QCommandLineParser &p)
{
    TaskFilter filter;
    filter.limit = 50;
    if (p.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        filter.limit = p.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || filter.limit < 0) {
            ctx.fail(Error::invalid(QStringLiteral("--limit"),
                                    tr("--limit takes a number of tasks, 0 for all.")));
            return;
        }
    }
    filter.ruleName = p.value(QStringLiteral("rule"));
    if (p.isSet(QStringLiteral("status"))) {
        for (const QString &word : p.value(QStringLiteral("status")).split(QLatin1Char(','))) {
            TaskStatus status;
            if (!taskStatusFromName(word.trimmed(), &status)) {
                ctx.fail(Error::invalid(
                    QStringLiteral("--status"),
                    tr("--status: \"%1\" is not a task status; use Pending, InProgress, Succeeded, "
                       "PartiallySucceeded, Failed, Canceled or Interrupted.")
                        .arg(word)));
                return;
            }
            filter.statuses.append(status);
        }
    }
    Database *database = openAndRecover(ctx);
    if (!database)
        return;
    auto tasks = TaskStore(*database).list(filter);
    if (!tasks) {
        ctx.fail(tasks.error());
        return;
    }
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const Task &t : *tasks)
            array.append(taskJson(t));
        printJson(ctx.out(), array);
        ctx.finish(ExitOk);
        return;
    }
    // The columns of the TCR sync log first (task ID, created, duration, success ratio,
    // repositories, status), then the detail an operator scanning many runs wants.
    Table table({ tr("ID"), tr("RULE"), tr("CREATED"), tr("DURATION"), tr("SUCCESS"),
                  tr("REPOS"), tr("STATUS"), tr("TRIGGER"), tr("ARTIFACTS"), tr("COPIED"),
                  tr("SKIPPED"), tr("FAILED"), tr("BYTES") });
    for (const Task &t : *tasks) {
        table.addRow({ QString::number(t.id), t.ruleName, localTime(t.created),
                       formatDuration(t.durationMs()), ratio(t), QString::number(t.repositories),
                       taskStatusName(t.status), triggerName(t.trigger),
                       QString::number(t.artifactsTotal), QString::number(t.artifactsCopied),
                       QString::number(t.artifactsSkipped), QString::number(t.artifactsFailed),
                       formatBytes(t.bytes) });
    }
    if (table.isEmpty())
        ctx.out() << tr("No tasks yet. \"crsync sync NAME\" starts one.") << Qt::endl;
    else
        table.print(ctx.out());
    ctx.finish(ExitOk);
}

void SyncCommands::logShow(CommandContext &ctx, const QCommandLineParser &p)
{
    bool ok = false;
    const qint64 taskId = p.positionalArguments().value(0).toLongLong(&ok);
    if (!ok || taskId <= 0) {
        ctx.fail(Error::invalid(QStringLiteral("TASK_ID"),
                                tr("\"%1\" is not a task ID; \"crsync log\" lists them.")
                                    .arg(p.positionalArguments().value(0))));
        return;
    }
    Database *database = openAndRecover(ctx);
    if (!database)
        return;
    TaskStore store(*database);
    auto task = store.get(taskId);
    if (!task) {
        ctx.fail(task.error());
        return;
    }
    auto items = store.items(taskId);
    if (!items) {
        ctx.fail(items.error());
        return;
    }
    if (p.isSet(QStringLiteral("json"))) {
        QJsonObject object = taskJson(*task);
        QJsonArray array;
        for (const TaskItem &i : *items)
            array.append(itemJson(i));
        object.insert(QStringLiteral("items"), array);
        printJson(ctx.out(), object);
        ctx.finish(ExitOk);
        return;
    }
    const Task &t = *task;
    QList<QPair<QString, QString>> fields {
        { tr("Task"), QString::number(t.id) },
        { tr("Rule"), t.ruleName },
        { tr("Trigger"), triggerName(t.trigger) },
        { tr("Status"), taskStatusName(t.status) },
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
        { tr("Success ratio"), ratio(t) },
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
            table.addRow({ i.sourceRepository, i.targetRepository, i.tag, i.kind,
                           outcomeName(i.outcome), i.digest.left(19), formatBytes(i.bytes),
                           formatDuration(i.durationMs), i.error });
        table.print(ctx.out());
    }
    ctx.finish(ExitOk);
}

} // namespace crsync::cli
