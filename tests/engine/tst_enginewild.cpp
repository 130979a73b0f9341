// Registries in the wild, against real docker-registry instances (nginx in front of one where a
// registry's answer is to be shaped): signatures, attestations and SBOMs (referrers), odd
// manifests, a 401 to the HEAD of a new repository, a rate-limited source.
#include "enginetestenv.h"
#include "ocilayout.h"
#include "registryfixture.h"
#include "reverseproxy.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace crsync;
using namespace crsync::test;
using Mode = RegistryFixture::Mode;

namespace {

constexpr char OciManifestType[] = "application/vnd.oci.image.manifest.v1+json";
constexpr char OciIndexType[] = "application/vnd.oci.image.index.v1+json";

std::unique_ptr<RegistryFixture> startRegistry()
{
    auto registry = std::make_unique<RegistryFixture>(Mode::PlainHttp);
    QString error;
    if (!registry->start(&error))
        qFatal("registry: %s", qPrintable(error));
    return registry;
}

Rule makeRule(const QString &name, qint64 source, qint64 target, const QString &ns)
{
    Rule rule;
    rule.name = name;
    rule.sourceInstanceId = source;
    rule.targetInstanceId = target;
    rule.sourceNamespace = ns;
    return rule;
}

QString tagOf(const QString &digest, const char *suffix)
{
    return QString(digest).replace(QLatin1Char(':'), QLatin1Char('-')) + QLatin1String(suffix);
}

struct Pushed
{
    QString digest;
    qint64 size = 0;
};

// Pushes a one-layer OCI manifest the way signing and SBOM tools write theirs: cosign's with an
// image config and a payload layer under a tag of its scheme, OCI 1.1 ones with artifactType
// and subject (pushed by digest when reference is empty).
Pushed pushArtifact(const RegistryFixture &registry, const QString &repository,
                    const QString &reference, const QString &layerType, const QByteArray &payload,
                    const Pushed &subject = {}, const QString &artifactType = {})
{
    const QByteArray config = artifactType.isEmpty()
        ? QByteArray(R"({"architecture":"","os":"","rootfs":{"type":"layers","diff_ids":[]}})")
        : QByteArray("{}");
    QString error;
    if (!registry.pushBlob(repository, config, &error) || !registry.pushBlob(repository, payload, &error))
        qFatal("blob: %s", qPrintable(error));
    QJsonObject m {
        { "schemaVersion", 2 },
        { "mediaType", OciManifestType },
        { "config",
          QJsonObject { { "mediaType", artifactType.isEmpty()
                                           ? "application/vnd.oci.image.config.v1+json"
                                           : "application/vnd.oci.empty.v1+json" },
                        { "size", config.size() },
                        { "digest", RegistryFixture::sha256Digest(config) } } },
        { "layers",
          QJsonArray { QJsonObject { { "mediaType", layerType },
                                     { "size", payload.size() },
                                     { "digest", RegistryFixture::sha256Digest(payload) } } } },
    };
    if (!artifactType.isEmpty())
        m.insert("artifactType", artifactType);
    if (!subject.digest.isEmpty())
        m.insert("subject", QJsonObject { { "mediaType", OciManifestType },
                                          { "size", subject.size },
                                          { "digest", subject.digest } });
    const QByteArray bytes = QJsonDocument(m).toJson(QJsonDocument::Compact);
    const QString digest = RegistryFixture::sha256Digest(bytes);
    if (!registry.pushManifest(repository, reference.isEmpty() ? digest : reference,
                               OciManifestType, bytes, &error))
        qFatal("manifest: %s", qPrintable(error));
    return { digest, bytes.size() };
}

Pushed pushImage(const RegistryFixture &registry, const QString &repoTag, quint32 seed)
{
    QTemporaryDir dir;
    OciLayout layout(dir.path());
    const auto image = layout.image({ OciLayout::randomBytes(20000, seed) });
    layout.tag(image, "x");
    QString error;
    if (!layout.push(registry, "x", repoTag, &error))
        qFatal("push: %s", qPrintable(error));
    return { image.digest, registry.inspectRaw(repoTag).size() };
}

// "PUT /v2/sign/app/manifests/1.0", in the order the registry answered them.
QStringList requestsOf(const RegistryFixture &registry, const QString &method)
{
    QFile log(registry.registryLogFile());
    if (!log.open(QIODevice::ReadOnly))
        return {};
    static const QRegularExpression line(QStringLiteral(
        "response completed.*http\\.request\\.method=(\\w+).*http\\.request\\.uri=\"?([^\"\\s]+)"));
    QStringList requests;
    for (const QString &l : QString::fromUtf8(log.readAll()).split(QLatin1Char('\n')))
        if (const QRegularExpressionMatch m = line.match(l); m.hasMatch() && m.captured(1) == method)
            requests << m.captured(1) + QLatin1Char(' ') + m.captured(2);
    return requests;
}

QStringList outcomes(const TaskOutcome &o)
{
    QStringList lines;
    for (const TaskItem &i : o.items)
        lines << QStringLiteral("%1:%2 %3 %4 %5")
                     .arg(i.targetRepository, i.tag, outcomeName(i.outcome), i.kind)
                     .arg(i.referrers);
    lines.sort();
    return lines;
}

} // namespace

