// Automatic sync: a real docker-registry configured to notify crsync's webhook listener; pushes
// (skopeo, and manifests PUT over HTTP for bursts) reach the target in tasks with trigger
// `event`. Also the listener's refusals, Harbor payloads, routing, and the queue's retries.
#include "automation/automation.h"
#include "automation/eventqueue.h"
#include "automation/eventrouter.h"
#include "automation/pollwatcher.h"
#include "automation/scheduler.h"
#include "core/schedule.h"
#include "automation/webhooklistener.h"
#include "automation/webhookpayload.h"
#include "enginetestenv.h"
#include "ocilayout.h"
#include "testcertificates.h"
#include "secrets/credentialstore.h"
#include "store/eventstore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTcpSocket>

using namespace crsync;
using namespace crsync::test;

class TestAutomation : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void payloadsAreToldApart();
    void hostsMatchInstances();
    void refusedRequestsRecordNothing();
    void pushReplicatesByItself();
    void uncoveredPushesMoveNothing();
    void harborPayloadMapsToItsRule();
    void burstBecomesAFewTasks();
    void failedEventIsRetriedThenGivenUp();
    void secondProcessIsRefused();
    void pollWatcherPicksUpPushesOfASilentRegistry();
    void schedulesParseAndCount();
    void scheduleFiresAndSkipsAnOverlap();
    void listenerSpeaksTlsAndStaysOnLoopbackWithout();

private:
    // POSTs `body` to the listener; the status.
    int post(const QByteArray &body, const QByteArray &authorization);
    int eventCount();
    Rule rule(const QString &name, const QString &ns, const QString &tagFilter = {},
              bool enabled = true);
    bool pushImage(const QString &repoAndTag, const QString &seed);
    int tasksWithTrigger(Trigger trigger);

    QTemporaryDir m_layoutDir;
    std::unique_ptr<EngineEnv> m_env;
    std::unique_ptr<CredentialStore> m_keychain;
    std::unique_ptr<Automation> m_automation;
    std::unique_ptr<RegistryFixture> m_source; // notifies the listener
    std::unique_ptr<RegistryFixture> m_target;
    QString m_secret;
    qint64 m_sourceId = 0;
    qint64 m_targetId = 0;
    QNetworkAccessManager m_nam;
};

void TestAutomation::initTestCase()
{
    QString error;
    m_target = std::make_unique<RegistryFixture>(RegistryFixture::Mode::PlainHttp);
    QVERIFY2(m_target->start(&error), qPrintable(error));
}

void TestAutomation::init()
{
    m_env = std::make_unique<EngineEnv>();
    m_keychain = std::make_unique<CredentialStore>();
    m_automation = std::make_unique<Automation>(m_env->dataDir(), *m_env->database, *m_env->engine,
                                                *m_keychain);
    std::optional<Result<void>> started;
    Automation::Options options;
    options.port = 0;
    m_automation->start(options, [&](Result<void> r) { started = r; });
    QTRY_VERIFY_WITH_TIMEOUT(started.has_value(), 15000);
    QVERIFY2(*started, started->ok() ? "" : qPrintable(started->error().message));
    bool read = false;
    Automation::webhookSecret(*m_env->database, *m_keychain, false, [&](Result<QString> s) {
        m_secret = s ? *s : QString();
        read = true;
    });
    QTRY_VERIFY(read);
    QCOMPARE(m_secret.size(), 64);
    m_automation->queue()->setBackoffScale(0.02); // retries in a tenth of a second

    // A fresh source per test, notifying this listener with this secret.
    RegistryFixture::Options source;
    source.mode = RegistryFixture::Mode::PlainHttp;
    source.extraConfigYaml = RegistryFixture::notificationsYaml(QUrl(m_automation->webhookUrl()),
                                                                m_secret.toLatin1());
    m_source = std::make_unique<RegistryFixture>(source);
    QString error;
    QVERIFY2(m_source->start(&error), qPrintable(error));
    m_sourceId = m_env->addInstance(QStringLiteral("src"), *m_source);
    m_targetId = m_env->addInstance(QStringLiteral("dst"), *m_target);
}

void TestAutomation::cleanup()
{
    m_automation.reset();
    m_source.reset();
    m_keychain.reset();
    m_env.reset();
}

int TestAutomation::post(const QByteArray &body, const QByteArray &authorization)
{
    QNetworkRequest request{ QUrl(m_automation->webhookUrl()) };
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    if (!authorization.isEmpty())
        request.setRawHeader("Authorization", authorization);
    QNetworkReply *reply = m_nam.post(request, body);
    QSignalSpy done(reply, &QNetworkReply::finished);
    done.wait(10000);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return status;
}

