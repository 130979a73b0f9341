// The transfer engine against real docker-registry instances, every result checked with skopeo.
#include "enginetestenv.h"
#include "engine/endpointresolver.h"
#include "engine/listingcache.h"
#include "ocilayout.h"
#include "reverseproxy.h"

#include <QCryptographicHash>
#include "store/instancestore.h"
#include "registryfixture.h"
#include "throttledproxy.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QLoggingCategory>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

using namespace crsync;
using namespace crsync::test;
using Mode = RegistryFixture::Mode;

namespace {

std::unique_ptr<RegistryFixture> startRegistry(Mode mode)
{
    auto registry = std::make_unique<RegistryFixture>(mode);
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

// Pushes a one-layer image that the source does not have as repoTag; its digest, or empty.
QString pushOtherImage(const RegistryFixture &registry, const QString &repoTag, qint64 size,
                       quint32 seed)
{
    QTemporaryDir dir;
    OciLayout other(dir.path());
    const auto image = other.image({ OciLayout::randomBytes(size, seed) });
    other.tag(image, "x");
    return other.push(registry, "x", repoTag) ? image.digest : QString();
}

// What copying these artifacts must move to an empty target, exactly: every manifest (index
// children too) once, and every blob once however many artifacts name it (the task mounts a
// blob it already pushed). Read back from the registry, independently of the engine.
qint64 bytesToMove(const RegistryFixture &registry, const QStringList &refs)
{
    qint64 bytes = 0;
    QHash<QString, qint64> blobs;
    std::function<void(const QString &, const QString &)> add = [&](const QString &repo,
                                                                    const QString &reference) {
        const QString sep = reference.startsWith(QLatin1String("sha256:")) ? "@" : ":";
        const QByteArray raw = registry.inspectRaw(repo + sep + reference);
        if (raw.isEmpty())
            qFatal("cannot read %s%s%s", qPrintable(repo), qPrintable(sep), qPrintable(reference));
        bytes += raw.size();
        const QJsonObject m = QJsonDocument::fromJson(raw).object();
        for (const QJsonValue &child : m.value(QLatin1String("manifests")).toArray())
            add(repo, child.toObject().value(QLatin1String("digest")).toString());
        QJsonArray parts = m.value(QLatin1String("layers")).toArray();
        if (m.contains(QLatin1String("config")))
            parts.prepend(m.value(QLatin1String("config")));
        for (const QJsonValue &part : parts)
            blobs.insert(part.toObject().value(QLatin1String("digest")).toString(),
                         part.toObject().value(QLatin1String("size")).toInteger());
    };
    for (const QString &ref : refs)
        add(ref.section(QLatin1Char(':'), 0, 0), ref.section(QLatin1Char(':'), 1));
    for (qint64 size : std::as_const(blobs))
        bytes += size;
    return bytes;
}

QStringList outcomes(const TaskOutcome &o)
{
    QStringList lines;
    for (const TaskItem &i : o.items)
        lines << QStringLiteral("%1:%2 %3 %4")
                     .arg(i.targetRepository, i.tag, outcomeName(i.outcome), i.error);
    lines.sort();
    return lines;
}

} // namespace

class TestEngineSync : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void nestedNamespacesAndFilters();
    void closedCatalogSyncsTheNamedRepositories();
    void harborFlavorListsThroughTheProjectApi();
    void harborTargetProjectIsCreatedBeforeThePush();
    void foreignLayerStaysBehind();
    void resourceTypes();
    void overwriteOffAndOn();
    void upToDateMovesNothing();
    void multiArchIndexArrivesWhole();
    void sameRegistryUsesMounts();
    void sharedLayerMovesOncePerTarget();
    void tokenAuthSourceToBasicAuthTarget();
    void corruptedSourceBlobFailsItsArtifactOnly();
    void registryKilledMidTask();
    void secondTriggerRefusedAndCancel();
    void disabledRuleRefused();
    void deadProcessTaskDoesNotBlockTrigger();
    void unreachableSourceFailsTheTask();
    void missingPasswordFailsTheTask();
    void eventTriggerSyncsOnlyTheNamedArtifacts();
    void previewMovesNothing();
    void previewReportsAsItGoesAndReusesTheListing();
    void previewIsCanceledByANewOne();
    void previewCountsASharedLayerOnce();
    void crossAccountKeepsItsTlsSettings();
    void crossAccountPreviewWithATypedPassword();
    void endpointsCarryThePlainHttpOptIn();
    void targetDownStopsTheTaskWithinSeconds();
    void repositoriesCountOnlyThoseSynced();
    void emptyNamespaceSaysSo();
    void shutdownCancelsOrFinishes();
    void thousandsOfTasksStayBounded();

private:
    std::unique_ptr<RegistryFixture> m_source;
    QTemporaryDir m_layoutDir;
    std::unique_ptr<OciLayout> m_layout;
    QHash<QString, QString> m_digest; // "repo:tag" at the source -> digest
    void push(const OciLayout::Built &built, const QString &repoTag)
    {
        const QString ref = repoTag;
        m_layout->tag(built,
                      QString(ref)
                          .replace(QLatin1Char('/'), QLatin1Char('_'))
                          .replace(QLatin1Char(':'), QLatin1Char('-')));
        QString error;
        QVERIFY2(m_layout->push(*m_source,
                                QString(ref)
                                    .replace(QLatin1Char('/'), QLatin1Char('_'))
                                    .replace(QLatin1Char(':'), QLatin1Char('-')),
                                repoTag, &error),
                 qPrintable(error));
        m_digest.insert(repoTag, built.digest);
    }
};

void TestEngineSync::initTestCase()
{
    m_source = startRegistry(Mode::PlainHttp);
    m_layout = std::make_unique<OciLayout>(m_layoutDir.path());
    const QByteArray shared = OciLayout::randomBytes(300000, 1);
    push(m_layout->image({ shared, OciLayout::randomBytes(200000, 2) }), "team/app:v1");
    push(m_layout->image({ shared, OciLayout::randomBytes(100000, 3) }), "team/app:v2");
    push(m_layout->dockerImage({ OciLayout::randomBytes(50000, 4) }), "team/app:dev");
    push(m_layout->image({ OciLayout::randomBytes(70000, 5) }), "team/sub/tool:v1.0");
    push(m_layout->helmChart("demo", "1.0.0"), "team/charts/demo:1.0.0");
    push(m_layout->otherArtifact("application/vnd.example.sbom.v1+json"), "team/sbom:s1");
    const auto amd = m_layout->image({ OciLayout::randomBytes(60000, 6) },
                                     "application/vnd.oci.image.config.v1+json", "linux/amd64");
    const auto arm = m_layout->image({ OciLayout::randomBytes(60000, 7) },
                                     "application/vnd.oci.image.config.v1+json", "linux/arm64");
    push(m_layout->index({ amd, arm }), "team/multi:v1");
    m_digest.insert("team/multi:amd64", amd.digest);
    m_digest.insert("team/multi:arm64", arm.digest);
    push(m_layout->image({ OciLayout::randomBytes(1000, 8) }), "other/x:v1");
}

