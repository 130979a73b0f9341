// InstanceService, RuleService and the keychain migration against a real database file and
// the real Secret Service, each secret checked with secret-tool (an independent reader).
#include "secrets/credentialstore.h"
#include "secrets/keychainkeys.h"
#include "service/instanceservice.h"
#include "service/keychainmigration.h"
#include "service/ruleservice.h"
#include "store/database.h"
#include "store/instancestore.h"
#include "store/metastore.h"
#include "store/rulestore.h"

#include <QProcess>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <optional>

using namespace crsync;

namespace {

QString lookup(const QString &service, const QString &key)
{
    QProcess p;
    p.start(QStringLiteral("secret-tool"),
            { QStringLiteral("lookup"), QStringLiteral("server"), service, QStringLiteral("user"),
              key });
    if (!p.waitForFinished(10000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

// Waits (spinning the event loop, in the test only) for an asynchronous answer.
template<typename T>
Result<T> await(const std::function<void(std::function<void(Result<T>)>)> &call)
{
    std::optional<Result<T>> answer;
    call([&answer](Result<T> r) { answer.emplace(std::move(r)); });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 20000))
        return Error::make(Error::Kind::Internal, QStringLiteral("no answer"));
    return *answer;
}

Instance instance(const QString &name, const QString &user = QStringLiteral("alice"))
{
    Instance i;
    i.name = name;
    i.url = QUrl(QStringLiteral("https://registry.example.com"));
    i.accountId = QStringLiteral("a");
    i.username = user;
    return i;
}

// One data dir: its database and the services over it, on one keychain service.
struct DataDir
{
    explicit DataDir(CredentialStore &keychain)
    {
        db = Database::openDataDir(dir.path()).value();
        instances = std::make_unique<InstanceService>(*db, keychain);
        rules = std::make_unique<RuleService>(*db, keychain);
    }
    KeychainKeys keys() const { return KeychainKeys(db->keychainNamespace()); }
    QTemporaryDir dir;
    std::unique_ptr<Database> db;
    std::unique_ptr<InstanceService> instances;
    std::unique_ptr<RuleService> rules;
};

} // namespace

class TestService : public QObject
{
    Q_OBJECT

private:
    QString m_service;
    std::unique_ptr<CredentialStore> m_keychain;

