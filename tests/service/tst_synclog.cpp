// The sync log at the size the logs page must stay smooth with: 100,000 tasks from the task log
// filler, read through SyncService the way the page reads it (count, then pages of 200 at any
// offset, sorted by any column, with and without a rule or status filter).
#include "service/syncservice.h"
#include "store/database.h"
#include "tasklogfiller.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace crsync;

namespace {

constexpr int Tasks = 100000;
constexpr int PageRows = 200;
// Well under 100 ms is the aim (see the figures printed); the bound leaves room for a busy CI.
constexpr qint64 BoundMs = 300;

const char *orderName(TaskOrder order)
{
    switch (order) {
    case TaskOrder::Id:
        return "id";
    case TaskOrder::Created:
        return "created";
    case TaskOrder::Duration:
        return "duration";
    case TaskOrder::SuccessRatio:
        return "ratio";
    case TaskOrder::Repositories:
        return "repositories";
    case TaskOrder::Status:
        return "status";
    case TaskOrder::Rule:
        return "rule";
    case TaskOrder::Trigger:
        return "trigger";
    case TaskOrder::Bytes:
        return "bytes";
    }
    return "?";
}

const QList<TaskOrder> AllOrders
    = { TaskOrder::Id,           TaskOrder::Created,      TaskOrder::Duration,
        TaskOrder::SuccessRatio, TaskOrder::Repositories, TaskOrder::Status,
        TaskOrder::Rule,         TaskOrder::Trigger,      TaskOrder::Bytes };

} // namespace