void TestEngineSync::nestedNamespacesAndFilters()
{
    auto target = startRegistry(Mode::PlainHttp);
    EngineEnv env;
    const qint64 s = env.addInstance("src", *m_source);
    const qint64 t = env.addInstance("dst", *target);
    Rule rule = makeRule("filtered", s, t, "team");
    rule.repositoryFilter = "app|sub/.*";
    rule.tagFilter = "v1.*";
    rule.targetNamespace = "mirror";
    env.addRule(rule);

    const TaskOutcome o = env.sync("filtered");
    QCOMPARE(o.task.status, TaskStatus::Succeeded);
    QCOMPARE(outcomes(o), QStringList({ "mirror/app:v1 copied ", "mirror/sub/tool:v1.0 copied " }));
    QCOMPARE(o.task.repositories, 2);
    QCOMPARE(o.task.artifactsTotal, 2);
    QCOMPARE(o.task.artifactsCopied, 2);
    QVERIFY(o.task.bytes > 500000);
    QVERIFY(o.task.started.isValid() && o.task.finished.isValid());
    QCOMPARE(target->inspectDigest("mirror/app:v1"), m_digest["team/app:v1"]);
    QCOMPARE(target->inspectDigest("mirror/sub/tool:v1.0"), m_digest["team/sub/tool:v1.0"]);
    QVERIFY(target->inspectDigest("mirror/app:v2").isEmpty());
    QVERIFY(target->inspectRaw("mirror/app:v1") == m_source->inspectRaw("team/app:v1"));

    // Empty target namespace: same name as the source namespace; nothing outside it moves.
    Rule same = makeRule("same-ns", s, t, "team");
    same.repositoryFilter = "app";
    env.addRule(same);
    const TaskOutcome o2 = env.sync("same-ns");
    QCOMPARE(o2.task.status, TaskStatus::Succeeded);
    QCOMPARE(o2.task.artifactsCopied, 3);
    QCOMPARE(target->inspectDigest("team/app:dev"), m_digest["team/app:dev"]);
    QCOMPARE(target->inspectDigest("team/app:v2"), m_digest["team/app:v2"]);
    QVERIFY(target->inspectDigest("other/x:v1").isEmpty());
    QVERIFY(target->tags("team/sub/tool").isEmpty());
}

// The source behind nginx, which refuses /v2/_catalog as Harbor does for all but its
// administrators: a rule that names its repositories syncs them without a listing; one that
// does not fails and says what to do.
void TestEngineSync::closedCatalogSyncsTheNamedRepositories()
{
    ReverseProxy proxy(quint16(m_source->url().port()), ReverseProxy::refuse("/v2/_catalog", 403));
    QString error;
    QVERIFY2(proxy.start(&error), qPrintable(error));
    auto target = startRegistry(Mode::PlainHttp);
    EngineEnv env;
    const qint64 s = env.addInstance("closed", proxy.url());
    const qint64 t = env.addInstance("dst", *target);

    Rule everything = makeRule("everything", s, t, "team");
    env.addRule(everything);
    const TaskOutcome refused = env.sync("everything");
    QCOMPARE(refused.task.status, TaskStatus::Failed);
    QVERIFY2(refused.task.message.contains("access denied") && refused.task.message.contains("web|api|worker"),
             qPrintable(refused.task.message));

    // "gone" is named but not at the source: nothing to sync there, and no failure.
    Rule named = makeRule("named", s, t, "team");
    named.repositoryFilter = "app|sub/tool|gone";
    named.tagFilter = "v1.*";
    env.addRule(named);
    const TaskOutcome o = env.sync("named");
    QCOMPARE(o.task.status, TaskStatus::Succeeded);
    QCOMPARE(outcomes(o), QStringList({ "team/app:v1 copied ", "team/sub/tool:v1.0 copied " }));
    QCOMPARE(target->inspectDigest("team/app:v1"), m_digest["team/app:v1"]);
    QCOMPARE(target->inspectDigest("team/sub/tool:v1.0"), m_digest["team/sub/tool:v1.0"]);
}

// Harbor's project API in front of a real registry: nginx answers
// /api/v2.0/projects/team/repositories with the JSON shape Harbor documents, two to a page,
// only to the account's Basic credentials, and refuses the catalog; the rest reaches the
// registry. A harbor-flavored source lists through the API, page by page.
void TestEngineSync::harborFlavorListsThroughTheProjectApi()
{
    const QString basic = QStringLiteral("Basic ") + QString::fromLatin1(QByteArray("member:s3cret").toBase64());
    const QString api = QStringLiteral(
        "location = /api/v2.0/projects/team/repositories {\n"
        "  default_type application/json;\n"
        "  if ($http_authorization != \"%1\") { return 401 '{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"unauthorized\"}]}'; }\n"
        "  if ($arg_page_size != \"2\") { return 400 '{\"errors\":[{\"code\":\"BAD_REQUEST\",\"message\":\"page_size\"}]}'; }\n"
        "  if ($arg_page = \"1\") { return 200 '[{\"id\":1,\"name\":\"team/app\",\"artifact_count\":3},{\"id\":2,\"name\":\"team/charts/demo\",\"artifact_count\":1}]'; }\n"
        "  if ($arg_page = \"2\") { return 200 '[{\"id\":3,\"name\":\"team/sub/tool\",\"artifact_count\":1}]'; }\n"
        "  return 200 '[]';\n"
        "}\n")
                            .arg(basic);
    ReverseProxy proxy(quint16(m_source->url().port()), api + ReverseProxy::refuse("/v2/_catalog", 401));
    QString error;
    QVERIFY2(proxy.start(&error), qPrintable(error));
    auto target = startRegistry(Mode::PlainHttp);
    EngineSettings settings;
    settings.pageSize = 2;
    EngineEnv env(settings);
    const qint64 s = env.addInstance("harbor", proxy.url());
    Result<Instance> harbor = InstanceStore(*env.database).get(s);
    QVERIFY(harbor);
    Instance member = *harbor;
    member.flavor = Instance::Flavor::Harbor;
    member.username = QStringLiteral("member");
    QVERIFY(InstanceStore(*env.database).update(member));
    env.credentials.secrets.insert(env.keys().instance(s), QStringLiteral("s3cret"));
    const qint64 t = env.addInstance("dst", *target);

    Rule rule = makeRule("from-harbor", s, t, "team");
    rule.tagFilter = "v1.*";
    rule.targetNamespace = "mirror";
    env.addRule(rule);
    const TaskOutcome o = env.sync("from-harbor");
    QCOMPARE(o.task.status, TaskStatus::Succeeded);
    // team/app and team/sub/tool have v1 tags (the second from the second page); the chart
    // has none that matches.
    QCOMPARE(outcomes(o), QStringList({ "mirror/app:v1 copied ", "mirror/sub/tool:v1.0 copied " }));
    QCOMPARE(target->inspectDigest("mirror/sub/tool:v1.0"), m_digest["team/sub/tool:v1.0"]);

    // Wrong credentials: the API's 401 fails the task and says what failed.
    env.credentials.secrets.insert(env.keys().instance(s), QStringLiteral("wrong"));
    const TaskOutcome refused = env.sync("from-harbor");
    QCOMPARE(refused.task.status, TaskStatus::Failed);
    QVERIFY2(refused.task.message.contains("Harbor project team"), qPrintable(refused.task.message));
}

