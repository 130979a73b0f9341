// The sync log: tasks and task items in TaskStore, against a real SQLite file.

#include "storetestbase.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace crsync;
using namespace crsync::test;

Q_DECLARE_METATYPE(crsync::TaskStatus)

namespace {

// The plan SQLite picks for a query, as one text.
QString queryPlan(Database &db, const QString &sql)
{
    QSqlQuery q(*db.connection());
    q.exec(QStringLiteral("EXPLAIN QUERY PLAN ") + sql);
    QStringList steps;
    while (q.next())
        steps << q.value(3).toString();
    return steps.join(QStringLiteral(" | "));
}

// The value a column of the logs page shows for an order, as Task computes it.
QVariant orderValue(const Task &t, TaskOrder order)
{
    switch (order) {
    case TaskOrder::Id:
        return t.id;
    case TaskOrder::Created:
        return t.created.toMSecsSinceEpoch();
    case TaskOrder::Duration:
        return t.durationMs();
    case TaskOrder::SuccessRatio:
        return t.successRatio();
    case TaskOrder::Repositories:
        return t.repositories;
    case TaskOrder::Status:
        return int(t.status);
    case TaskOrder::Rule:
        return t.ruleName.toLower();
    case TaskOrder::Trigger:
        return int(t.trigger);
    case TaskOrder::Bytes:
        return t.bytes;
    }
    return {};
}

// `tasks` in that order (ties by id), the way list() must return them.
QList<qint64> expectedOrder(QList<Task> tasks, TaskOrder order, bool descending)
{
    std::sort(tasks.begin(), tasks.end(), [&](const Task &a, const Task &b) {
        const QPartialOrdering c = QVariant::compare(orderValue(a, order), orderValue(b, order));
        if (c == QPartialOrdering::Equivalent)
            return descending ? a.id > b.id : a.id < b.id;
        return descending ? c == QPartialOrdering::Greater : c == QPartialOrdering::Less;
    });
    QList<qint64> ids;
    for (const Task &t : tasks)
        ids << t.id;
    return ids;
}

QList<qint64> idsOf(const QList<Task> &tasks)
{
    QList<qint64> ids;
    for (const Task &t : tasks)
        ids << t.id;
    return ids;
}

} // namespace

class TestTaskStore : public test::StoreTestBase
{
    Q_OBJECT

private slots:
    void init() { openStores(); }
    void cleanup() { closeStores(); }

    void taskLifecycle()
    {
        const Rule r = addRule(QStringLiteral("life"));
        Task t = task(r);
        t.trigger = Trigger::Event;
        t.source = QStringLiteral("src/apps");
        t.target = QStringLiteral("dst/apps");
        const Result<Task> created = m_tasks->create(t);
        QVERIFY(created.ok());
        QVERIFY(created->id > 0);
        QVERIFY(created->created.isValid());
        QVERIFY(qAbs(created->created.msecsTo(QDateTime::currentDateTimeUtc())) < 5000);
        QCOMPARE(created->status, TaskStatus::Pending);

        const Task read = *m_tasks->get(created->id);
        QCOMPARE(read.trigger, Trigger::Event);
        QCOMPARE(read.created, created->created);
        QCOMPARE(read.source, QStringLiteral("src/apps"));
        QVERIFY(!read.started.isValid());

        QVERIFY(m_tasks->setStatus(read.id, TaskStatus::InProgress).ok());
        const Task running = *m_tasks->get(read.id);
        QVERIFY(running.started.isValid());
        QVERIFY(!running.finished.isValid());
        QCOMPARE(m_tasks->activeTask(r.id)->value().id, read.id);

        QVERIFY(m_tasks->setCounters(read.id, 2, 10, 6, 3, 1, 123456789012).ok());
        QVERIFY(m_tasks
                    ->setStatus(read.id, TaskStatus::PartiallySucceeded,
                                QStringLiteral("1 artifact failed"))
                    .ok());
        const Task done = *m_tasks->get(read.id);
        QCOMPARE(done.status, TaskStatus::PartiallySucceeded);
        QCOMPARE(done.started, running.started); // not stamped again
        QVERIFY(done.finished.isValid());
        QCOMPARE(done.repositories, 2);
        QCOMPARE(done.artifactsTotal, 10);
        QCOMPARE(done.artifactsCopied, 6);
        QCOMPARE(done.artifactsSkipped, 3);
        QCOMPARE(done.artifactsFailed, 1);
        QCOMPARE(done.bytes, 123456789012);
        QCOMPARE(done.successRatio(), 0.9);
        QCOMPARE(done.message, QStringLiteral("1 artifact failed"));
        QVERIFY(!m_tasks->activeTask(r.id)->has_value());

        QCOMPARE(m_tasks->get(4242).error().kind, Error::Kind::NotFound);
        QCOMPARE(m_tasks->setStatus(4242, TaskStatus::Failed).error().kind, Error::Kind::NotFound);
    }

