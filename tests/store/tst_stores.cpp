// InstanceStore and RuleStore (and what rule changes do to the log), against a real SQLite file.

#include "storetestbase.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace crsync;
using namespace crsync::test;

class TestStores : public test::StoreTestBase
{
    Q_OBJECT

private slots:
    void init() { openStores(); }
    void cleanup() { closeStores(); }

    void instanceRoundTrip()
    {
        Instance i = instance(QStringLiteral("tcr-gz"), QStringLiteral("200"));
        i.allowHttp = true;
        i.url = QUrl(QStringLiteral("http://127.0.0.1:5000"));
        i.region = QStringLiteral("ap-guangzhou 广州");
        i.flavor = Instance::Flavor::Tcr;
        i.caFile = QStringLiteral("/etc/ssl/ca.pem");
        i.insecureSkipVerify = true;
        i.username = QStringLiteral("100012345");
        const Result<Instance> added = m_instances->add(i);
        QVERIFY(added.ok());
        QVERIFY(added->id > m_dst.id);
        i.id = added->id;
        QCOMPARE(*added, i);
        QCOMPARE(*m_instances->get(i.id), i);
        QCOMPARE(*m_instances->findByName(QStringLiteral("tcr-gz")), i);

        i.region = QStringLiteral("ap-shanghai");
        i.flavor = Instance::Flavor::Harbor;
        QVERIFY(m_instances->update(i).ok());
        QCOMPARE(*m_instances->get(i.id), i);

        const Result<QList<Instance>> all = m_instances->list();
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 3);
        QCOMPARE(all->at(0).name, QStringLiteral("dst")); // by name
        QCOMPARE(all->at(2).name, QStringLiteral("tcr-gz"));
    }

    void instanceNotFound()
    {
        QCOMPARE(m_instances->get(999).error().kind, Error::Kind::NotFound);
        const auto byName = m_instances->findByName(QStringLiteral("ghost"));
        QCOMPARE(byName.error().kind, Error::Kind::NotFound);
        QVERIFY(byName.error().message.contains(QLatin1String("ghost")));
        Instance gone = instance(QStringLiteral("gone"));
        gone.id = 999;
        QCOMPARE(m_instances->update(gone).error().kind, Error::Kind::NotFound);
        QCOMPARE(m_instances->remove(999).error().kind, Error::Kind::NotFound);
    }

    void instanceNamesUnique()
    {
        const Result<Instance> dup = m_instances->add(instance(QStringLiteral("src")));
        QVERIFY(!dup.ok());
        QCOMPARE(dup.error().kind, Error::Kind::Conflict);
        QCOMPARE(dup.error().field, QStringLiteral("name"));
        QVERIFY2(dup.error().message.contains(QLatin1String("\"src\"")),
                 qPrintable(dup.error().message));

        Instance renamed = m_dst;
        renamed.name = QStringLiteral("src");
        const Result<void> clash = m_instances->update(renamed);
        QCOMPARE(clash.error().kind, Error::Kind::Conflict);
        QCOMPARE(m_instances->get(m_dst.id)->name, QStringLiteral("dst"));
    }

    void instanceInUseCannotBeRemoved()
    {
        addRule(QStringLiteral("beta"));
        addRule(QStringLiteral("alpha"));
        const Result<QStringList> users = m_instances->rulesUsing(m_dst.id);
        QCOMPARE(*users, (QStringList { QStringLiteral("alpha"), QStringLiteral("beta") }));

        const Result<void> refused = m_instances->remove(m_src.id);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, Error::Kind::Conflict);
        QVERIFY2(refused.error().message.contains(QLatin1String("alpha"))
                     && refused.error().message.contains(QLatin1String("beta"))
                     && refused.error().message.contains(QLatin1String("src")),
                 qPrintable(refused.error().message));
        QVERIFY(m_instances->get(m_src.id).ok());

        const Instance spare = *m_instances->add(instance(QStringLiteral("spare")));
        QVERIFY(m_instances->remove(spare.id).ok());
        QCOMPARE(m_instances->get(spare.id).error().kind, Error::Kind::NotFound);
    }

    void ruleRoundTrip()
    {
        Rule r = rule(QStringLiteral("sync-apps"));
        r.description = QStringLiteral("把应用镜像同步到广州实例；第二行\n✓ emoji 🚀");
        r.repositoryFilter = QStringLiteral("(team|ops)/.*");
        r.tagFilter = QStringLiteral("v[0-9]+\\.[0-9]+");
        r.resourceType = ResourceType::Chart;
        r.targetNamespace = QStringLiteral("mirror");
        r.overwrite = true;
        r.enabled = false;
        r.withReferrers = false;
        const Result<Rule> added = m_rules->add(r);
        QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().message));
        r.id = added->id;
        QCOMPARE(*m_rules->get(r.id), r);
        QCOMPARE(m_rules->findByName(QStringLiteral("sync-apps"))->description, r.description);

        // Defaults survive the trip too.
        const Rule plain = addRule(QStringLiteral("plain"));
        const Rule stored = *m_rules->get(plain.id);
        QCOMPARE(stored.overwrite, false);
        QCOMPARE(stored.enabled, true);
        QCOMPARE(stored.withReferrers, true);
        QCOMPARE(stored.resourceType, ResourceType::All);
        QCOMPARE(stored.description, QString());
    }

    void crossAccountRuleRoundTrip()
    {
        Rule r = rule(QStringLiteral("cross"));
        r.crossAccount = true;
        r.targetInstanceId = 0;
        r.targetUrl = QUrl(QStringLiteral("https://other.example.org:8443"));
        r.targetInstanceRef = QStringLiteral("tcr-abc123");
        r.targetUsername = QStringLiteral("alice");
        r.targetAllowHttp = false;
        r.targetCaFile = QStringLiteral("/tmp/ca.pem");
        r.targetInsecureSkipVerify = true;
        r.targetFlavor = Instance::Flavor::Tcr;
        const Result<Rule> added = m_rules->add(r);
        QVERIFY(added.ok());
        r.id = added->id;
        QCOMPARE(*m_rules->get(r.id), r);
        // A cross-account rule does not pin an instance.
        QCOMPARE(*m_instances->rulesUsing(m_dst.id), QStringList());
    }

    void ruleNamesUniqueAndInstancesChecked()
    {
        addRule(QStringLiteral("one"));
        const Result<Rule> dup = m_rules->add(rule(QStringLiteral("one")));
        QCOMPARE(dup.error().kind, Error::Kind::Conflict);
        QCOMPARE(dup.error().field, QStringLiteral("name"));
        QVERIFY(dup.error().message.contains(QLatin1String("\"one\"")));

        Rule badSource = rule(QStringLiteral("two"));
        badSource.sourceInstanceId = 777;
        const Result<Rule> r1 = m_rules->add(badSource);
        QCOMPARE(r1.error().kind, Error::Kind::Invalid);
        QCOMPARE(r1.error().field, QStringLiteral("sourceInstance"));
        Rule badTarget = rule(QStringLiteral("two"));
        badTarget.targetInstanceId = 778;
        const Result<Rule> r2 = m_rules->add(badTarget);
        QCOMPARE(r2.error().kind, Error::Kind::Invalid);
        QCOMPARE(r2.error().field, QStringLiteral("targetInstance"));
        QCOMPARE(m_rules->list()->size(), 1);
    }

    void ruleUpdateEnableList()
    {
        Rule a = addRule(QStringLiteral("a"));
        Rule b = addRule(QStringLiteral("b"));
        const Instance other = *m_instances->add(instance(QStringLiteral("other")));
        b.sourceInstanceId = other.id;
        b.tagFilter = QStringLiteral("latest");
        b.withReferrers = false;
        QVERIFY(m_rules->update(b).ok());
        QCOMPARE(*m_rules->get(b.id), b);
        b.withReferrers = true;
        QVERIFY(m_rules->update(b).ok());
        QCOMPARE(m_rules->get(b.id)->withReferrers, true);

        QVERIFY(m_rules->setEnabled(a.id, false).ok());
        QCOMPARE(m_rules->get(a.id)->enabled, false);
        QCOMPARE(m_rules->listEnabledForSource(m_src.id)->size(), 0);
        QVERIFY(m_rules->setEnabled(a.id, true).ok());
        QCOMPARE(m_rules->listEnabledForSource(m_src.id)->first().name, QStringLiteral("a"));
        QCOMPARE(InstanceStore(*m_db).rulesUsing(other.id).value(), QStringList { QStringLiteral("b") });
        QCOMPARE(InstanceStore(*m_db).rulesUsing(m_dst.id)->size(), 2);
        QCOMPARE(m_rules->setEnabled(999, true).error().kind, Error::Kind::NotFound);

        b.name = QStringLiteral("a");
        QCOMPARE(m_rules->update(b).error().kind, Error::Kind::Conflict);
        Rule ghost = rule(QStringLiteral("ghost"));
        ghost.id = 999;
        QCOMPARE(m_rules->update(ghost).error().kind, Error::Kind::NotFound);
    }

    void renamingARuleRenamesItsLog()
    {
        Rule r = addRule(QStringLiteral("old-name"));
        const Task t = *m_tasks->create(task(r, TaskStatus::Succeeded));
        r.name = QStringLiteral("new-name");
        QVERIFY(m_rules->update(r).ok());
        QCOMPARE(m_tasks->get(t.id)->ruleName, QStringLiteral("new-name"));
    }

    void deletingARuleKeepsItsTasks()
    {
        const Rule r = addRule(QStringLiteral("doomed"));
        const Task t = *m_tasks->create(task(r, TaskStatus::Succeeded));
        QVERIFY(m_tasks->addItems(t.id, { item(t.id, 1), item(t.id, 2) }).ok());
        QVERIFY(m_rules->remove(r.id).ok());
        QCOMPARE(m_rules->get(r.id).error().kind, Error::Kind::NotFound);
        QCOMPARE(m_rules->remove(r.id).error().kind, Error::Kind::NotFound);

        const Task kept = *m_tasks->get(t.id);
        QCOMPARE(kept.ruleId, 0);
        QCOMPARE(kept.ruleName, QStringLiteral("doomed"));
        QCOMPARE(m_tasks->items(t.id)->size(), 2);
        TaskFilter byName;
        byName.ruleName = QStringLiteral("doomed");
        QCOMPARE(m_tasks->list(byName)->size(), 1);
        // And the instances are free again.
        QVERIFY(m_instances->remove(m_src.id).ok());
    }
};

QTEST_GUILESS_MAIN(TestStores)
#include "tst_stores.moc"
