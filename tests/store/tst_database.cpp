// The database file: migrations, refusal of files crsync must not touch, WAL and per-thread
// connections. Raw SQLite (a plain QSqlDatabase connection) plays the "other program".

#include "store/database.h"
#include "store/datadir.h"
#include "store/migrations.h"
#include "store/rulestore.h"
#include "store/taskstore.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <atomic>
#include <thread>

using namespace crsync;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

// Runs statements through a connection that is not crsync's, then closes it.
bool rawSql(const QString &path, const QStringList &statements)
{
    const QString name = QStringLiteral("raw-") + path;
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        ok = db.open();
        QSqlQuery q(db);
        for (const QString &sql : statements) {
            if (ok && !q.exec(sql)) {
                qWarning() << sql << q.lastError().text();
                ok = false;
            }
        }
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

QVariant rawValue(const QString &path, const QString &sql)
{
    const QString name = QStringLiteral("rawv-") + path;
    QVariant value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                value = q.value(0);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

int crsyncConnections()
{
    int n = 0;
    for (const QString &name : QSqlDatabase::connectionNames())
        n += name.startsWith(QLatin1String("crsync:"));
    return n;
}

Task task(qint64 ruleId, const QString &ruleName, TaskStatus status = TaskStatus::Pending)
{
    Task t;
    t.ruleId = ruleId;
    t.ruleName = ruleName;
    t.status = status;
    return t;
}

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString path() const { return m_dir->filePath(QStringLiteral("crsync.db")); }

    void verifyRefused(const QString &file, const QString &expectedWords)
    {
        const QByteArray before = fileHash(file);
        const qint64 sizeBefore = QFileInfo(file).size();
        const Result<std::unique_ptr<Database>> db = Database::open(file);
        QVERIFY(!db.ok());
        QCOMPARE(db.error().kind, Error::Kind::Storage);
        QVERIFY2(db.error().message.contains(expectedWords), qPrintable(db.error().message));
        QVERIFY2(db.error().message.contains(file), qPrintable(db.error().message));
        QCOMPARE(QFileInfo(file).size(), sizeBefore);
        QCOMPARE(fileHash(file), before);
        QVERIFY(!QFile::exists(file + QStringLiteral("-wal"))
                || QFileInfo(file + QStringLiteral("-wal")).size() == 0);
        QCOMPARE(crsyncConnections(), 0);
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void cleanup() { QCOMPARE(crsyncConnections(), 0); }

    void migratesAnEmptyFile()
    {
        {
            auto db = Database::open(path());
            QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
            QCOMPARE((*db)->schemaVersion(), Database::LatestSchemaVersion);
        }
        QCOMPARE(rawValue(path(), QStringLiteral("PRAGMA user_version")).toInt(),
                 Database::LatestSchemaVersion);
        QCOMPARE(rawValue(path(), QStringLiteral("PRAGMA journal_mode")).toString(),
                 QStringLiteral("wal"));
        for (const char *table : { "instances", "rules", "tasks", "task_items" })
            QCOMPARE(rawValue(path(),
                              QStringLiteral("SELECT count(*) FROM sqlite_master WHERE "
                                             "type = 'table' AND name = '%1'")
                                  .arg(QLatin1String(table)))
                         .toInt(),
                     1);
    }

    void zeroByteFileIsANewDatabase()
    {
        QFile f(path());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        auto db = Database::open(path());
        QVERIFY(db.ok());
        QCOMPARE((*db)->schemaVersion(), Database::LatestSchemaVersion);
    }

    void connectionSettings()
    {
        auto db = Database::open(path());
        QVERIFY(db.ok());
        Result<QSqlDatabase> conn = (*db)->connection();
        QVERIFY(conn.ok());
        QSqlQuery q(*conn);
        QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QVERIFY(q.exec(QStringLiteral("PRAGMA busy_timeout")) && q.next());
        QCOMPARE(q.value(0).toInt(), Database::BusyTimeoutMs);
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
    }

    void reopenKeepsData()
    {
        {
            auto db = Database::open(path());
            QVERIFY(db.ok());
            TaskStore tasks(**db);
            QVERIFY(tasks.create(task(0, QStringLiteral("kept"))).ok());
        }
        auto db = Database::open(path());
        QVERIFY(db.ok());
        TaskStore tasks(**db);
        const auto list = tasks.list();
        QVERIFY(list.ok());
        QCOMPARE(list->size(), 1);
        QCOMPARE(list->first().ruleName, QStringLiteral("kept"));
    }

    // A file written by the crsync of schema 6, made by its migrations and rows as it wrote
    // them: its rules had no referrers option and copied no signatures, so they read back with
    // the option off, and its task items with no referrers; a rule saved now keeps it on.
    void schema6RulesKeepReferrersOff()
    {
        QStringList statements;
        for (const Migration &migration : schemaMigrations())
            if (migration.version <= 6)
                statements << migration.statements;
        statements << QStringLiteral("INSERT INTO instances (id, name, url, created_at, "
                                     "updated_at) VALUES (1, 'src', 'https://src.example.com', "
                                     "0, 0)")
                   << QStringLiteral("INSERT INTO rules (id, name, source_instance_id, "
                                     "source_namespace, target_instance_id, overwrite, "
                                     "created_at, updated_at) VALUES (1, 'old', 1, 'apps', 1, 1, "
                                     "0, 0)")
                   << QStringLiteral("INSERT INTO tasks (id, rule_id, rule_name, trigger, status, "
                                     "created_at) VALUES (1, 1, 'old', 'manual', 'Succeeded', 0)")
                   << QStringLiteral("INSERT INTO task_items (task_id, source_repository, "
                                     "target_repository, tag, outcome) VALUES (1, 'apps/web', "
                                     "'apps/web', 'v1', 'copied')")
                   << QStringLiteral("PRAGMA user_version = 6");
        QVERIFY(rawSql(path(), statements));

        auto db = Database::open(path());
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
        QCOMPARE((*db)->schemaVersion(), Database::LatestSchemaVersion);
        RuleStore rules(**db);
        const Result<Rule> old = rules.findByName(QStringLiteral("old"));
        QVERIFY(old.ok());
        QCOMPARE(old->withReferrers, false);
        QCOMPARE(old->overwrite, true); // the rest of the row as it was
        const Result<QList<TaskItem>> items = TaskStore(**db).items(1);
        QVERIFY(items.ok());
        QCOMPARE(items->size(), 1);
        QCOMPARE(items->first().referrers, 0);

        Rule fresh = *old;
        fresh.id = 0;
        fresh.name = QStringLiteral("new");
        fresh.withReferrers = Rule().withReferrers;
        const Result<Rule> added = rules.add(fresh);
        QVERIFY(added.ok());
        QCOMPARE(rules.get(added->id)->withReferrers, true);
        QCOMPARE(rules.get(old->id)->withReferrers, false);
    }

    void openDataDirCreatesIt()
    {
        const QString dir = m_dir->filePath(QStringLiteral("a/b"));
        auto db = Database::openDataDir(dir);
        QVERIFY(db.ok());
        QCOMPARE((*db)->filePath(), QDir(dir).filePath(QStringLiteral("crsync.db")));
        QVERIFY(QFile::exists((*db)->filePath()));
    }

    void unopenableDirectory()
    {
        const auto db = Database::open(m_dir->filePath(QStringLiteral("missing/crsync.db")));
        QVERIFY(!db.ok());
        QCOMPARE(db.error().kind, Error::Kind::Storage);
        QVERIFY(db.error().message.contains(QLatin1String("missing/crsync.db")));
    }

    void newerSchemaRefused()
    {
        QVERIFY(rawSql(path(),
                       { QStringLiteral("CREATE TABLE future (x)"),
                         QStringLiteral("INSERT INTO future VALUES (1)"),
                         QStringLiteral("PRAGMA user_version = 99") }));
        verifyRefused(path(), QStringLiteral("newer crsync"));
        QCOMPARE(rawValue(path(), QStringLiteral("PRAGMA user_version")).toInt(), 99);
        QCOMPARE(rawValue(path(), QStringLiteral("PRAGMA journal_mode")).toString(),
                 QStringLiteral("delete")); // not switched to WAL either
    }

    void newerSchemaInWalModeRefused()
    {
        QVERIFY(rawSql(
            path(),
            { QStringLiteral("PRAGMA journal_mode = WAL"),
              QStringLiteral("CREATE TABLE future (x)"),
              QStringLiteral("PRAGMA user_version = %1").arg(Database::LatestSchemaVersion + 1) }));
        verifyRefused(path(), QStringLiteral("newer crsync"));
    }

    void corruptFileRefused()
    {
        QFile f(path());
        QVERIFY(f.open(QIODevice::WriteOnly));
        QByteArray junk(8192, Qt::Uninitialized);
        QRandomGenerator gen(42);
        for (char &c : junk)
            c = char(gen.bounded(256));
        f.write(junk);
        f.close();
        verifyRefused(path(), QStringLiteral("not a crsync database"));
    }

    void shortTextFileRefused()
    {
        QFile f(path());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("hello, I am a text file\n");
        f.close();
        verifyRefused(path(), QStringLiteral("not a crsync database"));
    }

    void damagedDatabaseRefused()
    {
        // A real SQLite header followed by garbage pages.
        QVERIFY(rawSql(
            path(),
            { QStringLiteral("CREATE TABLE t (x)"), QStringLiteral("INSERT INTO t VALUES (1)") }));
        QFile f(path());
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.seek(100));
        f.write(QByteArray(int(f.size()) - 100, '\xA5'));
        f.close();
        verifyRefused(path(), QStringLiteral("not a crsync database"));
    }

    void otherProgramsDatabaseRefused()
    {
        QVERIFY(rawSql(path(), { QStringLiteral("CREATE TABLE contacts (name)") }));
        verifyRefused(path(), QStringLiteral("another program"));
    }

    void eachThreadHasItsOwnConnection()
    {
        auto db = Database::open(path());
        QVERIFY(db.ok());
        Database *database = db->get();
        const QString mine = (*database->connection()).connectionName();
        QString theirs;
        int duringThread = 0;
        QThread *thread = QThread::create([&] {
            theirs = (*database->connection()).connectionName();
            duringThread = crsyncConnections();
        });
        thread->start();
        QVERIFY(thread->wait(10000));
        delete thread;
        QVERIFY(!theirs.isEmpty());
        QVERIFY(theirs != mine);
        QVERIFY(theirs.contains(path()));
        QCOMPARE(duringThread, 2);
        // The worker's connection went with the worker.
        QCOMPARE(crsyncConnections(), 1);
        QCOMPARE(QSqlDatabase::connectionNames().contains(theirs), false);

        // A thread Qt did not start (adopted) cleans up the same way.
        bool ok = false;
        std::thread plain([&] { ok = TaskStore(*database).count().ok(); });
        plain.join();
        QVERIFY(ok);
        QCOMPARE(crsyncConnections(), 1);
    }

    void destroyingTheDatabaseRemovesItsConnections()
    {
        {
            auto db = Database::open(path());
            QVERIFY(db.ok());
            QCOMPARE(crsyncConnections(), 1);
        }
        QCOMPARE(crsyncConnections(), 0);
        // Two Database objects on one file keep separate connections.
        auto a = Database::open(path());
        auto b = Database::open(path());
        QVERIFY(a.ok() && b.ok());
        QVERIFY((*(*a)->connection()).connectionName() != (*(*b)->connection()).connectionName());
        QCOMPARE(crsyncConnections(), 2);
    }

    void readersNotBlockedByAnOpenWrite()
    {
        auto db = Database::open(path());
        QVERIFY(db.ok());
        Database *database = db->get();
        TaskStore tasks(*database);

        // Hold a write transaction open with uncommitted rows, as a long sync batch would.
        QSqlDatabase conn = *database->connection();
        QSqlQuery q(conn);
        QVERIFY(q.exec(QStringLiteral("BEGIN IMMEDIATE")));
        for (int i = 0; i < 500; ++i)
            QVERIFY(tasks.create(task(0, QStringLiteral("w"))).ok());

        std::atomic<int> seen { -1 };
        std::atomic<qint64> elapsed { 0 };
        QThread *reader = QThread::create([&] {
            TaskStore readerTasks(*database);
            QElapsedTimer timer;
            timer.start();
            const Result<int> n = readerTasks.count();
            elapsed = timer.elapsed();
            seen = n.ok() ? *n : -2;
        });
        reader->start();
        QVERIFY(reader->wait(30000));
        delete reader;
        QCOMPARE(seen.load(), 0); // the committed state, without waiting for the writer
        QVERIFY2(elapsed.load() < 2000, qPrintable(QString::number(elapsed.load())));
        QVERIFY(q.exec(QStringLiteral("COMMIT")));
        QCOMPARE(*tasks.count(), 500);
    }

    void concurrentReadersWhileAWriterWorks()
    {
        auto db = Database::open(path());
        QVERIFY(db.ok());
        Database *database = db->get();
        std::atomic<bool> writing { true };
        std::atomic<int> readerErrors { 0 };
        std::atomic<int> reads { 0 };
        std::atomic<int> nonMonotonic { 0 };
        QString firstError;
        QMutex errorMutex;

        constexpr int Batches = 40, PerBatch = 50;
        QThread *writer = QThread::create([&] {
            TaskStore tasks(*database);
            for (int b = 0; b < Batches; ++b) {
                const Result<void> r = database->transaction([&](QSqlDatabase &) -> Result<void> {
                    for (int i = 0; i < PerBatch; ++i) {
                        const Result<Task> t = tasks.create(task(0, QStringLiteral("busy")));
                        if (!t)
                            return t.error();
                    }
                    return {};
                });
                if (!r) {
                    QMutexLocker lock(&errorMutex);
                    firstError = r.error().message;
                    break;
                }
            }
            writing = false;
        });
        QList<QThread *> readers;
        for (int i = 0; i < 3; ++i) {
            readers << QThread::create([&] {
                TaskStore tasks(*database);
                int last = 0;
                while (writing) {
                    const Result<int> n = tasks.count();
                    const Result<QList<Task>> page = tasks.list(TaskFilter {});
                    if (!n || !page) {
                        ++readerErrors;
                        QMutexLocker lock(&errorMutex);
                        firstError = n ? page.error().message : n.error().message;
                        continue;
                    }
                    if (*n < last || *n % PerBatch != 0) // whole batches only, never backwards
                        ++nonMonotonic;
                    last = *n;
                    ++reads;
                }
            });
        }
        writer->start();
        for (QThread *r : readers)
            r->start();
        QVERIFY(writer->wait(60000));
        for (QThread *r : readers) {
            QVERIFY(r->wait(60000));
            delete r;
        }
        delete writer;
        QVERIFY2(firstError.isEmpty(), qPrintable(firstError));
        QCOMPARE(readerErrors.load(), 0);
        QCOMPARE(nonMonotonic.load(), 0);
        QVERIFY(reads.load() > 0);
        QCOMPARE(*TaskStore(*database).count(), Batches * PerBatch);
        QCOMPARE(crsyncConnections(), 1); // the threads' connections are gone
    }

    void racingTriggersStartOneTask()
    {
        auto db = Database::open(path());
        QVERIFY(db.ok());
        Database *database = db->get();
        constexpr int Rounds = 20;
        std::atomic<int> started { 0 };
        std::atomic<int> refused { 0 };
        std::atomic<int> otherErrors { 0 };
        QList<QThread *> threads;
        for (int t = 0; t < 4; ++t) {
            threads << QThread::create([&] {
                TaskStore tasks(*database);
                for (int round = 1; round <= Rounds; ++round) {
                    // Every round is a fresh race for one rule (id = round); tasks never
                    // finish here, so exactly one thread may start each rule.
                    const Result<Task> r
                        = tasks.createIfIdle(task(round, QStringLiteral("r%1").arg(round)));
                    if (r.ok())
                        ++started;
                    else if (r.error().kind == Error::Kind::Conflict)
                        ++refused;
                    else
                        ++otherErrors;
                }
            });
        }
        // Rule ids must exist for the foreign key: create the rules' parents first.
        QVERIFY(database
                    ->transaction([&](QSqlDatabase &conn) -> Result<void> {
                        QSqlQuery q(conn);
                        if (!q.exec(QStringLiteral("INSERT INTO instances (id, name, url, "
                                                   "created_at, updated_at) VALUES "
                                                   "(1, 'i', 'https://i', 0, 0)")))
                            return Database::errorFrom(q.lastError(), QStringLiteral("setup"));
                        for (int round = 1; round <= Rounds; ++round) {
                            if (!q.exec(QStringLiteral("INSERT INTO rules (id, name, "
                                                       "source_instance_id, source_namespace, "
                                                       "target_instance_id, created_at, "
                                                       "updated_at) VALUES (%1, 'r%1', 1, 'ns', "
                                                       "1, 0, 0)")
                                            .arg(round)))
                                return Database::errorFrom(q.lastError(), QStringLiteral("setup"));
                        }
                        return {};
                    })
                    .ok());
        for (QThread *t : threads)
            t->start();
        for (QThread *t : threads) {
            QVERIFY(t->wait(60000));
            delete t;
        }
        QCOMPARE(otherErrors.load(), 0);
        QCOMPARE(started.load(), Rounds);
        QCOMPARE(refused.load(), Rounds * 3);
    }

    void dataDirResolution()
    {
        const QByteArray saved = qgetenv("CRSYNC_DATA_DIR");
        qputenv("CRSYNC_DATA_DIR", m_dir->filePath(QStringLiteral("from-env")).toUtf8());
        QCOMPARE(resolveDataDir(m_dir->filePath(QStringLiteral("explicit/"))),
                 m_dir->filePath(QStringLiteral("explicit")));
        QCOMPARE(resolveDataDir(), m_dir->filePath(QStringLiteral("from-env")));
        qputenv("CRSYNC_DATA_DIR", QByteArray());
        QCoreApplication::setOrganizationName(QString());
        QCoreApplication::setApplicationName(QStringLiteral("crsync"));
        const QString standard = resolveDataDir();
        QVERIFY2(standard.endsWith(QLatin1String("/crsync")), qPrintable(standard));
        QVERIFY(QDir::isAbsolutePath(standard));
        QCOMPARE(resolveDataDir(QStringLiteral("relative/dir")),
                 QDir::current().filePath(QStringLiteral("relative/dir")));
        if (saved.isNull())
            qunsetenv("CRSYNC_DATA_DIR");
        else
            qputenv("CRSYNC_DATA_DIR", saved);

        QFile file(m_dir->filePath(QStringLiteral("plainfile")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const Result<QString> notDir = ensureDataDir(file.fileName());
        QVERIFY(!notDir.ok());
        QVERIFY(notDir.error().message.contains(file.fileName()));
    }

    void noSecretColumns()
    {
        auto db = Database::open(path());
        QVERIFY(db.ok());
        QSqlQuery q(*(*db)->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT m.name, p.name FROM sqlite_master m, "
                                      "pragma_table_info(m.name) p WHERE m.type = 'table'")));
        int columns = 0;
        while (q.next()) {
            ++columns;
            const QString column = q.value(1).toString().toLower();
            for (const char *word : { "password", "secret", "token", "credential" })
                QVERIFY2(!column.contains(QLatin1String(word)),
                         qPrintable(q.value(0).toString() + QLatin1Char('.') + column));
        }
        QVERIFY(columns > 40);
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