class TestEngineWild : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void tagSchemeReferrersTravelWithTheirSubject();
    void aNewSignatureArrivesByItsEvent();
    void withoutTheOptionTheyAreArtifactsOfTypeOther();
    void referrersApiFindsUntaggedReferrers();
    void indexChildMissingAtTheSourceIsNamed();
    void targetRefusingTheHeadOfANewRepositoryIsAFirstPush();
    void throttledSourceSlowsTheSyncDown();

private:
    std::unique_ptr<RegistryFixture> m_source;
    Pushed m_signed, m_unsigned, m_signature, m_sbom, m_sbomSignature, m_attestation, m_referrersIndex;
};

// sign/app:1.0 has a cosign signature, an SBOM with a signature of its own, and an OCI 1.1
// attestation listed by the referrers tag (the fallback of registries without the API);
// sign/app:2.0 has nothing.
void TestEngineWild::initTestCase()
{
    m_source = startRegistry();
    m_signed = pushImage(*m_source, "sign/app:1.0", 1);
    m_unsigned = pushImage(*m_source, "sign/app:2.0", 2);
    m_signature = pushArtifact(*m_source, "sign/app", tagOf(m_signed.digest, ".sig"),
                               "application/vnd.dev.cosign.simplesigning.v1+json",
                               R"({"critical":{"image":{"docker-manifest-digest":"1.0"}}})");
    m_sbom = pushArtifact(*m_source, "sign/app", tagOf(m_signed.digest, ".sbom"), "text/spdx+json",
                          R"({"spdxVersion":"SPDX-2.3","name":"app"})");
    m_sbomSignature = pushArtifact(*m_source, "sign/app", tagOf(m_sbom.digest, ".sig"),
                                   "application/vnd.dev.cosign.simplesigning.v1+json",
                                   R"({"critical":{"image":{"docker-manifest-digest":"sbom"}}})");
    m_attestation = pushArtifact(*m_source, "sign/app", QString(), "application/vnd.in-toto+json",
                                 R"({"_type":"https://in-toto.io/Statement/v1"})", m_signed,
                                 "application/vnd.in-toto+json");
    const QByteArray index = QJsonDocument(QJsonObject {
        { "schemaVersion", 2 },
        { "mediaType", OciIndexType },
        { "manifests",
          QJsonArray { QJsonObject { { "mediaType", OciManifestType },
                                     { "size", m_attestation.size },
                                     { "digest", m_attestation.digest },
                                     { "artifactType", "application/vnd.in-toto+json" } } } },
    }).toJson(QJsonDocument::Compact);
    QString error;
    QVERIFY2(m_source->pushManifest("sign/app", tagOf(m_signed.digest, ""), OciIndexType, index, &error),
             qPrintable(error));
    m_referrersIndex = { RegistryFixture::sha256Digest(index), index.size() };
}

