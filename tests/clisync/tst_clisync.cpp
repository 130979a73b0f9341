// crsync sync / cancel / log / rule preview end to end, including a kill -9 in the middle of a
// task, the Interrupted mark at the next start, and a resume that sends nothing twice.
#include "clirunner.h"
#include "ocilayout.h"
#include "registryfixture.h"
#include "throttledproxy.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QFileInfo>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using namespace crsync::test;
using Mode = RegistryFixture::Mode;

namespace {

// Size of every complete blob the registry stores, by digest hex.
QHash<QString, qint64> storedBlobs(const RegistryFixture &registry)
{
    QHash<QString, qint64> blobs;
    QDirIterator it(registry.storageDir() + "/docker/registry/v2/blobs/sha256", { "data" },
                    QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        blobs.insert(it.fileInfo().dir().dirName(), it.fileInfo().size());
    }
    return blobs;
}

QProcessEnvironment limits(int artifacts)
{
    QProcessEnvironment env;
    env.insert("CRSYNC_MAX_ARTIFACTS", QString::number(artifacts));
    return env;
}

} // namespace

class TestCliSync : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void syncWaitLogAndPreview();
    void backgroundSyncRefusalAndCancel();
    void killedProcessIsInterruptedAndResumes();
    void targetSideFailuresExit3();
    void summariesAndLogsSayWhatTheyShow();
    void hangUpCancelsAWaitingSync();
    void concurrentProcessesNeverDoubleATask();

private:
    // sourceUrl: where the source instance points instead of the source registry itself (a
    // ThrottledProxy in front of it).
    void setUp(Cli &cli, const QString &rule, const QString &ns, RegistryFixture *target = nullptr,
               const QUrl &sourceUrl = {});
    std::unique_ptr<RegistryFixture> m_source;
    std::unique_ptr<RegistryFixture> m_target;
    QTemporaryDir m_layoutDir;
    QList<OciLayout::Built> m_big; // ns "big": 6 images, one 8 MiB layer each
    QHash<QString, QString> m_digest;
};

void TestCliSync::initTestCase()
{
    QVERIFY2(!Cli::binary().isEmpty(), "CRSYNC_BINARY is not set (run through ctest)");
    m_source = std::make_unique<RegistryFixture>(Mode::PlainHttp);
    m_target = std::make_unique<RegistryFixture>(Mode::PlainHttp);
    QString error;
    QVERIFY2(m_source->start(&error), qPrintable(error));
    QVERIFY2(m_target->start(&error), qPrintable(error));
    OciLayout layout(m_layoutDir.path());
    for (int i = 0; i < 2; ++i) {
        const auto image = layout.image({ OciLayout::randomBytes(20000 + i, 100 + i) });
        layout.tag(image, QString("small%1").arg(i));
        QVERIFY(layout.push(*m_source, QString("small%1").arg(i), QString("small/app:%1").arg(i)));
        m_digest.insert(QString("small/app:%1").arg(i), image.digest);
    }
    for (int i = 0; i < 6; ++i) {
        const auto image = layout.image({ OciLayout::randomBytes(8 << 20, 200 + i) });
        layout.tag(image, QString("big%1").arg(i));
        QVERIFY(layout.push(*m_source, QString("big%1").arg(i), QString("big/img%1:1").arg(i)));
        m_big.append(image);
    }
}

void TestCliSync::setUp(Cli &cli, const QString &rule, const QString &ns, RegistryFixture *target,
                        const QUrl &sourceUrl)
{
    if (!target)
        target = m_target.get();
    for (const auto &[name, url] :
         { std::pair { s("src"), sourceUrl.isEmpty() ? m_source->url() : sourceUrl },
           std::pair { s("dst"), target->url() } }) {
        if (cli.run({ s("instance"), s("show"), name }).exitCode == 0)
            continue; // a second rule in the same data dir
        const CliResult r = cli.run({ s("instance"), s("add"), name, s("--url"),
                                      url.toString(), s("--allow-http") });
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    }
    const CliResult r
        = cli.run({ s("rule"), s("create"), rule, s("--source"), s("src"), s("--namespace"), ns,
                    s("--target"), s("dst"), s("--target-namespace"), rule + "-" + ns });
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
}

