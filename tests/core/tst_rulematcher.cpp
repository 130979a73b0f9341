// Which repositories and tags a rule covers (full-match filters) and where they go.

#include "core/rulematcher.h"

#include <QTest>

using namespace crsync;

namespace {

Rule rule(const QString &repoFilter, const QString &tagFilter = QString(),
          const QString &targetNs = QString())
{
    Rule r;
    r.name = QStringLiteral("r");
    r.sourceNamespace = QStringLiteral("ns");
    r.repositoryFilter = repoFilter;
    r.tagFilter = tagFilter;
    r.targetNamespace = targetNs;
    return r;
}

} // namespace

class TestRuleMatcher : public QObject
{
    Q_OBJECT

private slots:
    void repositories_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("repository");
        QTest::addColumn<bool>("matches");
        QTest::newRow("empty covers all") << ""
                                          << "ns/anything" << true;
        QTest::newRow("empty covers nested") << ""
                                             << "ns/a/b/c" << true;
        QTest::newRow("literal exact") << "app"
                                       << "ns/app" << true;
        QTest::newRow("literal not prefix") << "app"
                                            << "ns/app2" << false;
        QTest::newRow("literal not suffix") << "app"
                                            << "ns/myapp" << false;
        QTest::newRow("literal not nested") << "app"
                                            << "ns/app/sub" << false;
        QTest::newRow("dot star") << ".*"
                                  << "ns/x/y" << true;
        QTest::newRow("alternation a") << "app|web"
                                       << "ns/app" << true;
        QTest::newRow("alternation b") << "app|web"
                                       << "ns/web" << true;
        // Without the anchoring group, "app|web" would match "webx" through its second branch.
        QTest::newRow("alternation whole") << "app|web"
                                           << "ns/webx" << false;
        QTest::newRow("alternation whole 2") << "app|web"
                                             << "ns/xapp" << false;
        QTest::newRow("explicit anchors") << "^app$"
                                          << "ns/app" << true;
        QTest::newRow("explicit anchors 2") << "^app$"
                                            << "ns/app2" << false;
        QTest::newRow("nested filter") << "team/.*"
                                       << "ns/team/api" << true;
        QTest::newRow("nested filter other") << "team/.*"
                                             << "ns/ops/api" << false;
        QTest::newRow("other namespace") << ""
                                         << "ns2/app" << false;
        QTest::newRow("namespace prefix") << ""
                                          << "nsx/app" << false;
        QTest::newRow("namespace itself") << ""
                                          << "ns" << false;
        QTest::newRow("namespace slash") << ""
                                         << "ns/" << false;
        QTest::newRow("case sensitive") << "app"
                                        << "ns/App" << false;
        QTest::newRow("trailing newline") << "app"
                                          << "ns/app\n"
                                          << false;
        QTest::newRow("anchors and newline") << "^app$"
                                             << "ns/app\n"
                                             << false;
        QTest::newRow("unbalanced never matches") << "(app"
                                                  << "ns/app" << false;
        QTest::newRow("wrapper injection never matches") << "a)|(b"
                                                         << "ns/b" << false;
    }
    void repositories()
    {
        QFETCH(QString, filter);
        QFETCH(QString, repository);
        QFETCH(bool, matches);
        const RuleMatcher m(rule(filter));
        QCOMPARE(m.matchesRepository(repository), matches);
        QCOMPARE(ruleMatches(rule(filter), repository, QStringLiteral("latest")), matches);
    }

    void invalidFiltersMakeAnInvalidMatcher()
    {
        QVERIFY(RuleMatcher(rule(QString())).isValid());
        QVERIFY(!RuleMatcher(rule(QStringLiteral("(app"))).isValid());
        QVERIFY(!RuleMatcher(rule(QString(), QStringLiteral("[v"))).isValid());
        QVERIFY(!RuleMatcher(rule(QStringLiteral("a)(b"))).isValid());
        QVERIFY(!RuleMatcher(rule(QStringLiteral("a)(b"))).matchesTag(QStringLiteral("x")));
    }

    void tags_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("tag");
        QTest::addColumn<bool>("matches");
        QTest::newRow("empty") << ""
                               << "latest" << true;
        QTest::newRow("semver") << "v1\\.[0-9]+"
                                << "v1.12" << true;
        QTest::newRow("semver rc") << "v1\\.[0-9]+"
                                   << "v1.12-rc1" << false;
        QTest::newRow("literal exact") << "latest"
                                       << "latest" << true;
        QTest::newRow("literal prefix") << "latest"
                                        << "latest-old" << false;
        QTest::newRow("prefix with star") << "release-.*"
                                          << "release-2024" << true;
        QTest::newRow("alternation") << "stable|latest"
                                     << "stablex" << false;
        QTest::newRow("empty tag") << ""
                                   << "" << false;
    }
    void tags()
    {
        QFETCH(QString, filter);
        QFETCH(QString, tag);
        QFETCH(bool, matches);
        QCOMPARE(RuleMatcher(rule(QString(), filter)).matchesTag(tag), matches);
    }

    void bothFilters()
    {
        const RuleMatcher m(rule(QStringLiteral("app"), QStringLiteral("v.*")));
        QVERIFY(m.matches(QStringLiteral("ns/app"), QStringLiteral("v1")));
        QVERIFY(!m.matches(QStringLiteral("ns/app"), QStringLiteral("latest")));
        QVERIFY(!m.matches(QStringLiteral("ns/web"), QStringLiteral("v1")));
    }

    void pathBelowNamespace()
    {
        Rule r = rule(QString());
        r.sourceNamespace = QStringLiteral("team/apps");
        const RuleMatcher m(r);
        QCOMPARE(m.pathBelowNamespace(QStringLiteral("team/apps/api")), QStringLiteral("api"));
        QCOMPARE(m.pathBelowNamespace(QStringLiteral("team/apps/a/b")), QStringLiteral("a/b"));
        QVERIFY(m.pathBelowNamespace(QStringLiteral("team/apps")).isNull());
        QVERIFY(m.pathBelowNamespace(QStringLiteral("team/appsx/api")).isNull());
        QVERIFY(m.pathBelowNamespace(QStringLiteral("team/api")).isNull());
    }

    void targetRepositories()
    {
        QCOMPARE(targetRepository(rule(QString()), QStringLiteral("ns/app")),
                 QStringLiteral("ns/app"));
        QCOMPARE(targetRepository(rule(QString(), QString(), QStringLiteral("mirror")),
                                  QStringLiteral("ns/team/app")),
                 QStringLiteral("mirror/team/app"));
        QCOMPARE(targetRepository(rule(QString(), QString(), QStringLiteral("a/b")),
                                  QStringLiteral("ns/app")),
                 QStringLiteral("a/b/app"));
        QVERIFY(targetRepository(rule(QString()), QStringLiteral("other/app")).isNull());
    }

    void resourceTypes()
    {
        Rule r = rule(QString());
        r.resourceType = ResourceType::Image;
        QVERIFY(RuleMatcher(r).acceptsKind(QStringLiteral("image")));
        QVERIFY(!RuleMatcher(r).acceptsKind(QStringLiteral("chart")));
        QVERIFY(!RuleMatcher(r).acceptsKind(QStringLiteral("other")));
        r.resourceType = ResourceType::Chart;
        QVERIFY(RuleMatcher(r).acceptsKind(QStringLiteral("chart")));
        QVERIFY(!RuleMatcher(r).acceptsKind(QStringLiteral("image")));
        r.resourceType = ResourceType::All;
        QVERIFY(RuleMatcher(r).acceptsKind(QStringLiteral("other")));
        QVERIFY(RuleMatcher(r).acceptsKind(QStringLiteral("image")));
    }

    // A filter that is a plain list of names names the repositories: no listing needed.
    void namedRepositories()
    {
        auto named = [](const QString &filter) { return RuleMatcher(rule(filter)).namedRepositories(); };
        QCOMPARE(named(QStringLiteral("web|api|team/worker")),
                 (QStringList { QStringLiteral("ns/web"), QStringLiteral("ns/api"), QStringLiteral("ns/team/worker") }));
        QCOMPARE(named(QStringLiteral("my\\.app|my.app|web-1")),
                 (QStringList { QStringLiteral("ns/my.app"), QStringLiteral("ns/web-1") }));
        QCOMPARE(named(QStringLiteral("app")), QStringList { QStringLiteral("ns/app") });
        for (const char *pattern : { "", "web.*", "app[0-9]", "(web|api)", "Web", "web||api", "a b", "-web" })
            QVERIFY2(named(QString::fromLatin1(pattern)).isEmpty(), pattern);
    }
};

QTEST_GUILESS_MAIN(TestRuleMatcher)
#include "tst_rulematcher.moc"
