// `crsync daemon` end to end: a docker-registry notifies it, a push replicates in an event task;
// SIGTERM in the middle of that task leaves nothing InProgress and loses no queued event (it
// runs after the next start); a second daemon on the data dir is refused; the webhook commands.
#include "clirunner.h"
#include "ocilayout.h"
#include "registryfixture.h"
#include "throttledproxy.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSqlQuery>
#include <QTcpServer>
#include <csignal>

using namespace crsync::test;
using Mode = RegistryFixture::Mode;

namespace {

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

} // namespace

class TestDaemon : public QObject
{
    Q_OBJECT

private slots:
    void webhookCommands();
    void sigtermMidTaskLosesNothing();

private:
    // A `crsync daemon` of `cli`'s data dir and keychain; stderr collected in `log`.
    std::unique_ptr<QProcess> startDaemon(const Cli &cli, quint16 port, QString *log);
    static QStringList statuses(const Cli &cli);
};

std::unique_ptr<QProcess> TestDaemon::startDaemon(const Cli &cli, quint16 port, QString *log)
{
    auto p = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CRSYNC_KEYCHAIN_SERVICE"), cli.service());
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    p->setProcessEnvironment(env);
    QObject::connect(p.get(), &QProcess::readyReadStandardError, p.get(),
                     [raw = p.get(), log] { *log += QString::fromUtf8(raw->readAllStandardError()); });
    p->start(Cli::binary(), { QStringLiteral("--data-dir"), cli.dataDir(), QStringLiteral("daemon"),
                              QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port) });
    return p;
}

QStringList TestDaemon::statuses(const Cli &cli)
{
    QStringList all;
    const CliResult r = cli.run({ QStringLiteral("log"), QStringLiteral("--json") });
    for (const QJsonValue &t : r.jsonArray())
        all << t.toObject().value(QStringLiteral("status")).toString();
    return all;
}