void TestEngineWild::tagSchemeReferrersTravelWithTheirSubject()
{
    auto target = startRegistry();
    EngineEnv env;
    Rule rule = makeRule("signed", env.addInstance("src", *m_source), env.addInstance("dst", *target), "sign");
    rule.resourceType = ResourceType::Image;
    rule.tagFilter = "[0-9.]+"; // the scheme's tags do not match it, and go all the same
    QVERIFY(rule.withReferrers); // on for a new rule
    env.addRule(rule);

    TaskOutcome o = env.sync("signed");
    QCOMPARE(o.task.status, TaskStatus::Succeeded);
    // Two images, nothing else counted: four manifests refer to 1.0 (its signature, its SBOM and
    // the SBOM's signature, the attestation the referrers tag lists).
    QCOMPARE(outcomes(o), QStringList({ "sign/app:1.0 copied image 4", "sign/app:2.0 copied image 0" }));
    QCOMPARE(o.task.artifactsTotal, 2);
    const QStringList tags = { "1.0", "2.0", tagOf(m_signed.digest, ".sig"), tagOf(m_signed.digest, ".sbom"),
                               tagOf(m_sbom.digest, ".sig"), tagOf(m_signed.digest, "") };
    for (const QString &tag : tags)
        QCOMPARE(target->inspectDigest("sign/app:" + tag), m_source->inspectDigest("sign/app:" + tag));
    QCOMPARE(target->inspectDigest("sign/app:" + tagOf(m_signed.digest, ".sig")), m_signature.digest);
    QCOMPARE(target->inspectDigest("sign/app:" + tagOf(m_signed.digest, "")), m_referrersIndex.digest);
    // docker-registry answers an OCI manifest only to a client that accepts one, by digest too.
    const QList<QPair<QByteArray, QByteArray>> acceptOci { { "Accept", OciManifestType } };
    QCOMPARE(target->request("HEAD", "/v2/sign/app/manifests/" + m_attestation.digest, {}, acceptOci).status, 200);

    // Each after what it refers to.
    const QStringList puts = requestsOf(*target, "PUT").filter("/manifests/");
    auto at = [&](const QString &reference) {
        return puts.indexOf("PUT /v2/sign/app/manifests/" + reference);
    };
    QVERIFY2(at("1.0") >= 0, qPrintable(puts.join('\n')));
    QVERIFY(at(tagOf(m_signed.digest, ".sig")) > at("1.0"));
    QVERIFY(at(tagOf(m_signed.digest, ".sbom")) > at("1.0"));
    QVERIFY(at(tagOf(m_sbom.digest, ".sig")) > at(tagOf(m_signed.digest, ".sbom")));
    QVERIFY(at(tagOf(m_signed.digest, "")) > at(m_attestation.digest));
    QVERIFY(at(m_attestation.digest) > at("1.0"));

    // Again: all there, nothing moves, and they are still counted.
    const int putsBefore = int(requestsOf(*target, "PUT").size());
    o = env.sync("signed");
    QCOMPARE(o.task.status, TaskStatus::Succeeded);
    QCOMPARE(outcomes(o), QStringList({ "sign/app:1.0 up-to-date image 4", "sign/app:2.0 up-to-date image 0" }));
    QCOMPARE(o.task.bytes, 0);
    QCOMPARE(requestsOf(*target, "PUT").size(), putsBefore);
}

// cosign signs after the push: the push event of the signature's tag brings it over when its
// subject is there, and brings nothing when it is not (it then comes with its subject).
void TestEngineWild::aNewSignatureArrivesByItsEvent()
{
    auto source = startRegistry();
    auto target = startRegistry();
    const Pushed app = pushImage(*source, "late/app:1", 3);
    const Pushed other = pushImage(*source, "late/app:2", 4);
    EngineEnv env;
    Rule rule = makeRule("late", env.addInstance("src", *source), env.addInstance("dst", *target), "late");
    rule.tagFilter = "1"; // an event for a tag the filter leaves out is not an artifact of its own
    rule = env.addRule(rule);
    QCOMPARE(env.sync("late").task.status, TaskStatus::Succeeded);
    QCOMPARE(target->inspectDigest("late/app:1"), app.digest);

    const Pushed signature = pushArtifact(*source, "late/app", tagOf(app.digest, ".sig"),
                                          "application/vnd.dev.cosign.simplesigning.v1+json", "signed later");
    const Pushed early = pushArtifact(*source, "late/app", tagOf(other.digest, ".sig"),
                                      "application/vnd.dev.cosign.simplesigning.v1+json", "subject not there");
    QSignalSpy finished(env.engine.get(), &Engine::taskFinished);
    auto id = env.engine->triggerArtifacts(rule.id, Trigger::Event,
                                           { { "late/app", tagOf(app.digest, ".sig") },
                                             { "late/app", tagOf(other.digest, ".sig") } });
    QVERIFY(id);
    QVERIFY(EngineEnv::waitFor(finished, *id, 60000));
    const TaskOutcome o = env.outcome(*id);
    QCOMPARE(o.task.status, TaskStatus::Succeeded);
    QCOMPARE(outcomes(o), QStringList({ "late/app:" + tagOf(app.digest, ".sig") + " copied image 1" }));
    QCOMPARE(target->inspectDigest("late/app:" + tagOf(app.digest, ".sig")), signature.digest);
    QVERIFY(target->inspectDigest("late/app:" + tagOf(other.digest, ".sig")).isEmpty());
    QVERIFY(!early.digest.isEmpty());
}