int TestAutomation::eventCount()
{
    return int(EventStore(*m_env->database).list(100000).value().size());
}

Rule TestAutomation::rule(const QString &name, const QString &ns, const QString &tagFilter,
                          bool enabled)
{
    Rule r;
    r.name = name;
    r.sourceInstanceId = m_sourceId;
    r.sourceNamespace = ns;
    r.tagFilter = tagFilter;
    r.targetInstanceId = m_targetId;
    r.targetNamespace = QStringLiteral("mirror-") + name;
    r.enabled = enabled;
    return m_env->addRule(r);
}

bool TestAutomation::pushImage(const QString &repoAndTag, const QString &seed)
{
    OciLayout layout(m_layoutDir.filePath(seed));
    const OciLayout::Built image = layout.image({ seed.toUtf8(), OciLayout::randomBytes(2000, seed.size()) });
    layout.tag(image, QStringLiteral("t"));
    QString error;
    if (!layout.push(*m_source, QStringLiteral("t"), repoAndTag, &error)) {
        qWarning("push: %s", qPrintable(error));
        return false;
    }
    return true;
}

int TestAutomation::tasksWithTrigger(Trigger trigger)
{
    TaskFilter all;
    all.limit = 1000;
    int n = 0;
    for (const Task &t : TaskStore(*m_env->database).list(all).value())
        n += t.trigger == trigger;
    return n;
}

void TestAutomation::payloadsAreToldApart()
{
    const QByteArray envelope = R"({"events":[
        {"action":"push","target":{"mediaType":"application/vnd.oci.image.manifest.v1+json",
         "digest":"sha256:aa","repository":"team/app","url":"http://reg:5000/v2/team/app/manifests/sha256:aa","tag":"v1"},
         "request":{"host":"reg:5000","method":"PUT"}},
        {"action":"push","target":{"mediaType":"application/octet-stream","digest":"sha256:bb","repository":"team/app"}},
        {"action":"push","target":{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:cc","repository":"team/app"}},
        {"action":"pull","target":{"repository":"team/app","tag":"v1"}},
        {"action":"delete","target":{"repository":"team/app","digest":"sha256:aa"}}]})";
    const Result<WebhookPayload> d = parseWebhookPayload(envelope);
    QVERIFY(d);
    QCOMPARE(d->format, WebhookPayload::Format::Distribution);
    QCOMPARE(d->pushes.size(), 1); // a blob, a push by digest alone, a pull and a delete do not count
    QCOMPARE(d->ignored, 4);
    QCOMPARE(d->pushes[0].repository, QStringLiteral("team/app"));
    QCOMPARE(d->pushes[0].tag, QStringLiteral("v1"));
    QCOMPARE(d->pushes[0].hosts, QStringList { QStringLiteral("reg:5000") });

    // The shape of Harbor 2.x's PUSH_ARTIFACT webhook (as its documentation shows it).
    const QByteArray harbor = R"({"type":"PUSH_ARTIFACT","occur_at":1733270000,"operator":"admin",
        "event_data":{"resources":[{"digest":"sha256:dd","tag":"1.25","resource_url":"harbor.example.com/library/nginx:1.25"}],
        "repository":{"date_created":1733260000,"name":"nginx","namespace":"library","repo_full_name":"library/nginx","repo_type":"private"}}})";
    const Result<WebhookPayload> h = parseWebhookPayload(harbor);
    QVERIFY(h);
    QCOMPARE(h->format, WebhookPayload::Format::Harbor);
    QCOMPARE(h->pushes.size(), 1);
    QCOMPARE(h->pushes[0].repository, QStringLiteral("library/nginx"));
    QCOMPARE(h->pushes[0].tag, QStringLiteral("1.25"));
    QCOMPARE(h->pushes[0].digest, QStringLiteral("sha256:dd"));
    QCOMPARE(h->pushes[0].hosts, QStringList { QStringLiteral("harbor.example.com") });
    const Result<WebhookPayload> deleted = parseWebhookPayload(QByteArray(harbor).replace("PUSH_ARTIFACT", "DELETE_ARTIFACT"));
    QVERIFY(deleted);
    QCOMPARE(deleted->pushes.size(), 0);

    QVERIFY(!parseWebhookPayload("not json"));
    QVERIFY(!parseWebhookPayload("[1,2]"));
    QVERIFY(!parseWebhookPayload(R"({"something":"else"})"));
}

