// Pure parsers: challenges, Link pagination, Retry-After, upload ranges, OCI error bodies, manifests.
#include "registry/manifest.h"
#include "registry/protocol.h"
#include "registry/sha256.h"

#include <QTest>

using namespace crsync;

class TestRegistryProtocol : public QObject
{
    Q_OBJECT
private slots:
    void bearerChallenge()
    {
        auto r = protocol::parseAuthChallenges(
            "Bearer realm=\"https://auth.example.com/token\",service=\"registry.example.com\",scope=\"repository:a/b:pull,push repository:c:pull\"");
        QVERIFY(r.ok());
        QCOMPARE(r->size(), 1);
        const auto &c = r->first();
        QCOMPARE(c.scheme, QStringLiteral("bearer"));
        QCOMPARE(c.params.value("realm"), QStringLiteral("https://auth.example.com/token"));
        QCOMPARE(c.params.value("service"), QStringLiteral("registry.example.com"));
        // The comma inside the quoted scope does not split it.
        QCOMPARE(c.params.value("scope"), QStringLiteral("repository:a/b:pull,push repository:c:pull"));
    }

    void severalChallengesAndSpacing()
    {
        auto r = protocol::parseAuthChallenges(
            "Basic realm=\"Registry Realm\" , Bearer  realm = \"https://x/token\", error=\"invalid_token\", Scheme token68==");
        QVERIFY(r.ok());
        QCOMPARE(r->size(), 3);
        QCOMPARE(r->at(0).scheme, QStringLiteral("basic"));
        QCOMPARE(r->at(0).params.value("realm"), QStringLiteral("Registry Realm"));
        QCOMPARE(r->at(1).scheme, QStringLiteral("bearer"));
        QCOMPARE(r->at(1).params.value("realm"), QStringLiteral("https://x/token"));
        QCOMPARE(r->at(1).params.value("error"), QStringLiteral("invalid_token"));
        QCOMPARE(r->at(2).scheme, QStringLiteral("scheme"));
    }

    void escapedQuotes()
    {
        auto r = protocol::parseAuthChallenges("Bearer realm=\"a\\\"b\",service=plain");
        QVERIFY(r.ok());
        QCOMPARE(r->first().params.value("realm"), QStringLiteral("a\"b"));
        QCOMPARE(r->first().params.value("service"), QStringLiteral("plain"));
    }