void TestEngineWild::withoutTheOptionTheyAreArtifactsOfTypeOther()
{
    auto target = startRegistry();
    EngineEnv env;
    const qint64 s = env.addInstance("src", *m_source);
    const qint64 t = env.addInstance("dst", *target);
    Rule images = makeRule("images", s, t, "sign");
    images.withReferrers = false;
    images.resourceType = ResourceType::Image;
    env.addRule(images);
    TaskOutcome o = env.sync("images");
    QCOMPARE(o.task.status, TaskStatus::Succeeded);
    // cosign's manifests carry an image config, yet are not images.
    QCOMPARE(outcomes(o), QStringList({ "sign/app:1.0 copied image 0", "sign/app:2.0 copied image 0" }));
    QVERIFY(target->inspectDigest("sign/app:" + tagOf(m_signed.digest, ".sig")).isEmpty());

    Rule all = makeRule("all", s, t, "sign");
    all.withReferrers = false;
    env.addRule(all);
    o = env.sync("all");
    QCOMPARE(o.task.status, TaskStatus::Succeeded);
    QCOMPARE(outcomes(o), QStringList({
                              "sign/app:1.0 up-to-date image 0",
                              "sign/app:2.0 up-to-date image 0",
                              "sign/app:" + tagOf(m_signed.digest, "") + " copied other 0",
                              "sign/app:" + tagOf(m_signed.digest, ".sbom") + " copied other 0",
                              "sign/app:" + tagOf(m_signed.digest, ".sig") + " copied other 0",
                              "sign/app:" + tagOf(m_sbom.digest, ".sig") + " copied other 0",
                          }));
    QCOMPARE(target->inspectDigest("sign/app:" + tagOf(m_signed.digest, ".sig")), m_signature.digest);
}

// docker-registry has no referrers API: nginx answers it in front of the source with the index
// the OCI spec describes, for a referrer the registry holds untagged.
void TestEngineWild::referrersApiFindsUntaggedReferrers()
{
    auto registry = startRegistry();
    auto target = startRegistry();
    const Pushed app = pushImage(*registry, "api/app:1", 5);
    const Pushed sbom = pushArtifact(*registry, "api/app", QString(), "application/spdx+json",
                                     R"({"spdxVersion":"SPDX-2.3","name":"untagged"})", app,
                                     "application/spdx+json");
    const QByteArray answer = QJsonDocument(QJsonObject {
        { "schemaVersion", 2 },
        { "mediaType", OciIndexType },
        { "manifests",
          QJsonArray { QJsonObject { { "mediaType", OciManifestType },
                                     { "size", sbom.size },
                                     { "digest", sbom.digest },
                                     { "artifactType", "application/spdx+json" } } } },
    }).toJson(QJsonDocument::Compact);
    const QString empty = QStringLiteral(R"({"schemaVersion":2,"mediaType":"%1","manifests":[]})").arg(OciIndexType);
    ReverseProxy proxy(registry->port(),
                       QStringLiteral("location = /v2/api/app/referrers/%1 { default_type %2; return 200 '%3'; }\n"
                                      "location ~ ^/v2/.*/referrers/ { default_type %2; return 200 '%4'; }\n")
                           .arg(app.digest, OciIndexType, QString::fromUtf8(answer), empty));
    QString error;
    QVERIFY2(proxy.start(&error), qPrintable(error));

    EngineEnv env;
    env.addRule(makeRule("api", env.addInstance("src", proxy.url()), env.addInstance("dst", *target), "api"));
    const TaskOutcome o = env.sync("api");
    QCOMPARE(o.task.status, TaskStatus::Succeeded);
    QCOMPARE(outcomes(o), QStringList({ "api/app:1 copied image 1" }));
    QCOMPARE(target->request("HEAD", "/v2/api/app/manifests/" + sbom.digest, {}, { { "Accept", OciManifestType } }).status, 200);
    QCOMPARE(target->inspectRaw("api/app@" + sbom.digest), registry->inspectRaw("api/app@" + sbom.digest));
    const QStringList asked = proxy.requests().filter("/referrers/");
    QVERIFY2(asked.contains("GET /v2/api/app/referrers/" + app.digest + " 200"), qPrintable(asked.join('\n')));
    // The SBOM's own referrers were asked for too (there are none).
    QVERIFY2(asked.contains("GET /v2/api/app/referrers/" + sbom.digest + " 200"), qPrintable(asked.join('\n')));
}