void TestCliSync::syncWaitLogAndPreview()
{
    Cli cli;
    setUp(cli, "small", "small");
    CliResult r = cli.run({ s("rule"), s("preview"), s("small"), s("--json") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.jsonObject().value("copy").toInt(), 2);
    QVERIFY(m_target->inspectDigest("small-small/app:0").isEmpty()); // preview moved nothing

    r = cli.run({ s("sync"), s("small"), s("--wait") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const qint64 id = r.out.section('\n', 0, 0).toLongLong();
    QVERIFY2(id > 0, qPrintable(r.out));
    QVERIFY2(r.out.contains("Succeeded"), qPrintable(r.out));
    QCOMPARE(m_target->inspectDigest("small-small/app:0"), m_digest["small/app:0"]);
    QCOMPARE(m_target->inspectDigest("small-small/app:1"), m_digest["small/app:1"]);

    r = cli.run({ s("log"), s("--json") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QJsonObject task = r.jsonArray().first().toObject();
    QCOMPARE(task.value("id").toInteger(), id);
    QCOMPARE(task.value("status").toString(), s("Succeeded"));
    QCOMPARE(task.value("trigger").toString(), s("manual"));
    QCOMPARE(task.value("artifactsCopied").toInt(), 2);
    QCOMPARE(task.value("successRatio").toDouble(), 1.0);
    QVERIFY(task.value("bytes").toInteger() > 40000);

    r = cli.run({ s("log"), s("show"), QString::number(id), s("--json") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QJsonArray items = r.jsonObject().value("items").toArray();
    QCOMPARE(items.size(), 2);
    for (const QJsonValue &v : items) {
        QCOMPARE(v.toObject().value("outcome").toString(), s("copied"));
        QCOMPARE(v.toObject().value("kind").toString(), s("image"));
        QVERIFY(v.toObject().value("digest").toString().startsWith("sha256:"));
    }
    r = cli.run({ s("log"), s("show"), QString::number(id) });
    QVERIFY2(r.exitCode == 0 && r.out.contains("small-small/app"), qPrintable(r.describe()));
    r = cli.run({ s("log"), s("--rule"), s("small"), s("--status"), s("Failed") });
    QVERIFY2(r.exitCode == 0 && !r.out.contains(QString::number(id) + " "),
             qPrintable(r.describe()));
    QCOMPARE(cli.run({ s("log"), s("--status"), s("Bogus") }).exitCode, 2);

    // Again: everything up to date, exit 0.
    r = cli.run({ s("sync"), s("small"), s("--wait") });
    QVERIFY2(r.exitCode == 0 && r.out.contains("2 skipped"), qPrintable(r.describe()));
    r = cli.run({ s("rule"), s("preview"), s("small") });
    QVERIFY2(r.exitCode == 0 && r.out.contains("up-to-date"), qPrintable(r.describe()));
    QCOMPARE(cli.run({ s("sync"), s("no-such-rule") }).exitCode, 2);
}

void TestCliSync::backgroundSyncRefusalAndCancel()
{
    Cli cli;
    // 48 MiB at 4 MiB/s: the task is still running when it is canceled, however fast loopback is.
    ThrottledProxy slow(m_source->port(), 4 << 20);
    setUp(cli, "bg", "big", nullptr, slow.url());
    QElapsedTimer clock;
    clock.start();
    CliResult r = cli.run({ s("sync"), s("bg") }, {}, limits(1));
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const qint64 id = r.out.trimmed().toLongLong();
    QVERIFY2(id > 0, qPrintable(r.out));
    QVERIFY(clock.elapsed() < 15000);

    r = cli.run({ s("sync"), s("bg"), s("--wait") });
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("already") && r.err.contains(QString::number(id)),
             qPrintable(r.describe()));

    r = cli.run({ s("cancel"), QString::number(id) });
    if (r.exitCode != 0) { // what the background crsync said, for the failure message
        QDirIterator logs(cli.dataDir() + "/tasks", { "*.log" }, QDir::Files);
        while (logs.hasNext()) {
            QFile log(logs.next());
            if (log.open(QIODevice::ReadOnly))
                r.err += "\n--- " + log.fileName() + "\n" + QString::fromUtf8(log.readAll());
        }
    }
    QVERIFY2(r.exitCode == 0 && r.out.contains("Canceled"), qPrintable(r.describe()));
    r = cli.run({ s("log"), s("show"), QString::number(id), s("--json") });
    QCOMPARE(r.jsonObject().value("status").toString(), s("Canceled"));
    QVERIFY(r.jsonObject().value("artifactsCopied").toInt() < 6);
    QCOMPARE(cli.run({ s("cancel"), QString::number(id) }).exitCode, 2);
}

void TestCliSync::killedProcessIsInterruptedAndResumes()
{
    // A target of its own: blob data is shared by the repositories of a registry, so the
    // count of stored blobs below must start from nothing.
    RegistryFixture target(Mode::PlainHttp);
    QString error;
    QVERIFY2(target.start(&error), qPrintable(error));
    Cli cli;
    // 48 MiB at 8 MiB/s: some of it has arrived and not all when the kill comes.
    ThrottledProxy slow(m_source->port(), 8 << 20);
    setUp(cli, "crash", "big", &target, slow.url());
    QProcess sync;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("CRSYNC_KEYCHAIN_SERVICE", cli.service());
    env.insert("CRSYNC_MAX_ARTIFACTS", "1");
    sync.setProcessEnvironment(env);
    sync.start(Cli::binary(),
               { s("--data-dir"), cli.dataDir(), s("sync"), s("crash"), s("--wait") });
    QVERIFY(sync.waitForStarted());
    // Kill it once some of the 48 MiB arrived, and not all.
    QTRY_VERIFY_WITH_TIMEOUT(storedBlobs(target).size() >= 3, 60000);
    ::kill(pid_t(sync.processId()), SIGKILL);
    QVERIFY(sync.waitForFinished());
    const QHash<QString, qint64> before = storedBlobs(target);

    CliResult r = cli.run({ s("log"), s("--json") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QJsonObject first = r.jsonArray().first().toObject();
    QCOMPARE(first.value("status").toString(), s("Interrupted"));
    QVERIFY(!first.value("finished").toString().isEmpty());

    r = cli.run({ s("sync"), s("crash"), s("--wait") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const qint64 id = r.out.section('\n', 0, 0).toLongLong();
    for (int i = 0; i < 6; ++i)
        QCOMPARE(target.inspectDigest(QString("crash-big/img%1:1").arg(i)), m_big[i].digest);

    // What the second task moved: every blob that had not arrived, plus manifests; nothing of
    // what had arrived before the kill.
    qint64 missing = 0, manifests = 0;
    for (const auto &image : m_big) {
        manifests += image.manifest.size();
        for (const auto &blob : image.blobs)
            if (!before.contains(blob.digest.mid(7)))
                missing += blob.data.size();
    }
    r = cli.run({ s("log"), s("show"), QString::number(id), s("--json") });
    const qint64 moved = r.jsonObject().value("bytes").toInteger();
    QVERIFY2(
        moved >= missing && moved <= missing + manifests,
        qPrintable(
            QString("moved %1, missing %2, manifests %3").arg(moved).arg(missing).arg(manifests)));
    QVERIFY(missing < 6 * (8 << 20)); // something had arrived before the kill
}

void TestCliSync::targetSideFailuresExit3()
{
    // A target that refuses connections: the task notices within seconds and exits 3, as a
    // source that cannot be reached does.
    RegistryFixture gone(Mode::PlainHttp);
    QString error;
    QVERIFY2(gone.start(&error), qPrintable(error));
    Cli cli;
    setUp(cli, "down", "small", &gone);
    gone.stop();
    QElapsedTimer clock;
    clock.start();
    CliResult r = cli.run({ s("sync"), s("down"), s("--wait") });
    QVERIFY2(r.exitCode == 3, qPrintable(r.describe()));
    QVERIFY(clock.elapsed() < 15000);
    QVERIFY2(r.err.contains(s("stopped trying")), qPrintable(r.describe()));
    // The preview of such a rule does not pretend all is well either.
    r = cli.run({ s("rule"), s("preview"), s("down") });
    QVERIFY2(r.exitCode == 3 && r.err.contains(s("stopped trying")), qPrintable(r.describe()));

    // A target that refuses the credentials (cross-account, a wrong password): 3 as well.
    RegistryFixture locked(Mode::BasicAuth);
    QVERIFY2(locked.start(&error), qPrintable(error));
    r = cli.run({ s("rule"), s("create"), s("refused"), s("--source"), s("src"), s("--namespace"),
                  s("small"), s("--target-url"), locked.url().toString(), s("--target-username"),
                  locked.username(), s("--target-ca-file"), locked.caFile(),
                  s("--target-password-stdin") },
                "not-the-password\n");
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    r = cli.run({ s("sync"), s("refused"), s("--wait") });
    QVERIFY2(r.exitCode == 3, qPrintable(r.describe()));
}

void TestCliSync::summariesAndLogsSayWhatTheyShow()
{
    Cli cli;
    setUp(cli, "one", "small");
    CliResult r = cli.run({ s("rule"), s("edit"), s("one"), s("--tag-filter"), s("0") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    r = cli.run({ s("sync"), s("one"), s("--wait") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY2(r.out.contains(s("1 artifact in 1 repository")), qPrintable(r.out));

    // A namespace with nothing in it succeeds, and says it found nothing.
    setUp(cli, "nothing", "no-such-namespace");
    r = cli.run({ s("sync"), s("nothing"), s("--wait") });
    QVERIFY2(r.exitCode == 0 && r.err.contains(s("warning: Nothing to sync")),
             qPrintable(r.describe()));

    // An unknown rule is a mistake, not an empty log.
    r = cli.run({ s("log"), s("--rule"), s("nosuch") });
    QVERIFY2(r.exitCode == 2 && r.err.contains(s("nosuch")), qPrintable(r.describe()));
    // A log cut short says so.
    for (int i = 0; i < 2; ++i)
        QVERIFY(cli.run({ s("sync"), s("one"), s("--wait") }).exitCode == 0);
    r = cli.run({ s("log"), s("--limit"), s("2") });
    QVERIFY2(r.exitCode == 0 && r.out.contains(s("The newest 2 of 4 tasks")), qPrintable(r.out));
    r = cli.run({ s("log") });
    QVERIFY2(!r.out.contains(s("The newest")), qPrintable(r.out));

    // A background sync leaves no log file of its start behind.
    r = cli.run({ s("sync"), s("one") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const qint64 id = r.out.trimmed().toLongLong();
    QTRY_VERIFY_WITH_TIMEOUT(
        cli.run({ s("log"), s("show"), QString::number(id), s("--json") })
                .jsonObject()
                .value("finished")
                .toString()
                .size()
            > 0,
        30000);
    QTRY_VERIFY_WITH_TIMEOUT(
        QDir(cli.dataDir() + "/tasks").entryList({ "background-*.log" }, QDir::Files).isEmpty(),
        10000);
}

void TestCliSync::hangUpCancelsAWaitingSync()
{
    // A closed terminal (SIGHUP) cancels the task instead of leaving it running or Interrupted.
    Cli cli;
    ThrottledProxy slow(m_source->port(), 2 << 20);
    RegistryFixture target(Mode::PlainHttp);
    QString error;
    QVERIFY2(target.start(&error), qPrintable(error));
    setUp(cli, "hup", "big", &target, slow.url());
    QProcess sync;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("CRSYNC_KEYCHAIN_SERVICE", cli.service());
    sync.setProcessEnvironment(env);
    sync.start(Cli::binary(), { s("--data-dir"), cli.dataDir(), s("sync"), s("hup"), s("--wait") });
    QVERIFY(sync.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(slow.relayedBytes() > (1 << 20), 30000);
    ::kill(pid_t(sync.processId()), SIGHUP);
    const bool stopped = sync.waitForFinished(15000);
    QVERIFY2(stopped, qPrintable(QString::fromUtf8(sync.readAllStandardError())));
    QCOMPARE(sync.exitStatus(), QProcess::NormalExit);
    const CliResult r = cli.run({ s("log"), s("--json") });
    QCOMPARE(r.jsonArray().first().toObject().value("status").toString(), s("Canceled"));
}

void TestCliSync::concurrentProcessesNeverDoubleATask()
{
    // Several crsync processes trigger, list and cancel the same rules at once. Whatever the
    // interleaving: never two active tasks of one rule, and no task in a wrong status (nothing
    // died, so nothing may be Interrupted; a finished task never changes).
    RegistryFixture target(Mode::PlainHttp);
    QString error;
    QVERIFY2(target.start(&error), qPrintable(error));
    Cli cli;
    setUp(cli, "r1", "small", &target);
    for (const char *rule : { "r2", "r3" }) {
        const CliResult r = cli.run({ s("rule"), s("create"), s(rule), s("--source"), s("src"),
                                      s("--namespace"), s("small"), s("--target"), s("dst"),
                                      s("--target-namespace"), s("%1-small").arg(s(rule)) });
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("CRSYNC_KEYCHAIN_SERVICE", cli.service());
    env.insert("LC_ALL", "C.UTF-8");
    struct Run
    {
        std::shared_ptr<QProcess> process;
        QString kind;
    };
    QList<Run> runs;
    auto start = [&](const QString &kind, const QStringList &args) {
        auto p = std::make_shared<QProcess>();
        p->setProcessEnvironment(env);
        p->start(Cli::binary(), QStringList { s("--data-dir"), cli.dataDir() } + args);
        runs.append(Run { p, kind });
    };
    constexpr int Rounds = 8;
    for (int round = 0; round < Rounds; ++round) {
        for (const char *rule : { "r1", "r2", "r3", "r1", "r2" })
            start(s("sync"), { s("sync"), s(rule), s("--wait"), s("--quiet") });
        start(s("log"), { s("log"), s("--json"), s("--limit"), s("0") });
        start(s("cancel"), { s("cancel"), QString::number(round + 1) });
        for (Run &run : runs)
            run.process->waitForFinished(60000);
    }

    int succeeded = 0;
    for (const Run &run : runs) {
        QCOMPARE(run.process->exitStatus(), QProcess::NormalExit);
        const int code = run.process->exitCode();
        const QString out = QString::fromUtf8(run.process->readAllStandardOutput());
        const QString err = QString::fromUtf8(run.process->readAllStandardError());
        if (run.kind == s("sync")) {
            // Done, canceled by one of the cancels, or refused because the rule was syncing.
            QVERIFY2(code == 0 || code == 1 || (code == 2 && err.contains(s("already syncing"))),
                     qPrintable(QString("exit %1\n%2\n%3").arg(code).arg(out, err)));
            succeeded += code == 0;
        } else if (run.kind == s("log")) {
            QVERIFY2(code == 0, qPrintable(err));
            // What a reader saw at one moment: at most one active task per rule.
            QHash<QString, int> active;
            for (const QJsonValue &v : QJsonDocument::fromJson(out.toUtf8()).array()) {
                const QString status = v.toObject().value("status").toString();
                if (status == s("Pending") || status == s("InProgress"))
                    ++active[v.toObject().value("rule").toString()];
                QVERIFY2(status != s("Interrupted"), qPrintable(out));
            }
            for (int n : std::as_const(active))
                QVERIFY2(n <= 1, qPrintable(out));
        } else {
            QVERIFY2(code == 0 || code == 2, qPrintable(err)); // canceled, or not running
        }
    }
    QVERIFY(succeeded >= Rounds); // work got done, not only refused

    // The whole log: per rule, each task was created after the one before it had finished.
    const CliResult r = cli.run({ s("log"), s("--json"), s("--limit"), s("0") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QHash<QString, QList<QJsonObject>> byRule;
    for (const QJsonValue &v : r.jsonArray())
        byRule[v.toObject().value("rule").toString()].prepend(v.toObject()); // oldest first
    for (auto it = byRule.cbegin(); it != byRule.cend(); ++it) {
        const QList<QJsonObject> &tasks = it.value();
        for (int i = 0; i < tasks.size(); ++i) {
            const QString status = tasks[i].value("status").toString();
            QVERIFY2(status == s("Succeeded") || status == s("Canceled"),
                     qPrintable(QJsonDocument(tasks[i]).toJson()));
            if (i == 0)
                continue;
            const QDateTime previousEnd
                = QDateTime::fromString(tasks[i - 1].value("finished").toString(), Qt::ISODateWithMs);
            const QDateTime created
                = QDateTime::fromString(tasks[i].value("created").toString(), Qt::ISODateWithMs);
            QVERIFY2(previousEnd.isValid() && created >= previousEnd,
                     qPrintable(QString("%1: task %2 created %3, before task %4 finished %5")
                                    .arg(it.key())
                                    .arg(tasks[i].value("id").toInteger())
                                    .arg(created.toString(Qt::ISODateWithMs))
                                    .arg(tasks[i - 1].value("id").toInteger())
                                    .arg(previousEnd.toString(Qt::ISODateWithMs))));
        }
    }
    qInfo() << runs.size() << "processes," << r.jsonArray().size() << "tasks," << succeeded
            << "syncs succeeded";
}

QTEST_GUILESS_MAIN(TestCliSync)
#include "tst_clisync.moc"