void TestAutomation::hostsMatchInstances()
{
    Instance i;
    i.url = QUrl(QStringLiteral("https://Harbor.Example.com"));
    QVERIFY(EventRouter::hostMatches(i, QStringLiteral("harbor.example.com")));
    QVERIFY(EventRouter::hostMatches(i, QStringLiteral("harbor.example.com:443")));
    QVERIFY(!EventRouter::hostMatches(i, QStringLiteral("harbor.example.com:8443")));
    QVERIFY(!EventRouter::hostMatches(i, QStringLiteral("harbor.example.org")));
    i.url = QUrl(QStringLiteral("http://127.0.0.1:5000"));
    QVERIFY(EventRouter::hostMatches(i, QStringLiteral("127.0.0.1:5000")));
    QVERIFY(!EventRouter::hostMatches(i, QStringLiteral("127.0.0.1")));
    QVERIFY(!EventRouter::hostMatches(i, QStringLiteral("127.0.0.1:5001")));
}

void TestAutomation::refusedRequestsRecordNothing()
{
    rule(QStringLiteral("all"), QStringLiteral("team"));
    const QByteArray push = QStringLiteral(R"({"events":[{"action":"push","target":{"mediaType":
        "application/vnd.oci.image.manifest.v1+json","digest":"sha256:aa","repository":"team/app",
        "tag":"v1"},"request":{"host":"%1"}}]})")
                                .arg(m_source->url().authority())
                                .toUtf8();
    const QByteArray bearer = "Bearer " + m_secret.toLatin1();
    QCOMPARE(post(push, {}), 401);
    QCOMPARE(post(push, "Bearer wrong"), 401);
    QCOMPARE(post(push, "Bearer " + m_secret.toLatin1().chopped(1)), 401);
    QCOMPARE(post(push, "Basic " + m_secret.toLatin1()), 401);
    QCOMPARE(post("{not json", bearer), 400);
    QCOMPARE(post(R"({"neither":1})", bearer), 400);
    QCOMPARE(post(QByteArray(WebhookListener::MaxBodyBytes + 1, ' '), bearer), 413);

    // A body declared too large is refused from its headers, before any of it is sent (so
    // none of it is held in memory), with or without the secret.
    auto raw = [this](const QByteArray &request, QByteArray *answer) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_automation->listener()->port());
        if (!socket.waitForConnected(5000))
            return false;
        socket.write(request);
        // Sends until the listener hangs up; reads what it says. (The listener runs on this
        // thread: wait with the event loop turning, not in waitForReadyRead.)
        const QByteArray filler(64 * 1024, 'x');
        QElapsedTimer clock;
        clock.start();
        while (socket.state() == QAbstractSocket::ConnectedState && clock.elapsed() < 15000) {
            if (request.contains("chunked"))
                socket.write(QByteArray::number(filler.size(), 16) + "\r\n" + filler + "\r\n");
            QTest::qWait(20);
            *answer += socket.readAll();
        }
        *answer += socket.readAll();
        return socket.state() != QAbstractSocket::ConnectedState;
    };
    QByteArray answer;
    QVERIFY(raw("POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                "Content-Length: 104857600\r\n\r\n", &answer));
    QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.constData());
    // One that does not say how long it is, chunked on past the limit, is cut off.
    answer.clear();
    QVERIFY(raw("POST /webhook HTTP/1.1\r\nHost: x\r\nAuthorization: " + bearer
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n",
                &answer));
    QVERIFY2(!answer.contains(" 200 "), answer.constData());
    // The listener goes on answering, several requests on one connection too.
    QCOMPARE(post("{not json", bearer), 400);
    QCOMPARE(post("{not json", bearer), 400);
    QCOMPARE(eventCount(), 0);
    QCOMPARE(m_automation->listener()->counters().rejected, 11);
    QCOMPARE(tasksWithTrigger(Trigger::Event), 0);

    QVERIFY(!WebhookListener::sameSecret({}, {}));
    QVERIFY(WebhookListener::sameSecret("abc", "abc"));
    QVERIFY(!WebhookListener::sameSecret("abc", "abd"));
    QVERIFY(!WebhookListener::sameSecret("abc", "abcd"));
}