void TestEngineWild::indexChildMissingAtTheSourceIsNamed()
{
    auto registry = startRegistry();
    auto target = startRegistry();
    QTemporaryDir dir;
    OciLayout layout(dir.path());
    const auto amd = layout.image({ OciLayout::randomBytes(9000, 6) }, "application/vnd.oci.image.config.v1+json",
                                  "linux/amd64");
    const auto arm = layout.image({ OciLayout::randomBytes(9000, 7) }, "application/vnd.oci.image.config.v1+json",
                                  "linux/arm64");
    layout.tag(layout.index({ amd, arm }), "multi");
    QString error;
    QVERIFY2(layout.push(*registry, "multi", "gone/multi:1", &error), qPrintable(error));
    layout.tag(layout.image({ OciLayout::randomBytes(5000, 8) }), "fine");
    QVERIFY2(layout.push(*registry, "fine", "gone/fine:1", &error), qPrintable(error));
    // The registry lost the arm64 manifest (a garbage collection raced the push, say).
    ReverseProxy proxy(registry->port(), ReverseProxy::refuse("/v2/gone/multi/manifests/" + arm.digest, 404));
    QVERIFY2(proxy.start(&error), qPrintable(error));

    EngineEnv env;
    env.addRule(makeRule("gone", env.addInstance("src", proxy.url()), env.addInstance("dst", *target), "gone"));
    const TaskOutcome o = env.sync("gone");
    QCOMPARE(o.task.status, TaskStatus::PartiallySucceeded);
    const TaskItem *multi = o.item("gone/multi", "1");
    QVERIFY(multi);
    QCOMPARE(multi->outcome, TaskItem::Outcome::Failed);
    QVERIFY2(multi->error.contains(arm.digest), qPrintable(multi->error));
    QVERIFY2(multi->error.contains("not found"), qPrintable(multi->error));
    QCOMPARE(o.item("gone/fine", "1")->outcome, TaskItem::Outcome::Copied);
    QVERIFY(target->inspectDigest("gone/multi:1").isEmpty());
}

// Some registries (Harbor among them) answer 401 to a HEAD in a repository that does not exist
// yet, since the token they hand out covers nothing there: that is a first push.
// Harbor's token service hands out a token for a repository that does not exist yet, and the
// registry answers 401 to the HEAD made with it: the credentials were good, so a first push.
// nginx plays that registry in front of a token-auth docker-registry (HEADs with a token are
// refused as Harbor refuses them, with its challenge). Wrong credentials still fail.
void TestEngineWild::targetRefusingTheHeadOfANewRepositoryIsAFirstPush()
{
    auto registry = std::make_unique<RegistryFixture>(Mode::TokenAuth);
    QString error;
    QVERIFY2(registry->start(&error), qPrintable(error));
    const Pushed app = pushImage(*m_source, "fresh/app:1", 9);
    const QString challenge = QStringLiteral("Bearer realm=\"%1\",service=\"%2\",scope=\"repository:fresh/app:pull,push\",error=\"insufficient_scope\"")
                                  .arg(registry->tokenRealm(), registry->tokenService());
    ReverseProxy proxy(registry->port(), QStringLiteral("location ^~ /v2/ {\n"
                                         "  set $refuse \"\";\n"
                                         "  if ($request_method = HEAD) { set $refuse h; }\n"
                                         "  if ($http_authorization ~ \"^Bearer \") { set $refuse \"${refuse}b\"; }\n"
                                         "  if ($uri !~ ^/v2/fresh/app/manifests/) { set $refuse \"\"; }\n"
                                         "  if ($refuse = hb) {\n"
                                         "    add_header WWW-Authenticate '%2' always;\n"
                                         "    return 401 '{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"unauthorized to access repository\"}]}';\n"
                                         "  }\n"
                                         "  proxy_pass https://127.0.0.1:%1;\n"
                                         "  proxy_ssl_verify off;\n"
                                         "  proxy_set_header Host $http_host;\n"
                                         "  proxy_set_header X-Forwarded-Proto http;\n"
                                         "}\n")
                                .arg(registry->port())
                                .arg(challenge));
    QVERIFY2(proxy.start(&error), qPrintable(error));

    EngineEnv env;
    Instance target;
    target.name = QStringLiteral("dst");
    target.url = proxy.url();
    target.allowHttp = true;
    target.username = registry->username();
    target.accountId = QStringLiteral("100");
    const auto added = InstanceStore(*env.database).add(target);
    QVERIFY(added);
    env.credentials.secrets.insert(env.keys().instance(added->id), registry->password());
    env.addRule(makeRule("fresh", env.addInstance("src", *m_source), added->id, "fresh"));
    TaskOutcome o = env.sync("fresh");
    QCOMPARE(o.task.status, TaskStatus::Succeeded);
    QCOMPARE(outcomes(o), QStringList({ "fresh/app:1 copied image 0" }));
    QCOMPARE(registry->inspectDigest("fresh/app:1"), app.digest);
    QVERIFY2(proxy.requests().contains("HEAD /v2/fresh/app/manifests/1 401"), qPrintable(proxy.requests().join('\n')));

    // The token service refusing the password is a failure, not a first push.
    env.credentials.secrets.insert(env.keys().instance(added->id), QStringLiteral("wrong"));
    o = env.sync("fresh");
    QCOMPARE(o.task.status, TaskStatus::Failed);
    QVERIFY2(o.task.message.contains(registry->username()) || (!o.items.isEmpty() && o.items.first().error.contains(registry->username())),
             qPrintable(o.task.message));
}