    void idsIncreaseAndAreNeverReused()
    {
        const Rule r = addRule(QStringLiteral("ids"));
        const qint64 a = m_tasks->create(task(r, TaskStatus::Succeeded))->id;
        const qint64 b = m_tasks->create(task(r, TaskStatus::Succeeded))->id;
        QVERIFY(b > a);
        // Remove the newest; the next id still goes up.
        QSqlQuery q(*m_db->connection());
        QVERIFY(q.exec(QStringLiteral("DELETE FROM tasks WHERE id = %1").arg(b)));
        const qint64 c = m_tasks->create(task(r))->id;
        QVERIFY(c > b);
    }

    void createIfIdleRefusesASecondActiveTask()
    {
        const Rule r = addRule(QStringLiteral("busy"));
        const Result<Task> first = m_tasks->createIfIdle(task(r));
        QVERIFY(first.ok());
        const Result<Task> second = m_tasks->createIfIdle(task(r));
        QVERIFY(!second.ok());
        QCOMPARE(second.error().kind, Error::Kind::Conflict);
        QVERIFY2(second.error().message.contains(QString::number(first->id))
                     && second.error().message.contains(QLatin1String("busy")),
                 qPrintable(second.error().message));
        QVERIFY(*m_tasks->setStatus(first->id, TaskStatus::Canceled));
        QVERIFY(m_tasks->createIfIdle(task(r)).ok());
        // Another rule is not affected.
        QVERIFY(m_tasks->createIfIdle(task(addRule(QStringLiteral("other")))).ok());
    }

    void statusNeverGoesBack_data()
    {
        QTest::addColumn<TaskStatus>("from");
        QTest::addColumn<TaskStatus>("to");
        QTest::addColumn<bool>("moves");
        const QList<TaskStatus> all { TaskStatus::Pending,   TaskStatus::InProgress,
                                      TaskStatus::Succeeded, TaskStatus::PartiallySucceeded,
                                      TaskStatus::Failed,    TaskStatus::Canceled,
                                      TaskStatus::Interrupted };
        for (TaskStatus from : all) {
            for (TaskStatus to : all) {
                // Pending -> InProgress -> finished, or Pending -> Failed/Canceled/Interrupted
                // directly; a finished task never changes.
                const bool moves = (from == TaskStatus::Pending
                                    && (to == TaskStatus::InProgress || to == TaskStatus::Failed
                                        || to == TaskStatus::Canceled
                                        || to == TaskStatus::Interrupted))
                    || (from == TaskStatus::InProgress && isFinished(to));
                QTest::addRow("%s->%s", qPrintable(taskStatusName(from)),
                              qPrintable(taskStatusName(to)))
                    << from << to << moves;
            }
        }
    }

    void statusNeverGoesBack()
    {
        QFETCH(TaskStatus, from);
        QFETCH(TaskStatus, to);
        QFETCH(bool, moves);
        const Rule r = addRule(QStringLiteral("transitions"));
        Task t = task(r, from);
        t.message = QStringLiteral("as it was");
        const qint64 id = m_tasks->create(t)->id;
        const Result<bool> moved = m_tasks->setStatus(id, to, QStringLiteral("changed"));
        QVERIFY(moved.ok());
        QCOMPARE(*moved, moves);
        const Task after = *m_tasks->get(id);
        QCOMPARE(after.status, moves ? to : from);
        QCOMPARE(after.message, moves ? QStringLiteral("changed") : QStringLiteral("as it was"));
    }

