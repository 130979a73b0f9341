// CredentialStore against the real Secret Service (gnome-keyring under scripts/with-keyring).
#include "secrets/credentialstore.h"
#include "secrets/keychainkeys.h"

#include <QCoreApplication>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <optional>

using namespace crsync;

namespace {

// The callbacks are asynchronous; these wait for them with QTRY_* in the test (not in the
// library).
struct Outcome
{
    bool done = false;
    std::optional<Error> error;
    QString value;
};

QString lookupWithSecretTool(const QString &service, const QString &key)
{
    // An independent reader: secret-tool talks to the Secret Service directly.
    QProcess p;
    p.start(QStringLiteral("secret-tool"),
            { QStringLiteral("lookup"), QStringLiteral("server"), service, QStringLiteral("user"),
              key });
    if (!p.waitForFinished(10000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

class TestCredentialStore : public QObject
{
    Q_OBJECT

private:
    QString m_service;

    void persist(CredentialStore &store, const QString &key, const QString &secret, Outcome *o)
    {
        store.persist(key, secret, [o](Result<void> r) {
            o->done = true;
            if (!r)
                o->error = r.error();
        });
    }
    void fetch(CredentialStore &store, const QString &key, Outcome *o)
    {
        store.fetch(key, [o](Result<QString> r) {
            o->done = true;
            if (r)
                o->value = *r;
            else
                o->error = r.error();
        });
    }
    void forget(CredentialStore &store, const QString &key, Outcome *o)
    {
        store.forget(key, [o](Result<void> r) {
            o->done = true;
            if (!r)
                o->error = r.error();
        });
    }

private slots:
    void initTestCase()
    {
        // scripts/install-deps installs it; without the independent reader nothing here proves
        // that the secrets reached the Secret Service, so its absence is a failure.
        if (QStandardPaths::findExecutable(QStringLiteral("secret-tool")).isEmpty())
            QFAIL("secret-tool (Debian's libsecret-tools) is needed as the independent reader: "
                  "run scripts/install-deps");
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QFAIL("No D-Bus session: run the tests under scripts/with-keyring");
        // A fresh service name per run so a leftover entry cannot make a test pass.
        m_service = QStringLiteral("crsync-test-%1")
                        .arg(QUuid::createUuid().toString(QUuid::Id128).left(8));
    }

    void storeGoneWhileTheServiceWorks()
    {
        // A window closed or a data dir given up while the Secret Service still answers: the
        // answers arrive after the store is gone, and nothing is called nor crashes.
        int called = 0;
        for (int round = 0; round < 20; ++round) {
            auto *store = new CredentialStore(m_service);
            store->persist(QStringLiteral("gone/%1").arg(round), QStringLiteral("x"), [&](Result<void>) { ++called; });
            store->fetch(QStringLiteral("gone/%1").arg(round), [&](Result<QString>) { ++called; });
            QTest::qWait(round % 5); // gone at every stage of the D-Bus round trips
            delete store;
        }
        QTest::qWait(1500);
        QVERIFY2(called <= 40, "no callback twice");
        CredentialStore store(m_service); // the keychain still answers afterwards
        bool answered = false;
        store.fetch(QStringLiteral("gone/never"), [&](Result<QString> r) { answered = !r; });
        QTRY_VERIFY(answered);
    }

    void serviceFromEnvironment()
    {
        const QByteArray saved = qgetenv("CRSYNC_KEYCHAIN_SERVICE");
        qputenv("CRSYNC_KEYCHAIN_SERVICE", "crsync-elsewhere");
        QCOMPARE(CredentialStore::serviceFromEnvironment(), QStringLiteral("crsync-elsewhere"));
        QCOMPARE(CredentialStore().service(), QStringLiteral("crsync-elsewhere"));
        qunsetenv("CRSYNC_KEYCHAIN_SERVICE");
        QCOMPARE(CredentialStore::serviceFromEnvironment(), QStringLiteral("crsync"));
        qputenv("CRSYNC_KEYCHAIN_SERVICE", saved);
    }

    void keys()
    {
        const KeychainKeys keys(QStringLiteral("0123abcd"));
        QCOMPARE(keys.instance(42), QStringLiteral("crsync/0123abcd/instance/42"));
        QCOMPARE(keys.target(QUrl(QStringLiteral("https://Reg.Example.com:5000/")),
                             QStringLiteral("alice")),
                 QStringLiteral("crsync/0123abcd/target/https://reg.example.com:5000|alice"));
        // Spellings of one target share an entry; another user or port does not.
        QCOMPARE(keys.target(QUrl(QStringLiteral("https://reg.example.com")), QStringLiteral("a")),
                 keys.target(QUrl(QStringLiteral("HTTPS://REG.example.com/v2/")),
                             QStringLiteral("a")));
        QVERIFY(keys.target(QUrl(QStringLiteral("https://r:1")), QStringLiteral("a"))
                != keys.target(QUrl(QStringLiteral("https://r:2")), QStringLiteral("a")));
        QVERIFY(keys.target(QUrl(QStringLiteral("https://r")), QStringLiteral("a"))
                != keys.target(QUrl(QStringLiteral("https://r")), QStringLiteral("b")));
        // Two data dirs never share an entry, for instances or targets.
        const KeychainKeys other(QStringLiteral("ffff0000"));
        QVERIFY(keys.instance(1) != other.instance(1));
        QVERIFY(keys.target(QUrl(QStringLiteral("https://r")), QStringLiteral("a"))
                != other.target(QUrl(QStringLiteral("https://r")), QStringLiteral("a")));
        // What older crsyncs used, read once to move it.
        QCOMPARE(KeychainKeys::legacyInstance(42), QStringLiteral("crsync/instance/42"));
        QCOMPARE(KeychainKeys::legacyTarget(QUrl(QStringLiteral("https://R:5000")),
                                            QStringLiteral("u")),
                 QStringLiteral("crsync/target/https://r:5000|u"));
    }

    void persistFetchForget()
    {
        CredentialStore store(m_service);
        const QString key = KeychainKeys(QStringLiteral("t1")).instance(7);
        const QString secret = QStringLiteral("pä$$wörd 密码 \"'\\");

        Outcome w;
        persist(store, key, secret, &w);
        QVERIFY(!w.done); // never answers from within the call
        QTRY_VERIFY(w.done);
        QVERIFY2(!w.error, qPrintable(w.error ? w.error->message : QString()));

        Outcome r;
        fetch(store, key, &r);
        QTRY_VERIFY(r.done);
        QVERIFY(!r.error);
        QCOMPARE(r.value, secret);
        QCOMPARE(lookupWithSecretTool(m_service, key), secret);

        Outcome f;
        forget(store, key, &f);
        QTRY_VERIFY(f.done);
        QVERIFY(!f.error);
        QVERIFY(lookupWithSecretTool(m_service, key).isEmpty());

        Outcome gone;
        fetch(store, key, &gone);
        QTRY_VERIFY(gone.done);
        QVERIFY(gone.error);
        QCOMPARE(gone.error->kind, Error::Kind::NotFound);
        QVERIFY(gone.error->message.contains(key));

        Outcome again; // forgetting what is not there is not an error
        forget(store, key, &again);
        QTRY_VERIFY(again.done);
        QVERIFY(!again.error);
    }

    void namespacing()
    {
        CredentialStore store(m_service);
        CredentialStore other(m_service + QStringLiteral("-other"));
        const KeychainKeys keys(QStringLiteral("t2"));
        const QString a = keys.instance(1);
        const QString b = keys.instance(2);
        const QString t = keys.target(QUrl(QStringLiteral("https://t.example")), QStringLiteral("u"));
        Outcome o1, o2, o3, o4;
        persist(store, a, QStringLiteral("secret-a"), &o1);
        persist(store, b, QStringLiteral("secret-b"), &o2);
        persist(store, t, QStringLiteral("secret-t"), &o3);
        persist(other, a, QStringLiteral("secret-other-a"), &o4);
        QTRY_VERIFY(o1.done && o2.done && o3.done && o4.done);
        QVERIFY(!o1.error && !o2.error && !o3.error && !o4.error);

        Outcome r1, r2, r3, r4;
        fetch(store, a, &r1);
        fetch(store, b, &r2);
        fetch(store, t, &r3);
        fetch(other, a, &r4);
        QTRY_VERIFY(r1.done && r2.done && r3.done && r4.done);
        QCOMPARE(r1.value, QStringLiteral("secret-a"));
        QCOMPARE(r2.value, QStringLiteral("secret-b"));
        QCOMPARE(r3.value, QStringLiteral("secret-t"));
        QCOMPARE(r4.value, QStringLiteral("secret-other-a"));

        // Forgetting one entry leaves its neighbours and the other service alone.
        Outcome f;
        forget(store, a, &f);
        QTRY_VERIFY(f.done);
        QCOMPARE(lookupWithSecretTool(m_service, a), QString());
        QCOMPARE(lookupWithSecretTool(m_service, b), QStringLiteral("secret-b"));
        QCOMPARE(lookupWithSecretTool(m_service + QStringLiteral("-other"), a),
                 QStringLiteral("secret-other-a"));

        Outcome c1, c2, c3;
        forget(store, b, &c1);
        forget(store, t, &c2);
        forget(other, a, &c3);
        QTRY_VERIFY(c1.done && c2.done && c3.done);
    }

    void replacementForSameTarget()
    {
        // Two rules naming the same target and user read one entry; saving newer credentials
        // (even through another spelling of the URL) replaces them for both.
        CredentialStore store(m_service);
        const KeychainKeys keys(QStringLiteral("t3"));
        const QString keyRuleA
            = keys.target(QUrl(QStringLiteral("https://target.example:443")), QStringLiteral("bob"));
        const QString keyRuleB
            = keys.target(QUrl(QStringLiteral("https://TARGET.example:443/")), QStringLiteral("bob"));
        QCOMPARE(keyRuleA, keyRuleB);

        Outcome w1;
        persist(store, keyRuleA, QStringLiteral("old"), &w1);
        QTRY_VERIFY(w1.done);
        Outcome w2;
        persist(store, keyRuleB, QStringLiteral("new"), &w2);
        QTRY_VERIFY(w2.done);
        QVERIFY(!w2.error);

        Outcome r;
        fetch(store, keyRuleA, &r);
        QTRY_VERIFY(r.done);
        QCOMPARE(r.value, QStringLiteral("new"));

        // One entry, not two: secret-tool search lists every match.
        QProcess p;
        p.start(QStringLiteral("secret-tool"),
                { QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("server"),
                  m_service, QStringLiteral("user"), keyRuleA });
        QVERIFY(p.waitForFinished(10000));
        const QByteArray listing = p.readAllStandardOutput() + p.readAllStandardError();
        QCOMPARE(listing.count("secret = "), 1);

        Outcome f;
        forget(store, keyRuleA, &f);
        QTRY_VERIFY(f.done);
    }

    void noSecretServiceGivesClearError()
    {
        // A child process whose session bus address points at a socket nobody listens on.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                   QStringLiteral("unix:path=%1/no-bus-here").arg(dir.path()));
        env.insert(QStringLiteral("CRSYNC_SECRETS_CHILD"), QStringLiteral("1"));
        env.insert(QStringLiteral("CRSYNC_KEYCHAIN_SERVICE"), m_service);
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForFinished(60000));
        const QString out = QString::fromUtf8(child.readAllStandardOutput());
        QCOMPARE(child.exitCode(), 0);
        QVERIFY2(out.contains(QLatin1String("kind=storage code=KEYCHAIN_UNAVAILABLE")),
                 qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("No keychain is available")), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("gnome-keyring")), qPrintable(out));
        QVERIFY2(!out.contains(QLatin1String("child-secret")), qPrintable(out));
        // Nothing reached the real keychain either (the child could not have written it, but
        // check that no fallback file was made next to the data either).
        QCOMPARE(lookupWithSecretTool(m_service, KeychainKeys(QStringLiteral("child")).instance(99)),
                 QString());
    }
};

// Child mode: try to store a secret with no Secret Service reachable, print the outcome.
static int runChild(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    CredentialStore store;
    store.persist(
        KeychainKeys(QStringLiteral("child")).instance(99), QStringLiteral("child-secret"),
        [](Result<void> r) {
            QTextStream out(stdout);
            if (r)
                out << "stored\n";
            else
                out << "kind=" << (r.error().kind == Error::Kind::Storage ? "storage" : "other")
                    << " code=" << r.error().code << "\n"
                    << r.error().message << "\n";
            out.flush();
            QCoreApplication::exit(0);
        });
    return app.exec();
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsSet("CRSYNC_SECRETS_CHILD"))
        return runChild(argc, argv);
    QCoreApplication app(argc, argv);
    TestCredentialStore test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_credentialstore.moc"