// A Harbor target: nginx answers Harbor's project API (HEAD ?project_name= 404 for "mirror",
// 200 for "kept"; POST 201) in front of a real registry. The missing project is created before
// the first push into it; an existing one is left alone.
void TestEngineSync::harborTargetProjectIsCreatedBeforeThePush()
{
    auto registry = startRegistry(Mode::PlainHttp);
    const QString basic = QStringLiteral("Basic ") + QString::fromLatin1(QByteArray("admin:pw").toBase64());
    const QString api = QStringLiteral(
        "location = /api/v2.0/projects {\n"
        "  default_type application/json;\n"
        "  if ($http_authorization != \"%1\") { return 401 '{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"unauthorized\"}]}'; }\n"
        "  if ($request_method = POST) { return 201 ''; }\n"
        "  if ($arg_project_name = \"mirror\") { return 404 '{\"errors\":[{\"code\":\"NOT_FOUND\",\"message\":\"not found\"}]}'; }\n"
        "  return 200 '';\n"
        "}\n")
                            .arg(basic);
    ReverseProxy proxy(quint16(registry->url().port()), api);
    QString error;
    QVERIFY2(proxy.start(&error), qPrintable(error));
    EngineEnv env;
    const qint64 s = env.addInstance("src", *m_source);
    const qint64 t = env.addInstance("harbor", proxy.url());
    Instance harbor = *InstanceStore(*env.database).get(t);
    harbor.flavor = Instance::Flavor::Harbor;
    harbor.username = QStringLiteral("admin");
    QVERIFY(InstanceStore(*env.database).update(harbor));
    env.credentials.secrets.insert(env.keys().instance(t), QStringLiteral("pw"));

    Rule rule = makeRule("to-harbor", s, t, "team");
    rule.repositoryFilter = "app";
    rule.tagFilter = "v2";
    rule.targetNamespace = "mirror/team";
    env.addRule(rule);
    const TaskOutcome o = env.sync("to-harbor");
    QCOMPARE(o.task.status, TaskStatus::Succeeded);
    QCOMPARE(registry->inspectDigest("mirror/team/app:v2"), m_digest["team/app:v2"]);
    const QStringList requests = proxy.requests();
    auto first = [&](const QString &start) {
        for (int i = 0; i < requests.size(); ++i)
            if (requests.at(i).startsWith(start))
                return i;
        return -1;
    };
    const int head = first("HEAD /api/v2.0/projects?project_name=mirror 404");
    const int post = first("POST /api/v2.0/projects 201");
    const int push = first("PUT /v2/mirror/team/app/manifests/v2");
    QVERIFY2(head >= 0 && post > head && push > post, qPrintable(requests.join('\n')));

    // An existing project: looked for, not created.
    Rule kept = makeRule("to-kept", s, t, "team");
    kept.repositoryFilter = "app";
    kept.tagFilter = "v2";
    kept.targetNamespace = "kept";
    env.addRule(kept);
    const int before = proxy.requests().filter("POST /api/").size();
    QCOMPARE(env.sync("to-kept").task.status, TaskStatus::Succeeded);
    QVERIFY(proxy.requests().contains("HEAD /api/v2.0/projects?project_name=kept 200"));
    QCOMPARE(proxy.requests().filter("POST /api/").size(), before);

    // Credentials the API refuses fail the task before anything is pushed.
    env.credentials.secrets.insert(env.keys().instance(t), QStringLiteral("wrong"));
    Rule refused = makeRule("refused", s, t, "team");
    refused.repositoryFilter = "app";
    refused.targetNamespace = "mirror2";
    env.addRule(refused);
    const TaskOutcome no = env.sync("refused");
    QCOMPARE(no.task.status, TaskStatus::Failed);
    QVERIFY2(no.task.message.contains("Harbor project mirror2"), qPrintable(no.task.message));
    QCOMPARE(first("PUT /v2/mirror2/"), -1);
}

// A Windows-style image whose base layer is foreign (fetched from its URLs, held by no
// registry): the manifest arrives with its digest, its other blobs with it, the foreign one not.
void TestEngineSync::foreignLayerStaysBehind()
{
    auto digestOf = [](const QByteArray &bytes) {
        return QStringLiteral("sha256:")
            + QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    };
    const QByteArray config = R"({"architecture":"amd64","os":"windows","rootfs":{"type":"layers","diff_ids":[]}})";
    const QByteArray layer = OciLayout::randomBytes(4000, 91);
    const QByteArray foreign = "bytes that live at the URL only";
    // docker-registry takes a foreign layer only when its URLs are allowed by configuration.
    auto allowingUrls = [] {
        RegistryFixture::Options options;
        options.extraConfigYaml = QStringLiteral("validation:\n  manifests:\n    urls:\n      allow:\n        - ^https?://\n");
        auto registry = std::make_unique<RegistryFixture>(options);
        QString why;
        if (!registry->start(&why))
            qFatal("registry: %s", qPrintable(why));
        return registry;
    };
    auto source = allowingUrls();
    auto target = allowingUrls();
    QString error;
    QVERIFY2(source->pushBlob("win/app", config, &error), qPrintable(error));
    QVERIFY2(source->pushBlob("win/app", layer, &error), qPrintable(error));
    const QByteArray manifest = QStringLiteral(
        R"({"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json",)"
        R"("config":{"mediaType":"application/vnd.docker.container.image.v1+json","size":%1,"digest":"%2"},)"
        R"("layers":[{"mediaType":"application/vnd.docker.image.rootfs.foreign.diff.tar.gzip","size":%3,)"
        R"("digest":"%4","urls":["https://example.invalid/base.tar.gz"]},)"
        R"({"mediaType":"application/vnd.docker.image.rootfs.diff.tar.gzip","size":%5,"digest":"%6"}]})")
                                    .arg(config.size())
                                    .arg(digestOf(config))
                                    .arg(foreign.size())
                                    .arg(digestOf(foreign))
                                    .arg(layer.size())
                                    .arg(digestOf(layer))
                                    .toUtf8();
    QVERIFY2(source->pushManifest("win/app", "1", "application/vnd.docker.distribution.manifest.v2+json",
                                    manifest, &error),
             qPrintable(error));

    EngineEnv env;
    const qint64 s = env.addInstance("src", *source);
    const qint64 t = env.addInstance("dst", *target);
    env.addRule(makeRule("windows", s, t, "win"));
    const TaskOutcome o = env.sync("windows");
    QCOMPARE(o.task.status, TaskStatus::Succeeded);
    QCOMPARE(outcomes(o), QStringList({ "win/app:1 copied " }));
    QCOMPARE(target->inspectDigest("win/app:1"), digestOf(manifest));
    QCOMPARE(o.task.bytes, qint64(manifest.size() + config.size() + layer.size()));
    QCOMPARE(target->request("HEAD", "/v2/win/app/blobs/" + digestOf(foreign)).status, 404);
    QCOMPARE(target->request("HEAD", "/v2/win/app/blobs/" + digestOf(layer)).status, 200);
}

void TestEngineSync::resourceTypes()
{
    auto target = startRegistry(Mode::PlainHttp);
    EngineEnv env;
    const qint64 s = env.addInstance("src", *m_source);
    const qint64 t = env.addInstance("dst", *target);
    const struct
    {
        const char *name;
        ResourceType type;
        QStringList expected;
    } cases[] = {
        { "images",
          ResourceType::Image,
          { "images/app:dev copied ", "images/app:v1 copied ", "images/app:v2 copied ",
            "images/multi:v1 copied ", "images/sub/tool:v1.0 copied " } },
        { "charts", ResourceType::Chart, { "charts/charts/demo:1.0.0 copied " } },
        { "all",
          ResourceType::All,
          { "all/app:dev copied ", "all/app:v1 copied ", "all/app:v2 copied ",
            "all/charts/demo:1.0.0 copied ", "all/multi:v1 copied ", "all/sbom:s1 copied ",
            "all/sub/tool:v1.0 copied " } },
    };
    for (const auto &c : cases) {
        Rule rule = makeRule(c.name, s, t, "team");
        rule.resourceType = c.type;
        rule.targetNamespace = c.name;
        env.addRule(rule);
        const TaskOutcome o = env.sync(c.name);
        QCOMPARE(o.task.status, TaskStatus::Succeeded);
        QCOMPARE(outcomes(o), c.expected);
        QCOMPARE(o.task.artifactsTotal, int(c.expected.size()));
    }
    QCOMPARE(target->inspectDigest("charts/charts/demo:1.0.0"), m_digest["team/charts/demo:1.0.0"]);
    QCOMPARE(target->inspectDigest("all/sbom:s1"), m_digest["team/sbom:s1"]);
    const TaskOutcome o = env.outcome(1);
    for (const TaskItem &i : o.items)
        QCOMPARE(i.kind, QStringLiteral("image"));
}

