// Every bad input to `crsync instance|rule ...` is refused with exit status 2, a message naming
// the flag, and nothing stored: the listings, the database and the keychain are unchanged.
#include "clirunner.h"
#include "registryfixture.h"

using namespace crsync::test;

class TestCliInvalid : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RegistryFixture> m_registry;
    std::unique_ptr<Cli> m_cli;
    QString m_instances; // baseline listings (JSON text)
    QString m_rules;
    QString m_crossKey;
    QString m_dstKey;

    QString url() const { return m_registry->url().toString(); }

    QStringList keychainEntries() const
    {
        QProcess p;
        p.start(s("secret-tool"), { s("search"), s("--all"), s("server"), m_cli->service() });
        p.waitForFinished(10000);
        QStringList lines = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError())
                                .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QStringList keep;
        for (const QString &l : lines)
            if (l.startsWith(s("secret = ")) || l.startsWith(s("attribute.user = ")))
                keep << l;
        keep.sort();
        return keep;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!Cli::binary().isEmpty(), "CRSYNC_BINARY is not set (run through ctest)");
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                 "no D-Bus session: run the tests under scripts/with-keyring");
        QString error;
        m_registry = std::make_unique<RegistryFixture>(RegistryFixture::Mode::PlainHttp);
        QVERIFY2(m_registry->start(&error), qPrintable(error));
        m_cli = std::make_unique<Cli>();

        // Baseline: src and dst of one account (dst with a password), other of another account,
        // a same-account rule and a cross-account rule with keychain credentials.
        CLI_EXPECT(m_cli->run({ s("instance"), s("add"), s("src"), s("--url"), url(),
                                s("--allow-http"), s("--account"), s("a") }),
                   0);
        CLI_EXPECT(m_cli->run({ s("instance"), s("add"), s("dst"), s("--url"), url(),
                                s("--allow-http"), s("--account"), s("a"), s("--username"),
                                s("alice"), s("--password-stdin") },
                              "dst-password\n"),
                   0);
        CLI_EXPECT(m_cli->run({ s("instance"), s("add"), s("other"), s("--url"), url(),
                                s("--allow-http"), s("--account"), s("b") }),
                   0);
        CLI_EXPECT(m_cli->run({ s("rule"), s("create"), s("existing"), s("--source"), s("src"),
                                s("--namespace"), s("team"), s("--target"), s("dst") }),
                   0);
        CLI_EXPECT(m_cli->run({ s("rule"), s("create"), s("crossed"), s("--source"), s("src"),
                                s("--namespace"), s("team"), s("--target-url"),
                                s("https://target.example.com"), s("--target-username"), s("bob"),
                                s("--target-password-stdin") },
                              "cross-password\n"),
                   0);

        m_instances = m_cli->run({ s("instance"), s("list"), s("--json") }).out;
        m_rules = m_cli->run({ s("rule"), s("list"), s("--json") }).out;
        QCOMPARE(QJsonDocument::fromJson(m_instances.toUtf8()).array().size(), 3);
        QCOMPARE(QJsonDocument::fromJson(m_rules.toUtf8()).array().size(), 2);
        m_crossKey = m_cli->targetKey(s("https://target.example.com"), s("bob"));
        QCOMPARE(m_cli->keychainLookup(m_crossKey), s("cross-password"));
        QCOMPARE(keychainEntries().size(), 4); // two entries: user + secret lines each
    }

    void refused_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("mentions"); // what the message must name (the flag, the name)

        const QString u = s("https://new.example.com");
        const QStringList add { s("instance"), s("add"), s("fresh") };
        auto row = [](const char *tag, QStringList args, QString mentions, QByteArray input = {}) {
            QTest::newRow(tag) << args << input << mentions;
        };
        // instance add
        row("add without --url", add, s("--url"));
        row("add ftp url", add + QStringList { s("--url"), s("ftp://reg.example.com") },
            s("--url"));
        row("add http without opt-in",
            add + QStringList { s("--url"), s("http://reg.example.com") }, s("--url"));
        row("add url with path",
            add + QStringList { s("--url"), s("https://reg.example.com/v2/team") }, s("--url"));
        row("add url without host", add + QStringList { s("--url"), s("https://") }, s("--url"));
        row("add upper-case name", { s("instance"), s("add"), s("Fresh"), s("--url"), u },
            s("NAME"));
        row("add name too long",
            { s("instance"), s("add"), QString(65, QLatin1Char('a')), s("--url"), u }, s("NAME"));
        row("add name taken", { s("instance"), s("add"), s("src"), s("--url"), u }, s("src"));
        row("add bad flavor", add + QStringList { s("--url"), u, s("--flavor"), s("quay") },
            s("--flavor"));
        row("add username without password",
            add + QStringList { s("--url"), u, s("--username"), s("u") }, s("--username"));
        row("add password without username",
            add + QStringList { s("--url"), u, s("--password-stdin") }, s("--password-stdin"),
            "pw\n");
        row("add empty stdin",
            add + QStringList { s("--url"), u, s("--username"), s("u"), s("--password-stdin") },
            s("--password-stdin"));
        row("add empty password line",
            add + QStringList { s("--url"), u, s("--username"), s("u"), s("--password-stdin") },
            s("--password-stdin"), "\n");
        row("add missing ca file",
            add + QStringList { s("--url"), u, s("--ca-file"), s("/nonexistent/ca.pem") },
            s("--ca-file"));
        row("add password on argv",
            add + QStringList { s("--url"), u, s("--password"), s("secret") }, s("password"));
        row("add unknown option", add + QStringList { s("--url"), u, s("--bogus") }, s("bogus"));
        row("add without NAME", { s("instance"), s("add"), s("--url"), u }, s("NAME"));
        row("add two names", { s("instance"), s("add"), s("one"), s("two"), s("--url"), u },
            s("NAME"));
        row("add username with space",
            add + QStringList { s("--url"), u, s("--username"), s("a b"), s("--password-stdin") },
            s("--username"), "pw\n");

        row("add repeated single-value flag",
            add + QStringList { s("--url"), u, s("--url"), s("https://other.example.com") },
            s("--url was given 2 times"));
        row("add username with colon",
            add + QStringList { s("--url"), u, s("--username"), s("a:b"), s("--password-stdin") },
            s("--username"), "pw\n");
        row("add http names its opt-in",
            add + QStringList { s("--url"), s("http://reg.example.com") }, s("--allow-http"));
        row("add bad port", add + QStringList { s("--url"), s("https://reg.example.com:99999") },
            s("The port \"99999\""));
        row("add url without scheme", add + QStringList { s("--url"), s("reg.example.com") },
            s("https://reg.example.com"));
        row("edit unknown instance", { s("instance"), s("edit"), s("nope"), s("--region"), s("x") },
            s("nope"));
        row("edit instance to a taken name",
            { s("instance"), s("edit"), s("dst"), s("--name"), s("src") }, s("--name"));
        row("edit instance new user without password",
            { s("instance"), s("edit"), s("dst"), s("--username"), s("mallory") },
            s("--password-stdin"));

        // instance remove/show/test
        row("remove unknown", { s("instance"), s("remove"), s("nope") }, s("nope"));
        row("remove used instance", { s("instance"), s("remove"), s("src") }, s("existing"));
        row("show unknown", { s("instance"), s("show"), s("nope") }, s("nope"));
        row("test unknown", { s("instance"), s("test"), s("nope") }, s("nope"));
        row("instance without command", { s("instance") }, s("add"));
        row("instance unknown command", { s("instance"), s("frob") }, s("frob"));

        // rule create
        const QStringList create { s("rule"), s("create"), s("fresh") };
        const QStringList ok { s("--source"), s("src"), s("--namespace"), s("team") };
        row("create without source",
            create + QStringList { s("--namespace"), s("team"), s("--target"), s("dst") },
            s("--source"));
        row("create unknown source",
            create
                + QStringList { s("--source"), s("nope"), s("--namespace"), s("team"),
                                s("--target"), s("dst") },
            s("--source"));
        row("create without namespace",
            create + QStringList { s("--source"), s("src"), s("--target"), s("dst") },
            s("--namespace"));
        row("create bad namespace",
            create
                + QStringList { s("--source"), s("src"), s("--namespace"), s("Team Space"),
                                s("--target"), s("dst") },
            s("--namespace"));
        row("create wildcard namespace",
            create
                + QStringList { s("--source"), s("src"), s("--namespace"), s("*"), s("--target"),
                                s("dst") },
            s("--namespace"));
        row("create bad repo filter",
            create + ok + QStringList { s("--target"), s("dst"), s("--repo-filter"), s("(") },
            s("--repo-filter"));
        row("create bad tag filter",
            create + ok + QStringList { s("--target"), s("dst"), s("--tag-filter"), s("v[") },
            s("--tag-filter"));
        row("create bad type",
            create + ok + QStringList { s("--target"), s("dst"), s("--type"), s("video") },
            s("--type"));
        row("create referrers both ways",
            create + ok
                + QStringList { s("--target"), s("dst"), s("--with-referrers"),
                                s("--no-referrers") },
            s("--with-referrers"));
        row("create without target", create + ok, s("--target"));
        row("create unknown target", create + ok + QStringList { s("--target"), s("nope") },
            s("--target"));
        row("create target of another account",
            create + ok + QStringList { s("--target"), s("other") }, s("--target"));
        row("create target of another account names the way across",
            create + ok + QStringList { s("--target"), s("other") }, s("--target-url"));
        row("create cross http target names its opt-in",
            create + ok
                + QStringList { s("--target-url"), s("http://t.example.com"),
                                s("--target-username"), s("carol"), s("--target-password-stdin") },
            s("--target-allow-http"), "pw\n");
        row("create repeated namespace",
            create + ok + QStringList { s("--namespace"), s("ops"), s("--target"), s("dst") },
            s("--namespace was given 2 times"));
        row("create cross username with colon",
            create + ok
                + QStringList { s("--target-url"), u, s("--target-username"), s("bo:b"),
                                s("--target-password-stdin") },
            s("--target-username"), "pw\n");
        row("create target is source", create + ok + QStringList { s("--target"), s("src") },
            s("--target"));
        row("create both targets",
            create + ok
                + QStringList { s("--target"), s("dst"), s("--target-url"), u,
                                s("--target-username"), s("bob") },
            s("--target"));
        row("create bad target namespace",
            create + ok + QStringList { s("--target"), s("dst"), s("--target-namespace"), s("-x") },
            s("--target-namespace"));
        row("create name taken",
            { s("rule"), s("create"), s("existing"), s("--source"), s("src"), s("--namespace"),
              s("ops"), s("--target"), s("dst") },
            s("existing"));
        row("create bad name",
            { s("rule"), s("create"), s("Bad_Name!"), s("--source"), s("src"), s("--namespace"),
              s("team"), s("--target"), s("dst") },
            s("NAME"));
        row("create description too long",
            create + ok
                + QStringList { s("--target"), s("dst"), s("--description"),
                                QString(1025, QChar(0x540C)) },
            s("--description"));
        row("create robot account",
            create + ok
                + QStringList { s("--target-url"), u, s("--target-username"), s("robot$ci"),
                                s("--target-password-stdin") },
            s("--target-username"), "pw\n");
        row("create tcr service account",
            create + ok
                + QStringList { s("--target-url"), u, s("--target-username"), s("tcr$svc"),
                                s("--target-password-stdin") },
            s("--target-username"), "pw\n");
        row("create cross without username",
            create + ok + QStringList { s("--target-url"), u, s("--target-password-stdin") },
            s("--target-username"), "pw\n");
        row("create cross without password",
            create + ok + QStringList { s("--target-url"), u, s("--target-username"), s("carol") },
            s("--target-password-stdin"));
        row("create cross empty password",
            create + ok
                + QStringList { s("--target-url"), u, s("--target-username"), s("carol"),
                                s("--target-password-stdin") },
            s("--target-password-stdin"));
        row("create cross http target",
            create + ok
                + QStringList { s("--target-url"), s("http://t.example.com"),
                                s("--target-username"), s("carol"), s("--target-password-stdin") },
            s("--target-url"), "pw\n");
        row("create cross bad flavor",
            create + ok
                + QStringList { s("--target-url"), u, s("--target-username"), s("carol"),
                                s("--target-flavor"), s("x"), s("--target-password-stdin") },
            s("--target-flavor"), "pw\n");
        row("create cross-only flag on same account",
            create + ok + QStringList { s("--target"), s("dst"), s("--target-username"), s("bob") },
            s("--target-username"));
        row("create password on argv",
            create + ok
                + QStringList { s("--target-url"), u, s("--target-username"), s("carol"),
                                s("--target-password"), s("pw") },
            s("target-password"));

        // rule edit
        row("edit unknown rule", { s("rule"), s("edit"), s("nope"), s("--namespace"), s("x") },
            s("nope"));
        row("edit unknown source",
            { s("rule"), s("edit"), s("existing"), s("--source"), s("nope") }, s("--source"));
        row("edit bad filter",
            { s("rule"), s("edit"), s("existing"), s("--repo-filter"), s("*oops") },
            s("--repo-filter"));
        row("edit rename to taken name",
            { s("rule"), s("edit"), s("existing"), s("--name"), s("crossed") }, s("--name"));
        row("edit rename to bad name",
            { s("rule"), s("edit"), s("existing"), s("--name"), s("UPPER") }, s("--name"));
        row("edit overwrite both ways",
            { s("rule"), s("edit"), s("existing"), s("--overwrite"), s("--no-overwrite") },
            s("--overwrite"));
        row("edit referrers both ways",
            { s("rule"), s("edit"), s("existing"), s("--with-referrers"), s("--no-referrers") },
            s("--with-referrers"));
        row("edit enabled both ways",
            { s("rule"), s("edit"), s("existing"), s("--enabled"), s("--disabled") },
            s("--enabled"));
        row("edit cross flag on same account",
            { s("rule"), s("edit"), s("existing"), s("--target-username"), s("x") },
            s("--target-username"));
        row("edit cross robot user",
            { s("rule"), s("edit"), s("crossed"), s("--target-username"), s("robot$x"),
              s("--target-password-stdin") },
            s("--target-username"), "pw\n");
        row("edit cross clear namespace",
            { s("rule"), s("edit"), s("crossed"), s("--namespace"), QString() }, s("--namespace"));

        // rule others
        row("show unknown rule", { s("rule"), s("show"), s("nope") }, s("nope"));
        row("enable unknown rule", { s("rule"), s("enable"), s("nope") }, s("nope"));
        row("disable unknown rule", { s("rule"), s("disable"), s("nope") }, s("nope"));
        row("delete unknown rule", { s("rule"), s("delete"), s("nope"), s("--yes") }, s("nope"));
        row("delete without --yes off a terminal", { s("rule"), s("delete"), s("crossed") },
            s("--yes"));
        row("list with argument", { s("rule"), s("list"), s("extra") }, s("extra"));
        row("rule without command", { s("rule") }, s("create"));
        row("unknown group", { s("replicate") }, s("replicate"));
    }

    void refused()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, input);
        QFETCH(QString, mentions);
        const QStringList keychainBefore = keychainEntries();

        const CliResult r = m_cli->run(args, input);
        CLI_EXPECT(r, 2);
        QVERIFY2(r.err.contains(mentions),
                 qPrintable(QStringLiteral("expected \"%1\" in: %2").arg(mentions, r.err)));
        QVERIFY2(!r.err.trimmed().isEmpty(), "no message");

        // Nothing stored: listings, keychain entries and their secrets as before.
        QCOMPARE(m_cli->run({ s("instance"), s("list"), s("--json") }).out, m_instances);
        QCOMPARE(m_cli->run({ s("rule"), s("list"), s("--json") }).out, m_rules);
        QCOMPARE(keychainEntries(), keychainBefore);
        QCOMPARE(m_cli->keychainLookup(m_crossKey), s("cross-password"));
        if (!input.trimmed().isEmpty())
            QVERIFY(!m_cli->databaseBytes().contains(input.trimmed()));
    }

    void messagesSayThingsOnce()
    {
        // Each message says what is wrong once, in words, without Qt's internal notation.
        CliResult r = m_cli->run({ s("instance"), s("add"), s("fresh"), s("--url"),
                                   s("https://reg.example.com"), s("--password-stdin") },
                                 "pw\n");
        CLI_EXPECT(r, 2);
        QCOMPARE(r.err.count(s("--password-stdin")), 1);
        for (const QString &typed : { s("https://reg.example.com:99999"), s("https://:80"),
                                      s("https://[::1"), s("reg.example.com") }) {
            r = m_cli->run({ s("instance"), s("add"), s("fresh"), s("--url"), typed });
            CLI_EXPECT(r, 2);
            QVERIFY2(!r.err.contains(s("\"\"")) && !r.err.contains(s("scheme =")),
                     qPrintable(r.err));
            QCOMPARE(r.err.count(s("crsync: ")), 1);
        }
    }

    void jsonCommandsPrintTheirErrorAsJson()
    {
        // A script reading stdout gets JSON either way.
        for (const QStringList &args :
             { QStringList { s("instance"), s("show"), s("nope"), s("--json") },
               QStringList { s("rule"), s("show"), s("nope"), s("--json") },
               QStringList { s("log"), s("show"), s("4242"), s("--json") },
               QStringList { s("rule"), s("preview"), s("nope"), s("--json") } }) {
            const CliResult r = m_cli->run(args);
            CLI_EXPECT(r, 2);
            const QJsonObject error = r.jsonObject().value(s("error")).toObject();
            QVERIFY2(!error.isEmpty(), qPrintable(r.describe()));
            QCOMPARE(error.value(s("exitStatus")).toInt(), 2);
            QCOMPARE(error.value(s("kind")).toString(), s("not-found"));
            QVERIFY(error.value(s("message")).toString().contains(s("4242"))
                    || error.value(s("message")).toString().contains(s("nope")));
        }
        // A refused form says every problem, each once, with its flag.
        const CliResult r = m_cli->run({ s("instance"), s("add"), s("Bad"), s("--url"),
                                         s("ftp://x"), s("--flavor"), s("quay") });
        CLI_EXPECT(r, 2);
        QCOMPARE(r.err.count(s("crsync: ")), 3);
    }

    void nonUtf8ArgumentsAreRefused()
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(s("CRSYNC_KEYCHAIN_SERVICE"), m_cli->service());
        env.insert(s("LC_ALL"), s("C.UTF-8"));
        p.setProcessEnvironment(env);
        // The shell hands crsync the raw byte 0xff, which no UTF-8 text contains.
        p.start(s("sh"), { s("-c"), s("exec \"$0\" --data-dir \"$1\" instance add bad --url "
                                     "https://r.example.com --region \"$(printf 'x\\377y')\""),
                           Cli::binary(), m_cli->dataDir() });
        QVERIFY(p.waitForFinished(30000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitCode(), 2);
        QVERIFY2(err.contains(s("not valid UTF-8")), qPrintable(err));
        QCOMPARE(m_cli->run({ s("instance"), s("list"), s("--json") }).out, m_instances);
    }

    void globalDataDirNeedsValue()
    {
        QProcess p;
        p.start(Cli::binary(), { s("--data-dir") });
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("--data-dir"));
    }
};

QTEST_GUILESS_MAIN(TestCliInvalid)
#include "tst_cli_invalid.moc"