void TestDaemon::webhookCommands()
{
    Cli cli;
    QVERIFY(cli.isValid());
    const CliResult first = cli.run({ QStringLiteral("webhook"), QStringLiteral("secret") });
    CLI_EXPECT(first, 0);
    const QString secret = first.out.trimmed();
    QCOMPARE(secret.size(), 64);
    // Kept in the keychain under the data dir's namespace, nowhere else.
    QCOMPARE(cli.keychainLookup(QStringLiteral("crsync/%1/webhook-secret").arg(cli.keychainNamespace())), secret);
    QVERIFY(!cli.databaseBytes().contains(secret.toLatin1()));
    CLI_EXPECT(cli.run({ QStringLiteral("webhook"), QStringLiteral("secret") }), 0);
    QCOMPARE(cli.run({ QStringLiteral("webhook"), QStringLiteral("secret") }).out.trimmed(), secret);
    const CliResult rotated = cli.run({ QStringLiteral("webhook"), QStringLiteral("secret"), QStringLiteral("--rotate") });
    CLI_EXPECT(rotated, 0);
    QVERIFY(rotated.out.trimmed() != secret);
    QCOMPARE(cli.run({ QStringLiteral("webhook"), QStringLiteral("secret") }).out.trimmed(), rotated.out.trimmed());

    QCOMPARE(cli.run({ QStringLiteral("webhook"), QStringLiteral("url") }).out.trimmed(),
             QStringLiteral("http://127.0.0.1:8765/webhook"));
    QCOMPARE(cli.run({ QStringLiteral("webhook"), QStringLiteral("url"), QStringLiteral("--listen"),
                       QStringLiteral("10.0.0.5:9000") }).out.trimmed(),
             QStringLiteral("http://10.0.0.5:9000/webhook"));
    // Poll intervals per instance.
    CLI_EXPECT(cli.run({ QStringLiteral("instance"), QStringLiteral("add"), QStringLiteral("quiet"), QStringLiteral("--url"),
                         QStringLiteral("http://127.0.0.1:1"), QStringLiteral("--allow-http") }), 0);
    const CliResult every = cli.run({ QStringLiteral("instance"), QStringLiteral("poll"), QStringLiteral("quiet"), QStringLiteral("300") });
    CLI_EXPECT(every, 0);
    QVERIFY2(every.out.contains(QLatin1String("every 300 s")), qPrintable(every.describe()));
    CLI_EXPECT(cli.run({ QStringLiteral("instance"), QStringLiteral("poll"), QStringLiteral("quiet"), QStringLiteral("5") }), 2);
    CLI_EXPECT(cli.run({ QStringLiteral("instance"), QStringLiteral("poll"), QStringLiteral("nobody"), QStringLiteral("60") }), 2);
    CLI_EXPECT(cli.run({ QStringLiteral("instance"), QStringLiteral("poll"), QStringLiteral("quiet"), QStringLiteral("0") }), 0);

    // Schedules per rule, and rule show says the next run.
    CLI_EXPECT(cli.run({ QStringLiteral("instance"), QStringLiteral("add"), QStringLiteral("far"), QStringLiteral("--url"),
                         QStringLiteral("http://127.0.0.1:2"), QStringLiteral("--allow-http") }), 0);
    CLI_EXPECT(cli.run({ QStringLiteral("rule"), QStringLiteral("create"), QStringLiteral("nightly"), QStringLiteral("--source"),
                         QStringLiteral("quiet"), QStringLiteral("--namespace"), QStringLiteral("team"),
                         QStringLiteral("--target"), QStringLiteral("far") }), 0);
    CLI_EXPECT(cli.run({ QStringLiteral("rule"), QStringLiteral("schedule"), QStringLiteral("nightly"), QStringLiteral("every 30m") }), 0);
    const CliResult shown = cli.run({ QStringLiteral("rule"), QStringLiteral("show"), QStringLiteral("nightly") });
    CLI_EXPECT(shown, 0);
    QVERIFY2(shown.out.contains(QLatin1String("every 30 minutes")) && shown.out.contains(QLatin1String("Next scheduled run")),
             qPrintable(shown.describe()));
    CLI_EXPECT(cli.run({ QStringLiteral("rule"), QStringLiteral("schedule"), QStringLiteral("nightly"), QStringLiteral("sometimes") }), 2);
    CLI_EXPECT(cli.run({ QStringLiteral("rule"), QStringLiteral("schedule"), QStringLiteral("nightly"), QStringLiteral("off") }), 0);
    QVERIFY(!cli.run({ QStringLiteral("rule"), QStringLiteral("show"), QStringLiteral("nightly") }).out.contains(QLatin1String("Next scheduled run")));

    const CliResult bad = cli.run({ QStringLiteral("daemon"), QStringLiteral("--listen"), QStringLiteral("somewhere") });
    CLI_EXPECT(bad, 2);
    QVERIFY2(bad.err.contains(QLatin1String("--listen")), qPrintable(bad.describe()));
}