void TestEngineSync::overwriteOffAndOn()
{
    auto target = startRegistry(Mode::PlainHttp);
    EngineEnv env;
    const qint64 s = env.addInstance("src", *m_source);
    const qint64 t = env.addInstance("dst", *target);
    // The target's app:v1 is some other image.
    const QString differing = pushOtherImage(*target, "team/app:v1", 1234, 99);
    QVERIFY(!differing.isEmpty());

    Rule rule = makeRule("keep", s, t, "team");
    rule.repositoryFilter = "app";
    rule.tagFilter = "v1";
    env.addRule(rule);
    TaskOutcome o = env.sync("keep");
    QCOMPARE(o.task.status, TaskStatus::Succeeded);
    QCOMPARE(outcomes(o), QStringList({ "team/app:v1 exists-not-overwritten " }));
    QCOMPARE(o.task.artifactsSkipped, 1);
    QCOMPARE(o.task.bytes, 0);
    QCOMPARE(target->inspectDigest("team/app:v1"), differing);

    rule = RuleStore(*env.database).findByName("keep").value();
    rule.overwrite = true;
    QVERIFY(RuleStore(*env.database).update(rule));
    o = env.sync("keep");
    QCOMPARE(o.task.status, TaskStatus::Succeeded);
    QCOMPARE(outcomes(o), QStringList({ "team/app:v1 copied " }));
    QCOMPARE(target->inspectDigest("team/app:v1"), m_digest["team/app:v1"]);
}

void TestEngineSync::upToDateMovesNothing()
{
    auto target = startRegistry(Mode::PlainHttp);
    EngineEnv env;
    const qint64 s = env.addInstance("src", *m_source);
    const qint64 t = env.addInstance("dst", *target);
    env.addRule(makeRule("all", s, t, "team"));
    QSignalSpy progress(env.engine.get(), &Engine::taskProgress);
    QSignalSpy started(env.engine.get(), &Engine::taskStarted);
    QElapsedTimer clock;
    clock.start();
    TaskOutcome first = env.sync("all");
    // Progress is batched: a few signals a second, the last one complete, all on this thread.
    QVERIFY(!progress.isEmpty());
    QVERIFY2(progress.size() <= clock.elapsed() / env.engine->settings().progressIntervalMs + 2,
             qPrintable(QString::number(progress.size())));
    QCOMPARE(progress.last().at(1).toInt(), 7);
    QCOMPARE(progress.last().at(2).toInt(), 7);
    QCOMPARE(progress.last().at(3).toLongLong(), first.task.bytes);
    QCOMPARE(started.size(), 1);
    QCOMPARE(first.task.status, TaskStatus::Succeeded);
    QCOMPARE(first.task.artifactsCopied, 7);
    // Exactly what the artifacts are made of: a blob sent twice (the layer app:v1 and app:v2
    // share, or a config two artifacts have in common) would show here.
    const qint64 expected = bytesToMove(
        *m_source, { "team/app:v1", "team/app:v2", "team/app:dev", "team/sub/tool:v1.0",
                     "team/charts/demo:1.0.0", "team/sbom:s1", "team/multi:v1" });
    QCOMPARE(first.task.bytes, expected);
    qint64 itemBytes = 0;
    for (const TaskItem &i : first.items)
        itemBytes += i.bytes;
    QCOMPARE(itemBytes, expected);

    TaskOutcome second = env.sync("all");
    QCOMPARE(second.task.status, TaskStatus::Succeeded);
    QCOMPARE(second.task.artifactsSkipped, 7);
    QCOMPARE(second.task.artifactsCopied, 0);
    QCOMPARE(second.task.bytes, 0);
    for (const TaskItem &i : second.items) {
        QCOMPARE(i.outcome, TaskItem::Outcome::UpToDate);
        QCOMPARE(i.bytes, 0);
    }
}

void TestEngineSync::multiArchIndexArrivesWhole()
{
    auto target = startRegistry(Mode::PlainHttp);
    EngineEnv env;
    const qint64 s = env.addInstance("src", *m_source);
    const qint64 t = env.addInstance("dst", *target);
    Rule rule = makeRule("multi", s, t, "team");
    rule.repositoryFilter = "multi";
    env.addRule(rule);
    const TaskOutcome o = env.sync("multi");
    QCOMPARE(o.task.status, TaskStatus::Succeeded);
    QCOMPARE(o.items.size(), 1);
    QCOMPARE(o.items[0].digest, m_digest["team/multi:v1"]);
    QCOMPARE(o.items[0].kind, QStringLiteral("image"));
    QCOMPARE(target->inspectDigest("team/multi:v1"), m_digest["team/multi:v1"]);
    QCOMPARE(target->inspectRaw("team/multi:v1"), m_source->inspectRaw("team/multi:v1"));
    for (const char *child : { "team/multi:amd64", "team/multi:arm64" }) {
        const QString digest = m_digest[child];
        QCOMPARE(target->inspectRaw("team/multi@" + digest),
                 m_source->inspectRaw("team/multi@" + digest));
    }
    // skopeo copies the whole index out of the target: every child and blob is there.
    QTemporaryDir out;
    QByteArray err;
    QStringList args { "copy", "--all" };
    args << target->skopeoArgs("src") << "docker://" + target->hostPort() + "/team/multi:v1"
         << "oci:" + out.path() + ":x";
    QVERIFY2(RegistryFixture::runSkopeo(args, nullptr, &err) == 0, err.constData());
}

void TestEngineSync::sameRegistryUsesMounts()
{
    auto registry = startRegistry(Mode::PlainHttp);
    QTemporaryDir dir;
    OciLayout layout(dir.path());
    const auto image
        = layout.image({ OciLayout::randomBytes(400000, 11), OciLayout::randomBytes(300000, 12) });
    layout.tag(image, "a");
    QVERIFY(layout.push(*registry, "a", "prod/web:1"));

    EngineEnv env;
    const qint64 r = env.addInstance("one", *registry);
    Rule rule = makeRule("copy-ns", r, r, "prod");
    rule.targetNamespace = "backup";
    env.addRule(rule);
    const TaskOutcome o = env.sync("copy-ns");
    QCOMPARE(o.task.status, TaskStatus::Succeeded);
    QCOMPARE(o.task.artifactsCopied, 1);
    QCOMPARE(registry->inspectDigest("backup/web:1"), image.digest);
    // Only the manifest's bytes moved: the layers and the config were mounted.
    QCOMPARE(o.task.bytes, qint64(image.manifest.size()));
    QFile log(registry->registryLogFile());
    QVERIFY(log.open(QIODevice::ReadOnly));
    QVERIFY(log.readAll().contains("mount=sha256"));
}

