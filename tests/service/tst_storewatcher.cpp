// StoreWatcher against a real database file: writes by a second connection, by another
// thread of this process, by this thread's own connection and by another crsync process are
// noticed within 2 s; nothing is signalled while nothing changes; a held write lock never makes
// a tick wait.
#include "service/storewatcher.h"
#include "store/database.h"
#include "store/instancestore.h"
#include "store/rulestore.h"
#include "store/taskstore.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace crsync;

namespace {

constexpr int NoticeMs = 2000;

Instance instance(const QString &name)
{
    Instance i;
    i.name = name;
    i.url = QUrl(QStringLiteral("https://%1.example.com").arg(name));
    i.accountId = QStringLiteral("a");
    return i;
}

} // namespace

class TestStoreWatcher : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db; // the window's
    std::unique_ptr<Database> m_other; // another connection to the same file
    Rule m_rule;

    // A task of m_rule written through `db`.
    static qint64 addTask(Database &db, const Rule &rule, TaskStatus status)
    {
        Task t;
        t.ruleId = rule.id;
        t.ruleName = rule.name;
        t.status = status;
        return TaskStore(db).create(t).value().id;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_db = Database::openDataDir(m_dir->path()).value();
        m_other = Database::openDataDir(m_dir->path()).value();
        InstanceStore instances(*m_db);
        const Instance src = instances.add(instance(QStringLiteral("src"))).value();
        const Instance dst = instances.add(instance(QStringLiteral("dst"))).value();
        Rule r;
        r.name = QStringLiteral("mirror");
        r.sourceInstanceId = src.id;
        r.sourceNamespace = QStringLiteral("apps");
        r.targetInstanceId = dst.id;
        m_rule = RuleStore(*m_db).add(r).value();
    }

    void cleanup()
    {
        m_other.reset();
        m_db.reset();
        m_dir.reset();
    }

    void quietWhileNothingChanges()
    {
        StoreWatcher watcher(*m_db);
        QSignalSpy changed(&watcher, &StoreWatcher::changed);
        QSignalSpy tasks(&watcher, &StoreWatcher::tasksChanged);
        // Reads, by any connection, are no change.
        QVERIFY(TaskStore(*m_other).list().ok());
        QVERIFY(TaskStore(*m_db).count().ok());
        QTest::qWait(1500);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(tasks.count(), 0);
    }

    void secondConnectionNewTask()
    {
        StoreWatcher watcher(*m_db);
        QSignalSpy changed(&watcher, &StoreWatcher::changed);
        QSignalSpy tasks(&watcher, &StoreWatcher::tasksChanged);
        QElapsedTimer timer;
        timer.start();
        addTask(*m_other, m_rule, TaskStatus::Pending);
        QTRY_COMPARE_WITH_TIMEOUT(tasks.count(), 1, NoticeMs);
        qInfo("noticed after %lld ms", timer.elapsed());
        QCOMPARE(changed.count(), 1); // once per change, not per tick
        QTest::qWait(1200);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(tasks.count(), 1);
    }

    void otherDataIsNoTaskChange()
    {
        StoreWatcher watcher(*m_db, 100);
        QSignalSpy changed(&watcher, &StoreWatcher::changed);
        QSignalSpy tasks(&watcher, &StoreWatcher::tasksChanged);
        QVERIFY(InstanceStore(*m_other).add(instance(QStringLiteral("third"))).ok());
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, NoticeMs);
        QCOMPARE(tasks.count(), 0);
    }

    // A running task's progress, its end, and a finished task left alone.
    void runningTaskMoves()
    {
        const qint64 id = addTask(*m_other, m_rule, TaskStatus::Pending);
        StoreWatcher watcher(*m_db, 100);
        QSignalSpy changed(&watcher, &StoreWatcher::changed);
        QSignalSpy tasks(&watcher, &StoreWatcher::tasksChanged);
        TaskStore other(*m_other);
        QVERIFY(*other.setStatus(id, TaskStatus::InProgress));
        QTRY_COMPARE_WITH_TIMEOUT(tasks.count(), 1, NoticeMs);
        QVERIFY(other.setCounters(id, 3, 10, 2, 1, 0, 123456).ok());
        QTRY_COMPARE_WITH_TIMEOUT(tasks.count(), 2, NoticeMs);
        QVERIFY(*other.setStatus(id, TaskStatus::Succeeded));
        QTRY_COMPARE_WITH_TIMEOUT(tasks.count(), 3, NoticeMs);
        // A write that changes nothing the log shows: changed(), and no tasksChanged().
        QVERIFY(RuleStore(*m_other).setEnabled(m_rule.id, false).ok());
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 4, NoticeMs);
        QCOMPARE(tasks.count(), 3);
    }

    // The engine's worker threads write through their own connections of the same Database.
    void anotherThreadOfThisProcess()
    {
        StoreWatcher watcher(*m_db);
        QSignalSpy tasks(&watcher, &StoreWatcher::tasksChanged);
        QThread *worker = QThread::create([this] { addTask(*m_db, m_rule, TaskStatus::Pending); });
        worker->start();
        QVERIFY(worker->wait(10000));
        delete worker;
        QTRY_COMPARE_WITH_TIMEOUT(tasks.count(), 1, NoticeMs);
    }

    // The watcher's connection is its own, so this thread's writes count too: the page reloads
    // after them like after anyone else's.
    void thisThreadsOwnConnection()
    {
        StoreWatcher watcher(*m_db);
        QSignalSpy tasks(&watcher, &StoreWatcher::tasksChanged);
        addTask(*m_db, m_rule, TaskStatus::Pending);
        QTRY_COMPARE_WITH_TIMEOUT(tasks.count(), 1, NoticeMs);
    }

    void anotherProcess()
    {
        const QString crsync = qEnvironmentVariable("CRSYNC_BINARY");
        if (crsync.isEmpty())
            QFAIL("CRSYNC_BINARY is not set (ctest sets it)");
        StoreWatcher watcher(*m_db);
        QSignalSpy changed(&watcher, &StoreWatcher::changed);
        QSignalSpy tasks(&watcher, &StoreWatcher::tasksChanged);
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(crsync,
                { QStringLiteral("--data-dir"), m_dir->path(), QStringLiteral("instance"),
                  QStringLiteral("add"), QStringLiteral("x"), QStringLiteral("--url"),
                  QStringLiteral("http://127.0.0.1:1"), QStringLiteral("--allow-http") });
        QVERIFY(p.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(p.state() == QProcess::NotRunning, 20000);
        QVERIFY2(p.exitCode() == 0, p.readAll().constData());
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, NoticeMs);
        QCOMPARE(tasks.count(), 0);
        QVERIFY(InstanceStore(*m_db).findByName(QStringLiteral("x")).ok());
    }

    // A writer holding the write lock (a long transaction in another process) never makes a
    // tick wait: WAL readers do not queue behind writers, and the busy timeout is a few ms.
    void heldWriteLockDoesNotBlock()
    {
        StoreWatcher watcher(*m_db, 60000);
        QSignalSpy changed(&watcher, &StoreWatcher::changed);
        QSqlDatabase writer = *m_other->connection();
        QSqlQuery q(writer);
        QVERIFY(q.exec(QStringLiteral("BEGIN EXCLUSIVE")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO meta (key, value) VALUES ('w', '1')")));
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 20; ++i)
            watcher.check();
        const qint64 ms = timer.elapsed();
        qInfo("20 checks under a held write lock: %lld ms", ms);
        QVERIFY(ms < 500);
        QCOMPARE(changed.count(), 0); // not committed: nothing to see yet
        QVERIFY(q.exec(QStringLiteral("COMMIT")));
        watcher.check();
        QCOMPARE(changed.count(), 1);
    }

    void intervalIsConfigurable()
    {
        StoreWatcher watcher(*m_db, 50);
        QCOMPARE(watcher.interval(), 50);
        watcher.setInterval(250);
        QCOMPARE(watcher.interval(), 250);
        QSignalSpy changed(&watcher, &StoreWatcher::changed);
        addTask(*m_other, m_rule, TaskStatus::Pending);
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 1000);
    }

    // The cost of one tick at 100,000 tasks would be one header read; here: the tick's own cost.
    void ticksAreCheap()
    {
        StoreWatcher watcher(*m_db, 60000);
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 1000; ++i)
            watcher.check();
        qInfo("1000 idle checks: %lld ms", timer.elapsed());
        QVERIFY(timer.elapsed() < 2000);
    }
};

QTEST_GUILESS_MAIN(TestStoreWatcher)
#include "tst_storewatcher.moc"