void TestAutomation::pushReplicatesByItself()
{
    const Rule r = rule(QStringLiteral("auto"), QStringLiteral("team"));
    QElapsedTimer clock;
    clock.start();
    QVERIFY(pushImage(QStringLiteral("team/app:v1"), QStringLiteral("first")));
    const qint64 pushed = clock.elapsed();
    const QString digest = m_source->inspectDigest(QStringLiteral("team/app:v1"));
    QVERIFY(!digest.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(m_target->inspectDigest(QStringLiteral("mirror-auto/app:v1")), digest, 20000);
    qInfo("pushed in %lld ms; replicated %lld ms after the push ended", pushed, clock.elapsed() - pushed);
    QCOMPARE(tasksWithTrigger(Trigger::Event), 1);

    // A new tag of the same repository follows, in a task of its own, and the event is done.
    QVERIFY(pushImage(QStringLiteral("team/app:v2"), QStringLiteral("second")));
    QTRY_COMPARE_WITH_TIMEOUT(m_target->inspectDigest(QStringLiteral("mirror-auto/app:v2")),
                              m_source->inspectDigest(QStringLiteral("team/app:v2")), 20000);
    auto allDone = [&] {
        const QList<PendingEvent> events = EventStore(*m_env->database).list().value();
        return std::all_of(events.cbegin(), events.cend(),
                           [](const PendingEvent &e) { return e.state == PendingEvent::State::Done; });
    };
    QTRY_VERIFY(allDone());
    QCOMPARE(tasksWithTrigger(Trigger::Event), 2);
    QCOMPARE(eventCount(), 2);
    Q_UNUSED(r)
}

void TestAutomation::uncoveredPushesMoveNothing()
{
    rule(QStringLiteral("releases"), QStringLiteral("team"), QStringLiteral("v[0-9]+"));
    rule(QStringLiteral("off"), QStringLiteral("team"), {}, false);
    // Another namespace, a tag outside the filter: the registry notifies, nothing is queued.
    QVERIFY(pushImage(QStringLiteral("other/app:v1"), QStringLiteral("elsewhere")));
    QVERIFY(pushImage(QStringLiteral("team/app:nightly"), QStringLiteral("nightly")));
    // ...and a covered one, so that we know the notifications did arrive.
    QVERIFY(pushImage(QStringLiteral("team/app:v3"), QStringLiteral("release")));
    QTRY_COMPARE_WITH_TIMEOUT(m_target->inspectDigest(QStringLiteral("mirror-releases/app:v3")),
                              m_source->inspectDigest(QStringLiteral("team/app:v3")), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(m_automation->listener()->counters().ignored >= 2, 10000);
    const QList<PendingEvent> events = EventStore(*m_env->database).list().value();
    QCOMPARE(events.size(), 1); // not for the disabled rule, not for the other two pushes
    QCOMPARE(events[0].tag, QStringLiteral("v3"));
    QVERIFY(m_target->tags(QStringLiteral("mirror-off/app")).isEmpty());
    QVERIFY(m_target->tags(QStringLiteral("mirror-releases/other/app")).isEmpty());
    QCOMPARE(m_target->tags(QStringLiteral("mirror-releases/app")), QStringList { QStringLiteral("v3") });
}

void TestAutomation::harborPayloadMapsToItsRule()
{
    // A Harbor-shaped payload naming the source's host: the artifact it names is synced.
    const Rule r = rule(QStringLiteral("harbor"), QStringLiteral("library"));
    rule(QStringLiteral("elsewhere"), QStringLiteral("team"));
    QVERIFY(pushImage(QStringLiteral("library/nginx:1.25"), QStringLiteral("nginx")));
    QTRY_COMPARE_WITH_TIMEOUT(m_target->inspectDigest(QStringLiteral("mirror-harbor/nginx:1.25")),
                              m_source->inspectDigest(QStringLiteral("library/nginx:1.25")), 20000);
    // (The registry's own notification did it; now Harbor's words for a second tag.)
    const QString digest = m_source->inspectDigest(QStringLiteral("library/nginx:1.25"));
    QVERIFY(m_source->pushManifest(QStringLiteral("library/nginx"), QStringLiteral("stable"),
                                   "application/vnd.oci.image.manifest.v1+json",
                                   m_source->inspectRaw(QStringLiteral("library/nginx:1.25"))));
    const QByteArray payload = QStringLiteral(R"({"type":"PUSH_ARTIFACT","occur_at":1,"operator":"admin",
        "event_data":{"resources":[{"digest":"%1","tag":"stable","resource_url":"%2/library/nginx:stable"}],
        "repository":{"name":"nginx","namespace":"library","repo_full_name":"library/nginx","repo_type":"private"}}})")
                                   .arg(digest, m_source->url().authority())
                                   .toUtf8();
    QCOMPARE(post(payload, "Bearer " + m_secret.toLatin1()), 200);
    QTRY_COMPARE_WITH_TIMEOUT(m_target->inspectDigest(QStringLiteral("mirror-harbor/nginx:stable")), digest, 20000);
    bool harborSeen = false;
    for (const PendingEvent &e : EventStore(*m_env->database).list().value()) {
        QCOMPARE(e.ruleId, r.id); // never the rule of another namespace
        harborSeen = harborSeen || e.origin == QLatin1String("harbor");
    }
    QVERIFY(harborSeen);
}

void TestAutomation::burstBecomesAFewTasks()
{
    rule(QStringLiteral("burst"), QStringLiteral("team"));
    QVERIFY(pushImage(QStringLiteral("team/app:base"), QStringLiteral("burst")));
    QTRY_VERIFY_WITH_TIMEOUT(!m_target->inspectDigest(QStringLiteral("mirror-burst/app:base")).isEmpty(), 20000);
    const QByteArray manifest = m_source->inspectRaw(QStringLiteral("team/app:base"));
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < 100; ++i)
        QVERIFY(m_source->pushManifest(QStringLiteral("team/app"), QStringLiteral("b%1").arg(i),
                                       "application/vnd.oci.image.manifest.v1+json", manifest));
    const qint64 pushedMs = clock.elapsed();
    auto arrived = [&] { return m_target->tags(QStringLiteral("mirror-burst/app")).size(); };
    QTRY_COMPARE_WITH_TIMEOUT(arrived(), qsizetype(101), 60000);
    const int tasks = tasksWithTrigger(Trigger::Event);
    qInfo("100 tag pushes in %lld ms; all on the target %lld ms after the first, in %d event tasks",
          pushedMs, clock.elapsed(), tasks - 1);
    QVERIFY2(tasks - 1 <= 20, qPrintable(QString::number(tasks)));
    QTRY_COMPARE(EventStore(*m_env->database).countPending().value(), 0);
}

