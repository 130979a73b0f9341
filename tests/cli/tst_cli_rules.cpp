// `crsync rule ...` end to end: rules between instances of a real registry, cross-account
// credentials in the real Secret Service, logs kept after a delete.
#include "clirunner.h"
#include "registryfixture.h"
#include "store/database.h"
#include "store/taskstore.h"

#include <QDeadlineTimer>
#include <QRegularExpression>
#include <QStandardPaths>

using namespace crsync;
using namespace crsync::test;

class TestCliRules : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RegistryFixture> m_source;
    std::unique_ptr<RegistryFixture> m_target; // Basic auth: the cross-account target

    // Two instances of one account on the plain-HTTP registry, one of another account.
    void addInstances(const Cli &cli)
    {
        const QString url = m_source->url().toString();
        for (const auto &[name, account] :
             { std::pair { "src", "acct-a" }, std::pair { "dst", "acct-a" },
               std::pair { "other", "acct-b" } }) {
            const CliResult r = cli.run({ s("instance"), s("add"), s(name), s("--url"), url,
                                          s("--allow-http"), s("--account"), s(account) });
            CLI_EXPECT(r, 0);
        }
    }

    QJsonObject ruleJson(const Cli &cli, const QString &name)
    {
        const CliResult r = cli.run({ s("rule"), s("show"), name, s("--json") });
        return r.exitCode == 0 ? r.jsonObject() : QJsonObject();
    }

    QString targetKey(const Cli &cli) const
    {
        return cli.targetKey(m_target->url().toString(), m_target->username());
    }

    QStringList crossArgs(const QString &name) const
    {
        return { s("rule"),
                 s("create"),
                 name,
                 s("--source"),
                 s("src"),
                 s("--namespace"),
                 s("team"),
                 s("--target-url"),
                 m_target->url().toString(),
                 s("--target-username"),
                 m_target->username(),
                 s("--target-ca-file"),
                 m_target->caFile() };
    }

    // Runs `crsync --data-dir DIR <command>` on a pseudo-terminal (script(1)) and types `typed`
    // once `prompt` shows. Returns the exit status and everything the terminal showed.
    static std::pair<int, QString> onTerminal(const Cli &cli, const QString &command,
                                              const QString &prompt, const QByteArray &typed)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(s("CRSYNC_KEYCHAIN_SERVICE"), cli.service());
        env.insert(s("LC_ALL"), s("C.UTF-8")); // the prompts are matched in English
        p.setProcessEnvironment(env);
        p.start(s("script"),
                { s("-qec"), s("%1 --data-dir %2 %3").arg(Cli::binary(), cli.dataDir(), command),
                  s("/dev/null") });
        QString seen;
        QDeadlineTimer deadline(30000);
        p.waitForStarted(10000);
        while (!seen.contains(prompt) && !deadline.hasExpired() && p.state() == QProcess::Running) {
            p.waitForReadyRead(200);
            seen += QString::fromUtf8(p.readAll());
        }
        p.write(typed);
        p.waitForFinished(30000);
        seen += QString::fromUtf8(p.readAll());
        return { p.exitCode(), seen };
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!Cli::binary().isEmpty(), "CRSYNC_BINARY is not set (run through ctest)");
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                 "no D-Bus session: run the tests under scripts/with-keyring");
        QString error;
        m_source = std::make_unique<RegistryFixture>(RegistryFixture::Mode::PlainHttp);
        QVERIFY2(m_source->start(&error), qPrintable(error));
        m_target = std::make_unique<RegistryFixture>(RegistryFixture::Mode::BasicAuth);
        QVERIFY2(m_target->start(&error), qPrintable(error));
    }

    void createListShowAsJson()
    {
        Cli cli;
        addInstances(cli);
        const QString description = s("同步到广州 — nightly ✓");
        CliResult r
            = cli.run({ s("rule"),      s("create"),       s("nightly"),    s("--source"),
                        s("src"),       s("--namespace"),  s("team"),       s("--repo-filter"),
                        s("app(-.*)?"), s("--tag-filter"), s("v[0-9]+"),    s("--type"),
                        s("image"),     s("--target"),     s("dst"),        s("--target-namespace"),
                        s("mirror"),    s("--overwrite"),  s("--disabled"), s("--description"),
                        description });
        CLI_EXPECT(r, 0);
        r = cli.run({ s("rule"), s("create"), s("plain"), s("--source"), s("src"), s("--namespace"),
                      s("base"), s("--target"), s("dst") });
        CLI_EXPECT(r, 0);

        r = cli.run({ s("rule"), s("list"), s("--json") });
        CLI_EXPECT(r, 0);
        const QJsonArray rules = r.jsonArray();
        QCOMPARE(rules.size(), 2);
        const QJsonObject n = rules.at(0).toObject(); // ordered by name
        QCOMPARE(n.value(s("name")).toString(), s("nightly"));
        QCOMPARE(n.value(s("description")).toString(), description);
        QCOMPARE(n.value(s("source")).toString(), s("src"));
        QCOMPARE(n.value(s("sourceNamespace")).toString(), s("team"));
        QCOMPARE(n.value(s("repositoryFilter")).toString(), s("app(-.*)?"));
        QCOMPARE(n.value(s("tagFilter")).toString(), s("v[0-9]+"));
        QCOMPARE(n.value(s("resourceType")).toString(), s("image"));
        QCOMPARE(n.value(s("crossAccount")).toBool(), false);
        QCOMPARE(n.value(s("target")).toString(), s("dst"));
        QCOMPARE(n.value(s("targetUrl")).toString(), m_source->url().toString());
        QCOMPARE(n.value(s("targetNamespace")).toString(), s("mirror"));
        QCOMPARE(n.value(s("effectiveTargetNamespace")).toString(), s("mirror"));
        QCOMPARE(n.value(s("overwrite")).toBool(), true);
        QCOMPARE(n.value(s("withReferrers")).toBool(), true);
        QCOMPARE(n.value(s("enabled")).toBool(), false);
        QVERIFY(n.value(s("id")).toInteger() > 0);
        QVERIFY(n.value(s("targetFlavor")).isNull());

        const QJsonObject p = rules.at(1).toObject();
        QCOMPARE(p.value(s("name")).toString(), s("plain"));
        // Defaults of the form: overwrite off, referrers on, enabled on, all types, same target
        // namespace.
        QCOMPARE(p.value(s("overwrite")).toBool(), false);
        QCOMPARE(p.value(s("withReferrers")).toBool(), true);
        QCOMPARE(p.value(s("enabled")).toBool(), true);
        QCOMPARE(p.value(s("resourceType")).toString(), s("all"));
        QCOMPARE(p.value(s("targetNamespace")).toString(), QString());
        QCOMPARE(p.value(s("effectiveTargetNamespace")).toString(), s("base"));
        QCOMPARE(p.value(s("repositoryFilter")).toString(), QString());

        // The human table has a header and a row per rule, the Chinese text intact.
        r = cli.run({ s("rule"), s("list") });
        CLI_EXPECT(r, 0);
        QCOMPARE(r.out.trimmed().split(QLatin1Char('\n')).size(), 3);
        QVERIFY(r.out.contains(description));

        // show --json is the list entry plus the rules sharing its credentials.
        QJsonObject expected = n;
        expected.insert(s("sharedCredentialsWith"), QJsonArray());
        QCOMPARE(ruleJson(cli, s("nightly")), expected);

        r = cli.run({ s("rule"), s("show"), s("nightly") });
        CLI_EXPECT(r, 0);
        QVERIFY(r.out.contains(s("mirror")));
        QVERIFY(r.out.contains(description));
    }

    void editEveryFieldAndToggle()
    {
        Cli cli;
        addInstances(cli);
        CliResult r = cli.run({ s("rule"), s("create"), s("r1"), s("--source"), s("src"),
                                s("--namespace"), s("team"), s("--target"), s("dst"),
                                s("--tag-filter"), s("v.*"), s("--overwrite") });
        CLI_EXPECT(r, 0);
        r = cli.run({ s("rule"),       s("edit"),          s("r1"),    s("--name"),
                      s("r1-renamed"), s("--source"),      s("dst"),   s("--namespace"),
                      s("ops"),        s("--target"),      s("src"),   s("--target-namespace"),
                      s("ops-copy"),   s("--tag-filter"),  QString(),  s("--repo-filter"),
                      s("tools/.*"),   s("--type"),        s("chart"), s("--no-overwrite"),
                      s("--disabled"), s("--description"), s("编辑过") });
        CLI_EXPECT(r, 0);
        QVERIFY(ruleJson(cli, s("r1")).isEmpty());
        QJsonObject j = ruleJson(cli, s("r1-renamed"));
        QCOMPARE(j.value(s("source")).toString(), s("dst"));
        QCOMPARE(j.value(s("target")).toString(), s("src"));
        QCOMPARE(j.value(s("sourceNamespace")).toString(), s("ops"));
        QCOMPARE(j.value(s("targetNamespace")).toString(), s("ops-copy"));
        QCOMPARE(j.value(s("tagFilter")).toString(), QString());
        QCOMPARE(j.value(s("repositoryFilter")).toString(), s("tools/.*"));
        QCOMPARE(j.value(s("resourceType")).toString(), s("chart"));
        QCOMPARE(j.value(s("overwrite")).toBool(), false);
        QCOMPARE(j.value(s("enabled")).toBool(), false);
        QCOMPARE(j.value(s("description")).toString(), s("编辑过"));

        r = cli.run({ s("rule"), s("enable"), s("r1-renamed") });
        CLI_EXPECT(r, 0);
        QCOMPARE(ruleJson(cli, s("r1-renamed")).value(s("enabled")).toBool(), true);
        r = cli.run({ s("rule"), s("disable"), s("r1-renamed") });
        CLI_EXPECT(r, 0);
        QCOMPARE(ruleJson(cli, s("r1-renamed")).value(s("enabled")).toBool(), false);
        r = cli.run({ s("rule"), s("edit"), s("r1-renamed"), s("--enabled") });
        CLI_EXPECT(r, 0);
        QCOMPARE(ruleJson(cli, s("r1-renamed")).value(s("enabled")).toBool(), true);
        // Fields not named by an edit stay as they were.
        QCOMPARE(ruleJson(cli, s("r1-renamed")).value(s("repositoryFilter")).toString(),
                 s("tools/.*"));
    }

    // --with-referrers / --no-referrers: on by default, either way on create and edit, both at
    // once refused; rule show and list say it; log show gives each artifact's count.
    void referrersOption()
    {
        Cli cli;
        addInstances(cli);
        auto create = [](const char *name, const QStringList &flags) {
            return QStringList { s("rule"),     s("create"),   s(name),
                                 s("--source"), s("src"),      s("--namespace"),
                                 s("team"),     s("--target"), s("dst") }
            + flags;
        };
        CliResult r = cli.run(create("signed", { s("--no-referrers") }));
        CLI_EXPECT(r, 0);
        QCOMPARE(ruleJson(cli, s("signed")).value(s("withReferrers")).toBool(), false);
        r = cli.run({ s("rule"), s("show"), s("signed") });
        CLI_EXPECT(r, 0);
        QVERIFY2(r.out.contains(QRegularExpression(s("\\nSignatures and SBOMs: +no\\n"))),
                 qPrintable(r.out));

        // Edit: only the flag given changes it; the other fields stay.
        r = cli.run({ s("rule"), s("edit"), s("signed"), s("--tag-filter"), s("v.*") });
        CLI_EXPECT(r, 0);
        QCOMPARE(ruleJson(cli, s("signed")).value(s("withReferrers")).toBool(), false);
        r = cli.run({ s("rule"), s("edit"), s("signed"), s("--with-referrers") });
        CLI_EXPECT(r, 0);
        QJsonObject j = ruleJson(cli, s("signed"));
        QCOMPARE(j.value(s("withReferrers")).toBool(), true);
        QCOMPARE(j.value(s("tagFilter")).toString(), s("v.*"));
        r = cli.run({ s("rule"), s("show"), s("signed") });
        CLI_EXPECT(r, 0);
        QVERIFY2(r.out.contains(QRegularExpression(s("\\nSignatures and SBOMs: +yes\\n"))),
                 qPrintable(r.out));
        r = cli.run({ s("rule"), s("edit"), s("signed"), s("--no-referrers") });
        CLI_EXPECT(r, 0);
        QCOMPARE(ruleJson(cli, s("signed")).value(s("withReferrers")).toBool(), false);

        // Both at once: refused naming the flag, on create and on edit, nothing changed.
        r = cli.run(
            { s("rule"), s("edit"), s("signed"), s("--with-referrers"), s("--no-referrers") });
        CLI_EXPECT(r, 2);
        QVERIFY2(r.err.contains(s("--with-referrers")) && r.err.contains(s("contradict")),
                 qPrintable(r.err));
        QCOMPARE(ruleJson(cli, s("signed")).value(s("withReferrers")).toBool(), false);
        r = cli.run(create("both", { s("--with-referrers"), s("--no-referrers") }));
        CLI_EXPECT(r, 2);
        QVERIFY2(r.err.contains(s("--with-referrers")), qPrintable(r.err));
        QVERIFY(ruleJson(cli, s("both")).isEmpty());
        r = cli.run(create("both", { s("--with-referrers") }));
        CLI_EXPECT(r, 0);
        QCOMPARE(ruleJson(cli, s("both")).value(s("withReferrers")).toBool(), true);

        // The list has a column for it: "both" says yes, "signed" no.
        r = cli.run({ s("rule"), s("list") });
        CLI_EXPECT(r, 0);
        const QStringList lines = r.out.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 3);
        const qsizetype column = lines[0].indexOf(s("REFERRERS"));
        QVERIFY2(column > 0, qPrintable(r.out));
        QVERIFY2(lines[1].mid(column).startsWith(s("yes")), qPrintable(r.out));
        QVERIFY2(lines[2].mid(column).startsWith(s("no")), qPrintable(r.out));

        // log show: an artifact with its signatures and SBOMs, one without, as the engine
        // records them.
        qint64 taskId = 0;
        {
            auto db = Database::open(cli.databaseFile());
            QVERIFY2(db.ok(), db.ok() ? "" : qPrintable(db.error().message));
            TaskStore tasks(**db);
            Task t;
            t.ruleId = j.value(s("id")).toInteger();
            t.ruleName = s("signed");
            t.status = TaskStatus::Succeeded;
            const Result<Task> created = tasks.create(t);
            QVERIFY(created.ok());
            taskId = created->id;
            TaskItem signedItem;
            signedItem.sourceRepository = s("team/web");
            signedItem.targetRepository = s("team/web");
            signedItem.tag = s("v1");
            signedItem.kind = s("image");
            signedItem.outcome = TaskItem::Outcome::Copied;
            signedItem.referrers = 3;
            TaskItem plainItem = signedItem;
            plainItem.tag = s("v2");
            plainItem.referrers = 0;
            QVERIFY(tasks.addItems(taskId, { signedItem, plainItem }).ok());
        }
        r = cli.run({ s("log"), s("show"), QString::number(taskId), s("--json") });
        CLI_EXPECT(r, 0);
        const QJsonArray items = r.jsonObject().value(s("items")).toArray();
        QCOMPARE(items.size(), 2);
        QCOMPARE(items.at(0).toObject().value(s("referrers")).toInt(), 3);
        QCOMPARE(items.at(1).toObject().value(s("referrers")).toInt(), 0);
        r = cli.run({ s("log"), s("show"), QString::number(taskId) });
        CLI_EXPECT(r, 0);
        QVERIFY2(r.out.contains(s("image + 3 signatures/SBOMs")), qPrintable(r.out));
        QCOMPARE(r.out.count(s("signatures/SBOMs")), 1); // not for the artifact without any
    }

    void crossAccountCredentialsLifecycle()
    {
        Cli cli;
        addInstances(cli);
        const QString password = m_target->password();
        // The first rule brings the password on stdin; it goes to the keychain, not the database.
        CliResult r
            = cli.run(crossArgs(s("x1")) << s("--target-password-stdin"), password.toUtf8() + "\n");
        CLI_EXPECT(r, 0);
        QCOMPARE(cli.keychainLookup(targetKey(cli)), password);
        QVERIFY2(!cli.databaseBytes().contains(password.toUtf8()),
                 "the password reached the database");
        QJsonObject j = ruleJson(cli, s("x1"));
        QCOMPARE(j.value(s("crossAccount")).toBool(), true);
        QVERIFY(j.value(s("target")).isNull());
        QCOMPARE(j.value(s("targetUrl")).toString(), m_target->url().toString());
        QCOMPARE(j.value(s("targetUsername")).toString(), m_target->username());
        QCOMPARE(j.value(s("targetFlavor")).toString(), s("generic"));
        QCOMPARE(j.value(s("targetCaFile")).toString(), m_target->caFile());
        QVERIFY(!ruleJson(cli, s("x1")).contains(s("password")));

        // A second rule for the same target and user finds the credentials in the keychain.
        r = cli.run(crossArgs(s("x2")));
        CLI_EXPECT(r, 0);
        QCOMPARE(ruleJson(cli, s("x2")).value(s("sharedCredentialsWith")).toArray(),
                 QJsonArray { s("x1") });

        // Newer credentials for the same target replace them for both rules.
        r = cli.run({ s("rule"), s("edit"), s("x2"), s("--target-password-stdin") },
                    "a-newer-password\n");
        CLI_EXPECT(r, 0);
        QVERIFY2(r.out.contains(s("x1")), qPrintable(r.out)); // says the other rule is affected
        QCOMPARE(cli.keychainLookup(targetKey(cli)), s("a-newer-password"));
        QVERIFY(!cli.databaseBytes().contains("a-newer-password"));

        // Deleting one rule keeps the credentials the other still uses...
        r = cli.run({ s("rule"), s("delete"), s("x1"), s("--yes") });
        CLI_EXPECT(r, 0);
        QCOMPARE(cli.keychainLookup(targetKey(cli)), s("a-newer-password"));
        // ...deleting the last one removes them.
        r = cli.run({ s("rule"), s("delete"), s("x2"), s("--yes") });
        CLI_EXPECT(r, 0);
        QCOMPARE(cli.keychainLookup(targetKey(cli)), QString());
    }

    void switchingToSameAccountForgetsUnusedCredentials()
    {
        Cli cli;
        addInstances(cli);
        CliResult r = cli.run(crossArgs(s("x")) << s("--target-password-stdin"), "pw-switch\n");
        CLI_EXPECT(r, 0);
        QCOMPARE(cli.keychainLookup(targetKey(cli)), s("pw-switch"));
        r = cli.run({ s("rule"), s("edit"), s("x"), s("--target"), s("dst") });
        CLI_EXPECT(r, 0);
        const QJsonObject j = ruleJson(cli, s("x"));
        QCOMPARE(j.value(s("crossAccount")).toBool(), false);
        QCOMPARE(j.value(s("target")).toString(), s("dst"));
        QCOMPARE(j.value(s("targetUsername")).toString(), QString());
        QCOMPARE(cli.keychainLookup(targetKey(cli)), QString());
    }

    void deleteKeepsLogsAndAsksFirst()
    {
        Cli cli;
        addInstances(cli);
        CliResult r = cli.run({ s("rule"), s("create"), s("logged"), s("--source"), s("src"),
                                s("--namespace"), s("team"), s("--target"), s("dst") });
        CLI_EXPECT(r, 0);
        const qint64 ruleId = ruleJson(cli, s("logged")).value(s("id")).toInteger();
        {
            // Two finished runs in the sync log, written as the engine would.
            auto db = Database::open(cli.databaseFile());
            QVERIFY2(db.ok(), db.ok() ? "" : qPrintable(db.error().message));
            TaskStore tasks(**db);
            for (int i = 0; i < 2; ++i) {
                Task t;
                t.ruleId = ruleId;
                t.ruleName = s("logged");
                t.status = TaskStatus::Succeeded;
                QVERIFY(tasks.create(t).ok());
            }
        }

        // Non-interactive without --yes: refused, nothing deleted.
        r = cli.run({ s("rule"), s("delete"), s("logged") });
        CLI_EXPECT(r, 2);
        QVERIFY2(r.err.contains(s("--yes")), qPrintable(r.err));
        QVERIFY(!ruleJson(cli, s("logged")).isEmpty());

        r = cli.run({ s("rule"), s("delete"), s("logged"), s("--yes") });
        CLI_EXPECT(r, 0);
        QVERIFY(ruleJson(cli, s("logged")).isEmpty());
        r = cli.run({ s("rule"), s("show"), s("logged") });
        CLI_EXPECT(r, 2);

        auto db = Database::open(cli.databaseFile());
        QVERIFY(db.ok());
        TaskFilter filter;
        filter.ruleName = s("logged");
        auto kept = TaskStore(**db).count(filter);
        QVERIFY(kept.ok());
        QCOMPARE(*kept, 2);
    }

    void deleteAsksOnATerminal()
    {
        if (QStandardPaths::findExecutable(s("script")).isEmpty())
            QFAIL("script (util-linux) is needed to give crsync a terminal");
        Cli cli;
        addInstances(cli);
        CLI_EXPECT(cli.run({ s("rule"), s("create"), s("asked"), s("--source"), s("src"),
                             s("--namespace"), s("team"), s("--target"), s("dst") }),
                   0);
        auto answer = [&](const QByteArray &typed) {
            return onTerminal(cli, s("rule delete asked"), s("[y/N]"), typed);
        };
        auto [declined, text] = answer("n\n");
        QVERIFY2(text.contains(s("Delete rule \"asked\"?")), qPrintable(text));
        // Declining is an answer, not a failure: nothing deleted, status 0.
        QVERIFY2(declined == 0 && text.contains(s("Nothing deleted.")), qPrintable(text));
        QVERIFY(!ruleJson(cli, s("asked")).isEmpty());
        auto [accepted, text2] = answer("y\n");
        QCOMPARE(accepted, 0);
        QVERIFY(ruleJson(cli, s("asked")).isEmpty());
    }

    void passwordPromptOnTerminalDoesNotEcho()
    {
        if (QStandardPaths::findExecutable(s("script")).isEmpty())
            QFAIL("script (util-linux) is needed to give crsync a terminal");
        Cli cli;
        addInstances(cli);
        const QStringList args = crossArgs(s("typed")).mid(0) << s("--target-password-stdin");
        auto [status, shown]
            = onTerminal(cli, args.join(QLatin1Char(' ')), s("Password for"), "typed-on-tty\n");
        QVERIFY2(status == 0, qPrintable(shown));
        QVERIFY2(!shown.contains(s("typed-on-tty")), qPrintable(shown)); // echo was off
        QCOMPARE(cli.keychainLookup(targetKey(cli)), s("typed-on-tty"));
    }

    void noKeychainChangesNothing()
    {
        Cli cli;
        addInstances(cli);
        CLI_EXPECT(cli.run(crossArgs(s("kept")) << s("--target-password-stdin"), "kept-password\n"),
                   0);
        const QString rulesBefore = cli.run({ s("rule"), s("list"), s("--json") }).out;
        QTemporaryDir busDir;
        QProcessEnvironment deadBus;
        deadBus.insert(s("DBUS_SESSION_BUS_ADDRESS"), s("unix:path=%1/no-bus").arg(busDir.path()));

        // A new cross-account rule needs the keychain: refused with status 3, nothing stored.
        CliResult r = cli.run(crossArgs(s("new")) << s("--target-password-stdin"), "new-password\n",
                              deadBus);
        CLI_EXPECT(r, 3);
        QVERIFY2(r.err.contains(s("No keychain is available")), qPrintable(r.err));
        // Deleting the rule cannot remove its credentials: refused, the rule stays.
        r = cli.run({ s("rule"), s("delete"), s("kept"), s("--yes") }, {}, deadBus);
        CLI_EXPECT(r, 3);
        // Editing fields other than the credentials does not need the keychain.
        r = cli.run(
            { s("rule"), s("edit"), s("kept"), s("--description"), s("no keychain needed") }, {},
            deadBus);
        CLI_EXPECT(r, 0);

        QJsonArray after
            = QJsonDocument::fromJson(cli.run({ s("rule"), s("list"), s("--json") }).out.toUtf8())
                  .array();
        QJsonArray before = QJsonDocument::fromJson(rulesBefore.toUtf8()).array();
        QCOMPARE(after.size(), 1);
        QJsonObject edited = after.first().toObject();
        QCOMPARE(edited.value(s("description")).toString(), s("no keychain needed"));
        edited.insert(s("description"), before.first().toObject().value(s("description")));
        QCOMPARE(edited, before.first().toObject());
        QCOMPARE(cli.keychainLookup(targetKey(cli)), s("kept-password"));
        QVERIFY(!cli.databaseBytes().contains("new-password"));
    }

    void removingUsedInstanceIsRefused()
    {
        Cli cli;
        addInstances(cli);
        for (const char *name : { "uses-a", "uses-b" }) {
            const CliResult r = cli.run({ s("rule"), s("create"), s(name), s("--source"), s("src"),
                                          s("--namespace"), s("team"), s("--target"), s("dst") });
            CLI_EXPECT(r, 0);
        }
        CliResult r = cli.run({ s("instance"), s("remove"), s("dst") });
        CLI_EXPECT(r, 2);
        QVERIFY2(r.err.contains(s("uses-a")) && r.err.contains(s("uses-b")), qPrintable(r.err));
        r = cli.run({ s("instance"), s("show"), s("dst"), s("--json") });
        CLI_EXPECT(r, 0);
        QCOMPARE(r.jsonObject().value(s("rules")).toArray().size(), 2);

        // Once the rules are gone, the removal goes through.
        for (const char *name : { "uses-a", "uses-b" })
            CLI_EXPECT(cli.run({ s("rule"), s("delete"), s(name), s("--yes") }), 0);
        CLI_EXPECT(cli.run({ s("instance"), s("remove"), s("dst") }), 0);
    }
};

QTEST_GUILESS_MAIN(TestCliRules)
#include "tst_cli_rules.moc"