class TestSyncLog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SyncService> m_sync;
    test::TaskLogFill m_fill;

    // The filters the page combines with every order.
    QList<std::pair<const char *, TaskFilter>> filters() const
    {
        TaskFilter none;
        TaskFilter rule;
        rule.ruleId = m_fill.rules.at(1).id;
        TaskFilter failed;
        failed.statuses = { TaskStatus::Failed, TaskStatus::PartiallySucceeded };
        TaskFilter ruleAndStatus = rule;
        ruleAndStatus.statuses = { TaskStatus::Succeeded };
        TaskFilter month;
        month.createdFrom = QDateTime::currentDateTimeUtc().addDays(-30);
        TaskFilter year; // a filter that keeps (nearly) everything
        year.createdFrom = QDateTime::currentDateTimeUtc().addDays(-365);
        TaskFilter succeeded; // three in four
        succeeded.statuses = { TaskStatus::Succeeded };
        TaskFilter text;
        text.text = QStringLiteral("认证");
        TaskFilter word; // ASCII, case-insensitive, in the messages
        word.text = QStringLiteral("REFUSED");
        return { { "all", none },
                 { "rule", rule },
                 { "status", failed },
                 { "rule+status", ruleAndStatus },
                 { "month", month },
                 { "year", year },
                 { "succeeded", succeeded },
                 { "text", text },
                 { "word", word } };
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = Database::openDataDir(m_dir.path()).value();
        m_sync = std::make_unique<SyncService>(*m_db, nullptr);
        QElapsedTimer timer;
        timer.start();
        Result<test::TaskLogFill> fill = test::fillTaskLog(*m_db, Tasks);
        QVERIFY2(fill.ok(), fill.ok() ? "" : qPrintable(fill.error().message));
        m_fill = *fill;
        qInfo("filler: %d tasks in %lld ms", Tasks, timer.elapsed());
        QVERIFY(timer.elapsed() < 20000);
    }

    void fillerWritesARealisticLog()
    {
        QCOMPARE(*m_sync->count({}), Tasks);
        QCOMPARE(m_fill.lastTaskId - m_fill.firstTaskId + 1, qint64(Tasks));
        QVERIFY(m_fill.rules.size() >= 3);
        for (TaskStatus s : { TaskStatus::Succeeded, TaskStatus::PartiallySucceeded,
                              TaskStatus::Failed, TaskStatus::Canceled, TaskStatus::Interrupted }) {
            TaskFilter f;
            f.statuses = { s };
            QVERIFY2(*m_sync->count(f) > Tasks / 100, qPrintable(taskStatusName(s)));
        }
        for (const Rule &r : m_fill.rules) {
            TaskFilter f;
            f.ruleId = r.id;
            QVERIFY(*m_sync->count(f) > Tasks / 20);
        }
        TaskFilter chinese;
        chinese.text = QStringLiteral("失败");
        QVERIFY(*m_sync->count(chinese) > 100);

        // Oldest and newest: months apart, and times increase with ids.
        TaskFilter oldest;
        oldest.descending = false;
        oldest.limit = 1000;
        const QList<Task> old = *m_sync->tasks(oldest);
        const QList<Task> recent = *m_sync->tasks({});
        QVERIFY(old.first().created.daysTo(recent.first().created) > 150);
        for (int i = 1; i < old.size(); ++i)
            QVERIFY(old[i - 1].created <= old[i].created);
        for (const Task &t : old) {
            QVERIFY(isFinished(t.status));
            QCOMPARE(t.artifactsCopied + t.artifactsSkipped + t.artifactsFailed <= t.artifactsTotal,
                     true);
            QVERIFY(t.finished.isValid());
            if (t.status == TaskStatus::Succeeded)
                QCOMPARE(t.artifactsFailed, 0);
        }
    }

    void fillerWritesItems()
    {
        QTemporaryDir dir;
        std::unique_ptr<Database> db = Database::openDataDir(dir.path()).value();
        QElapsedTimer timer;
        timer.start();
        const Result<test::TaskLogFill> fill = test::fillTaskLog(*db, 2000, 20);
        QVERIFY(fill.ok());
        qInfo("filler: 2000 tasks with 40000 items in %lld ms", timer.elapsed());
        QCOMPARE(fill->items, 40000);
        SyncService sync(*db, nullptr);
        const QList<TaskItem> items = *sync.items(fill->lastTaskId);
        QCOMPARE(items.size(), 20);
        QVERIFY(!items.first().digest.isEmpty());
    }

    // The counts the page shows above the table.
    void countIsFast()
    {
        QStringList figures;
        qint64 worst = 0;
        for (const auto &[name, filter] : filters()) {
            QElapsedTimer timer;
            timer.start();
            const Result<int> n = m_sync->count(filter);
            const qint64 ms = timer.elapsed();
            QVERIFY(n.ok());
            figures << QStringLiteral("%1=%2 (%3 ms)").arg(QLatin1String(name)).arg(*n).arg(ms);
            worst = qMax(worst, ms);
        }
        qInfo("count: %s", qPrintable(figures.join(QStringLiteral(", "))));
        QVERIFY2(worst < BoundMs, qPrintable(figures.join(QStringLiteral(", "))));
    }

    // A page of 200 at the top, the middle and the end, in every order both ways.
    void pagesAreFastInEveryOrder()
    {
        qint64 worst = 0;
        QString worstCase;
        for (const auto &[name, base] : filters()) {
            const int total = *m_sync->count(base);
            QStringList figures;
            for (TaskOrder order : AllOrders) {
                qint64 slowest = 0;
                for (bool descending : { true, false }) {
                    for (int offset : { 0, total / 2, qMax(0, total - PageRows) }) {
                        TaskFilter f = base;
                        f.order = order;
                        f.descending = descending;
                        f.limit = PageRows;
                        f.offset = offset;
                        QElapsedTimer timer;
                        timer.start();
                        const Result<QList<Task>> page = m_sync->tasks(f);
                        const qint64 ms = timer.elapsed();
                        QVERIFY(page.ok());
                        QCOMPARE(page->size(), qMin(PageRows, total - offset));
                        slowest = qMax(slowest, ms);
                        if (ms > worst) {
                            worst = ms;
                            worstCase
                                = QStringLiteral("%1 by %2 %3 at %4")
                                      .arg(QLatin1String(name), QLatin1String(orderName(order)),
                                           descending ? QStringLiteral("desc")
                                                      : QStringLiteral("asc"))
                                      .arg(offset);
                        }
                    }
                }
                figures
                    << QStringLiteral("%1 %2").arg(QLatin1String(orderName(order))).arg(slowest);
            }
            qInfo("page of %d, %s (%d rows), slowest ms per order: %s", PageRows, name, total,
                  qPrintable(figures.join(QStringLiteral(", "))));
        }
        qInfo("slowest page: %lld ms (%s)", worst, qPrintable(worstCase));
        QVERIFY2(worst < BoundMs, qPrintable(worstCase));
    }
};

QTEST_GUILESS_MAIN(TestSyncLog)
#include "tst_synclog.moc"
