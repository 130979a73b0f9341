#include "tasklogfiller.h"

#include "core/task.h"
#include "store/database.h"
#include "store/instancestore.h"
#include "store/rulestore.h"

#include <QHash>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

namespace crsync::test {

namespace {

// Names as people write them: some Chinese, some long, one that sorts differently by case.
const char *const RuleNames[] = {
    "nginx-mirror", "镜像同步-生产", "Base-Images", "charts-nightly", "ai-team 模型镜像",
    "edge-cache",   "build-cache",   "备份-华东二", "monitoring",     "Legacy-Apps",
};

const char *const FailureMessages[] = {
    "Cannot reach the registry at %1: connection refused. Check the instance's URL and that the "
    "registry is running.",
    "源实例 %1 认证失败：用户名或密码错误。请在“实例”页面更新凭据后重试。",
    "目标命名空间 %1 不存在，请先在目标仓库中创建该命名空间。",
    "Pushing to %1 was refused (HTTP 403 DENIED): the account may not write to this namespace.",
    "Listing the repositories of %1 timed out after 60 s. The registry may be overloaded.",
};

Error fillError(const QSqlQuery &q, const QString &what)
{
    return Database::errorFrom(q.lastError(), what);
}

// Makes two instances and `count` rules between them.
Result<QList<Rule>> makeRules(Database &db, int count)
{
    InstanceStore instances(db);
    RuleStore rules(db);
    Instance src;
    src.name = QStringLiteral("filler-src");
    src.url = QUrl(QStringLiteral("https://src.registry.example.com"));
    src.accountId = QStringLiteral("100");
    Instance dst = src;
    dst.name = QStringLiteral("filler-dst");
    dst.url = QUrl(QStringLiteral("https://dst.registry.example.com"));
    const Result<Instance> a = instances.add(src);
    if (!a)
        return a.error();
    const Result<Instance> b = instances.add(dst);
    if (!b)
        return b.error();
    QList<Rule> made;
    const int names = int(std::size(RuleNames));
    for (int i = 0; i < count; ++i) {
        Rule r;
        r.name = QString::fromUtf8(RuleNames[i % names]);
        if (i >= names)
            r.name += QStringLiteral("-%1").arg(i / names + 1);
        r.sourceInstanceId = a->id;
        r.sourceNamespace = QStringLiteral("team%1").arg(i);
        r.targetInstanceId = b->id;
        r.targetNamespace = QStringLiteral("mirror%1").arg(i);
        const Result<Rule> added = rules.add(r);
        if (!added)
            return added.error();
        made << *added;
    }
    return made;
}

TaskStatus pickStatus(QRandomGenerator &rng)
{
    const int p = int(rng.bounded(100));
    if (p < 74)
        return TaskStatus::Succeeded;
    if (p < 86)
        return TaskStatus::PartiallySucceeded;
    if (p < 94)
        return TaskStatus::Failed;
    if (p < 98)
        return TaskStatus::Canceled;
    return TaskStatus::Interrupted;
}

Trigger pickTrigger(QRandomGenerator &rng)
{
    const int p = int(rng.bounded(100));
    if (p < 40)
        return Trigger::Schedule;
    if (p < 65)
        return Trigger::Poll;
    if (p < 85)
        return Trigger::Event;
    return Trigger::Manual;
}

// Counters, times and message of one finished task, consistent with its status.
void fillOutcome(Task &t, QRandomGenerator &rng)
{
    const int repositories = 1 + int(rng.bounded(40));
    int total = repositories * (1 + int(rng.bounded(4)));
    int copied = 0, skipped = 0, failed = 0;
    bool started = true;
    switch (t.status) {
    case TaskStatus::Succeeded:
        if (rng.bounded(30) == 0)
            total = 0; // nothing matched: nothing to do
        skipped = total ? int(rng.bounded(total + 1)) : 0;
        copied = total - skipped;
        break;
    case TaskStatus::PartiallySucceeded:
        total = qMax(total, 2);
        failed = 1 + int(rng.bounded(qMax(1, total / 4)));
        skipped = int(rng.bounded(total - failed + 1));
        copied = total - failed - skipped;
        if (copied + skipped == 0)
            copied = 1, --failed;
        break;
    case TaskStatus::Failed:
        if (rng.bounded(2) == 0)
            total = 0; // failed before finding anything
        failed = total;
        t.message = QString::fromUtf8(FailureMessages[rng.bounded(int(std::size(FailureMessages)))])
                        .arg(t.source);
        break;
    case TaskStatus::Canceled:
    case TaskStatus::Interrupted:
        started = rng.bounded(5) != 0;
        if (!started) {
            total = 0;
        } else {
            copied = int(rng.bounded(total + 1));
            skipped = int(rng.bounded(total - copied + 1));
        }
        t.message = t.status == TaskStatus::Canceled
            ? (rng.bounded(2) ? QStringLiteral("Canceled by the user.")
                              : QStringLiteral("已由用户取消。"))
            : QStringLiteral("The crsync process ended while the task was running.");
        break;
    default:
        break;
    }
    if (t.status == TaskStatus::PartiallySucceeded)
        t.message = rng.bounded(2)
            ? QStringLiteral("%1 of %2 artifacts failed; the others were synced.")
                  .arg(failed)
                  .arg(total)
            : QStringLiteral("%1 个制品同步失败，其余 %2 个已同步。")
                  .arg(failed)
                  .arg(total - failed);

    t.repositories = total ? repositories : 0;
    t.artifactsTotal = total;
    t.artifactsCopied = copied;
    t.artifactsSkipped = skipped;
    t.artifactsFailed = failed;
    // A copied image is 5 MB to 1.5 GB; a skipped one costs nothing.
    for (int i = 0; i < copied; ++i)
        t.bytes += 5'000'000 + qint64(rng.bounded(300'000'000)) * (rng.bounded(8) ? 1 : 5);
    if (started) {
        t.started = t.created.addMSecs(50 + rng.bounded(3000));
        const qint64 work = 800 + qint64(total) * (200 + rng.bounded(2000)) + t.bytes / 40'000;
        t.finished = t.started.addMSecs(work);
    } else {
        t.finished = t.created.addMSecs(10 + rng.bounded(500));
    }
}

QVariant timeValue(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant();
}

} // namespace

Result<TaskLogFill> fillTaskLog(Database &db, int tasks, int itemsPerTask,
                                const TaskLogFillOptions &options)
{
    TaskLogFill fill;
    fill.rules = options.rules;
    if (fill.rules.isEmpty()) {
        const Result<QList<Rule>> existing = RuleStore(db).list();
        if (!existing)
            return existing.error();
        fill.rules = *existing;
    }
    if (fill.rules.isEmpty()) {
        const Result<QList<Rule>> made = makeRules(db, qMax(1, options.newRules));
        if (!made)
            return made.error();
        fill.rules = *made;
    }
    QHash<qint64, QString> instanceNames;
    if (const Result<QList<Instance>> all = InstanceStore(db).list(); all) {
        for (const Instance &i : *all)
            instanceNames.insert(i.id, i.name);
    }

    QRandomGenerator rng(options.seed);
    const QDateTime end = options.end.isValid() ? options.end : QDateTime::currentDateTimeUtc();
    const qint64 spanMs = qint64(qMax(1, options.days)) * 24 * 3600 * 1000;
    const qint64 step = qMax<qint64>(1, spanMs / qMax(1, tasks));
    const qint64 startMs = end.toMSecsSinceEpoch() - step * tasks;

    const Result<void> done = db.transaction([&](QSqlDatabase &conn) -> Result<void> {
        QSqlQuery insertTask(conn);
        if (!insertTask.prepare(QStringLiteral(
                "INSERT INTO tasks (rule_id, rule_name, source, target, trigger, status, "
                "created_at, started_at, finished_at, repositories, artifacts_total, "
                "artifacts_copied, artifacts_skipped, artifacts_failed, bytes, message) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")))
            return fillError(insertTask, QStringLiteral("Preparing the task insert"));
        QSqlQuery insertItem(conn);
        if (itemsPerTask > 0
            && !insertItem.prepare(QStringLiteral(
                "INSERT INTO task_items (task_id, source_repository, target_repository, tag, "
                "digest, kind, outcome, bytes, duration_ms, error) VALUES (?,?,?,?,?,?,?,?,?,?)")))
            return fillError(insertItem, QStringLiteral("Preparing the item insert"));

        for (int n = 0; n < tasks; ++n) {
            const Rule &rule = fill.rules[int(rng.bounded(fill.rules.size()))];
            Task t;
            t.ruleId = rule.id;
            t.ruleName = rule.name;
            t.source = instanceNames.value(rule.sourceInstanceId) + QLatin1Char('/')
                + rule.sourceNamespace;
            t.target = instanceNames.value(rule.targetInstanceId) + QLatin1Char('/')
                + rule.effectiveTargetNamespace();
            t.trigger = pickTrigger(rng);
            t.status = pickStatus(rng);
            t.created = QDateTime::fromMSecsSinceEpoch(
                startMs + step * n + qint64(rng.bounded(quint32(qMin<qint64>(step, 1 << 30)))),
                Qt::UTC);
            fillOutcome(t, rng);

            const QVariant values[] = {
                t.ruleId,
                t.ruleName,
                t.source,
                t.target,
                triggerName(t.trigger),
                taskStatusName(t.status),
                t.created.toMSecsSinceEpoch(),
                timeValue(t.started),
                timeValue(t.finished),
                t.repositories,
                t.artifactsTotal,
                t.artifactsCopied,
                t.artifactsSkipped,
                t.artifactsFailed,
                t.bytes,
                t.message.isNull() ? QString(QLatin1String("")) : t.message, // NOT NULL
            };
            for (int i = 0; i < int(std::size(values)); ++i)
                insertTask.bindValue(i, values[i]);
            if (!insertTask.exec())
                return fillError(insertTask, QStringLiteral("Inserting a task"));
            const qint64 id = insertTask.lastInsertId().toLongLong();
            if (n == 0)
                fill.firstTaskId = id;
            fill.lastTaskId = id;

            for (int k = 0; k < itemsPerTask; ++k) {
                const bool failed = k < t.artifactsFailed;
                const bool skipped = !failed && k < t.artifactsFailed + t.artifactsSkipped;
                const QString repo = QStringLiteral("svc-%1").arg(k / 3);
                const QVariant item[] = {
                    id,
                    rule.sourceNamespace + QLatin1Char('/') + repo,
                    rule.effectiveTargetNamespace() + QLatin1Char('/') + repo,
                    QStringLiteral("v1.%1.%2").arg(k % 3).arg(n % 50),
                    QStringLiteral("sha256:%1")
                        .arg(quint64(rng.generate64()), 16, 16, QLatin1Char('0')),
                    k % 7 == 6 ? QStringLiteral("chart") : QStringLiteral("image"),
                    outcomeName(failed        ? TaskItem::Outcome::Failed
                                    : skipped ? TaskItem::Outcome::UpToDate
                                              : TaskItem::Outcome::Copied),
                    failed || skipped ? 0 : qint64(5'000'000 + rng.bounded(300'000'000)),
                    qint64(100 + rng.bounded(20000)),
                    failed ? QStringLiteral("推送清单失败：HTTP 500 (blob upload unknown)")
                           : QString(QLatin1String("")),
                };
                for (int i = 0; i < int(std::size(item)); ++i)
                    insertItem.bindValue(i, item[i]);
                if (!insertItem.exec())
                    return fillError(insertItem, QStringLiteral("Inserting an item"));
                ++fill.items;
            }
        }
        return {};
    });
    if (!done)
        return done.error();
    return fill;
}

} // namespace crsync::test
