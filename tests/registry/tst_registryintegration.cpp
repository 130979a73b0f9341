// RegistryClient against real docker-registry instances (plain HTTP, HTTPS with a test CA,
// htpasswd Basic auth, Bearer tokens), with content written by skopeo and our writes checked by
// skopeo and by the fixture's own HTTP requests.
#include "ocilayout.h"
#include "registry/manifest.h"
#include "registry/registryclient.h"
#include "registryfixture.h"
#include "testutil.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace crsync;
using namespace crsync::test;
using Mode = RegistryFixture::Mode;

Q_DECLARE_METATYPE(RegistryFixture::Mode)

namespace {

// Content pushed by skopeo into every registry once.
struct Content
{
    OciLayout::Built oci, docker, index, list;
};

} // namespace

class TestRegistryIntegration : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    std::map<Mode, std::unique_ptr<RegistryFixture>> m_fixtures;
    std::map<Mode, Content> m_content;
    std::unique_ptr<OciLayout> m_layout;
    OciLayout::Built m_oci, m_docker, m_index, m_list;

    RegistryFixture *fixture(Mode mode)
    {
        auto &slot = m_fixtures[mode];
        if (!slot) {
            RegistryFixture::Options options;
            options.mode = mode;
            options.tokenLifetimeSeconds = 300;
            slot = std::make_unique<RegistryFixture>(options);
            QString error;
            if (!slot->start(&error)) {
                qWarning("fixture failed: %s", qPrintable(error));
                slot.reset();
                return nullptr;
            }
            // The same content in each registry, written by skopeo.
            const struct {
                const char *ref;
                const char *target;
            } pushes[] = {{"oci", "content/oci:v1"},
                          {"docker", "content/docker:v1"},
                          {"index", "content/index:v1"},
                          {"list", "content/list:v1"}};
            for (const auto &p : pushes) {
                if (!m_layout->push(*slot, QLatin1String(p.ref), QLatin1String(p.target), &error)) {
                    qWarning("push failed: %s", qPrintable(error));
                    slot.reset();
                    return nullptr;
                }
            }
        }
        return slot.get();
    }

    std::unique_ptr<RegistryClient> client(RegistryFixture *f, bool withCa = true)
    {
        Endpoint e{f->url(), f->username(), f->password(), withCa ? f->caFile() : QString(), false};
        auto c = std::make_unique<RegistryClient>(e);
        Tuning t;
        t.backoffBaseMs = 50;
        c->setTuning(t);
        return c;
    }

    static QByteArray lastTokenLogLine(RegistryFixture *f)
    {
        QFile log(f->tokenLogFile());
        if (!log.open(QIODevice::ReadOnly))
            return {};
        QByteArray last;
        while (!log.atEnd()) {
            const QByteArray line = log.readLine();
            if (line.contains(" -> 200 "))
                last = line.trimmed();
        }
        return last;
    }

    static void addModes()
    {
        QTest::addColumn<Mode>("mode");
        QTest::newRow("plain-http") << Mode::PlainHttp;
        QTest::newRow("https") << Mode::Https;
        QTest::newRow("basic-auth") << Mode::BasicAuth;
        QTest::newRow("token-auth") << Mode::TokenAuth;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_layout = std::make_unique<OciLayout>(m_tmp.filePath("layout"));
        m_oci = m_layout->image({OciLayout::randomBytes(3 << 20, 1), OciLayout::randomBytes(2000, 2)});
        m_docker = m_layout->dockerImage({OciLayout::randomBytes(5000, 3)});
        const auto arm = m_layout->image({OciLayout::randomBytes(4000, 4)},
                                         "application/vnd.oci.image.config.v1+json", "linux/arm64");
        m_index = m_layout->index({m_oci, arm});
        const auto docker2 = m_layout->dockerImage({OciLayout::randomBytes(6000, 5)});
        m_list = m_layout->dockerManifestList({m_docker, docker2});
        m_layout->tag(m_oci, "oci");
        m_layout->tag(m_docker, "docker");
        m_layout->tag(m_index, "index");
        m_layout->tag(m_list, "list");
    }

    void ping_data() { addModes(); }
    void ping()
    {
        QFETCH(Mode, mode);
        RegistryFixture *f = fixture(mode);
        QVERIFY(f);
        auto c = client(f);
        auto r = await<PingInfo>([&](auto cb) { return c->ping(cb); });
        EXPECT_OK(r);
        const QString expected = mode == Mode::BasicAuth ? "basic" : mode == Mode::TokenAuth ? "bearer" : "";
        QCOMPARE(r->authScheme, expected);
        QCOMPARE(r->httpStatus, expected.isEmpty() ? 200 : 401);
        QCOMPARE(r->apiVersion, QStringLiteral("registry/2.0"));
    }

    void catalogAndPagedTags_data() { addModes(); }
    void catalogAndPagedTags()
    {
        QFETCH(Mode, mode);
        RegistryFixture *f = fixture(mode);
        QVERIFY(f);
        // 250 more tags on one manifest (its blobs pushed by skopeo), written through the
        // fixture's own HTTP client.
        QString error;
        QVERIFY2(m_layout->push(*f, "docker", "content/many:base", &error), qPrintable(error));
        for (int i = 0; i < 250; ++i)
            QVERIFY2(f->pushManifest("content/many", QStringLiteral("t%1").arg(i, 3, 10, QLatin1Char('0')),
                                     mediatype::DockerManifest, m_docker.manifest, &error),
                     qPrintable(error));
        auto c = client(f);
        auto tags = await<QStringList>([&](auto cb) { return c->listTags("content/many", 100, cb); });
        EXPECT_OK(tags);
        QCOMPARE(tags->size(), 251);
        QStringList expected = f->tags("content/many", &error);
        QCOMPARE(*tags, expected);
        const QSet<QString> unique(tags->begin(), tags->end());
        QCOMPARE(unique.size(), 251);
        QVERIFY(unique.contains("base") && unique.contains("t000") && unique.contains("t249"));

        auto repos = await<QStringList>([&](auto cb) { return c->listRepositories(2, cb); });
        EXPECT_OK(repos);
        for (const char *r : {"content/docker", "content/index", "content/list", "content/many", "content/oci"})
            QVERIFY2(repos->contains(QLatin1String(r)), r);
        QCOMPARE(repos->size(), QSet<QString>(repos->begin(), repos->end()).size());
    }

    void manifests_data()
    {
        QTest::addColumn<Mode>("mode");
        QTest::addColumn<QString>("kind");
        for (const auto &[name, mode] : {std::pair{"plain-http", Mode::PlainHttp}, {"https", Mode::Https},
                                         {"basic-auth", Mode::BasicAuth}, {"token-auth", Mode::TokenAuth}}) {
            for (const char *kind : {"oci", "docker", "index", "list"})
                QTest::addRow("%s-%s", name, kind) << mode << QString::fromLatin1(kind);
        }
    }
    void manifests()
    {
        QFETCH(Mode, mode);
        QFETCH(QString, kind);
        RegistryFixture *f = fixture(mode);
        QVERIFY(f);
        const OciLayout::Built &built = kind == "oci" ? m_oci : kind == "docker" ? m_docker
                                      : kind == "index" ? m_index : m_list;
        const QString repo = "content/" + kind;
        auto c = client(f);

        auto m = await<Manifest>([&](auto cb) { return c->getManifest(repo, "v1", cb); });
        EXPECT_OK(m);
        QCOMPARE(m->bytes, built.manifest);
        QCOMPARE(m->digest, built.digest);
        QCOMPARE(m->mediaType, QString::fromLatin1(built.mediaType));
        auto content = parseManifest(*m);
        EXPECT_OK(content);
        QCOMPARE(content->isIndex, kind == "index" || kind == "list");

        auto byDigest = await<Manifest>([&](auto cb) { return c->getManifest(repo, built.digest, cb); });
        EXPECT_OK(byDigest);
        QCOMPARE(byDigest->bytes, built.manifest);

        auto head = await<std::optional<ManifestHead>>([&](auto cb) { return c->headManifest(repo, "v1", cb); });
        EXPECT_OK(head);
        QVERIFY(head->has_value());
        QCOMPARE((*head)->digest, built.digest);
        QCOMPARE((*head)->size, qint64(built.manifest.size()));
        QCOMPARE((*head)->mediaType, QString::fromLatin1(built.mediaType));

        auto missing = await<std::optional<ManifestHead>>([&](auto cb) { return c->headManifest(repo, "nope", cb); });
        EXPECT_OK(missing);
        QVERIFY(!missing->has_value());

        // Our push: same bytes, same digest, as skopeo sees it.
        auto pushed = await<QString>([&](auto cb) { return c->putManifest(repo, "copy", *m, cb); });
        EXPECT_OK(pushed);
        QCOMPARE(*pushed, built.digest);
        QString error;
        QCOMPARE(f->inspectRaw(repo + ":copy", &error), built.manifest);
        QCOMPARE(f->inspectDigest(repo + ":copy", &error), built.digest);
    }

    void blobs_data() { addModes(); }
    void blobs()
    {
        QFETCH(Mode, mode);
        RegistryFixture *f = fixture(mode);
        QVERIFY(f);
        auto c = client(f);
        const OciLayout::Blob config = m_oci.blobs.first();

        auto size = await<std::optional<qint64>>([&](auto cb) { return c->headBlob("content/oci", config.digest, cb); });
        EXPECT_OK(size);
        QCOMPARE(size->value_or(-1), qint64(config.data.size()));
        auto none = await<std::optional<qint64>>([&](auto cb) { return c->headBlob("content/oci", sha256Digest("absent"), cb); });
        EXPECT_OK(none);
        QVERIFY(!none->has_value());
        auto data = await<QByteArray>([&](auto cb) { return c->getBlob("content/oci", config.digest, cb); });
        EXPECT_OK(data);
        QCOMPARE(*data, config.data);

        // Monolithic and chunked uploads, read back through the fixture's own client.
        const QByteArray mono = OciLayout::randomBytes(100000, 11);
        auto up = await<void>([&](auto cb) { return c->uploadBlob("up/mono", sha256Digest(mono), mono, cb); });
        EXPECT_OK(up);
        auto back = f->request("GET", "/v2/up/mono/blobs/" + sha256Digest(mono));
        QCOMPARE(back.status, 200);
        QVERIFY(back.body == mono);

        const QByteArray chunked = OciLayout::randomBytes((5 << 20) / 2, 12);
        auto upc = await<void>([&](auto cb) {
            return c->uploadBlobChunked("up/chunked", sha256Digest(chunked), chunked, 1 << 20, cb);
        });
        EXPECT_OK(upc);
        back = f->request("GET", "/v2/up/chunked/blobs/" + sha256Digest(chunked));
        QCOMPARE(back.status, 200);
        QVERIFY(back.body == chunked);

        // A digest that does not match the data is refused before anything is sent.
        auto wrong = await<void>([&](auto cb) { return c->uploadBlob("up/mono", sha256Digest("other"), mono, cb); });
        EXPECT_ERROR(wrong, Error::Kind::Digest);
    }

    void streamingCopyBetweenRegistries_data() { addModes(); }
    void streamingCopyBetweenRegistries()
    {
        QFETCH(Mode, mode);
        const Mode targetMode = mode == Mode::PlainHttp ? Mode::Https
                              : mode == Mode::Https     ? Mode::BasicAuth
                              : mode == Mode::BasicAuth ? Mode::TokenAuth
                                                        : Mode::PlainHttp;
        RegistryFixture *from = fixture(mode);
        RegistryFixture *to = fixture(targetMode);
        QVERIFY(from && to);
        auto src = client(from);
        auto dst = client(to);
        Tuning t = dst->tuning();
        t.chunkSize = 1 << 20; // the 3 MiB layer goes in several PATCHes
        t.inMemoryBlobLimit = 64 << 10;
        t.streamBufferBytes = 256 << 10;
        dst->setTuning(t);
        const QString target = QStringLiteral("copied/from-%1").arg(int(mode));

        auto m = await<Manifest>([&](auto cb) { return src->getManifest("content/oci", "v1", cb); });
        EXPECT_OK(m);
        auto content = parseManifest(*m);
        EXPECT_OK(content);
        QList<Descriptor> blobs = content->layers;
        blobs.prepend(content->config);
        qint64 moved = 0;
        for (const Descriptor &d : blobs) {
            auto r = await<qint64>([&](auto cb) { return dst->copyBlobFrom(src.get(), "content/oci", d, target, cb); });
            EXPECT_OK(r);
            QCOMPARE(*r, d.size);
            moved += *r;
        }
        QVERIFY(moved > 3 << 20);
        auto pushed = await<QString>([&](auto cb) { return dst->putManifest(target, "v1", *m, cb); });
        EXPECT_OK(pushed);
        QCOMPARE(*pushed, m_oci.digest);

        // skopeo pulls everything back and checks every digest on the way.
        QStringList args = {"copy"};
        args += to->skopeoArgs("src");
        args += {QStringLiteral("docker://%1/%2:v1").arg(to->hostPort(), target),
                 "dir:" + m_tmp.filePath(QStringLiteral("pulled-%1").arg(int(mode)))};
        QByteArray out, err;
        QCOMPARE(RegistryFixture::runSkopeo(args, &out, &err), 0);
        QCOMPARE(to->inspectDigest(target + ":v1"), m_oci.digest);

        // Copies that open their session with a mount: a blob the `from` repository holds is
        // mounted (nothing moves), one it lacks goes into the session the declined mount opened.
        for (const Descriptor &d : std::as_const(blobs)) {
            const QString again = target + QStringLiteral("-mounted");
            auto r = await<qint64>([&](auto cb) {
                return dst->copyBlobFrom(src.get(), "content/oci", d, again, cb, {}, target);
            });
            EXPECT_OK(r);
            QCOMPARE(*r, qint64(0));
            auto self = await<qint64>([&](auto cb) {
                return dst->copyBlobFrom(src.get(), "content/oci", d, target, cb, {}, target);
            });
            EXPECT_OK(self);
            QCOMPARE(*self, qint64(0));
            const QString fresh = target + QStringLiteral("-fresh");
            auto streamed = await<qint64>([&](auto cb) {
                return dst->copyBlobFrom(src.get(), "content/oci", d, fresh, cb, {}, fresh);
            });
            EXPECT_OK(streamed);
            QCOMPARE(*streamed, d.size);
            QCOMPARE(to->request("HEAD", "/v2/" + again + "/blobs/" + d.digest).status, 200);
            QCOMPARE(to->request("HEAD", "/v2/" + fresh + "/blobs/" + d.digest).status, 200);
        }
    }

    void wrongPassword_data()
    {
        QTest::addColumn<Mode>("mode");
        QTest::newRow("basic-auth") << Mode::BasicAuth;
        QTest::newRow("token-auth") << Mode::TokenAuth;
    }
    void wrongPassword()
    {
        QFETCH(Mode, mode);
        RegistryFixture *f = fixture(mode);
        QVERIFY(f);
        RegistryClient c(Endpoint{f->url(), f->username(), "not-the-password", f->caFile(), false});
        auto r = await<QStringList>([&](auto cb) { return c.listTags("content/oci", 100, cb); });
        EXPECT_ERROR(r, Error::Kind::Auth);
        QVERIFY2(r.error().message.contains(f->hostPort())
                     && r.error().message.contains("refused the credentials for user " + f->username()),
                 qPrintable(r.error().message));
        // Anonymous access to a protected registry says a login is needed.
        RegistryClient anon(Endpoint{f->url(), {}, {}, f->caFile(), false});
        auto a = await<QStringList>([&](auto cb) { return anon.listTags("content/oci", 100, cb); });
        EXPECT_ERROR(a, Error::Kind::Auth);
        QVERIFY2(a.error().message.contains("login") || a.error().message.contains("denied"),
                 qPrintable(a.error().message));
    }

    void missingRepository_data() { addModes(); }
    void missingRepository()
    {
        QFETCH(Mode, mode);
        RegistryFixture *f = fixture(mode);
        QVERIFY(f);
        auto c = client(f);
        auto r = await<QStringList>([&](auto cb) { return c->listTags("no/such-repo", 100, cb); });
        EXPECT_ERROR(r, Error::Kind::NotFound);
        QVERIFY2(r.error().message.contains("no/such-repo") && r.error().message.contains(f->hostPort())
                     && r.error().message.contains("NAME_UNKNOWN"),
                 qPrintable(r.error().message));
        auto m = await<Manifest>([&](auto cb) { return c->getManifest("no/such-repo", "v1", cb); });
        EXPECT_ERROR(m, Error::Kind::NotFound);
    }

    void unverifiedCertificate_data()
    {
        QTest::addColumn<Mode>("mode");
        QTest::newRow("https") << Mode::Https;
        QTest::newRow("token-auth") << Mode::TokenAuth;
    }
    void unverifiedCertificate()
    {
        QFETCH(Mode, mode);
        RegistryFixture *f = fixture(mode);
        QVERIFY(f);
        RegistryClient unverified(Endpoint{f->url(), f->username(), f->password(), {}, false});
        auto r = await<QStringList>([&](auto cb) { return unverified.listTags("content/oci", 100, cb); });
        EXPECT_ERROR(r, Error::Kind::Tls);
        QVERIFY2(r.error().message.contains(f->hostPort()) && r.error().message.contains("CA file"),
                 qPrintable(r.error().message));
        // Explicitly insecure: works without the CA.
        RegistryClient insecure(Endpoint{f->url(), f->username(), f->password(), {}, true});
        auto ok = await<QStringList>([&](auto cb) { return insecure.listTags("content/oci", 100, cb); });
        EXPECT_OK(ok);
        QVERIFY(ok->contains("v1"));
    }

    // Qt reuses a connection for any request to the same host:port whatever its TLS settings; a
    // client must never be handed one that another client opened with verification off.
    void tlsSettingsNeverLeakBetweenClients_data()
    {
        QTest::addColumn<Mode>("mode");
        QTest::newRow("https") << Mode::Https;
        QTest::newRow("basic-auth") << Mode::BasicAuth;
    }
    void tlsSettingsNeverLeakBetweenClients()
    {
        QFETCH(Mode, mode);
        RegistryFixture *f = fixture(mode);
        QVERIFY(f);
        // The insecure client goes first and keeps its connection open...
        RegistryClient insecure(Endpoint{f->url(), f->username(), f->password(), {}, true});
        auto a = await<QStringList>([&](auto cb) { return insecure.listTags("content/oci", 100, cb); });
        EXPECT_OK(a);
        QVERIFY(a->contains("v1"));
        // ...and a verifying client without the CA, on the same thread and host:port, still
        // meets the certificate it cannot verify.
        RegistryClient verifying(Endpoint{f->url(), f->username(), f->password(), {}, false});
        auto b = await<QStringList>([&](auto cb) { return verifying.listTags("content/oci", 100, cb); });
        EXPECT_ERROR(b, Error::Kind::Tls);
        QVERIFY2(b.error().message.contains(f->hostPort()), qPrintable(b.error().message));
        // Each keeps its own settings afterwards too.
        auto again = await<QStringList>([&](auto cb) { return insecure.listTags("content/oci", 100, cb); });
        EXPECT_OK(again);
        auto still = await<PingInfo>([&](auto cb) { return verifying.ping(cb); });
        EXPECT_ERROR(still, Error::Kind::Tls);
    }

    void unreachableHost()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        RegistryClient c(Endpoint{QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), {}, {}, {}, false});
        Tuning t;
        t.backoffBaseMs = 20;
        t.maxAttempts = 2;
        c.setTuning(t);
        auto r = await<QStringList>([&](auto cb) { return c.listTags("a", 10, cb); });
        EXPECT_ERROR(r, Error::Kind::Network);
        QVERIFY2(r.error().message.contains(QStringLiteral("127.0.0.1:%1").arg(port)), qPrintable(r.error().message));
    }

    void expiredTokenIsRenewed()
    {
        RegistryFixture *f = fixture(Mode::TokenAuth);
        QVERIFY(f);
        f->setTokenLifetime(2);
        auto c = client(f);
        auto first = await<QStringList>([&](auto cb) { return c->listTags("content/oci", 100, cb); });
        EXPECT_OK(first);
        const int before = f->tokenRequestCount();
        QTest::qWait(3000); // the registry now refuses that token
        auto second = await<QStringList>([&](auto cb) { return c->listTags("content/oci", 100, cb); });
        EXPECT_OK(second);
        QVERIFY(f->tokenRequestCount() > before);
        f->setTokenLifetime(300);
    }

    // The registry refuses a token before the client's own clock says it expired (revoked, or
    // a token service that overstates expires_in): the 401 alone must make the client renew.
    void tokenRefusedByTheRegistryIsRenewed()
    {
        RegistryFixture *f = fixture(Mode::TokenAuth);
        QVERIFY(f);
        // Accepted for 2 s, but announced as good for 300 s: the client caches it for ~290 s.
        f->setTokenLifetime(2, 300);
        auto c = client(f);
        QElapsedTimer sinceFirstToken;
        sinceFirstToken.start();
        auto first = await<QStringList>([&](auto cb) { return c->listTags("content/oci", 100, cb); });
        EXPECT_OK(first);
        QVERIFY2(lastTokenLogLine(f).contains("lifetime=2 expires_in=300"),
                 lastTokenLogLine(f).constData());
        // A token issued alongside, to show the registry really refuses them after the wait.
        const auto probe = f->fetchToken({"repository:content/oci:pull"}, f->username(), f->password());
        QCOMPARE(probe.status, 200);
        const QByteArray probeToken
            = QJsonDocument::fromJson(probe.body).object().value("token").toString().toUtf8();
        QTest::qWait(3000);
        QCOMPARE(f->request("GET", "/v2/content/oci/tags/list", {},
                            {{"Authorization", "Bearer " + probeToken}}, false)
                     .status,
                 401);
        const int before = f->tokenRequestCount();
        auto second = await<QStringList>([&](auto cb) { return c->listTags("content/oci", 100, cb); });
        EXPECT_OK(second);
        QVERIFY(second->contains("v1"));
        // By its own clock the cached token was still good, so it was sent, refused, and renewed
        // once.
        QVERIFY(sinceFirstToken.elapsed() < (300 - 10) * 1000);
        QCOMPARE(f->tokenRequestCount(), before + 1);
        f->setTokenLifetime(300);
    }

    void cleanupTestCase() { m_fixtures.clear(); }
};

QTEST_GUILESS_MAIN(TestRegistryIntegration)
#include "tst_registryintegration.moc"