    void malformedChallenges_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::newRow("unterminated quote") << QByteArray("Bearer realm=\"https://x/token,service=\"r");
        QTest::newRow("param before scheme") << QByteArray("realm=\"x\"");
        QTest::newRow("missing value") << QByteArray("Bearer realm=,service=\"x\"");
        QTest::newRow("garbage after value") << QByteArray("Bearer realm=\"x\" \"y\"");
        QTest::newRow("empty") << QByteArray("   ");
    }
    void malformedChallenges()
    {
        QFETCH(QByteArray, header);
        auto r = protocol::parseAuthChallenges(header);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Error::Kind::Protocol);
        QVERIFY(r.error().message.contains(QLatin1String("malformed")));
    }

    void linkNext()
    {
        const QUrl base(QStringLiteral("https://r.example:5000/v2/a/tags/list?n=100"));
        QCOMPARE(protocol::parseNextLink("</v2/a/tags/list?last=t99&n=100>; rel=\"next\"", base),
                 QUrl(QStringLiteral("https://r.example:5000/v2/a/tags/list?last=t99&n=100")));
        QCOMPARE(protocol::parseNextLink("<https://other/v2/_catalog?last=b&n=2>; rel=next", base),
                 QUrl(QStringLiteral("https://other/v2/_catalog?last=b&n=2")));
        QCOMPARE(protocol::parseNextLink("</p>; rel=\"prev\", </n?last=x>; type=\"x\"; rel=\"next\"", base),
                 QUrl(QStringLiteral("https://r.example:5000/n?last=x")));
        QVERIFY(protocol::parseNextLink("</p>; rel=\"prev\"", base).isEmpty());
        QVERIFY(protocol::parseNextLink({}, base).isEmpty());
    }

    void retryAfter()
    {
        const QDateTime now = QDateTime::fromString(QStringLiteral("2026-11-28T10:00:00Z"), Qt::ISODate);
        QCOMPARE(protocol::parseRetryAfter("3", now), std::optional<qint64>(3000));
        QCOMPARE(protocol::parseRetryAfter("Sat, 28 Nov 2026 10:00:07 GMT", now), std::optional<qint64>(7000));
        QCOMPARE(protocol::parseRetryAfter("Sat, 28 Nov 2026 09:00:00 GMT", now), std::optional<qint64>(0));
        QVERIFY(!protocol::parseRetryAfter("soon", now));
        QVERIFY(!protocol::parseRetryAfter("", now));
    }

    void uploadRange()
    {
        QCOMPARE(protocol::parseUploadRange("0-1048575"), std::optional<qint64>(1048576));
        QCOMPARE(protocol::parseUploadRange("bytes=0-9"), std::optional<qint64>(10));
        QVERIFY(!protocol::parseUploadRange("5-9"));
        QVERIFY(!protocol::parseUploadRange("junk"));
    }

    void ociErrors()
    {
        QString code;
        const QString text = protocol::parseOciErrors(
            "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\",\"detail\":{\"Tag\":\"x\"}},{\"code\":\"DENIED\",\"message\":\"no\"}]}",
            &code);
        QCOMPARE(code, QStringLiteral("MANIFEST_UNKNOWN"));
        QVERIFY(text.contains(QLatin1String("MANIFEST_UNKNOWN: manifest unknown")));
        QVERIFY(text.contains(QLatin1String("\"Tag\":\"x\"")));
        QVERIFY(text.contains(QLatin1String("DENIED: no")));
        QVERIFY(protocol::parseOciErrors("<html>").isEmpty());
    }

    void sha256Resume()
    {
        // A copied hash state continues exactly like the original.
        Sha256 a;
        a.update("hello ", 6);
        Sha256 snapshot = a;
        a.update("world", 5);
        snapshot.update("world", 5);
        QCOMPARE(a.digest(), sha256Digest("hello world"));
        QCOMPARE(snapshot.digest(), a.digest());
    }

    void parseImageManifest()
    {
        const QByteArray json = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\n            \"artifactType\":\"application/vnd.example.sbom\",\n            \"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"sha256:"
            + QByteArray(64, 'a') + "\",\"size\":12},\n            \"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"sha256:"
            + QByteArray(64, 'b') + "\",\"size\":345}]}";
        Manifest m{json, QString::fromLatin1(mediatype::OciManifest), sha256Digest(json)};
        auto c = parseManifest(m);
        QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().message));
        QVERIFY(!c->isIndex);
        QCOMPARE(c->artifactType, QStringLiteral("application/vnd.example.sbom"));
        QCOMPARE(c->config.size, 12);
        QCOMPARE(c->layers.size(), 1);
        QCOMPARE(c->layers[0].size, 345);
    }

    void parseIndex()
    {
        const QByteArray json = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.list.v2+json\",\n            \"manifests\":[{\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\",\"digest\":\"sha256:"
            + QByteArray(64, 'c') + "\",\"size\":7,\"platform\":{\"os\":\"linux\",\"architecture\":\"arm64\",\"variant\":\"v8\"}}]}";
        auto c = parseManifest(Manifest{json, {}, {}});
        QVERIFY(c.ok());
        QVERIFY(c->isIndex);
        QCOMPARE(c->children.size(), 1);
        QCOMPARE(c->children[0].platform, QStringLiteral("linux/arm64/v8"));
    }

    void malformedManifests_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("not json") << QByteArray("<html>hello</html>") << QStringLiteral("not JSON");
        QTest::newRow("array") << QByteArray("[1,2]") << QStringLiteral("not a JSON object");
        QTest::newRow("schema 1") << QByteArray("{\"schemaVersion\":1}") << QStringLiteral("schema 1");
        QTest::newRow("no config")
            << QByteArray("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"layers\":[]}")
            << QStringLiteral("config");
        QTest::newRow("bad layer digest")
            << ("{\"schemaVersion\":2,\"config\":{\"digest\":\"sha256:" + QByteArray(64, 'a')
                + "\",\"size\":1},\"layers\":[{\"digest\":\"md5:abc\",\"size\":1}]}")
            << QStringLiteral("layer 1");
        QTest::newRow("negative size")
            << ("{\"schemaVersion\":2,\"config\":{\"digest\":\"sha256:" + QByteArray(64, 'a')
                + "\",\"size\":-4},\"layers\":[]}")
            << QStringLiteral("size");
        QTest::newRow("index without manifests")
            << QByteArray("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\"}")
            << QStringLiteral("manifests");
    }
    void malformedManifests()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, mentions);
        auto c = parseManifest(Manifest{bytes, {}, sha256Digest(bytes)});
        QVERIFY(!c.ok());
        QCOMPARE(c.error().kind, Error::Kind::Protocol);
        QVERIFY2(c.error().message.contains(mentions), qPrintable(c.error().message));
    }

    void digests()
    {
        QVERIFY(isValidDigest(QStringLiteral("sha256:") + QString(64, QLatin1Char('0'))));
        QVERIFY(!isValidDigest(QStringLiteral("sha256:") + QString(63, QLatin1Char('0'))));
        QVERIFY(!isValidDigest(QStringLiteral("sha256:") + QString(64, QLatin1Char('G'))));
        QCOMPARE(sha256Digest(""), QStringLiteral("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        QVERIFY(manifestAcceptHeader().contains(QLatin1String(mediatype::DockerManifestList)));
    }
};

QTEST_GUILESS_MAIN(TestRegistryProtocol)
#include "tst_registryprotocol.moc"