void TestEngineSync::sharedLayerMovesOncePerTarget()
{
    auto source = startRegistry(Mode::PlainHttp);
    auto target = startRegistry(Mode::PlainHttp);
    QTemporaryDir dir;
    OciLayout layout(dir.path());
    const QByteArray base = OciLayout::randomBytes(3 << 20, 51);
    for (int i = 0; i < 4; ++i) {
        const auto image = layout.image({ base, OciLayout::randomBytes(1000, 52 + i) });
        layout.tag(image, QString::number(i));
        QVERIFY(layout.push(*source, QString::number(i), QStringLiteral("base/r%1:1").arg(i)));
    }
    EngineEnv env;
    env.addRule(
        makeRule("dedupe", env.addInstance("s", *source), env.addInstance("t", *target), "base"));
    const TaskOutcome o = env.sync("dedupe");
    QCOMPARE(o.task.status, TaskStatus::Succeeded);
    QCOMPARE(o.task.artifactsCopied, 4);
    // The 3 MiB base layer crossed once; the other repositories mounted it.
    QVERIFY2(o.task.bytes < (3 << 20) + 100000, qPrintable(QString::number(o.task.bytes)));
    for (int i = 0; i < 4; ++i)
        QVERIFY(!target->inspectDigest(QStringLiteral("base/r%1:1").arg(i)).isEmpty());
}

void TestEngineSync::tokenAuthSourceToBasicAuthTarget()
{
    auto source = startRegistry(Mode::TokenAuth);
    auto target = startRegistry(Mode::BasicAuth);
    QTemporaryDir dir;
    OciLayout layout(dir.path());
    const auto image = layout.image({ OciLayout::randomBytes(250000, 21) });
    layout.tag(image, "a");
    QVERIFY(layout.push(*source, "a", "secure/api:2.0"));

    EngineEnv env;
    env.addRule(makeRule("auth", env.addInstance("tok", *source), env.addInstance("basic", *target),
                         "secure"));
    const TaskOutcome o = env.sync("auth");
    QCOMPARE(o.task.status, TaskStatus::Succeeded);
    QCOMPARE(target->inspectDigest("secure/api:2.0"), image.digest);
    QVERIFY(source->tokenRequestCount() > 0);
}

void TestEngineSync::corruptedSourceBlobFailsItsArtifactOnly()
{
    auto source = startRegistry(Mode::PlainHttp);
    auto target = startRegistry(Mode::PlainHttp);
    QTemporaryDir dir;
    OciLayout layout(dir.path());
    const QByteArray layer = OciLayout::randomBytes(200000, 31);
    const auto bad = layout.image({ layer });
    const auto good = layout.image({ OciLayout::randomBytes(50000, 32) });
    layout.tag(bad, "bad");
    layout.tag(good, "good");
    QVERIFY(layout.push(*source, "bad", "ns/broken:1"));
    QVERIFY(layout.push(*source, "good", "ns/fine:1"));
    const QString hex = RegistryFixture::sha256Digest(layer).mid(7);
    const QString data = source->storageDir() + "/docker/registry/v2/blobs/sha256/" + hex.left(2)
        + "/" + hex + "/data";
    QFile file(data);
    QVERIFY2(file.open(QIODevice::ReadWrite), qPrintable(data));
    file.seek(1000);
    file.write("corrupted!");
    file.close();

    EngineEnv env;
    env.addRule(
        makeRule("corrupt", env.addInstance("s", *source), env.addInstance("t", *target), "ns"));
    const TaskOutcome o = env.sync("corrupt");
    QCOMPARE(o.task.status, TaskStatus::PartiallySucceeded);
    const TaskItem *broken = o.item("ns/broken", "1");
    QVERIFY(broken);
    QCOMPARE(broken->outcome, TaskItem::Outcome::Failed);
    QVERIFY2(broken->error.contains("sha256:" + hex), qPrintable(broken->error));
    QVERIFY(o.item("ns/fine", "1") && o.item("ns/fine", "1")->outcome == TaskItem::Outcome::Copied);
    QVERIFY(target->inspectDigest("ns/broken:1").isEmpty());
    QCOMPARE(target->request("HEAD", "/v2/ns/broken/blobs/sha256:" + hex).status, 404);
}

void TestEngineSync::registryKilledMidTask()
{
    auto source = startRegistry(Mode::PlainHttp);
    auto target = startRegistry(Mode::PlainHttp);
    QTemporaryDir dir;
    OciLayout layout(dir.path());
    for (int i = 0; i < 6; ++i) {
        const auto image = layout.image({ OciLayout::randomBytes(6 << 20, 40 + i) });
        layout.tag(image, QString::number(i));
        QVERIFY(layout.push(*source, QString::number(i), QStringLiteral("big/img:%1").arg(i)));
    }
    EngineSettings settings;
    settings.maxArtifactsInFlight = 1;
    settings.progressIntervalMs = 50;
    settings.registryTuning.maxAttempts = 2;
    settings.registryTuning.backoffBaseMs = 50;
    settings.registryTuning.timeoutMs = 3000;
    EngineEnv env(settings);
    env.addRule(
        makeRule("kill", env.addInstance("s", *source), env.addInstance("t", *target), "big"));
    QSignalSpy finished(env.engine.get(), &Engine::taskFinished);
    bool killed = false;
    connect(env.engine.get(), &Engine::taskProgress, this, [&](qint64, int done, int, qint64) {
        if (done >= 1 && !killed) {
            killed = true;
            target->stop();
        }
    });
    const qint64 id = env.engine->trigger("kill").value();
    QVERIFY(EngineEnv::waitFor(finished, id, 120000));
    QVERIFY(killed);
    const TaskOutcome o = env.outcome(id);
    QVERIFY2(o.task.status == TaskStatus::PartiallySucceeded || o.task.status == TaskStatus::Failed,
             qPrintable(taskStatusName(o.task.status)));
    QVERIFY(o.task.artifactsFailed >= 1);
    for (const TaskItem &i : o.items)
        if (i.outcome == TaskItem::Outcome::Failed)
            QVERIFY2(i.error.contains("big/img:" + i.tag) && i.error.size() > 30,
                     qPrintable(i.error));
}

void TestEngineSync::secondTriggerRefusedAndCancel()
{
    auto source = startRegistry(Mode::PlainHttp);
    auto target = startRegistry(Mode::PlainHttp);
    QTemporaryDir dir;
    OciLayout layout(dir.path());
    for (int i = 0; i < 6; ++i) {
        const auto image = layout.image({ OciLayout::randomBytes(6 << 20, 60 + i) });
        layout.tag(image, QString::number(i));
        QVERIFY(layout.push(*source, QString::number(i), QStringLiteral("big/img:%1").arg(i)));
    }
    EngineSettings settings;
    settings.maxArtifactsInFlight = 1;
    EngineEnv env(settings);
    // 36 MiB at 4 MiB/s: the task runs for seconds whatever the speed of loopback.
    ThrottledProxy slow(source->port(), 4 << 20);
    env.addRule(
        makeRule("long", env.addInstance("s", slow.url()), env.addInstance("t", *target), "big"));
    QSignalSpy finished(env.engine.get(), &Engine::taskFinished);
    const qint64 id = env.engine->trigger("long").value();
    auto again = env.engine->trigger("long");
    QVERIFY(!again);
    QCOMPARE(again.error().kind, Error::Kind::Conflict);
    QVERIFY2(again.error().message.contains(QString::number(id)),
             qPrintable(again.error().message));

    QSignalSpy progress(env.engine.get(), &Engine::taskProgress);
    QVERIFY(progress.wait(10000));
    QElapsedTimer clock;
    clock.start();
    QVERIFY(env.engine->cancel(id));
    QVERIFY(EngineEnv::waitFor(finished, id, 10000));
    QVERIFY(clock.elapsed() < 5000);
    const TaskOutcome o = env.outcome(id);
    QCOMPARE(o.task.status, TaskStatus::Canceled);
    QVERIFY(o.task.artifactsCopied < 6);
    QVERIFY(!env.engine->isActive(id));
    // A canceled rule can be synced again and completes.
    const TaskOutcome again2 = env.sync("long");
    QCOMPARE(again2.task.status, TaskStatus::Succeeded);
    QCOMPARE(again2.task.artifactsCopied + again2.task.artifactsSkipped, 6);
}

