// Every validation rule of DESIGN.md section 1, each with accepted and refused examples.

#include "core/validation.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace crsync;

namespace {

QStringList fieldsOf(const QList<Error> &errors)
{
    QStringList fields;
    for (const Error &e : errors) {
        // Every problem is an Invalid error with a message a person can read.
        if (e.kind != Error::Kind::Invalid || e.message.isEmpty())
            return { QStringLiteral("<malformed error>") };
        fields << e.field;
    }
    return fields;
}

Instance instance(qint64 id, const QString &name, const QString &account)
{
    Instance i;
    i.id = id;
    i.name = name;
    i.url = QUrl(QStringLiteral("https://%1.example.com").arg(name));
    i.accountId = account;
    return i;
}

} // namespace

class TestValidation : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_caFile;
    RuleValidationContext m_context;

    Rule validRule() const
    {
        Rule r;
        r.name = QStringLiteral("sync-apps");
        r.sourceInstanceId = 1;
        r.sourceNamespace = QStringLiteral("apps");
        r.targetInstanceId = 2;
        return r;
    }

    Rule crossRule() const
    {
        Rule r = validRule();
        r.crossAccount = true;
        r.targetInstanceId = 0;
        r.targetUrl = QUrl(QStringLiteral("https://other.example.org"));
        r.targetUsername = QStringLiteral("alice");
        return r;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_caFile = m_dir.filePath(QStringLiteral("ca.pem"));
        QFile ca(m_caFile);
        QVERIFY(ca.open(QIODevice::WriteOnly));
        ca.write("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
        ca.close();
        m_context.instances = { instance(1, QStringLiteral("src"), QStringLiteral("100")),
                                instance(2, QStringLiteral("dst"), QStringLiteral("100")),
                                instance(3, QStringLiteral("foreign"), QStringLiteral("200")),
                                instance(4, QStringLiteral("noacc1"), QString()),
                                instance(5, QStringLiteral("noacc2"), QString()) };
    }

    void names_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("ok");
        QTest::newRow("single letter") << "a" << true;
        QTest::newRow("digit first") << "1abc" << true;
        QTest::newRow("separators") << "a.b_c-d" << true;
        QTest::newRow("64 chars") << QString(64, QLatin1Char('a')) << true;
        QTest::newRow("65 chars") << QString(65, QLatin1Char('a')) << false;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("leading dash") << "-abc" << false;
        QTest::newRow("leading dot") << ".abc" << false;
        QTest::newRow("upper case") << "Abc" << false;
        QTest::newRow("space") << "a b" << false;
        QTest::newRow("slash") << "a/b" << false;
        QTest::newRow("chinese") << QStringLiteral("同步") << false;
        QTest::newRow("trailing newline") << "abc\n" << false;
    }
    void names()
    {
        QFETCH(QString, name);
        QFETCH(bool, ok);
        const QList<Error> errors = validateName(name);
        QCOMPARE(errors.isEmpty(), ok);
        if (!ok) {
            QCOMPARE(fieldsOf(errors), QStringList { QStringLiteral("name") });
        }
    }

    void nameLengthMessageSaysTheLimit()
    {
        const QList<Error> errors = validateName(QString(65, QLatin1Char('a')));
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().message.contains(QLatin1String("65"))
                     && errors.first().message.contains(QLatin1String("64")),
                 qPrintable(errors.first().message));
    }

    void urls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("allowHttp");
        QTest::addColumn<bool>("ok");
        QTest::newRow("https host") << "https://reg.example.com" << false << true;
        QTest::newRow("https port") << "https://reg.example.com:5000" << false << true;
        QTest::newRow("trailing slash") << "https://reg.example.com/" << false << true;
        QTest::newRow("ipv4") << "https://127.0.0.1:5000" << false << true;
        QTest::newRow("ipv6") << "https://[::1]:5000" << false << true;
        QTest::newRow("single label") << "https://localhost:5000" << false << true;
        QTest::newRow("http refused") << "http://reg.example.com" << false << false;
        QTest::newRow("http allowed") << "http://127.0.0.1:5000" << true << true;
        QTest::newRow("no scheme") << "reg.example.com" << false << false;
        QTest::newRow("host:port no scheme") << "reg.example.com:5000" << false << false;
        QTest::newRow("ftp") << "ftp://reg.example.com" << true << false;
        QTest::newRow("userinfo") << "https://bob:secret@reg.example.com" << false << false;
        QTest::newRow("path") << "https://reg.example.com/v2/" << false << false;
        QTest::newRow("query") << "https://reg.example.com?x=1" << false << false;
        QTest::newRow("fragment") << "https://reg.example.com#top" << false << false;
        QTest::newRow("underscore host") << "https://bad_host.example.com" << false << false;
        QTest::newRow("dash label") << "https://-bad.example.com" << false << false;
        QTest::newRow("bad ipv4") << "https://999.1.1.1" << false << false;
        QTest::newRow("port too big") << "https://reg.example.com:99999" << false << false;
        QTest::newRow("no host") << "https://" << false << false;
        QTest::newRow("empty") << "" << false << false;
    }
    void urls()
    {
        QFETCH(QString, url);
        QFETCH(bool, allowHttp);
        QFETCH(bool, ok);
        const QList<Error> errors = validateRegistryUrl(QUrl(url), allowHttp);
        QVERIFY2(
            errors.isEmpty() == ok,
            qPrintable(errors.isEmpty() ? QStringLiteral("accepted") : errors.first().message));
        if (!ok)
            QCOMPARE(fieldsOf(errors), QStringList { QStringLiteral("url") });
    }

    void httpMessageExplains()
    {
        const QList<Error> errors
            = validateRegistryUrl(QUrl(QStringLiteral("http://reg.example.com")), false);
        QCOMPARE(errors.size(), 1);
        QVERIFY(errors.first().message.contains(QLatin1String("https://")));
    }

    void normalizedUrls()
    {
        QCOMPARE(normalizedRegistryUrl(QStringLiteral(" https://Reg.Example.com:443/ ")),
                 QUrl(QStringLiteral("https://reg.example.com")));
        QCOMPARE(normalizedRegistryUrl(QStringLiteral("https://reg.example.com:5000/")),
                 QUrl(QStringLiteral("https://reg.example.com:5000")));
        QCOMPARE(normalizedRegistryUrl(QStringLiteral("http://h:80")),
                 QUrl(QStringLiteral("http://h")));
    }

    void instances()
    {
        Instance i = instance(0, QStringLiteral("hub"), QStringLiteral("100"));
        QVERIFY(validateInstance(i).isEmpty());
        QCOMPARE(i.flavor, Instance::Flavor::Generic);

        // Unique among the others; editing itself (same id) is fine.
        const QList<Instance> others { instance(7, QStringLiteral("hub"), QString()) };
        QCOMPARE(fieldsOf(validateInstance(i, others)), QStringList { QStringLiteral("name") });
        i.id = 7;
        QVERIFY(validateInstance(i, others).isEmpty());

        i.caFile = m_caFile;
        QVERIFY(validateInstance(i).isEmpty());
        i.caFile = m_dir.filePath(QStringLiteral("missing.pem"));
        QCOMPARE(fieldsOf(validateInstance(i)), QStringList { QStringLiteral("caFile") });
        QVERIFY(validateInstance(i).first().message.contains(QLatin1String("missing.pem")));
        i.caFile = m_dir.path(); // a directory
        QCOMPARE(fieldsOf(validateInstance(i)), QStringList { QStringLiteral("caFile") });

        const QString notPem = m_dir.filePath(QStringLiteral("not.pem"));
        QFile f(notPem);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("hello");
        f.close();
        i.caFile = notPem;
        QCOMPARE(fieldsOf(validateInstance(i)), QStringList { QStringLiteral("caFile") });

        const QString unreadable = m_dir.filePath(QStringLiteral("unreadable.pem"));
        QVERIFY(QFile::copy(m_caFile, unreadable));
        QVERIFY(QFile::setPermissions(unreadable, QFileDevice::WriteOwner));
        i.caFile = unreadable;
        if (QFile(unreadable).open(QIODevice::ReadOnly)) // root reads anything
            QSKIP("running as a user that can read any file");
        QCOMPARE(fieldsOf(validateInstance(i)), QStringList { QStringLiteral("caFile") });
    }

    void instanceFieldsAllReported()
    {
        Instance i;
        i.name = QStringLiteral("Bad Name");
        i.url = QUrl(QStringLiteral("http://x.example.com"));
        i.accountId = QStringLiteral("a b");
        i.region = QStringLiteral("line\nbreak");
        i.username = QStringLiteral("bob smith");
        QCOMPARE(fieldsOf(validateInstance(i)),
                 (QStringList { QStringLiteral("name"), QStringLiteral("url"),
                                QStringLiteral("accountId"), QStringLiteral("region"),
                                QStringLiteral("username") }));
    }

    void ruleDefaults()
    {
        const Rule r;
        QCOMPARE(r.overwrite, false);
        QCOMPARE(r.enabled, true);
        QCOMPARE(r.crossAccount, false);
    }

    void validSameAccountRule()
    {
        Rule r = validRule();
        r.description = QStringLiteral("把应用镜像同步到广州实例 ✓");
        const QList<Error> errors = validateRule(r, m_context);
        QVERIFY2(errors.isEmpty(), qPrintable(joinMessages(errors)));
    }

    void ruleNames()
    {
        Rule r = validRule();
        r.name = QString(64, QLatin1Char('r'));
        QVERIFY(validateRule(r, m_context).isEmpty());
        r.name = QString(65, QLatin1Char('r'));
        QCOMPARE(fieldsOf(validateRule(r, m_context)), QStringList { QStringLiteral("name") });

        RuleValidationContext ctx = m_context;
        Rule existing = validRule();
        existing.id = 9;
        ctx.rules << existing;
        r = validRule();
        QCOMPARE(fieldsOf(validateRule(r, ctx)), QStringList { QStringLiteral("name") });
        r.id = 9; // editing the rule itself
        QVERIFY(validateRule(r, ctx).isEmpty());
    }

    void descriptionLength()
    {
        Rule r = validRule();
        r.description = QString(1024, QChar(0x4e2d));
        QVERIFY(validateRule(r, m_context).isEmpty());
        r.description += QLatin1Char('x');
        QCOMPARE(fieldsOf(validateRule(r, m_context)),
                 QStringList { QStringLiteral("description") });
    }

    void sourceRequired()
    {
        Rule r = validRule();
        r.sourceInstanceId = 0;
        QCOMPARE(fieldsOf(validateRule(r, m_context)),
                 QStringList { QStringLiteral("sourceInstance") });
        r.sourceInstanceId = 42;
        QCOMPARE(fieldsOf(validateRule(r, m_context)),
                 QStringList { QStringLiteral("sourceInstance") });
    }

    void namespaces_data()
    {
        QTest::addColumn<QString>("ns");
        QTest::addColumn<bool>("ok");
        QTest::newRow("simple") << "library" << true;
        QTest::newRow("separators") << "my-team_1.x" << true;
        QTest::newRow("nested") << "team/apps" << true;
        QTest::newRow("double underscore") << "a__b" << true;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("all") << "*" << false;
        QTest::newRow("wildcard") << "team*" << false;
        QTest::newRow("list") << "a,b" << false;
        QTest::newRow("two words") << "a b" << false;
        QTest::newRow("upper") << "Library" << false;
        QTest::newRow("leading slash") << "/library" << false;
        QTest::newRow("trailing slash") << "library/" << false;
        QTest::newRow("double slash") << "a//b" << false;
        QTest::newRow("triple underscore") << "a___b" << false;
        QTest::newRow("trailing dash") << "lib-" << false;
        QTest::newRow("trailing newline") << "lib\n" << false;
    }
    void namespaces()
    {
        QFETCH(QString, ns);
        QFETCH(bool, ok);
        Rule r = validRule();
        r.sourceNamespace = ns;
        r.targetNamespace = QStringLiteral("mirror");
        QVERIFY2(validateRule(r, m_context).isEmpty() == ok, qPrintable(ns));
        if (!ok)
            QCOMPARE(fieldsOf(validateRule(r, m_context)),
                     QStringList { QStringLiteral("sourceNamespace") });

        // The same grammar holds for the optional target namespace.
        r = validRule();
        r.targetNamespace = ns;
        const QList<Error> target = validateRule(r, m_context);
        if (ns.isEmpty() || ok)
            QVERIFY2(target.isEmpty(), qPrintable(joinMessages(target)));
        else
            QCOMPARE(fieldsOf(target), QStringList { QStringLiteral("targetNamespace") });
    }

    void filters_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<bool>("ok");
        QTest::newRow("empty = all") << "" << true;
        QTest::newRow("literal") << "app" << true;
        QTest::newRow("dot star") << ".*" << true;
        QTest::newRow("alternation") << "app|web" << true;
        QTest::newRow("anchors") << "^app$" << true;
        QTest::newRow("classes") << "v[0-9]+\\.[0-9]+" << true;
        QTest::newRow("group") << "(team|ops)/.+" << true;
        QTest::newRow("unbalanced open") << "(app" << false;
        QTest::newRow("unbalanced close") << "app)" << false;
        QTest::newRow("balanced by wrapper") << "a)(b" << false;
        QTest::newRow("open class") << "[abc" << false;
        QTest::newRow("dangling quantifier") << "*app" << false;
        QTest::newRow("trailing backslash") << "app\\" << false;
        QTest::newRow("too long") << QString(1025, QLatin1Char('a')) << false;
    }
    void filters()
    {
        QFETCH(QString, pattern);
        QFETCH(bool, ok);
        Rule r = validRule();
        r.repositoryFilter = pattern;
        QVERIFY2(validateRule(r, m_context).isEmpty() == ok, qPrintable(pattern));
        if (!ok)
            QCOMPARE(fieldsOf(validateRule(r, m_context)),
                     QStringList { QStringLiteral("repositoryFilter") });
        r = validRule();
        r.tagFilter = pattern;
        QVERIFY(validateRule(r, m_context).isEmpty() == ok);
        if (!ok)
            QCOMPARE(fieldsOf(validateRule(r, m_context)),
                     QStringList { QStringLiteral("tagFilter") });
    }

    void regexMessageNamesThePattern()
    {
        const QList<Error> errors = validateFilter(QStringLiteral("(app"), "repositoryFilter");
        QCOMPARE(errors.size(), 1);
        QVERIFY(errors.first().message.contains(QLatin1String("(app")));
    }

    void sameAccountTargets()
    {
        Rule r = validRule();
        r.targetInstanceId = 0;
        QCOMPARE(fieldsOf(validateRule(r, m_context)),
                 QStringList { QStringLiteral("targetInstance") });
        r.targetInstanceId = 99;
        QCOMPARE(fieldsOf(validateRule(r, m_context)),
                 QStringList { QStringLiteral("targetInstance") });

        r.targetInstanceId = 3; // account 200, source is account 100
        const QList<Error> errors = validateRule(r, m_context);
        QCOMPARE(fieldsOf(errors), QStringList { QStringLiteral("targetInstance") });
        QVERIFY2(errors.first().message.contains(QLatin1String("foreign"))
                     && errors.first().message.contains(QLatin1String("200")),
                 qPrintable(errors.first().message));

        // Instances without an account ID form one (local) account together.
        r.sourceInstanceId = 4;
        r.targetInstanceId = 5;
        QVERIFY(validateRule(r, m_context).isEmpty());
        r.targetInstanceId = 1;
        QCOMPARE(fieldsOf(validateRule(r, m_context)),
                 QStringList { QStringLiteral("targetInstance") });

        // The source itself: only into another namespace.
        r.sourceInstanceId = 1;
        r.targetInstanceId = 1;
        QCOMPARE(fieldsOf(validateRule(r, m_context)),
                 QStringList { QStringLiteral("targetInstance") });
        r.targetNamespace = QStringLiteral("apps-backup");
        QVERIFY(validateRule(r, m_context).isEmpty());
    }

    void crossAccount()
    {
        RuleValidationContext ctx = m_context;
        ctx.hasTargetPassword = true;
        Rule r = crossRule();
        QVERIFY2(validateRule(r, ctx).isEmpty(), qPrintable(joinMessages(validateRule(r, ctx))));

        // Cross account, the target may be of another account: no instance needed at all.
        r.targetInstanceId = 3;
        QVERIFY(validateRule(r, ctx).isEmpty());

        Rule bare = validRule();
        bare.crossAccount = true;
        bare.targetInstanceId = 0;
        QCOMPARE(fieldsOf(validateRule(bare, m_context)),
                 (QStringList { QStringLiteral("targetUrl"), QStringLiteral("targetUsername"),
                                QStringLiteral("targetPassword") }));

        r.targetUrl = QUrl(QStringLiteral("http://other.example.org"));
        QCOMPARE(fieldsOf(validateRule(r, ctx)), QStringList { QStringLiteral("targetUrl") });
        r.targetAllowHttp = true;
        QVERIFY(validateRule(r, ctx).isEmpty());

        r.targetCaFile = m_dir.filePath(QStringLiteral("nope.pem"));
        QCOMPARE(fieldsOf(validateRule(r, ctx)), QStringList { QStringLiteral("targetCaFile") });
        r.targetCaFile = m_caFile;
        QVERIFY(validateRule(r, ctx).isEmpty());

        // Back to its own source with the same namespace is a loop.
        r.targetUrl = QUrl(QStringLiteral("https://src.example.com/"));
        r.targetAllowHttp = false;
        QCOMPARE(fieldsOf(validateRule(r, ctx)), QStringList { QStringLiteral("targetUrl") });
    }

    void serviceAccountsRefused_data()
    {
        QTest::addColumn<QString>("username");
        QTest::addColumn<bool>("ok");
        QTest::newRow("user") << "alice" << true;
        QTest::newRow("email-like") << "alice@example.com" << true;
        QTest::newRow("numeric uin") << "100012345678" << true;
        QTest::newRow("robot contains") << "myrobot$x" << true;
        QTest::newRow("harbor robot") << "robot$ci" << false;
        QTest::newRow("harbor project robot") << "robot$proj+ci" << false;
        QTest::newRow("upper case robot") << "ROBOT$ci" << false;
        QTest::newRow("url encoded robot") << "robot%24ci" << false;
        QTest::newRow("tcr service") << "tcr$sync" << false;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("space") << "al ice" << false;
    }
    void serviceAccountsRefused()
    {
        QFETCH(QString, username);
        QFETCH(bool, ok);
        RuleValidationContext ctx = m_context;
        ctx.hasTargetPassword = true;
        Rule r = crossRule();
        r.targetUsername = username;
        const QList<Error> errors = validateRule(r, ctx);
        QCOMPARE(errors.isEmpty(), ok);
        if (!ok) {
            QCOMPARE(fieldsOf(errors), QStringList { QStringLiteral("targetUsername") });
            if (!username.isEmpty() && !username.contains(QLatin1Char(' ')))
                QVERIFY2(errors.first().message.contains(username),
                         qPrintable(errors.first().message));
        }
    }

    void allProblemsAtOnce()
    {
        Rule r;
        r.name = QStringLiteral("Bad!");
        r.repositoryFilter = QStringLiteral("(");
        r.tagFilter = QStringLiteral("[");
        QCOMPARE(
            fieldsOf(validateRule(r, m_context)),
            (QStringList { QStringLiteral("name"), QStringLiteral("sourceInstance"),
                           QStringLiteral("sourceNamespace"), QStringLiteral("repositoryFilter"),
                           QStringLiteral("tagFilter"), QStringLiteral("targetInstance") }));
        QVERIFY(joinMessages(validateRule(r, m_context)).count(QLatin1Char('\n')) == 5);
    }

    void crossAccountTargetAsInstance()
    {
        Rule r = crossRule();
        r.targetUrl = QUrl(QStringLiteral("http://127.0.0.1:5001"));
        r.targetAllowHttp = true;
        r.targetFlavor = Instance::Flavor::Harbor;
        const Instance t = r.crossAccountTarget();
        QCOMPARE(t.url, r.targetUrl);
        QCOMPARE(t.name, QStringLiteral("127.0.0.1:5001"));
        QCOMPARE(t.allowHttp, true);
        QCOMPARE(t.flavor, Instance::Flavor::Harbor);
        QCOMPARE(t.username, QStringLiteral("alice"));
    }
};

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