    Result<Instance> add(DataDir &d, const Instance &i, const std::optional<QString> &password)
    {
        return await<Instance>([&](auto done) { d.instances->add(i, password, done); });
    }

private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("secret-tool")).isEmpty())
            QFAIL("secret-tool (Debian's libsecret-tools) is needed: run scripts/install-deps");
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QFAIL("No D-Bus session: run the tests under scripts/with-keyring");
        m_service = QStringLiteral("crsync-service-%1")
                        .arg(QUuid::createUuid().toString(QUuid::Id128).left(8));
        m_keychain = std::make_unique<CredentialStore>(m_service);
    }

    void twoDataDirsOnOneKeychain()
    {
        // A demo and a second profile: instance 1 in both, each with its own password.
        DataDir demo(*m_keychain);
        DataDir work(*m_keychain);
        QVERIFY(demo.db->keychainNamespace() != work.db->keychainNamespace());
        const Result<Instance> a = add(demo, instance(QStringLiteral("reg")), QStringLiteral("demo-pw"));
        const Result<Instance> b = add(work, instance(QStringLiteral("reg")), QStringLiteral("work-pw"));
        QVERIFY(a && b);
        QCOMPARE(a->id, b->id); // the same id in each database
        QCOMPARE(lookup(m_service, demo.keys().instance(a->id)), QStringLiteral("demo-pw"));
        QCOMPARE(lookup(m_service, work.keys().instance(b->id)), QStringLiteral("work-pw"));

        // Removing it from one data dir leaves the other's password alone.
        QVERIFY(await<void>([&](auto done) { demo.instances->remove(a->id, done); }));
        QCOMPARE(lookup(m_service, demo.keys().instance(a->id)), QString());
        QCOMPARE(lookup(m_service, work.keys().instance(b->id)), QStringLiteral("work-pw"));
        QVERIFY(await<void>([&](auto done) { work.instances->remove(b->id, done); }));
    }

    void legacyEntriesMoveOnce()
    {
        // A data dir made before namespaces: schema 1, secrets under crsync/instance/<id> and
        // crsync/target/<url>|<user>.
        QTemporaryDir dir;
        {
            auto db = Database::openDataDir(dir.path()).value();
            Instance i = InstanceStore(*db).add(instance(QStringLiteral("old"))).value();
            Rule r;
            r.name = QStringLiteral("across");
            r.sourceInstanceId = i.id;
            r.sourceNamespace = QStringLiteral("team");
            r.crossAccount = true;
            r.targetUrl = QUrl(QStringLiteral("https://other.example.com"));
            r.targetUsername = QStringLiteral("bob");
            QVERIFY(RuleStore(*db).add(r));
            QSqlQuery q(*db->connection());
            QVERIFY(q.exec(QStringLiteral("DROP TABLE meta")));
            // Columns added later by ADD COLUMN, which would refuse to add them twice.
            QVERIFY(q.exec(QStringLiteral("ALTER TABLE rules DROP COLUMN with_referrers")));
            QVERIFY(q.exec(QStringLiteral("ALTER TABLE task_items DROP COLUMN referrers")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 1")));
        }
        const QString legacyInstance = KeychainKeys::legacyInstance(1);
        const QString legacyTarget = KeychainKeys::legacyTarget(
            QUrl(QStringLiteral("https://other.example.com")), QStringLiteral("bob"));
        QVERIFY(await<void>([&](auto done) {
            m_keychain->persist(legacyInstance, QStringLiteral("old-pw"), done);
        }));
        QVERIFY(await<void>([&](auto done) {
            m_keychain->persist(legacyTarget, QStringLiteral("bob-pw"), done);
        }));

        auto db = Database::openDataDir(dir.path()).value(); // migrates to schema 2
        QCOMPARE(db->schemaVersion(), Database::LatestSchemaVersion);
        QVERIFY(!db->keychainNamespace().isEmpty());
        QVERIFY(hasLegacyKeychainKeys(*db));
        const Result<int> moved
            = await<int>([&](auto done) { migrateLegacyKeychainKeys(*db, *m_keychain, done); });
        QVERIFY2(moved, qPrintable(moved ? QString() : moved.error().message));
        QCOMPARE(*moved, 2);
        const KeychainKeys keys(db->keychainNamespace());
        QCOMPARE(lookup(m_service, keys.instance(1)), QStringLiteral("old-pw"));
        QCOMPARE(lookup(m_service, keys.target(QUrl(QStringLiteral("https://other.example.com")),
                                               QStringLiteral("bob"))),
                 QStringLiteral("bob-pw"));
        QCOMPARE(lookup(m_service, legacyInstance), QString());
        QCOMPARE(lookup(m_service, legacyTarget), QString());
        QVERIFY(!hasLegacyKeychainKeys(*db));
        // Once: a second run has nothing to do.
        QCOMPARE(*await<int>([&](auto done) { migrateLegacyKeychainKeys(*db, *m_keychain, done); }),
                 0);

        // A data dir made now has nothing to move at all.
        DataDir fresh(*m_keychain);
        QVERIFY(!hasLegacyKeychainKeys(*fresh.db));
    }

    void editChangesAnInstanceRulesUse()
    {
        DataDir d(*m_keychain);
        const Instance src = *add(d, instance(QStringLiteral("src")), QStringLiteral("pw-1"));
        const Instance dst = *add(d, instance(QStringLiteral("dst"), QString()), std::nullopt);
        Rule r;
        r.name = QStringLiteral("uses");
        r.sourceInstanceId = src.id;
        r.sourceNamespace = QStringLiteral("team");
        r.targetInstanceId = dst.id;
        QVERIFY(await<RuleService::Saved>([&](auto done) { d.rules->save(r, std::nullopt, done); }));

        // URL, CA and TLS choices change under the rule; the password stays unless retyped.
        Instance edited = src;
        edited.url = QUrl(QStringLiteral("https://moved.example.com:5000"));
        edited.insecureSkipVerify = true;
        QVERIFY(await<Instance>([&](auto done) { d.instances->edit(edited, std::nullopt, done); }));
        QCOMPARE(d.instances->get(src.id)->url, edited.url);
        QCOMPARE(lookup(m_service, d.keys().instance(src.id)), QStringLiteral("pw-1"));
        QVERIFY(await<Instance>(
            [&](auto done) { d.instances->edit(edited, QStringLiteral("pw-2"), done); }));
        QCOMPARE(lookup(m_service, d.keys().instance(src.id)), QStringLiteral("pw-2"));

        // A new username needs its password; no username removes it.
        edited.username = QStringLiteral("carol");
        const Result<Instance> refused
            = await<Instance>([&](auto done) { d.instances->edit(edited, std::nullopt, done); });
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, Error::Kind::Invalid);
        QCOMPARE(refused.error().field, QStringLiteral("username"));
        edited.username.clear();
        QVERIFY(await<Instance>([&](auto done) { d.instances->edit(edited, std::nullopt, done); }));
        QCOMPARE(lookup(m_service, d.keys().instance(src.id)), QString());

        // Removing it while the rule uses it is refused and names the rule.
        const Result<void> removed
            = await<void>([&](auto done) { d.instances->remove(src.id, done); });
        QVERIFY(!removed);
        QVERIFY(removed.error().message.contains(QLatin1String("uses")));
    }

    void refusedSaveLeavesTheKeychainAsItWas()
    {
        DataDir d(*m_keychain);
        const Instance src = *add(d, instance(QStringLiteral("src"), QString()), std::nullopt);
        Rule r;
        r.name = QStringLiteral("first");
        r.sourceInstanceId = src.id;
        r.sourceNamespace = QStringLiteral("team");
        r.crossAccount = true;
        r.targetUrl = QUrl(QStringLiteral("https://t.example.com"));
        r.targetUsername = QStringLiteral("bob");
        const auto saved = await<RuleService::Saved>(
            [&](auto done) { d.rules->save(r, QStringLiteral("kept"), done); });
        QVERIFY(saved);
        const QString key = d.keys().target(r.targetUrl, r.targetUsername);
        QCOMPARE(lookup(m_service, key), QStringLiteral("kept"));

        // The store refuses this one after validation passed and the keychain took the new
        // password (a trigger stands in for whatever makes a write fail): the old one comes back.
        Rule second = r;
        second.name = QStringLiteral("second");
        {
            QSqlQuery q(*d.db->connection());
            QVERIFY(q.exec(QStringLiteral(
                "CREATE TRIGGER refuse BEFORE INSERT ON rules WHEN NEW.name = 'second' "
                "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END")));
        }
        const auto refused = await<RuleService::Saved>(
            [&](auto done) { d.rules->save(second, QStringLiteral("replaced"), done); });
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QLatin1String("refused by the test")),
                 qPrintable(refused.error().message));
        QCOMPARE(lookup(m_service, key), QStringLiteral("kept"));

        // With no entry before, a refused save leaves none behind.
        Rule fresh = second;
        fresh.targetUsername = QStringLiteral("nobody-before");
        const QString freshKey = d.keys().target(fresh.targetUrl, fresh.targetUsername);
        QVERIFY(!await<RuleService::Saved>(
            [&](auto done) { d.rules->save(fresh, QStringLiteral("x"), done); }));
        QCOMPARE(lookup(m_service, freshKey), QString());
    }

    void deleteSaysWhatLeavesTheKeychain()
    {
        DataDir d(*m_keychain);
        const Instance src = *add(d, instance(QStringLiteral("src"), QString()), std::nullopt);
        Rule r;
        r.name = QStringLiteral("a");
        r.sourceInstanceId = src.id;
        r.sourceNamespace = QStringLiteral("team");
        r.crossAccount = true;
        r.targetUrl = QUrl(QStringLiteral("https://shared.example.com"));
        r.targetUsername = QStringLiteral("bob");
        const Rule a = await<RuleService::Saved>(
                           [&](auto done) { d.rules->save(r, QStringLiteral("pw"), done); })
                           ->rule;
        // Clone: same credentials, disabled.
        const Result<Rule> copy = await<Rule>([&](auto done) { d.rules->clone(a.id, {}, done); });
        QVERIFY2(copy, qPrintable(copy ? QString() : copy.error().message));
        QCOMPARE(copy->name, QStringLiteral("a-copy"));
        QVERIFY(!copy->enabled);
        const QString key = d.keys().target(r.targetUrl, r.targetUsername);

        auto first = await<RuleService::Removed>([&](auto done) { d.rules->remove(a.id, done); });
        QVERIFY(first);
        QVERIFY(!first->credentialsRemoved);
        QCOMPARE(first->credentialsKeptFor, QStringList { QStringLiteral("a-copy") });
        QCOMPARE(lookup(m_service, key), QStringLiteral("pw"));
        auto last = await<RuleService::Removed>([&](auto done) { d.rules->remove(copy->id, done); });
        QVERIFY(last);
        QVERIFY(last->credentialsRemoved);
        QCOMPARE(lookup(m_service, key), QString());
    }
};

QTEST_GUILESS_MAIN(TestService)
#include "tst_service.moc"
