// `crsync instance ...` end to end: the real binary against real docker-registry instances, the
// real Secret Service (scripts/with-keyring), a fresh data dir and keychain service per test.
#include "clirunner.h"
#include "ocilayout.h"
#include "registryfixture.h"

#include <QHostAddress>
#include <QTcpServer>

using namespace crsync::test;

class TestCliInstances : public QObject
{
    Q_OBJECT

private:
    static QString instanceId(const Cli &cli, const QString &name)
    {
        const CliResult r = cli.run(
            { QStringLiteral("instance"), QStringLiteral("show"), name, QStringLiteral("--json") });
        return QString::number(r.jsonObject().value(QStringLiteral("id")).toInteger());
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!Cli::binary().isEmpty(), "CRSYNC_BINARY is not set (run through ctest)");
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                 "no D-Bus session: run the tests under scripts/with-keyring");
    }

    void versionAndHelp()
    {
        Cli cli;
        CliResult r = cli.run({ QStringLiteral("--version") });
        CLI_EXPECT(r, 0);
        QVERIFY(r.out.startsWith(QLatin1String("crsync ")));

        r = cli.run({ QStringLiteral("--help") });
        CLI_EXPECT(r, 0);
        QVERIFY(r.out.contains(QLatin1String("instance")));
        QVERIFY(r.out.contains(QLatin1String("rule")));
        QVERIFY(r.out.contains(QLatin1String("Exit status")));

        r = cli.run({ QStringLiteral("instance"), QStringLiteral("--help") });
        CLI_EXPECT(r, 0);
        for (const char *sub : { "add", "list", "show", "remove", "test" })
            QVERIFY2(r.out.contains(QLatin1String(sub)), sub);

        r = cli.run(
            { QStringLiteral("instance"), QStringLiteral("add"), QStringLiteral("--help") });
        CLI_EXPECT(r, 0);
        for (const char *flag :
             { "--url", "--account", "--region", "--flavor", "--username", "--password-stdin",
               "--ca-file", "--insecure", "--allow-http", "--data-dir" })
            QVERIFY2(r.out.contains(QLatin1String(flag)), flag);

        // --help on every level: each subcommand of both groups answers with its usage.
        const QList<std::pair<QString, QStringList>> groups {
            { QStringLiteral("instance"), { "add", "list", "show", "remove", "test" } },
            { QStringLiteral("rule"),
              { "create", "list", "show", "edit", "enable", "disable", "delete" } },
        };
        for (const auto &[group, subs] : groups) {
            for (const QString &sub : subs) {
                r = cli.run({ group, sub, QStringLiteral("--help") });
                CLI_EXPECT(r, 0);
                QVERIFY2(r.out.startsWith(QStringLiteral("Usage: crsync %1 %2").arg(group, sub)),
                         qPrintable(r.out));
            }
        }
        r = cli.run({ QStringLiteral("rule"), QStringLiteral("list"), QStringLiteral("--help") });
        QVERIFY(r.out.contains(QLatin1String("JSON fields")));

        r = cli.run({ QStringLiteral("frobnicate") });
        CLI_EXPECT(r, 2);
        QVERIFY(r.err.contains(QLatin1String("frobnicate")));
    }

    void dataDirFromEnvironmentOrFlag()
    {
        QTemporaryDir fromEnv, fromFlag;
        auto run = [](const QStringList &args, const QString &envDir) {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("CRSYNC_DATA_DIR"), envDir);
            p.setProcessEnvironment(env);
            p.start(Cli::binary(), args);
            p.waitForFinished(30000);
            return p.exitCode();
        };
        const QStringList add { QStringLiteral("instance"), QStringLiteral("add"),
                                QStringLiteral("here"), QStringLiteral("--url"),
                                QStringLiteral("https://registry.example.com") };
        QCOMPARE(run(add, fromEnv.path()), 0);
        QVERIFY(QFile::exists(fromEnv.filePath(QStringLiteral("crsync.db"))));
        // --data-dir wins over the environment, before the group or after the command.
        QCOMPARE(run(QStringList { QStringLiteral("--data-dir"), fromFlag.path() } + add,
                     fromEnv.path()),
                 0);
        QCOMPARE(run(add
                         + QStringList { QStringLiteral("--data-dir"),
                                         fromFlag.filePath(QStringLiteral("sub")) },
                     fromEnv.path()),
                 0);
        QVERIFY(QFile::exists(fromFlag.filePath(QStringLiteral("crsync.db"))));
        QVERIFY(QFile::exists(fromFlag.filePath(QStringLiteral("sub/crsync.db"))));
        // The instance went to the right places: adding it again where it exists is refused.
        QCOMPARE(run(add, fromEnv.path()), 2);
    }

    void plainHttpAddListShowTestRemove()
    {
        RegistryFixture registry(RegistryFixture::Mode::PlainHttp);
        QString error;
        QVERIFY2(registry.start(&error), qPrintable(error));
        // One repository, pushed by skopeo, for the catalog count.
        QTemporaryDir layoutDir;
        OciLayout layout(layoutDir.path());
        layout.tag(layout.image({ OciLayout::randomBytes(512, 1) }), QStringLiteral("v1"));
        QVERIFY2(layout.push(registry, QStringLiteral("v1"), QStringLiteral("team/app:v1"), &error),
                 qPrintable(error));

        Cli cli;
        CliResult r = cli.run({ QStringLiteral("instance"), QStringLiteral("add"),
                                QStringLiteral("local"), QStringLiteral("--url"),
                                registry.url().toString(), QStringLiteral("--allow-http"),
                                QStringLiteral("--account"), QStringLiteral("acct-1"),
                                QStringLiteral("--region"), QStringLiteral("ap-guangzhou"),
                                QStringLiteral("--flavor"), QStringLiteral("generic") });
        CLI_EXPECT(r, 0);

        r = cli.run(
            { QStringLiteral("instance"), QStringLiteral("list"), QStringLiteral("--json") });
        CLI_EXPECT(r, 0);
        const QJsonArray list = r.jsonArray();
        QCOMPARE(list.size(), 1);
        const QJsonObject i = list.first().toObject();
        QCOMPARE(i.value(QStringLiteral("name")).toString(), QStringLiteral("local"));
        QCOMPARE(i.value(QStringLiteral("url")).toString(), registry.url().toString());
        QCOMPARE(i.value(QStringLiteral("accountId")).toString(), QStringLiteral("acct-1"));
        QCOMPARE(i.value(QStringLiteral("region")).toString(), QStringLiteral("ap-guangzhou"));
        QCOMPARE(i.value(QStringLiteral("flavor")).toString(), QStringLiteral("generic"));
        QCOMPARE(i.value(QStringLiteral("allowHttp")).toBool(), true);
        QCOMPARE(i.value(QStringLiteral("insecureSkipVerify")).toBool(), false);
        QCOMPARE(i.value(QStringLiteral("username")).toString(), QString());
        QVERIFY(i.value(QStringLiteral("id")).toInteger() > 0);

        r = cli.run({ QStringLiteral("instance"), QStringLiteral("list") });
        CLI_EXPECT(r, 0);
        QVERIFY(r.out.contains(QLatin1String("NAME")));
        QVERIFY(r.out.contains(QLatin1String("local")));

        r = cli.run({ QStringLiteral("instance"), QStringLiteral("show"), QStringLiteral("local"),
                      QStringLiteral("--json") });
        CLI_EXPECT(r, 0);
        QCOMPARE(r.jsonObject().value(QStringLiteral("rules")).toArray().size(), 0);
        QVERIFY(r.jsonObject().value(QStringLiteral("passwordStored")).isNull());

        r = cli.run({ QStringLiteral("instance"), QStringLiteral("test"), QStringLiteral("local"),
                      QStringLiteral("--json") });
        CLI_EXPECT(r, 0);
        QJsonObject t = r.jsonObject();
        QCOMPARE(t.value(QStringLiteral("reachable")).toBool(), true);
        QCOMPARE(t.value(QStringLiteral("httpStatus")).toInt(), 200);
        QCOMPARE(t.value(QStringLiteral("authScheme")).toString(), QString());
        QCOMPARE(t.value(QStringLiteral("credentials")).toString(), QStringLiteral("anonymous"));
        QCOMPARE(t.value(QStringLiteral("repositories")).toInt(), 1);
        QVERIFY(t.value(QStringLiteral("error")).isNull());

        r = cli.run(
            { QStringLiteral("instance"), QStringLiteral("test"), QStringLiteral("local") });
        CLI_EXPECT(r, 0);
        QVERIFY2(r.out.contains(QLatin1String("Reachable")) && r.out.contains(QLatin1String("yes")),
                 qPrintable(r.out));

        r = cli.run(
            { QStringLiteral("instance"), QStringLiteral("remove"), QStringLiteral("local") });
        CLI_EXPECT(r, 0);
        r = cli.run(
            { QStringLiteral("instance"), QStringLiteral("list"), QStringLiteral("--json") });
        QCOMPARE(r.jsonArray().size(), 0);
    }

    void basicAuthPasswordInKeychainOnly()
    {
        RegistryFixture registry(RegistryFixture::Mode::BasicAuth);
        QString error;
        QVERIFY2(registry.start(&error), qPrintable(error));
        Cli cli;
        const QString password = registry.password();
        QVERIFY(password.size() >= 8);

        CliResult r = cli.run({ QStringLiteral("instance"), QStringLiteral("add"),
                                QStringLiteral("secured"), QStringLiteral("--url"),
                                registry.url().toString(), QStringLiteral("--ca-file"),
                                registry.caFile(), QStringLiteral("--username"),
                                registry.username(), QStringLiteral("--password-stdin") },
                              password.toUtf8() + "\n");
        CLI_EXPECT(r, 0);
        QVERIFY(!r.out.contains(password) && !r.err.contains(password));

        const QString id = instanceId(cli, QStringLiteral("secured"));
        QCOMPARE(cli.keychainLookup(QStringLiteral("crsync/instance/") + id), password);
        const QByteArray db = cli.databaseBytes();
        QVERIFY(!db.isEmpty());
        QVERIFY2(!db.contains(password.toUtf8()), "the password reached the database");
        QVERIFY(db.contains(registry.username().toUtf8())); // the username is stored, for contrast

        r = cli.run({ QStringLiteral("instance"), QStringLiteral("show"), QStringLiteral("secured"),
                      QStringLiteral("--json") });
        CLI_EXPECT(r, 0);
        QCOMPARE(r.jsonObject().value(QStringLiteral("passwordStored")).toBool(), true);
        QVERIFY(!r.out.contains(password));

        r = cli.run({ QStringLiteral("instance"), QStringLiteral("test"), QStringLiteral("secured"),
                      QStringLiteral("--json") });
        CLI_EXPECT(r, 0);
        QJsonObject t = r.jsonObject();
        QCOMPARE(t.value(QStringLiteral("reachable")).toBool(), true);
        QCOMPARE(t.value(QStringLiteral("authScheme")).toString(), QStringLiteral("basic"));
        QCOMPARE(t.value(QStringLiteral("credentials")).toString(), QStringLiteral("accepted"));
        QCOMPARE(t.value(QStringLiteral("repositories")).toInt(), 0);
        QVERIFY(!r.out.contains(password) && !r.err.contains(password));

        // Removing the instance removes its keychain entry.
        r = cli.run(
            { QStringLiteral("instance"), QStringLiteral("remove"), QStringLiteral("secured") });
        CLI_EXPECT(r, 0);
        QCOMPARE(cli.keychainLookup(QStringLiteral("crsync/instance/") + id), QString());
    }

    void wrongPasswordExits3()
    {
        RegistryFixture registry(RegistryFixture::Mode::BasicAuth);
        QString error;
        QVERIFY2(registry.start(&error), qPrintable(error));
        Cli cli;
        CliResult r = cli.run({ QStringLiteral("instance"), QStringLiteral("add"),
                                QStringLiteral("wrong"), QStringLiteral("--url"),
                                registry.url().toString(), QStringLiteral("--ca-file"),
                                registry.caFile(), QStringLiteral("--username"),
                                registry.username(), QStringLiteral("--password-stdin") },
                              "not-the-password\n");
        CLI_EXPECT(r, 0);
        r = cli.run({ QStringLiteral("instance"), QStringLiteral("test"), QStringLiteral("wrong"),
                      QStringLiteral("--json") });
        CLI_EXPECT(r, 3);
        const QJsonObject t = r.jsonObject();
        QCOMPARE(t.value(QStringLiteral("reachable")).toBool(), true);
        QCOMPARE(t.value(QStringLiteral("credentials")).toString(), QStringLiteral("refused"));
        QVERIFY(!t.value(QStringLiteral("error")).toString().isEmpty());

        r = cli.run(
            { QStringLiteral("instance"), QStringLiteral("test"), QStringLiteral("wrong") });
        CLI_EXPECT(r, 3);
        QVERIFY2(r.err.contains(registry.username()), qPrintable(r.err)); // says whose credentials
    }

    void tokenAuth()
    {
        RegistryFixture registry(RegistryFixture::Mode::TokenAuth);
        QString error;
        QVERIFY2(registry.start(&error), qPrintable(error));
        Cli cli;
        CliResult r = cli.run({ QStringLiteral("instance"), QStringLiteral("add"),
                                QStringLiteral("tokens"), QStringLiteral("--url"),
                                registry.url().toString(), QStringLiteral("--ca-file"),
                                registry.caFile(), QStringLiteral("--username"),
                                registry.username(), QStringLiteral("--password-stdin") },
                              registry.password().toUtf8() + "\n");
        CLI_EXPECT(r, 0);
        r = cli.run({ QStringLiteral("instance"), QStringLiteral("test"), QStringLiteral("tokens"),
                      QStringLiteral("--json") });
        CLI_EXPECT(r, 0);
        QCOMPARE(r.jsonObject().value(QStringLiteral("authScheme")).toString(),
                 QStringLiteral("bearer"));
        QCOMPARE(r.jsonObject().value(QStringLiteral("credentials")).toString(),
                 QStringLiteral("accepted"));

        r = cli.run({ QStringLiteral("instance"), QStringLiteral("add"),
                      QStringLiteral("tokens-wrong"), QStringLiteral("--url"),
                      registry.url().toString(), QStringLiteral("--ca-file"), registry.caFile(),
                      QStringLiteral("--username"), registry.username(),
                      QStringLiteral("--password-stdin") },
                    "nope\n");
        CLI_EXPECT(r, 0);
        r = cli.run({ QStringLiteral("instance"), QStringLiteral("test"),
                      QStringLiteral("tokens-wrong"), QStringLiteral("--json") });
        CLI_EXPECT(r, 3);
        QCOMPARE(r.jsonObject().value(QStringLiteral("credentials")).toString(),
                 QStringLiteral("refused"));
    }

    void unreachableExits3()
    {
        quint16 port = 0;
        {
            QTcpServer probe; // a port nobody listens on once the probe closes
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        Cli cli;
        CliResult r
            = cli.run({ QStringLiteral("instance"), QStringLiteral("add"), QStringLiteral("gone"),
                        QStringLiteral("--url"), QStringLiteral("http://127.0.0.1:%1").arg(port),
                        QStringLiteral("--allow-http") });
        CLI_EXPECT(r, 0);
        r = cli.run({ QStringLiteral("instance"), QStringLiteral("test"), QStringLiteral("gone"),
                      QStringLiteral("--json") });
        CLI_EXPECT(r, 3);
        QCOMPARE(r.jsonObject().value(QStringLiteral("reachable")).toBool(), false);
        QVERIFY(!r.jsonObject().value(QStringLiteral("error")).toString().isEmpty());
        QVERIFY(r.err.contains(QLatin1String("127.0.0.1")));
    }

    void untrustedCertificateExits3()
    {
        RegistryFixture registry(RegistryFixture::Mode::Https);
        QString error;
        QVERIFY2(registry.start(&error), qPrintable(error));
        Cli cli;
        // No --ca-file: the test CA is unknown to the system, so verification fails.
        CliResult r = cli.run({ QStringLiteral("instance"), QStringLiteral("add"),
                                QStringLiteral("selfsigned"), QStringLiteral("--url"),
                                registry.url().toString() });
        CLI_EXPECT(r, 0);
        r = cli.run(
            { QStringLiteral("instance"), QStringLiteral("test"), QStringLiteral("selfsigned") });
        CLI_EXPECT(r, 3);
        // With the CA it works.
        r = cli.run({ QStringLiteral("instance"), QStringLiteral("add"), QStringLiteral("trusted"),
                      QStringLiteral("--url"), registry.url().toString(),
                      QStringLiteral("--ca-file"), registry.caFile() });
        CLI_EXPECT(r, 0);
        r = cli.run(
            { QStringLiteral("instance"), QStringLiteral("test"), QStringLiteral("trusted") });
        CLI_EXPECT(r, 0);
    }

    void noKeychainExits3AndStoresNothing()
    {
        QTemporaryDir busDir;
        Cli cli;
        QProcessEnvironment deadBus;
        deadBus.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                       QStringLiteral("unix:path=%1/no-bus").arg(busDir.path()));
        CliResult r = cli.run({ QStringLiteral("instance"), QStringLiteral("add"),
                                QStringLiteral("nokeychain"), QStringLiteral("--url"),
                                QStringLiteral("https://registry.example.com"),
                                QStringLiteral("--username"), QStringLiteral("alice"),
                                QStringLiteral("--password-stdin") },
                              "hunter2-secret\n", deadBus);
        CLI_EXPECT(r, 3);
        QVERIFY2(r.err.contains(QLatin1String("No keychain is available")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("gnome-keyring")), qPrintable(r.err));
        r = cli.run(
            { QStringLiteral("instance"), QStringLiteral("list"), QStringLiteral("--json") });
        CLI_EXPECT(r, 0);
        QCOMPARE(r.jsonArray().size(), 0);
        QVERIFY(!cli.databaseBytes().contains("hunter2-secret"));
    }
};

QTEST_GUILESS_MAIN(TestCliInstances)
#include "tst_cli_instances.moc"