// A source that rate-limits (nginx's limit_req in front of docker-registry, answering 429 with
// Retry-After: 1 as Harbor's and cloud registries' limits do): the sync slows down rather than
// hammering it, and completes. After the first 429 every request waits out its Retry-After.
void TestEngineWild::throttledSourceSlowsTheSyncDown()
{
    auto registry = startRegistry();
    auto target = startRegistry();
    QStringList expected;
    for (int i = 0; i < 12; ++i) {
        const QString repoTag = QStringLiteral("busy/app%1:v%2").arg(i % 4).arg(i);
        pushImage(*registry, repoTag, 100 + i);
        expected << repoTag + " copied image 0";
    }
    expected.sort();
    ReverseProxy proxy(registry->port(),
                       QStringLiteral("    limit_req zone=registry burst=8 nodelay;\n"
                                      "    limit_req_status 429;\n"
                                      "    add_header Retry-After $retry_after always;\n"),
                       QStringLiteral("  limit_req_zone $binary_remote_addr zone=registry:1m rate=20r/s;\n"
                                      "  map $status $retry_after { 429 1; default \"\"; }\n"));
    QString error;
    QVERIFY2(proxy.start(&error), qPrintable(error));

    EngineEnv env;
    env.addRule(makeRule("busy", env.addInstance("src", proxy.url()), env.addInstance("dst", *target), "busy"));
    QElapsedTimer timer;
    timer.start();
    const TaskOutcome o = env.sync("busy");
    const qint64 took = timer.elapsed();
    QCOMPARE(o.task.status, TaskStatus::Succeeded);
    QCOMPARE(outcomes(o), expected);

    const QList<ReverseProxy::TimedRequest> requests = proxy.timedRequests();
    int refused = 0;
    double firstRefusal = 0;
    for (const auto &r : requests)
        if (r.status == 429 && (refused++ == 0 || r.finishedAt < firstRefusal))
            firstRefusal = r.finishedAt;
    // Requests that reached nginx between the first 429 and the end of its Retry-After: only
    // those the client had already sent when the answer arrived.
    int during = 0;
    for (const auto &r : requests)
        if (r.startedAt > firstRefusal + 0.1 && r.startedAt < firstRefusal + 0.9)
            ++during;
    qInfo("%lld requests, %d answered 429, %d in the second after the first 429; %lld ms",
          qint64(requests.size()), refused, during, took);
    QVERIFY2(refused > 0, "the limit was never reached: the test shows nothing");
    QVERIFY2(during == 0, qPrintable(QString::number(during)));
    QVERIFY2(refused * 4 < requests.size(), qPrintable(QString::number(refused)));
}

QTEST_GUILESS_MAIN(TestEngineWild)
#include "tst_enginewild.moc"
