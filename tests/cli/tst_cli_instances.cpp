// `crsync instance ...` end to end: the real binary against real docker-registry instances, the
// real Secret Service (scripts/with-keyring), a fresh data dir and keychain service per test.
#include "clirunner.h"
#include "ocilayout.h"
#include "registryfixture.h"

#include <QHostAddress>
#include <QStandardPaths>
#include <QTcpServer>
#include <unistd.h>

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

    void messagesFollowAChineseLocale()
    {
        // With a zh_CN locale the command line speaks Chinese: help headings (also the ones
        // QCommandLineParser prints), empty listings, errors, table headings and status values.
        // Flags, commands and JSON stay as they are.
        QProcessEnvironment zh;
        zh.insert(s("LANG"), s("zh_CN.UTF-8"));
        zh.insert(s("LC_ALL"), s("zh_CN.UTF-8"));
        zh.insert(s("LANGUAGE"), s("zh_CN"));
        Cli cli;
        auto run = [&](const QStringList &args) { return cli.run(args, {}, zh); };

        CliResult r = run({ s("instance"), s("add"), s("--help") });
        CLI_EXPECT(r, 0);
        QVERIFY2(r.out.startsWith(s("用法：crsync instance add NAME --url URL")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(s("\n选项：\n")), qPrintable(r.out));
        QVERIFY2(!r.out.contains(s("Options:")) && !r.out.contains(s("Usage:")), qPrintable(r.out));
        QVERIFY2(r.out.contains(s("钥匙串")), qPrintable(r.out));
        for (const char *flag : { "--url", "--password-stdin", "--allow-http", "--data-dir" })
            QVERIFY2(r.out.contains(QLatin1String(flag)), flag);

        r = run({ s("--help") });
        CLI_EXPECT(r, 0);
        for (const char *heading : { "命令组：", "全局选项：", "退出状态：" })
            QVERIFY2(r.out.contains(s(heading)), qPrintable(r.out));
        QVERIFY2(!r.out.contains(s("Exit status")), qPrintable(r.out));

        // Nothing stored yet.
        r = run({ s("log") });
        CLI_EXPECT(r, 0);
        QCOMPARE(r.out.trimmed(), s("还没有任务。“crsync sync NAME”可触发同步。"));
        r = run({ s("rule"), s("list") });
        CLI_EXPECT(r, 0);
        QCOMPARE(r.out.trimmed(), s("还没有同步规则。可用“crsync rule create”创建。"));
        r = run({ s("rule"), s("show"), s("nosuch") });
        CLI_EXPECT(r, 2);
        QVERIFY2(r.err.contains(s("不存在名为“nosuch”的同步规则")), qPrintable(r.err));
        r = run({ s("log"), s("--status"), s("Bogus") });
        CLI_EXPECT(r, 2);
        QVERIFY2(r.err.contains(s("“Bogus”不是有效的任务状态")), qPrintable(r.err));

        // A rule between two instances nobody listens on: the listing needs no registry, and a
        // sync fails at once, which gives the log a task with a status to show.
        QList<quint16> ports;
        {
            QTcpServer probes[2]; // two ports nobody listens on once the probes close
            for (QTcpServer &probe : probes) {
                QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
                ports << probe.serverPort();
            }
        }
        for (int i = 0; i < 2; ++i) {
            r = run({ s("instance"), s("add"), i == 0 ? s("src") : s("dst"), s("--url"),
                      s("http://127.0.0.1:%1").arg(ports[i]), s("--allow-http") });
            CLI_EXPECT(r, 0);
            QVERIFY2(r.out.contains(s("已添加")), qPrintable(r.out));
        }
        r = run({ s("rule"), s("create"), s("r1"), s("--source"), s("src"), s("--namespace"),
                  s("team"), s("--target"), s("dst") });
        CLI_EXPECT(r, 0);
        QCOMPARE(r.out.trimmed(), s("同步规则“r1”已创建。"));
        r = run({ s("rule"), s("list") });
        CLI_EXPECT(r, 0);
        for (const char *text : { "名称", "源实例", "目标实例", "仓库类型", "镜像覆盖", "全部" })
            QVERIFY2(r.out.contains(s(text)), qPrintable(r.out));
        QVERIFY2(!r.out.contains(s("NAME")) && !r.out.contains(s("SOURCE")), qPrintable(r.out));

        r = run({ s("sync"), s("r1"), s("--wait") });
        CLI_EXPECT(r, 3);
        QVERIFY2(r.out.contains(s("任务 1 失败：")), qPrintable(r.out));
        r = run({ s("log") });
        CLI_EXPECT(r, 0);
        for (const char *text : { "任务ID", "同步状态", "触发方式", "失败", "手动" })
            QVERIFY2(r.out.contains(s(text)), qPrintable(r.out));
        QVERIFY2(!r.out.contains(s("Failed")) && !r.out.contains(s("manual")), qPrintable(r.out));
        // JSON is for scripts: keys and values stay English.
        r = run({ s("log"), s("--json") });
        CLI_EXPECT(r, 0);
        const QJsonObject task = r.jsonArray().at(0).toObject();
        QCOMPARE(task.value(s("status")).toString(), s("Failed"));
        QCOMPARE(task.value(s("trigger")).toString(), s("manual"));
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
        QCOMPARE(cli.keychainLookup(cli.instanceKey(id)), password);
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
        QCOMPARE(cli.keychainLookup(cli.instanceKey(id)), QString());
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
        // The reason and what to do are in the report itself, not only on stderr.
        QVERIFY2(r.out.contains(QLatin1String("certificate")) && r.out.contains(QLatin1String("CA file")),
                 qPrintable(r.out));
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
        // It says what it was about to do, not which internal entry it probed.
        QVERIFY2(r.err.contains(QLatin1String("store the password of instance \"nokeychain\"")),
                 qPrintable(r.err));
        QVERIFY2(!r.err.contains(QLatin1String("instance/0")) && !r.err.contains(QLatin1String("probe")),
                 qPrintable(r.err));
        r = cli.run(
            { QStringLiteral("instance"), QStringLiteral("list"), QStringLiteral("--json") });
        CLI_EXPECT(r, 0);
        QCOMPARE(r.jsonArray().size(), 0);
        QVERIFY(!cli.databaseBytes().contains("hunter2-secret"));
    }

    void editEveryFieldWhileRulesUseIt()
    {
        RegistryFixture registry(RegistryFixture::Mode::BasicAuth);
        QString error;
        QVERIFY2(registry.start(&error), qPrintable(error));
        Cli cli;
        auto run = [&cli](QStringList args, const QByteArray &input = {}) {
            return cli.run(args, input);
        };
        // Added with the wrong password and without its CA; a rule uses it at once.
        CLI_EXPECT(run({ "instance", "add", "reg", "--url", registry.url().toString(), "--username",
                         registry.username(), "--password-stdin" },
                       "wrong\n"),
                   0);
        CLI_EXPECT(run({ "rule", "create", "uses", "--source", "reg", "--namespace", "team",
                         "--target", "reg", "--target-namespace", "copy" }),
                   0);
        CLI_EXPECT(run({ "instance", "test", "reg" }), 3);
        // The CA file, then the password: each one edit, the rule still in place.
        CLI_EXPECT(run({ "instance", "edit", "reg", "--ca-file", registry.caFile() }), 0);
        CliResult r = run({ "instance", "test", "reg", "--json" });
        CLI_EXPECT(r, 3);
        QCOMPARE(r.jsonObject().value("credentials").toString(), QStringLiteral("refused"));
        r = run({ "instance", "edit", "reg", "--password-stdin" }, registry.password().toUtf8() + "\n");
        CLI_EXPECT(r, 0);
        QCOMPARE(cli.keychainLookup(cli.instanceKey(instanceId(cli, "reg"))), registry.password());
        CLI_EXPECT(run({ "instance", "test", "reg" }), 0);
        // Other fields; the password stays when not retyped.
        CLI_EXPECT(run({ "instance", "edit", "reg", "--region", "ap-shanghai", "--account", "acct",
                         "--flavor", "harbor", "--name", "renamed" }),
                   0);
        const QJsonObject shown = run({ "instance", "show", "renamed", "--json" }).jsonObject();
        QCOMPARE(shown.value("region").toString(), QStringLiteral("ap-shanghai"));
        QCOMPARE(shown.value("flavor").toString(), QStringLiteral("harbor"));
        QCOMPARE(shown.value("passwordStored").toBool(), true);
        QCOMPARE(shown.value("rules").toArray().size(), 1);
        CLI_EXPECT(run({ "instance", "test", "renamed" }), 0);
        // Going anonymous removes the password from the keychain.
        CLI_EXPECT(run({ "instance", "edit", "renamed", "--username", "" }), 0);
        QCOMPARE(cli.keychainLookup(cli.instanceKey(instanceId(cli, "renamed"))), QString());
    }

    void lostPasswordPointsToEdit()
    {
        RegistryFixture registry(RegistryFixture::Mode::BasicAuth);
        QString error;
        QVERIFY2(registry.start(&error), qPrintable(error));
        Cli cli;
        CLI_EXPECT(cli.run({ "instance", "add", "reg", "--url", registry.url().toString(),
                             "--ca-file", registry.caFile(), "--username", registry.username(),
                             "--password-stdin" },
                           registry.password().toUtf8() + "\n"),
                   0);
        const QString key = cli.instanceKey(instanceId(cli, "reg"));
        QProcess clear;
        clear.start("secret-tool", { "clear", "server", cli.service(), "user", key });
        QVERIFY(clear.waitForFinished(10000));
        QVERIFY(cli.keychainLookup(key).isEmpty());
        const CliResult r = cli.run({ "instance", "show", "reg" });
        CLI_EXPECT(r, 0);
        QVERIFY2(r.out.contains("crsync instance edit reg --password-stdin"), qPrintable(r.out));
        QVERIFY2(!r.out.contains("remove and add"), qPrintable(r.out));
    }

    void bareCrsyncWithoutDisplaySaysSo()
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : { "DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM" })
            env.remove(name);
        env.insert("LC_ALL", "C.UTF-8");
        p.setProcessEnvironment(env);
        p.start(Cli::binary(), {});
        QVERIFY(p.waitForFinished(30000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitStatus(), QProcess::NormalExit); // no abort
        QCOMPARE(p.exitCode(), 2);
        QVERIFY2(err.contains("no display") && err.contains("crsync --help"), qPrintable(err));
        QVERIFY2(!err.contains("Reinstalling"), qPrintable(err));
    }

    void readOnlyDatabaseCanBeRead()
    {
        // The data dir belongs to someone else; this user may only read it.
        Cli cli;
        CLI_EXPECT(cli.run({ "instance", "add", "reg", "--url", "https://r.example.com" }), 0);
        CLI_EXPECT(cli.run({ "rule", "create", "r", "--source", "reg", "--namespace", "team",
                             "--target", "reg", "--target-namespace", "copy" }),
                   0);
        const QString dir = cli.dataDir();
        QStringList asReader;
        if (::geteuid() == 0) {
            // Root may write anything, so the reader is "nobody", and the files stay root's.
            if (QStandardPaths::findExecutable("setpriv").isEmpty())
                QFAIL("setpriv (util-linux) is needed to read the data dir as another user");
            asReader = { "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups" };
            QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                                      | QFile::ReadOther | QFile::ExeOther);
            for (const QString &f : QDir(dir).entryList(QDir::Files))
                QFile::setPermissions(QDir(dir).filePath(f),
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
            // The temporary dir's parent must let "nobody" through.
            QFile::setPermissions(QFileInfo(dir).path(),
                                  QFileInfo(QFileInfo(dir).path()).permissions() | QFile::ExeOther);
        } else {
            QFile::setPermissions(dir, QFile::ReadOwner | QFile::ExeOwner);
            for (const QString &f : QDir(dir).entryList(QDir::Files))
                QFile::setPermissions(QDir(dir).filePath(f), QFile::ReadOwner);
        }
        auto run = [&](const QStringList &args) {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert("LC_ALL", "C.UTF-8");
            env.insert("HOME", "/tmp");
            env.insert("CRSYNC_KEYCHAIN_SERVICE", cli.service());
            p.setProcessEnvironment(env);
            QStringList all = asReader;
            all << Cli::binary() << "--data-dir" << dir << args;
            p.start(all.takeFirst(), all);
            p.waitForFinished(30000);
            return std::pair { p.exitCode(),
                               QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError()) };
        };
        auto [listed, listText] = run({ "rule", "list", "--json" });
        QVERIFY2(listed == 0 && listText.contains("\"name\": \"r\""), qPrintable(listText));
        auto [logged, logText] = run({ "log" });
        QVERIFY2(logged == 0, qPrintable(logText));
        auto [shown, shownText] = run({ "instance", "list" });
        QVERIFY2(shown == 0 && shownText.contains("reg"), qPrintable(shownText));
        // Writing says why it cannot.
        auto [written, writeText] = run({ "rule", "disable", "r" });
        QVERIFY2(written != 0 && writeText.contains("readonly", Qt::CaseInsensitive), qPrintable(writeText));
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
};

QTEST_GUILESS_MAIN(TestCliInstances)
#include "tst_cli_instances.moc"