    void finishedTaskIsNotInterruptedLater()
    {
        // What recovery in another process does when it read "InProgress" just before the task
        // finished: its late Interrupted is refused by the store, not written over Succeeded.
        const Rule r = addRule(QStringLiteral("race"));
        const qint64 id = m_tasks->create(task(r, TaskStatus::InProgress))->id;
        QVERIFY(*m_tasks->setStatus(id, TaskStatus::Succeeded));
        QCOMPARE(*m_tasks->setStatus(id, TaskStatus::Interrupted, QStringLiteral("late")), false);
        QCOMPARE(m_tasks->get(id)->status, TaskStatus::Succeeded);
        QVERIFY(m_tasks->get(id)->message.isEmpty());
    }

    void claimRunsBeforeTheTaskIsVisible()
    {
        // The claim (the engine takes the task's lock there) runs inside the transaction: another
        // connection does not see the task yet; an error from it rolls the insert back.
        const Rule r = addRule(QStringLiteral("claim"));
        auto otherDb = Database::open(m_db->filePath());
        QVERIFY(otherDb.ok());
        int seenByOthers = -1;
        qint64 claimed = 0;
        const Result<Task> created = m_tasks->createIfIdle(task(r), [&](qint64 id) -> Result<void> {
            claimed = id;
            seenByOthers = TaskStore(**otherDb).count().value();
            return {};
        });
        QVERIFY(created.ok());
        QCOMPARE(claimed, created->id);
        QCOMPARE(seenByOthers, 0);
        QCOMPARE(*TaskStore(**otherDb).count(), 1);

        QVERIFY(*m_tasks->setStatus(created->id, TaskStatus::Canceled));
        const Result<Task> refused = m_tasks->createIfIdle(task(r), [](qint64) -> Result<void> {
            return Error::make(Error::Kind::Conflict, QStringLiteral("lock held"));
        });
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().message, QStringLiteral("lock held"));
        QCOMPARE(*m_tasks->count(), 1); // rolled back
    }

    void unfinishedOldestFirst()
    {
        const Rule r = addRule(QStringLiteral("crash"));
        const qint64 pending = m_tasks->create(task(r, TaskStatus::Pending))->id;
        m_tasks->create(task(r, TaskStatus::InProgress));
        m_tasks->create(task(r, TaskStatus::Succeeded));
        QCOMPARE(m_tasks->unfinished()->size(), 2);
        QCOMPARE(m_tasks->unfinished()->first().id, pending);
    }

    void itemsBatched()
    {
        const Rule r = addRule(QStringLiteral("items"));
        const Task t = *m_tasks->create(task(r, TaskStatus::InProgress));
        QList<TaskItem> batch;
        for (int n = 0; n < 5000; ++n)
            batch << item(t.id, n);
        batch[0].outcome = TaskItem::Outcome::Copied;
        batch[0].digest = QStringLiteral("sha256:") + QString(64, QLatin1Char('a'));
        batch[0].bytes = 1 << 20;
        batch[0].durationMs = 321;
        batch[0].referrers = 3;
        batch[1].outcome = TaskItem::Outcome::ExistsNotOverwritten;
        batch[2].outcome = TaskItem::Outcome::Failed;
        batch[2].error = QStringLiteral("blob upload refused: 403 DENIED");
        QElapsedTimer timer;
        timer.start();
        const Result<QList<TaskItem>> added = m_tasks->addItems(t.id, batch);
        QVERIFY(added.ok());
        qInfo() << "5000 items added in" << timer.elapsed() << "ms";
        QVERIFY2(timer.elapsed() < 5000, "one transaction for the whole batch");
        QCOMPARE(added->size(), 5000);
        QVERIFY(added->first().id > 0);
        QVERIFY(added->last().id > added->first().id);

        const QList<TaskItem> read = *m_tasks->items(t.id);
        QCOMPARE(read.size(), 5000);
        QCOMPARE(read[0].outcome, TaskItem::Outcome::Copied);
        QCOMPARE(read[0].digest, batch[0].digest);
        QCOMPARE(read[0].bytes, 1 << 20);
        QCOMPARE(read[0].durationMs, 321);
        QCOMPARE(read[0].referrers, 3);
        QCOMPARE(read[1].referrers, 0);
        QCOMPARE(read[1].outcome, TaskItem::Outcome::ExistsNotOverwritten);
        QCOMPARE(read[2].error, batch[2].error);
        QCOMPARE(read[4999].tag, QStringLiteral("v4999"));
        QCOMPARE(read[4999].targetRepository, QStringLiteral("mirror/app4999"));

        // What a running task's detail asks for: only the items written after the last it has.
        const QList<TaskItem> newer = *m_tasks->items(t.id, read[4989].id);
        QCOMPARE(newer.size(), 10);
        QCOMPARE(newer.first().tag, QStringLiteral("v4990"));
        QVERIFY(m_tasks->items(t.id, read.last().id)->isEmpty());
    }

    void itemsOfAMissingTaskRefused()
    {
        const Result<QList<TaskItem>> r = m_tasks->addItems(31337, { item(31337, 1) });
        QVERIFY(!r.ok()); // the foreign key holds
        QCOMPARE(r.error().kind, Error::Kind::Storage);
    }

    void listFilters()
    {
        const Rule a = addRule(QStringLiteral("a"));
        const Rule b = addRule(QStringLiteral("b"));
        QList<qint64> ids;
        for (int i = 0; i < 10; ++i) {
            Task t = task(i % 2 ? b : a, i % 3 ? TaskStatus::Succeeded : TaskStatus::Failed);
            t.trigger = i < 5 ? Trigger::Manual : Trigger::Poll;
            ids << m_tasks->create(t)->id;
        }
        const QList<Task> all = *m_tasks->list();
        QCOMPARE(all.size(), 10);
        QCOMPARE(all.first().id, ids.last()); // newest first
        QCOMPARE(all.last().id, ids.first());

        TaskFilter f;
        f.ruleId = a.id;
        QCOMPARE(m_tasks->list(f)->size(), 5);
        QCOMPARE(*m_tasks->count(f), 5);
        const QList<Task> ofA = *m_tasks->list(f); // a named copy: the Result is a temporary
        for (const Task &t : ofA)
            QCOMPARE(t.ruleName, QStringLiteral("a"));

        f = {};
        f.statuses = { TaskStatus::Failed };
        QCOMPARE(*m_tasks->count(f), 4); // i = 0, 3, 6, 9
        f.statuses << TaskStatus::Succeeded;
        QCOMPARE(*m_tasks->count(f), 10);

        f = {};
        f.ruleId = b.id;
        f.statuses = { TaskStatus::Failed };
        QCOMPARE(*m_tasks->count(f), 2); // i = 3, 9

        f = {};
        f.trigger = Trigger::Poll;
        QCOMPARE(*m_tasks->count(f), 5);

        f = {};
        f.limit = 3;
        f.offset = 2;
        const QList<Task> page = *m_tasks->list(f);
        QCOMPARE(page.size(), 3);
        QCOMPARE(page.first().id, ids[7]);
        QCOMPARE(page.last().id, ids[5]);
        QCOMPARE(*m_tasks->count(f), 10); // limit/offset do not count

        f.limit = 0;
        f.offset = 8;
        QCOMPARE(m_tasks->list(f)->size(), 2);
    }

    void tenThousandTasksListFast()
    {
        const Rule a = addRule(QStringLiteral("big-a"));
        const Rule b = addRule(QStringLiteral("big-b"));
        QElapsedTimer timer;
        timer.start();
        QVERIFY(m_db->transaction([&](QSqlDatabase &) -> Result<void> {
                        for (int i = 0; i < 10000; ++i) {
                            Task t = task(i % 10 ? a : b,
                                          i % 100 ? TaskStatus::Succeeded : TaskStatus::Failed);
                            t.created = QDateTime::currentDateTimeUtc().addSecs(i - 10000);
                            t.artifactsTotal = i;
                            if (Result<Task> r = m_tasks->create(t); !r)
                                return r.error();
                        }
                        return {};
                    })
                    .ok());
        qInfo() << "10000 tasks inserted in" << timer.elapsed() << "ms";

        timer.restart();
        TaskFilter newest;
        newest.limit = 100;
        const QList<Task> page = *m_tasks->list(newest);
        const qint64 firstPage = timer.elapsed();
        QCOMPARE(page.size(), 100);
        QCOMPARE(page.first().artifactsTotal, 9999);
        for (int i = 1; i < page.size(); ++i)
            QVERIFY(page[i - 1].id > page[i].id);

        timer.restart();
        TaskFilter ofB;
        ofB.ruleId = b.id;
        ofB.limit = 50;
        ofB.offset = 500;
        const QList<Task> bPage = *m_tasks->list(ofB);
        const qint64 rulePage = timer.elapsed();
        QCOMPARE(bPage.size(), 50);
        QCOMPARE(bPage.first().artifactsTotal, 9990 - 500 * 10);

        timer.restart();
        TaskFilter failed;
        failed.statuses = { TaskStatus::Failed };
        QCOMPARE(m_tasks->list(failed)->size(), 100);
        const qint64 statusPage = timer.elapsed();
        QCOMPARE(*m_tasks->count(), 10000);
        qInfo() << "newest page" << firstPage << "ms, rule page" << rulePage << "ms, status page"
                << statusPage << "ms";
        // Generous bounds for a shared 2-core machine; the plans below are the real check.
        QVERIFY(firstPage < 500);
        QVERIFY(rulePage < 500);
        QVERIFY(statusPage < 500);

        // No full sort of the table: the indexes hand rows out newest first.
        const QString rulePlan = queryPlan(
            *m_db,
            QStringLiteral("SELECT id FROM tasks WHERE rule_id = 1 ORDER BY id DESC LIMIT 10"));
        QVERIFY2(rulePlan.contains(QLatin1String("tasks_rule"))
                     && !rulePlan.contains(QLatin1String("TEMP B-TREE")),
                 qPrintable(rulePlan));
        const QString statusPlan = queryPlan(
            *m_db,
            QStringLiteral(
                "SELECT id FROM tasks WHERE status = 'Failed' ORDER BY id DESC LIMIT 10"));
        QVERIFY2(statusPlan.contains(QLatin1String("tasks_status"))
                     && !statusPlan.contains(QLatin1String("TEMP B-TREE")),
                 qPrintable(statusPlan));
        const QString itemsPlan = queryPlan(
            *m_db, QStringLiteral("SELECT id FROM task_items WHERE task_id = 1 ORDER BY id"));
        QVERIFY2(itemsPlan.contains(QLatin1String("task_items_task"))
                     && !itemsPlan.contains(QLatin1String("TEMP B-TREE")),
                 qPrintable(itemsPlan));
    }

    void listByTimeRange()
    {
        const Rule a = addRule(QStringLiteral("a"));
        const QDateTime base(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
        QList<qint64> ids;
        for (int day = 0; day < 10; ++day) {
            Task t = task(a, TaskStatus::Succeeded);
            t.created = base.addDays(day);
            ids << m_tasks->create(t)->id;
        }
        TaskFilter f;
        f.createdFrom = base.addDays(2); // inclusive
        f.createdTo = base.addDays(5); // exclusive
        QCOMPARE(idsOf(*m_tasks->list(f)), (QList<qint64> { ids[4], ids[3], ids[2] }));
        QCOMPARE(*m_tasks->count(f), 3);
        f.createdTo.reset();
        QCOMPARE(*m_tasks->count(f), 8);
        f = {};
        f.createdTo = base.addDays(1).addMSecs(1);
        QCOMPARE(*m_tasks->count(f), 2);
        // Another time zone names the same instant.
        f.createdTo = base.addDays(1).toOffsetFromUtc(8 * 3600);
        QCOMPARE(*m_tasks->count(f), 1);
    }

    void listByText()
    {
        const Rule nginx = addRule(QStringLiteral("Nginx-Mirror"));
        const Rule cn = addRule(QStringLiteral("镜像同步-生产"));
        const Rule pct = addRule(QStringLiteral("100%_done"));
        Task t1 = task(nginx, TaskStatus::Failed);
        t1.message = QStringLiteral("Cannot reach the registry: connection REFUSED");
        const qint64 id1 = m_tasks->create(t1)->id;
        Task t2 = task(cn, TaskStatus::Failed);
        t2.message = QStringLiteral("源实例认证失败：用户名或密码错误");
        const qint64 id2 = m_tasks->create(t2)->id;
        const qint64 id3 = m_tasks->create(task(pct, TaskStatus::Succeeded))->id;
        const qint64 id4 = m_tasks->create(task(nginx, TaskStatus::Succeeded))->id;

        auto found = [&](const QString &text) {
            TaskFilter f;
            f.text = text;
            const QList<qint64> ids = idsOf(*m_tasks->list(f));
            if (*m_tasks->count(f) != ids.size())
                return QList<qint64> { -1 };
            return ids;
        };
        QCOMPARE(found(QStringLiteral("nginx")), (QList<qint64> { id4, id1 })); // rule, any case
        QCOMPARE(found(QStringLiteral("refused")), (QList<qint64> { id1 })); // message
        QCOMPARE(found(QStringLiteral("  Refused ")), (QList<qint64> { id1 })); // trimmed
        QCOMPARE(found(QStringLiteral("认证失败")), (QList<qint64> { id2 }));
        QCOMPARE(found(QStringLiteral("同步")), (QList<qint64> { id2 }));
        // LIKE's wildcards are plain characters here.
        QCOMPARE(found(QStringLiteral("0%_")), (QList<qint64> { id3 }));
        QCOMPARE(found(QStringLiteral("%")), (QList<qint64> { id3 }));
        QCOMPARE(found(QStringLiteral("_")), (QList<qint64> { id3 }));
        QCOMPARE(found(QStringLiteral("x_y")), QList<qint64>());
        // A number is also a task id.
        QCOMPARE(found(QString::number(id2)), (QList<qint64> { id2 }));
        QCOMPARE(found(QStringLiteral("100")), (QList<qint64> { id3 })); // the rule's name
        QCOMPARE(found(QString()), (QList<qint64> { id4, id3, id2, id1 }));

        TaskFilter both;
        both.text = QStringLiteral("nginx");
        both.statuses = { TaskStatus::Failed };
        QCOMPARE(idsOf(*m_tasks->list(both)), (QList<qint64> { id1 }));
    }

    // Every order, both ways, unfiltered (along the order's index), with a rule filter and with
    // a text filter (which reads the table), paged: the same sequence Task's values give.
    void listOrders_data()
    {
        QTest::addColumn<int>("order");
        const char *names[] = { "id",     "created", "duration", "ratio", "repositories",
                                "status", "rule",    "trigger",  "bytes" };
        for (int i = 0; i <= int(TaskOrder::Bytes); ++i)
            QTest::newRow(names[i]) << i;
    }

    void listOrders()
    {
        QFETCH(int, order);
        const Rule rules[] = { addRule(QStringLiteral("beta")), addRule(QStringLiteral("Alpha")),
                               addRule(QStringLiteral("gamma")), addRule(QStringLiteral("镜像")) };
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const TaskStatus statuses[]
            = { TaskStatus::Succeeded, TaskStatus::Failed,      TaskStatus::PartiallySucceeded,
                TaskStatus::Canceled,  TaskStatus::Interrupted, TaskStatus::Succeeded };
        QList<Task> all;
        for (int i = 0; i < 40; ++i) {
            Task t = task(rules[i % 4], statuses[i % 6]);
            t.trigger = Trigger((i / 3) % 4);
            t.created = now.addSecs(-3600 * ((i * 7) % 40)); // not in id order
            t.repositories = (i * 5) % 7;
            t.bytes = qint64((i * 13) % 11) * 1'000'000'000LL;
            t.artifactsTotal = i % 5 ? (i % 9) + 1 : 0; // some with nothing to do
            t.artifactsCopied = t.artifactsTotal / 2;
            t.artifactsSkipped = t.artifactsTotal > 2 ? 1 : 0;
            t.artifactsFailed = t.artifactsTotal - t.artifactsCopied - t.artifactsSkipped;
            if (i % 8 != 3) { // the others never started
                t.started = t.created.addSecs(1);
                t.finished = t.started.addMSecs(qint64((i * 37) % 23) * 1000);
            }
            t.message = QStringLiteral("run %1").arg(i);
            all << *m_tasks->create(t);
        }
        // Running: their duration grows with the clock (hours apart, so a test's ms don't matter).
        for (int h : { 5, 1, 30 }) {
            Task t = task(rules[h % 4], TaskStatus::InProgress);
            t.created = now.addSecs(-3600 * h);
            t.started = t.created;
            t.repositories = h % 3;
            all << *m_tasks->create(t);
        }
        all << *m_tasks->create(task(rules[0], TaskStatus::Pending));

        auto check = [&](TaskFilter f, const QList<Task> &matching, const char *what) {
            f.order = TaskOrder(order);
            for (bool descending : { true, false }) {
                f.descending = descending;
                const QList<qint64> expected = expectedOrder(matching, f.order, descending);
                f.limit = 0;
                f.offset = 0;
                QCOMPARE(idsOf(*m_tasks->list(f)), expected);
                QCOMPARE(*m_tasks->count(f), int(expected.size()));
                QList<qint64> paged; // pages of 7 add up to the whole
                for (f.offset = 0; f.offset < expected.size(); f.offset += 7) {
                    f.limit = 7;
                    paged += idsOf(*m_tasks->list(f));
                }
                QVERIFY2(paged == expected, what);
            }
        };
        check({}, all, "all");

        TaskFilter ofRule;
        ofRule.ruleId = rules[1].id;
        ofRule.statuses = { TaskStatus::Succeeded, TaskStatus::InProgress, TaskStatus::Failed };
        QList<Task> matching;
        for (const Task &t : all)
            if (t.ruleId == rules[1].id && ofRule.statuses.contains(t.status))
                matching << t;
        QVERIFY(matching.size() > 4);
        check(ofRule, matching, "rule and status");

        TaskFilter text;
        text.text = QStringLiteral("RUN 1"); // run 1, run 10..19
        matching.clear();
        for (const Task &t : all)
            if (t.message.startsWith(QLatin1String("run 1")))
                matching << t;
        check(text, matching, "text");
    }

    void defaultOrderIsNewestFirst()
    {
        const Rule a = addRule(QStringLiteral("a"));
        QList<qint64> ids;
        for (int i = 0; i < 5; ++i) {
            Task t = task(a, TaskStatus::Succeeded);
            t.created = QDateTime::currentDateTimeUtc().addDays(-i); // newest id, oldest time
            ids << m_tasks->create(t)->id;
        }
        const TaskFilter f;
        QCOMPARE(f.order, TaskOrder::Id);
        QVERIFY(f.descending);
        std::reverse(ids.begin(), ids.end());
        QCOMPARE(idsOf(*m_tasks->list()), ids);
    }

    // A log written by a crsync of schema version 2 gets the order indexes on upgrade.
    void upgradeToVersion3KeepsTheLog()
    {
        const Rule a = addRule(QStringLiteral("a"));
        for (int i = 0; i < 5; ++i) {
            Task t = task(a, TaskStatus::Succeeded);
            t.bytes = (i * 3) % 5;
            m_tasks->create(t);
        }
        auto indexes = [this] {
            QSqlQuery q(*m_db->connection());
            q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'index' AND "
                                  "tbl_name = 'tasks' AND name LIKE 'tasks_%' ORDER BY name"));
            QStringList names;
            while (q.next())
                names << q.value(0).toString();
            return names;
        };
        QStringList v3 = indexes();
        QVERIFY(v3.contains(QLatin1String("tasks_order_bytes")));
        QVERIFY(!v3.contains(QLatin1String("tasks_created")));
        {
            QSqlQuery q(*m_db->connection());
            for (const QString &name : v3)
                if (name.startsWith(QLatin1String("tasks_order_")))
                    QVERIFY(q.exec(QStringLiteral("DROP INDEX %1").arg(name)));
            QVERIFY(q.exec(QStringLiteral("CREATE INDEX tasks_created ON tasks(created_at)")));
            // Nor the columns of schema 7, which ADD COLUMN would refuse to add twice.
            QVERIFY(q.exec(QStringLiteral("ALTER TABLE rules DROP COLUMN with_referrers")));
            QVERIFY(q.exec(QStringLiteral("ALTER TABLE task_items DROP COLUMN referrers")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 2")));
        }
        const QString dir = m_dir->path();
        m_tasks.reset();
        m_rules.reset();
        m_instances.reset();
        m_db.reset();
        m_db = Database::openDataDir(dir).value();
        m_tasks = std::make_unique<TaskStore>(*m_db);
        QCOMPARE(m_db->schemaVersion(), Database::LatestSchemaVersion); // through 3, and on
        QCOMPARE(indexes(), v3);
        TaskFilter byBytes;
        byBytes.order = TaskOrder::Bytes;
        QList<qint64> bytes;
        for (const Task &t : *m_tasks->list(byBytes))
            bytes << t.bytes;
        QCOMPARE(bytes, (QList<qint64> { 4, 3, 2, 1, 0 }));
    }
};

QTEST_GUILESS_MAIN(TestTaskStore)
#include "tst_taskstore.moc"