void TestDaemon::sigtermMidTaskLosesNothing()
{
    Cli cli;
    QVERIFY(cli.isValid());
    const quint16 port = freePort();
    const CliResult secret = cli.run({ QStringLiteral("webhook"), QStringLiteral("secret") });
    CLI_EXPECT(secret, 0);

    RegistryFixture::Options sourceOptions;
    sourceOptions.mode = Mode::PlainHttp;
    sourceOptions.extraConfigYaml = RegistryFixture::notificationsYaml(
        QUrl(QStringLiteral("http://127.0.0.1:%1/webhook").arg(port)), secret.out.trimmed().toLatin1());
    RegistryFixture source(sourceOptions);
    RegistryFixture target(Mode::PlainHttp);
    QString error;
    QVERIFY2(source.start(&error), qPrintable(error));
    QVERIFY2(target.start(&error), qPrintable(error));
    ThrottledProxy slowTarget(target.port(), 100000); // the task lasts seconds
    CLI_EXPECT(cli.run({ QStringLiteral("instance"), QStringLiteral("add"), QStringLiteral("src"),
                         QStringLiteral("--url"), source.url().toString(), QStringLiteral("--allow-http") }), 0);
    CLI_EXPECT(cli.run({ QStringLiteral("instance"), QStringLiteral("add"), QStringLiteral("dst"),
                         QStringLiteral("--url"), slowTarget.url().toString(), QStringLiteral("--allow-http") }), 0);
    CLI_EXPECT(cli.run({ QStringLiteral("rule"), QStringLiteral("create"), QStringLiteral("auto"),
                         QStringLiteral("--source"), QStringLiteral("src"), QStringLiteral("--namespace"),
                         QStringLiteral("team"), QStringLiteral("--target"), QStringLiteral("dst"),
                         QStringLiteral("--target-namespace"), QStringLiteral("mirror") }), 0);

    QString log;
    std::unique_ptr<QProcess> daemon = startDaemon(cli, port, &log);
    QTRY_VERIFY2_WITH_TIMEOUT(log.contains(QLatin1String("listening for webhooks")), qPrintable(log), 15000);

    // A second daemon on the same data dir is refused, naming the holder.
    const CliResult second = cli.run({ QStringLiteral("daemon"), QStringLiteral("--listen"),
                                       QStringLiteral("127.0.0.1:%1").arg(freePort()) });
    QVERIFY2(second.exitCode != 0, qPrintable(second.describe()));
    QVERIFY2(second.err.contains(QString::number(daemon->processId())), qPrintable(second.describe()));

    // A push: the daemon starts an event task; SIGTERM while it copies.
    QTemporaryDir layoutDir;
    OciLayout layout(layoutDir.path());
    const OciLayout::Built image = layout.image({ OciLayout::randomBytes(600000, 11) });
    layout.tag(image, QStringLiteral("v1"));
    QElapsedTimer clock;
    clock.start();
    QVERIFY2(layout.push(source, QStringLiteral("v1"), QStringLiteral("team/app:v1"), &error), qPrintable(error));
    QTRY_VERIFY2_WITH_TIMEOUT(log.contains(QLatin1String("running")), qPrintable(log), 15000);
    qInfo("the daemon's event task started %lld ms after the push began", clock.elapsed());
    ::kill(pid_t(daemon->processId()), SIGTERM);
    QVERIFY2(daemon->waitForFinished(30000), qPrintable(log));
    QCOMPARE(daemon->exitStatus(), QProcess::NormalExit);
    QCOMPARE(daemon->exitCode(), 0);
    QVERIFY2(log.contains(QLatin1String("stopped")), qPrintable(log));
    const QStringList afterStop = statuses(cli);
    QVERIFY2(!afterStop.contains(QStringLiteral("InProgress")) && !afterStop.contains(QStringLiteral("Pending")),
             qPrintable(afterStop.join(QLatin1Char(' '))));
    QVERIFY2(afterStop.contains(QStringLiteral("Canceled")), qPrintable(afterStop.join(QLatin1Char(' '))));
    QVERIFY2(target.inspectDigest(QStringLiteral("mirror/app:v1")).isEmpty(), "stopped before it arrived");

    // The event waits in the store, uncounted, and runs after the next start.
    {
        auto db = crsync::Database::open(cli.databaseFile());
        QVERIFY(db);
        QSqlQuery q((*db)->connection().value());
        QVERIFY(q.exec(QStringLiteral("SELECT state, attempts FROM events")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("pending"));
        QCOMPARE(q.value(1).toInt(), 0);
        QVERIFY(!q.next());
    }
    log.clear();
    daemon = startDaemon(cli, port, &log);
    QTRY_COMPARE_WITH_TIMEOUT(target.inspectDigest(QStringLiteral("mirror/app:v1")), image.digest, 60000);
    QVERIFY2(log.contains(QLatin1String("wait again")) || log.contains(QLatin1String("started for")), qPrintable(log));
    QTRY_VERIFY_WITH_TIMEOUT(statuses(cli).contains(QStringLiteral("Succeeded")), 10000);
    ::kill(pid_t(daemon->processId()), SIGTERM);
    QVERIFY(daemon->waitForFinished(30000));
    QCOMPARE(daemon->exitCode(), 0);
    const CliResult tasks = cli.run({ QStringLiteral("log"), QStringLiteral("--json") });
    for (const QJsonValue &t : tasks.jsonArray())
        QCOMPARE(t.toObject().value(QStringLiteral("trigger")).toString(), QStringLiteral("event"));
}

QTEST_GUILESS_MAIN(TestDaemon)
#include "tst_daemon.moc"
