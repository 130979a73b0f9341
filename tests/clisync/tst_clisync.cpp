// crsync sync / cancel / log / rule preview end to end, including a kill -9 in the middle of a
// task, the Interrupted mark at the next start, and a resume that sends nothing twice.
#include "clirunner.h"
#include "ocilayout.h"
#include "registryfixture.h"

#include <QDirIterator>
#include <QElapsedTimer>
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

private:
    void setUp(Cli &cli, const QString &rule, const QString &ns, RegistryFixture *target = nullptr);
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

void TestCliSync::setUp(Cli &cli, const QString &rule, const QString &ns, RegistryFixture *target)
{
    if (!target)
        target = m_target.get();
    for (const auto &[name, registry] :
         { std::pair { s("src"), m_source.get() }, std::pair { s("dst"), target } }) {
        const CliResult r = cli.run({ s("instance"), s("add"), name, s("--url"),
                                      registry->url().toString(), s("--allow-http") });
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
    setUp(cli, "bg", "big");
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
    setUp(cli, "crash", "big", &target);
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

QTEST_GUILESS_MAIN(TestCliSync)
#include "tst_clisync.moc"