void TestEngineSync::disabledRuleRefused()
{
    EngineEnv env;
    const qint64 s = env.addInstance("src", *m_source);
    Rule rule = makeRule("off", s, s, "team");
    rule.targetNamespace = "elsewhere";
    rule.enabled = false;
    env.addRule(rule);
    auto id = env.engine->trigger("off");
    QVERIFY(!id);
    QVERIFY(id.error().message.contains("disabled"));
    QVERIFY(!env.engine->trigger("no-such-rule"));
}

void TestEngineSync::deadProcessTaskDoesNotBlockTrigger()
{
    auto target = startRegistry(Mode::PlainHttp);
    EngineEnv env;
    Rule rule = makeRule("stale", env.addInstance("src", *m_source),
                         env.addInstance("dst", *target), "team");
    rule.repositoryFilter = "sbom";
    rule = env.addRule(rule);
    // Another crsync started a task after this engine did, and died: no lock holds it.
    Task orphan;
    orphan.ruleId = rule.id;
    orphan.ruleName = rule.name;
    orphan.status = TaskStatus::InProgress;
    const qint64 orphanId = TaskStore(*env.database).create(orphan).value().id;
    const TaskOutcome o = env.sync("stale");
    QCOMPARE(o.task.status, TaskStatus::Succeeded);
    QCOMPARE(TaskStore(*env.database).get(orphanId).value().status, TaskStatus::Interrupted);

    // One whose process is alive (its lock is held) still blocks.
    const qint64 liveId = TaskStore(*env.database).create(orphan).value().id;
    QDir(env.dataDir()).mkpath("tasks");
    QLockFile lock(env.dataDir() + QStringLiteral("/tasks/%1.lock").arg(liveId));
    QVERIFY(lock.tryLock(0));
    auto refused = env.engine->trigger("stale");
    QVERIFY(!refused);
    QCOMPARE(refused.error().kind, Error::Kind::Conflict);
    QCOMPARE(TaskStore(*env.database).get(liveId).value().status, TaskStatus::InProgress);
}

void TestEngineSync::unreachableSourceFailsTheTask()
{
    auto gone = startRegistry(Mode::PlainHttp);
    EngineSettings settings;
    settings.registryTuning.maxAttempts = 2;
    settings.registryTuning.backoffBaseMs = 20;
    EngineEnv env(settings);
    const qint64 s = env.addInstance("gone", *gone);
    const qint64 t = env.addInstance("dst", *m_source);
    gone->stop();
    Rule rule = makeRule("unreachable", s, t, "team");
    rule.targetNamespace = "never";
    env.addRule(rule);
    const TaskOutcome o = env.sync("unreachable");
    QCOMPARE(o.task.status, TaskStatus::Failed);
    QVERIFY2(o.task.message.contains(gone->hostPort()), qPrintable(o.task.message));
    QVERIFY(env.failures.contains(o.task.id));
    QCOMPARE(env.failures.value(o.task.id).kind, Error::Kind::Network);
}

void TestEngineSync::missingPasswordFailsTheTask()
{
    auto basic = startRegistry(Mode::BasicAuth);
    EngineEnv env;
    const qint64 s = env.addInstance("locked", *basic);
    env.credentials.secrets.clear(); // the keychain lost it
    const qint64 t = env.addInstance("dst", *m_source);
    Rule rule = makeRule("nopass", s, t, "team");
    rule.targetNamespace = "never";
    env.addRule(rule);
    const TaskOutcome o = env.sync("nopass");
    QCOMPARE(o.task.status, TaskStatus::Failed);
    QVERIFY2(o.task.message.contains("keychain"), qPrintable(o.task.message));
    QCOMPARE(env.failures.value(o.task.id).kind, Error::Kind::Auth);
    QVERIFY(o.items.isEmpty());
}

void TestEngineSync::eventTriggerSyncsOnlyTheNamedArtifacts()
{
    auto target = startRegistry(Mode::PlainHttp);
    EngineEnv env;
    Rule rule = makeRule("events", env.addInstance("src", *m_source),
                         env.addInstance("dst", *target), "team");
    rule.tagFilter = "v.*";
    rule = env.addRule(rule);
    QSignalSpy finished(env.engine.get(), &Engine::taskFinished);
    // app:dev is outside the tag filter and other/x outside the namespace: neither moves.
    auto id = env.engine->triggerArtifacts(
        rule.id, Trigger::Event,
        { { "team/app", "v2" }, { "team/app", "dev" }, { "other/x", "v1" }, { "team/app", "v2" } });
    QVERIFY(id);
    QVERIFY(EngineEnv::waitFor(finished, *id, 60000));
    const TaskOutcome o = env.outcome(*id);
    QCOMPARE(o.task.status, TaskStatus::Succeeded);
    QCOMPARE(o.task.trigger, Trigger::Event);
    QCOMPARE(outcomes(o), QStringList({ "team/app:v2 copied " }));
    QCOMPARE(o.task.repositories, 1);
    QCOMPARE(target->inspectDigest("team/app:v2"), m_digest["team/app:v2"]);
    QVERIFY(target->inspectDigest("team/app:v1").isEmpty());
}

void TestEngineSync::previewMovesNothing()
{
    auto target = startRegistry(Mode::PlainHttp);
    EngineEnv env;
    const qint64 s = env.addInstance("src", *m_source);
    const qint64 t = env.addInstance("dst", *target);
    QVERIFY(!pushOtherImage(*target, "team/app:v2", 999, 77).isEmpty());
    Rule rule = makeRule("peek", s, t, "team");
    rule.repositoryFilter = "app";
    rule = env.addRule(rule);

    std::unique_ptr<PreviewJob> job(env.engine->preview(rule));
    QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 30000);
    QVERIFY(!job->error());
    const Plan &plan = job->plan();
    QCOMPARE(plan.artifacts.size(), 3);
    QCOMPARE(plan.count(Decision::Copy), 2);
    QCOMPARE(plan.count(Decision::ExistsNotOverwritten), 1);
    QVERIFY(target->inspectDigest("team/app:v1").isEmpty());
    QCOMPARE(TaskStore(*env.database).count().value(), 0);
}

namespace {
// Requests the registry logged whose path contains `what` (its access log).
int requestsFor(const RegistryFixture &registry, const QString &what)
{
    QFile log(registry.registryLogFile());
    if (!log.open(QIODevice::ReadOnly))
        return -1;
    int n = 0;
    for (const QByteArray &line : log.readAll().split('\n'))
        if (line.contains("\"GET ") && line.contains(what.toUtf8()))
            ++n;
    return n;
}
} // namespace