void TestAutomation::failedEventIsRetriedThenGivenUp()
{
    // A push whose target is down: each task fails it, it is retried with backoff and given
    // up after EventQueue::MaxAttempts, the log saying so at every step.
    Instance down;
    down.name = QStringLiteral("down");
    down.url = QUrl(QStringLiteral("http://127.0.0.1:1"));
    down.allowHttp = true;
    down.accountId = QStringLiteral("100");
    Rule r;
    r.name = QStringLiteral("unreachable");
    r.sourceInstanceId = m_sourceId;
    r.sourceNamespace = QStringLiteral("team");
    r.targetInstanceId = InstanceStore(*m_env->database).add(down).value().id;
    const Rule unreachable = m_env->addRule(r);
    QStringList log;
    connect(m_automation.get(), &Automation::logLine, this, [&](const QString &line) { log << line; });
    QVERIFY(pushImage(QStringLiteral("team/app:v1"), QStringLiteral("undeliverable")));
    auto state = [&] { return EventStore(*m_env->database).list().value().value(0); };
    QTRY_VERIFY_WITH_TIMEOUT(state().state == PendingEvent::State::Failed, 90000);
    QCOMPARE(state().ruleId, unreachable.id);
    QCOMPARE(state().attempts, EventQueue::MaxAttempts);
    QVERIFY(!state().error.isEmpty());
    QCOMPARE(tasksWithTrigger(Trigger::Event), EventQueue::MaxAttempts);
    const auto count = [&](const char *words) {
        return std::count_if(log.cbegin(), log.cend(), [words](const QString &l) { return l.contains(QLatin1String(words)); });
    };
    QVERIFY2(count("retried in") == EventQueue::MaxAttempts - 1, qPrintable(log.join(QLatin1Char('\n'))));
    QVERIFY2(count("given up") == 1, qPrintable(log.join(QLatin1Char('\n'))));

    // An event for a tag the source does not have (deleted since it was pushed): the tasks
    // say it is not there, and after its attempts it is given up with their words.
    PendingEvent e;
    e.origin = QStringLiteral("distribution");
    e.ruleId = rule(QStringLiteral("gone"), QStringLiteral("team")).id;
    e.repository = QStringLiteral("team/nothing");
    e.tag = QStringLiteral("v9");
    const qint64 id = EventStore(*m_env->database).add({ e }).value().value(0).id;
    m_automation->queue()->dispatch();
    auto gone = [&] {
        for (const PendingEvent &p : EventStore(*m_env->database).list().value())
            if (p.id == id)
                return p;
        return PendingEvent();
    };
    QTRY_COMPARE_WITH_TIMEOUT(int(gone().state), int(PendingEvent::State::Failed), 30000);
    QCOMPARE(gone().attempts, EventQueue::MaxAttempts);
    qInfo("given up: %s", qPrintable(gone().error));
    QVERIFY2(gone().error.contains(QLatin1String("team/nothing")), qPrintable(gone().error));
}