void TestEngineSync::previewReportsAsItGoesAndReusesTheListing()
{
    auto target = startRegistry(Mode::PlainHttp);
    EngineEnv env;
    Rule rule = makeRule("live", env.addInstance("src", *m_source), env.addInstance("dst", *target),
                         "team");
    auto cache = std::make_shared<ListingCache>();
    PreviewOptions options;
    options.listing = cache;

    std::unique_ptr<PreviewJob> first(env.engine->preview(rule, options));
    QSignalSpy repositories(first.get(), &PreviewJob::repositoriesMatched);
    QSignalSpy tags(first.get(), &PreviewJob::tagsMatched);
    QSignalSpy decided(first.get(), &PreviewJob::artifactDecided);
    QTRY_VERIFY_WITH_TIMEOUT(first->isFinished(), 30000);
    QVERIFY(!first->error());
    QCOMPARE(repositories.size(), 1);
    QCOMPARE(repositories.first().at(0).toStringList(),
             QStringList({ "team/app", "team/charts/demo", "team/multi", "team/sbom",
                           "team/sub/tool" }));
    QCOMPARE(tags.size(), 5); // each repository with its matching tags
    QCOMPARE(decided.size(), 7); // each decision as it came
    QCOMPARE(first->plan().artifacts.size(), 7);

    // Only the filters change: the same source is not listed again, and manifests it read are
    // not read again either.
    const int catalogs = requestsFor(*m_source, "/v2/_catalog");
    const int tagLists = requestsFor(*m_source, "/tags/list");
    const int manifests = requestsFor(*m_source, "/manifests/");
    rule.tagFilter = "v1.*";
    rule.overwrite = true;
    std::unique_ptr<PreviewJob> second(env.engine->preview(rule, options));
    QTRY_VERIFY_WITH_TIMEOUT(second->isFinished(), 30000);
    QVERIFY(!second->error());
    QCOMPARE(second->plan().artifacts.size(), 3); // app:v1, multi:v1, sub/tool:v1.0
    QCOMPARE(requestsFor(*m_source, "/v2/_catalog"), catalogs);
    QCOMPARE(requestsFor(*m_source, "/tags/list"), tagLists);
    QCOMPARE(requestsFor(*m_source, "/manifests/"), manifests);
    QCOMPARE(second->plan().count(Decision::Copy), 3);
}

void TestEngineSync::previewIsCanceledByANewOne()
{
    // A slow source: the first preview is still listing when the form changes.
    ThrottledProxy slow(m_source->port(), 2000);
    auto target = startRegistry(Mode::PlainHttp);
    EngineEnv env;
    Rule rule = makeRule("typing", env.addInstance("slow", slow.url()),
                         env.addInstance("dst", *target), "team");
    std::unique_ptr<PreviewJob> first(env.engine->preview(rule));
    QSignalSpy firstDone(first.get(), &PreviewJob::finished);
    QTest::qWait(200);
    QVERIFY(!first->isFinished());
    first->cancel();
    QVERIFY(firstDone.wait(5000));
    QVERIFY(first->error());
    QCOMPARE(first->error()->kind, Error::Kind::Canceled);
    QTRY_COMPARE_WITH_TIMEOUT(env.engine->stats().runs, 0, 5000);

    // Deleting a running preview stops it too.
    auto *dropped = env.engine->preview(rule);
    QTest::qWait(200);
    delete dropped;
    QTRY_COMPARE_WITH_TIMEOUT(env.engine->stats().runs, 0, 5000);
}

void TestEngineSync::previewCountsASharedLayerOnce()
{
    auto target = startRegistry(Mode::PlainHttp);
    EngineEnv env;
    Rule rule = makeRule("sizes", env.addInstance("src", *m_source), env.addInstance("dst", *target),
                         "team");
    rule.repositoryFilter = "app";
    rule.tagFilter = "v1|v2";
    std::unique_ptr<PreviewJob> job(env.engine->preview(rule));
    QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 30000);
    QVERIFY(!job->error());
    const Plan &plan = job->plan();
    QCOMPARE(plan.artifacts.size(), 2);
    // v1 and v2 share a 300000-byte layer: a copy moves it once.
    QCOMPARE(plan.bytesToCopy(), bytesToMove(*m_source, { "team/app:v1", "team/app:v2" }));
    QCOMPARE(plan.bytesToCopy(), plan.artifacts[0].size + plan.artifacts[1].size - 300000);
}

void TestEngineSync::crossAccountKeepsItsTlsSettings()
{
    // A target of another account behind HTTPS with a private CA and Basic auth: the rule's
    // CA file is what makes its certificate verify.
    auto target = startRegistry(Mode::BasicAuth);
    EngineEnv env;
    Rule rule = makeRule("across", env.addInstance("src", *m_source), 0, "team");
    rule.repositoryFilter = "app";
    rule.tagFilter = "v1";
    rule.crossAccount = true;
    rule.targetUrl = target->url();
    rule.targetUsername = target->username();
    rule.targetCaFile = target->caFile();
    rule = env.addRule(rule);
    env.credentials.secrets.insert(env.keys().target(target->url(), target->username()),
                                   target->password());
    TaskOutcome o = env.sync("across");
    QCOMPARE(o.task.status, TaskStatus::Succeeded);
    QCOMPARE(target->inspectDigest("team/app:v1"), m_digest["team/app:v1"]);

    // Without the CA file the certificate does not verify...
    rule.targetCaFile.clear();
    rule.tagFilter = "v2";
    QVERIFY(RuleStore(*env.database).update(rule));
    o = env.sync("across");
    QCOMPARE(o.task.status, TaskStatus::Failed);
    QVERIFY2(o.items.value(0).error.contains("certificate"), qPrintable(o.items.value(0).error));
    // ...and with verification explicitly off it is not checked.
    rule.targetInsecureSkipVerify = true;
    QVERIFY(RuleStore(*env.database).update(rule));
    o = env.sync("across");
    QCOMPARE(o.task.status, TaskStatus::Succeeded);
    QCOMPARE(target->inspectDigest("team/app:v2"), m_digest["team/app:v2"]);
}

// Whether a password may go to a plain-HTTP token service on another host is the instance's
// (or the cross-account target's) allowHttp; the resolver hands it to the registry client.
void TestEngineSync::endpointsCarryThePlainHttpOptIn()
{
    EngineEnv env;
    const qint64 plain = env.addInstance("plain", QUrl("http://127.0.0.1:1"));
    Instance tls;
    tls.name = "tls";
    tls.url = QUrl("https://127.0.0.1:2");
    tls.accountId = QStringLiteral("100");
    const auto added = InstanceStore(*env.database).add(tls);
    QVERIFY2(added, added ? "" : qPrintable(added.error().message));
    const EndpointResolver resolver(*env.database, nullptr);

    auto ends = resolver.endpoints(makeRule("same", plain, added->id, "team"));
    QVERIFY(ends);
    QVERIFY(ends->source.allowHttp);
    QVERIFY(!ends->target.allowHttp);
    ends = resolver.endpoints(makeRule("back", added->id, plain, "team"));
    QVERIFY(ends);
    QVERIFY(!ends->source.allowHttp);
    QVERIFY(ends->target.allowHttp);

    Rule across = makeRule("across", added->id, 0, "team");
    across.crossAccount = true;
    across.targetUrl = QUrl("https://127.0.0.1:3");
    ends = resolver.endpoints(across);
    QVERIFY(ends);
    QVERIFY(!ends->target.allowHttp);
    across.targetAllowHttp = true;
    ends = resolver.endpoints(across);
    QVERIFY(ends);
    QVERIFY(ends->target.allowHttp);
}

void TestEngineSync::crossAccountPreviewWithATypedPassword()
{
    auto target = startRegistry(Mode::BasicAuth);
    EngineEnv env;
    Rule rule = makeRule("draft", env.addInstance("src", *m_source), 0, "team");
    rule.repositoryFilter = "app";
    rule.crossAccount = true;
    rule.targetUrl = target->url();
    rule.targetUsername = target->username();
    rule.targetCaFile = target->caFile();
    // Not stored, nothing in the keychain: the form's typed password is used.
    PreviewOptions options;
    options.passwords.target = target->password();
    std::unique_ptr<PreviewJob> job(env.engine->preview(rule, options));
    QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 30000);
    QVERIFY2(!job->error(), qPrintable(job->error() ? job->error()->message : QString()));
    QCOMPARE(job->plan().count(Decision::Copy), 3);
    QCOMPARE(job->plan().errors(), 0);

    // A wrong typed password is the registry's refusal, per artifact.
    options.passwords.target = QStringLiteral("wrong");
    std::unique_ptr<PreviewJob> wrong(env.engine->preview(rule, options));
    QTRY_VERIFY_WITH_TIMEOUT(wrong->isFinished(), 30000);
    QVERIFY(wrong->plan().errors() > 0 || wrong->error());
}

void TestEngineSync::targetDownStopsTheTaskWithinSeconds()
{
    auto target = startRegistry(Mode::PlainHttp);
    EngineSettings settings;
    settings.maxArtifactsInFlight = 2; // the artifacts would otherwise fail one pair at a time
    EngineEnv env(settings);
    Rule rule = makeRule("down", env.addInstance("src", *m_source), env.addInstance("dst", *target),
                         "team");
    env.addRule(rule);
    target->stop(); // connections are refused from now on
    QSignalSpy failed(env.engine.get(), &Engine::taskFailed);
    QElapsedTimer clock;
    clock.start();
    const TaskOutcome o = env.sync("down");
    const qint64 elapsed = clock.elapsed();
    qInfo() << "a task against a registry refusing connections ended after" << elapsed << "ms";
    QVERIFY2(elapsed < 10000, qPrintable(QString::number(elapsed)));
    QCOMPARE(o.task.status, TaskStatus::Failed);
    QCOMPARE(o.task.artifactsFailed, 7);
    QVERIFY2(o.task.message.contains("stopped trying") && o.task.message.contains(target->hostPort()),
             qPrintable(o.task.message));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().at(1).value<Error>().kind, Error::Kind::Network);
    // Said once: the artifacts not tried point at the task's message instead of repeating it.
    int notTried = 0;
    for (const TaskItem &i : o.items)
        if (i.error.contains("was not synced"))
            ++notTried;
    QVERIFY2(notTried >= 4, qPrintable(QString::number(notTried)));
}

void TestEngineSync::repositoriesCountOnlyThoseSynced()
{
    auto target = startRegistry(Mode::PlainHttp);
    EngineEnv env;
    Rule rule = makeRule("count", env.addInstance("src", *m_source), env.addInstance("dst", *target),
                         "team");
    rule.tagFilter = "v1"; // team/app and team/multi have it; the other 3 repositories do not
    env.addRule(rule);
    const TaskOutcome o = env.sync("count");
    QCOMPARE(o.task.status, TaskStatus::Succeeded);
    QCOMPARE(o.task.artifactsTotal, 2);
    QCOMPARE(o.task.repositories, 2);
}

void TestEngineSync::emptyNamespaceSaysSo()
{
    auto target = startRegistry(Mode::PlainHttp);
    EngineEnv env;
    env.addRule(makeRule("empty", env.addInstance("src", *m_source),
                         env.addInstance("dst", *target), "nobody-here"));
    const TaskOutcome o = env.sync("empty");
    QCOMPARE(o.task.status, TaskStatus::Succeeded);
    QCOMPARE(o.task.artifactsTotal, 0);
    QCOMPARE(o.task.successRatio(), 1.0);
    QVERIFY2(o.task.message.contains("Nothing to sync") && o.task.message.contains("nobody-here"),
             qPrintable(o.task.message));
}

void TestEngineSync::shutdownCancelsOrFinishes()
{
    auto target = startRegistry(Mode::PlainHttp);
    EngineEnv env;
    ThrottledProxy slow(m_source->port(), 200000);
    env.addRule(makeRule("stop", env.addInstance("slow", slow.url()),
                         env.addInstance("dst", *target), "team"));
    QSignalSpy finished(env.engine.get(), &Engine::taskFinished);
    QSignalSpy down(env.engine.get(), &Engine::shutdownFinished);
    const qint64 id = env.engine->trigger("stop").value();
    QTest::qWait(300);
    QElapsedTimer clock;
    clock.start();
    env.engine->shutdown(Engine::ShutdownMode::CancelRunning);
    QVERIFY(clock.elapsed() < 100); // it did not wait for the task
    QVERIFY(down.wait(10000));
    QCOMPARE(TaskStore(*env.database).get(id)->status, TaskStatus::Canceled);
    QVERIFY(!env.engine->trigger("stop")); // nothing new once shutting down

    // A second engine lets its running task finish.
    EngineEnv env2;
    env2.addRule(makeRule("finish", env2.addInstance("src", *m_source),
                          env2.addInstance("dst", *target), "team"));
    QSignalSpy down2(env2.engine.get(), &Engine::shutdownFinished);
    const qint64 id2 = env2.engine->trigger("finish").value();
    env2.engine->shutdown(Engine::ShutdownMode::FinishRunning);
    QVERIFY(down2.wait(60000));
    QCOMPARE(TaskStore(*env2.database).get(id2)->status, TaskStatus::Succeeded);
}

void TestEngineSync::thousandsOfTasksStayBounded()
{
    // A Bearer-token source: a client rebuilt for every task would fetch new tokens each time.
    auto source = startRegistry(Mode::TokenAuth);
    {
        QTemporaryDir dir;
        OciLayout layout(dir.path());
        const auto image = layout.image({ OciLayout::randomBytes(1000, 42) });
        layout.tag(image, "one");
        QVERIFY(layout.push(*source, "one", "loop/app:1"));
    }
    auto target = startRegistry(Mode::PlainHttp);
    EngineEnv env;
    const Rule rule = env.addRule(makeRule("loop", env.addInstance("src", *source),
                                           env.addInstance("dst", *target), "loop"));
    QCOMPARE(env.sync("loop").task.status, TaskStatus::Succeeded);
    const int tokensBefore = source->tokenRequestCount();
    QSignalSpy finished(env.engine.get(), &Engine::taskFinished);
    QLoggingCategory::setFilterRules(QStringLiteral("crsync.*.info=false"));
    auto restoreLogging = qScopeGuard([] { QLoggingCategory::setFilterRules(QString()); });
    constexpr int Tasks = 1000;
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < Tasks; ++i) {
        const auto id = env.engine->triggerArtifacts(rule.id, Trigger::Event, { { "loop/app", "1" } });
        QVERIFY2(id, qPrintable(id ? QString() : id.error().message));
        QVERIFY(EngineEnv::waitFor(finished, *id, 30000));
    }
    qInfo() << Tasks << "tasks in" << clock.elapsed() << "ms; tokens fetched:"
            << source->tokenRequestCount() - tokensBefore;
    const Engine::Stats stats = env.engine->stats();
    QCOMPARE(stats.runs, 0);
    // At most one source and one target client per worker, however many tasks ran.
    QVERIFY2(stats.clients <= 2 * env.engine->settings().workerThreads,
             qPrintable(QString::number(stats.clients)));
    // Tokens outlive a task: a handful of fetches (one per worker and scope, renewals), not one
    // or more per task.
    QVERIFY2(source->tokenRequestCount() - tokensBefore < 50,
             qPrintable(QString::number(source->tokenRequestCount() - tokensBefore)));
    QCOMPARE(TaskStore(*env.database).count().value(), Tasks + 1);
}

QTEST_GUILESS_MAIN(TestEngineSync)
#include "tst_enginesync.moc"