void TestAutomation::secondProcessIsRefused()
{
    Automation second(m_env->dataDir(), *m_env->database, *m_env->engine, *m_keychain);
    std::optional<Result<void>> started;
    Automation::Options options;
    options.port = 0;
    second.start(options, [&](Result<void> r) { started = r; });
    QTRY_VERIFY(started.has_value());
    QVERIFY(!*started);
    QVERIFY2(started->error().message.contains(QString::number(QCoreApplication::applicationPid())),
             qPrintable(started->error().message));
}

void TestAutomation::pollWatcherPicksUpPushesOfASilentRegistry()
{
    // A registry that sends no notifications, polled.
    RegistryFixture silent(RegistryFixture::Mode::PlainHttp);
    QString error;
    QVERIFY2(silent.start(&error), qPrintable(error));
    const qint64 silentId = m_env->addInstance(QStringLiteral("silent"), silent);
    QVERIFY(PollStore(*m_env->database).setInterval(silentId, 60));
    QCOMPARE(PollStore(*m_env->database).interval(silentId).value(), 60);
    Rule r;
    r.name = QStringLiteral("polled");
    r.sourceInstanceId = silentId;
    r.sourceNamespace = QStringLiteral("team");
    r.targetInstanceId = m_targetId;
    r.targetNamespace = QStringLiteral("mirror-polled");
    m_env->addRule(r);
    auto push = [&](const QString &ref, const QByteArray &seed) {
        OciLayout layout(m_layoutDir.filePath(QString::fromLatin1(seed)));
        const OciLayout::Built image = layout.image({ seed });
        layout.tag(image, QStringLiteral("t"));
        QString why;
        return layout.push(silent, QStringLiteral("t"), ref, &why) ? image.digest : QString();
    };
    const QString first = push(QStringLiteral("team/app:v1"), "polled one");
    QVERIFY(!first.isEmpty());

    PollWatcher *poller = m_automation->poller();
    QVERIFY(poller);
    QSignalSpy polled(poller, &PollWatcher::polled);
    poller->pollNow(silentId);
    QVERIFY(polled.wait(20000));
    QCOMPARE(polled.takeFirst().value(1).toInt(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_target->inspectDigest(QStringLiteral("mirror-polled/app:v1")), first, 20000);
    QTRY_COMPARE(tasksWithTrigger(Trigger::Poll), 1);

    // Nothing new: the look finds no change and starts no task. It costs the listing and one
    // manifest HEAD per tag at the source, and nothing at the target.
    QTRY_COMPARE(EventStore(*m_env->database).countPending().value(), 0);
    auto logSize = [](const RegistryFixture &registry) { return QFileInfo(registry.registryLogFile()).size(); };
    auto requestsSince = [](const RegistryFixture &registry, qint64 offset) {
        QFile log(registry.registryLogFile());
        if (!log.open(QIODevice::ReadOnly) || !log.seek(offset))
            return QStringList();
        QStringList requests; // "HEAD /v2/team/app/manifests/v1"
        static const QRegularExpression line(QStringLiteral(
            "response completed.*http\\.request\\.method=(\\w+).*http\\.request\\.uri=\"?([^\"\\s]+)"));
        for (const QString &l : QString::fromUtf8(log.readAll()).split(QLatin1Char('\n')))
            if (const QRegularExpressionMatch m = line.match(l); m.hasMatch())
                requests << m.captured(1) + QLatin1Char(' ') + m.captured(2);
        return requests;
    };
    const qint64 sourceLog = logSize(silent), targetLog = logSize(*m_target);
    poller->pollNow(silentId);
    QVERIFY(polled.wait(20000));
    QCOMPARE(polled.takeFirst().value(1).toInt(), 0);
    QTest::qWait(300);
    QCOMPARE(tasksWithTrigger(Trigger::Poll), 1);
    const QStringList atSource = requestsSince(silent, sourceLog);
    QVERIFY2(atSource.contains(QStringLiteral("HEAD /v2/team/app/manifests/v1")), qPrintable(atSource.join(QLatin1Char('\n'))));
    QVERIFY2(atSource.filter(QStringLiteral("/manifests/")).size() == 1, qPrintable(atSource.join(QLatin1Char('\n'))));
    const QStringList atTarget = requestsSince(*m_target, targetLog).filter(QStringLiteral("/manifests/"));
    QVERIFY2(atTarget.isEmpty(), qPrintable(atTarget.join(QLatin1Char('\n'))));

    // A new tag and a moved one: the new one is work; the moved one is not, because the rule
    // does not overwrite what the target has.
    const QString second = push(QStringLiteral("team/app:v2"), "polled two");
    const QString moved = push(QStringLiteral("team/app:v1"), "polled one, again");
    QVERIFY(!second.isEmpty() && moved != first);
    poller->pollNow(silentId);
    QVERIFY(polled.wait(20000));
    QCOMPARE(polled.takeFirst().value(1).toInt(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_target->inspectDigest(QStringLiteral("mirror-polled/app:v2")), second, 20000);
    QTRY_COMPARE(tasksWithTrigger(Trigger::Poll), 2);
    // v1 moved at the source; the rule does not overwrite, so the target keeps its v1.
    QCOMPARE(m_target->inspectDigest(QStringLiteral("mirror-polled/app:v1")), first);
}

void TestAutomation::schedulesParseAndCount()
{
    QCOMPARE(Schedule::parse(QStringLiteral("every 30m"))->minutes, 30);
    QCOMPARE(Schedule::parse(QStringLiteral("Every 2 hours"))->minutes, 120);
    QCOMPARE(Schedule::parse(QStringLiteral("every 2h"))->toString(), QStringLiteral("every 2h"));
    QCOMPARE(Schedule::parse(QStringLiteral("daily 2:05"))->toString(), QStringLiteral("daily 02:05"));
    QCOMPARE(Schedule::parse(QStringLiteral("daily at 23:59"))->at, QTime(23, 59));
    // As the Chinese form suggests them.
    QCOMPARE(Schedule::parse(QString::fromUtf8("每30分钟"))->toString(), QStringLiteral("every 30m"));
    QCOMPARE(Schedule::parse(QString::fromUtf8("每 6 小时"))->toString(), QStringLiteral("every 6h"));
    QCOMPARE(Schedule::parse(QString::fromUtf8("每天 02:00"))->toString(), QStringLiteral("daily 02:00"));
    for (const char *bad : { "every 1m", "every 8000h", "daily 25:00", "hourly", "", "every m" })
        QVERIFY2(!Schedule::parse(QString::fromLatin1(bad)), bad);
    const QDateTime t0 = QDateTime(QDate(2026, 12, 4), QTime(10, 0), Qt::UTC);
    const Schedule every = *Schedule::parse(QStringLiteral("every 30m"));
    QCOMPARE(every.due(t0, t0.addSecs(60)), t0.addSecs(1800));
    QCOMPARE(every.due(QDateTime(), t0), t0.addSecs(1800)); // never ran: counted from now
    // Missed while crsync was not running: due in the past, shown as now.
    QCOMPARE(every.due(t0, t0.addSecs(7200)), t0.addSecs(1800));
    QCOMPARE(every.nextRun(t0, t0.addSecs(7200)), t0.addSecs(7200));
    const Schedule daily = *Schedule::parse(QStringLiteral("daily 02:00"));
    const QDateTime next = daily.due(QDateTime(), t0);
    QVERIFY(next > t0 && next <= t0.addDays(1));
    QCOMPARE(next.toLocalTime().time(), QTime(2, 0));
    // The first 02:00 after the last run, even when that has passed since.
    const QDateTime dayAfter(next.toLocalTime().date().addDays(1), QTime(2, 0)); // local
    QCOMPARE(daily.due(next, next.addDays(3)), dayAfter.toUTC());
    QCOMPARE(daily.nextRun(next, next.addSecs(60)), dayAfter.toUTC());
}

void TestAutomation::scheduleFiresAndSkipsAnOverlap()
{
    const Rule r = rule(QStringLiteral("nightly"), QStringLiteral("team"));
    QVERIFY(pushImage(QStringLiteral("team/app:v1"), QStringLiteral("scheduled")));
    QTRY_COMPARE(tasksWithTrigger(Trigger::Event), 1); // the push itself
    QTRY_COMPARE(EventStore(*m_env->database).countPending().value(), 0);
    ScheduleStore schedules(*m_env->database);
    QVERIFY(schedules.set(r.id, QStringLiteral("every 5m")));
    Scheduler *scheduler = m_automation->scheduler();
    QVERIFY(scheduler);
    QSignalSpy started(scheduler, &Scheduler::started);
    QSignalSpy skipped(scheduler, &Scheduler::skipped);
    scheduler->checkNow(); // the first look only counts from now
    QCOMPARE(started.size(), 0);
    QVERIFY(schedules.get(r.id).value()->lastRun.isValid());

    // Due (the last run was six minutes ago): a full scan with trigger schedule.
    QVERIFY(schedules.ran(r.id, QDateTime::currentDateTimeUtc().addSecs(-360)));
    scheduler->checkNow();
    QCOMPARE(started.size(), 1);
    QSignalSpy finished(m_env->engine.get(), &Engine::taskFinished);
    QVERIFY(EngineEnv::waitFor(finished, started.first().value(0).toLongLong(), 30000));
    QCOMPARE(tasksWithTrigger(Trigger::Schedule), 1);
    QCOMPARE(m_env->outcome(started.first().value(0).toLongLong()).task.status, TaskStatus::Succeeded);
    scheduler->checkNow(); // not due again yet
    QCOMPARE(started.size(), 1);

    // Due while a task of the rule runs: skipped and said, not stacked.
    QVERIFY(schedules.ran(r.id, QDateTime::currentDateTimeUtc().addSecs(-360)));
    const Result<qint64> manual = m_env->engine->trigger(r.id);
    QVERIFY(manual);
    scheduler->checkNow();
    QCOMPARE(started.size(), 1);
    QCOMPARE(skipped.size(), 1);
    QVERIFY2(skipped.first().value(1).toString().contains(QString::number(*manual)),
             qPrintable(skipped.first().value(1).toString()));
    QVERIFY(EngineEnv::waitFor(finished, *manual, 30000));
    QCOMPARE(tasksWithTrigger(Trigger::Schedule), 1);
}

void TestAutomation::listenerSpeaksTlsAndStaysOnLoopbackWithout()
{
    EngineEnv other; // a data dir of its own: the one of init() is held
    Automation tls(other.dataDir(), *other.database, *other.engine, *m_keychain);
    Automation::Options options;
    options.port = 0;
    // Beyond loopback without TLS: refused before anything listens.
    options.address = QHostAddress::AnyIPv4;
    std::optional<Result<void>> started;
    tls.start(options, [&](Result<void> r) { started = r; });
    QVERIFY(started.has_value() && !*started);
    QCOMPARE(started->error().field, QStringLiteral("listen"));

    TestCertificates certs;
    QString error;
    QVERIFY2(TestCertificates::shared(&certs, &error), qPrintable(error));
    options.address = QHostAddress::LocalHost;
    options.tlsCertificate = certs.serverCert;
    options.tlsKey = certs.serverKey;
    started.reset();
    tls.start(options, [&](Result<void> r) { started = r; });
    QTRY_VERIFY_WITH_TIMEOUT(started.has_value(), 15000);
    QVERIFY2(*started, started->ok() ? "" : qPrintable(started->error().message));
    QVERIFY2(tls.webhookUrl().startsWith(QLatin1String("https://127.0.0.1:")), qPrintable(tls.webhookUrl()));

    // A client that trusts the test CA talks HTTPS to it; one that does not, cannot.
    QSslConfiguration trusting = QSslConfiguration::defaultConfiguration();
    trusting.setCaCertificates(QSslCertificate::fromPath(certs.caCert));
    auto status = [&](const QSslConfiguration &ssl) {
        QNetworkAccessManager nam; // its own connections: Qt's cache does not key on TLS settings
        QNetworkRequest request{ QUrl(tls.webhookUrl()) };
        request.setSslConfiguration(ssl);
        QNetworkReply *reply = nam.post(request, QByteArray("{}"));
        QSignalSpy done(reply, &QNetworkReply::finished);
        done.wait(10000);
        const int code = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const bool sslError = reply->error() == QNetworkReply::SslHandshakeFailedError;
        reply->deleteLater();
        return sslError ? -1 : code;
    };
    QCOMPARE(status(trusting), 401); // HTTPS works; the secret is still asked for
    QCOMPARE(status(QSslConfiguration::defaultConfiguration()), -1);
}

QTEST_GUILESS_MAIN(TestAutomation)
#include "tst_automation.moc"
