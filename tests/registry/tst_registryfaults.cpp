// Error paths a real registry does not produce on demand, against scripted HTTP servers on
// 127.0.0.1: retries and Retry-After, giving up, cuts mid-blob and resume, corrupted blobs,
// malformed challenges and manifests, token refresh, redirects, timeouts and cancellation.
#include "fakeregistry.h"
#include "registry/authsession.h"
#include "registry/manifest.h"
#include "registry/registryclient.h"
#include "registry/requestpacer.h"
#include "scriptedserver.h"
#include "testutil.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

using namespace crsync;
using namespace crsync::test;
using Reply = ScriptedServer::Reply;
using Request = ScriptedServer::Request;

namespace {

QByteArray randomBytes(qint64 size)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator gen(42);
    gen.fillRange(reinterpret_cast<quint32 *>(data.data()), size / 4);
    return data;
}

Tuning fastTuning()
{
    Tuning t;
    t.timeoutMs = 5000;
    t.maxAttempts = 3;
    t.backoffBaseMs = 10;
    t.backoffMaxMs = 50;
    return t;
}

// Streamed copies in 1 MiB chunks of a 3 MiB blob: three PATCHes and a 64 KiB tail.
Tuning streamTuning()
{
    Tuning t = fastTuning();
    t.chunkSize = 1 << 20;
    t.inMemoryBlobLimit = 0;
    t.streamBufferBytes = 256 << 10;
    return t;
}

QList<QByteArray> patchRanges(const ScriptedServer &server)
{
    QList<QByteArray> out;
    for (const ScriptedServer::Request &req : server.requests()) {
        if (req.method == "PATCH")
            out.append(req.headers.value("content-range"));
    }
    return out;
}

bool isBlobGet(const ScriptedServer::Request &req)
{
    return req.method == "GET" && req.path().contains("/blobs/sha256:");
}

QByteArray tagsPage(int from, int to)
{
    QByteArray out = "{\"name\":\"app\",\"tags\":[";
    for (int i = from; i < to; ++i)
        out += (i > from ? "," : "") + QByteArray("\"t") + QByteArray::number(i).rightJustified(3, '0') + '"';
    return out + "]}";
}

// A TCP relay in front of a registry that kills a connection in the middle of a request it
// chooses: what a target dying mid-transfer looks like to Qt. FakeRegistry answers only whole
// requests, so it cannot break a PATCH while its body is still being sent.
class CuttingRelay
{
public:
    // For each request head passing through: how many of its body bytes to forward before the
    // connection is reset, or nullopt to let it pass. Forwarding the whole body resets the
    // connection when the registry starts to answer instead.
    std::function<std::optional<qint64>(const QByteArray &head)> cut;
    int resets = 0;

    CuttingRelay()
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *client = m_server.nextPendingConnection())
                relay(client);
        });
    }
    bool listen(const QUrl &upstream)
    {
        m_upstream = upstream;
        return m_server.listen(QHostAddress::LocalHost, 0);
    }
    ~CuttingRelay()
    {
        // The sockets are children of m_server, destroyed after the callbacks' captures.
        const auto sockets = m_server.findChildren<QTcpSocket *>();
        for (QTcpSocket *socket : sockets) {
            socket->disconnect();
            socket->abort();
        }
    }
    QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
    }

private:
    struct Pipe
    {
        QByteArray head; // of the request being read, until its blank line
        qint64 bodyLeft = 0; // body bytes of that request still to come
        qint64 budget = -1; // body bytes to forward before the reset; -1: no cut
        bool cutAtAnswer = false;
    };

    static void reset(QTcpSocket *socket)
    {
#ifdef Q_OS_UNIX
        // SO_LINGER 0: close() sends an RST, as a crashed server or a middlebox would.
        const linger hard { 1, 0 };
        ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
#endif
        socket->abort();
    }

    void kill(QTcpSocket *client, QTcpSocket *upstream)
    {
        ++resets;
        upstream->disconnect();
        client->disconnect();
        reset(upstream);
        reset(client);
        upstream->deleteLater();
        client->deleteLater();
    }

    void relay(QTcpSocket *client)
    {
        auto *upstream = new QTcpSocket(client->parent());
        auto pipe = std::make_shared<Pipe>();
        upstream->connectToHost(QHostAddress::LocalHost, quint16(m_upstream.port()));
        QObject::connect(upstream, &QTcpSocket::readyRead, upstream,
                         [this, client, upstream, pipe] {
                             if (pipe->cutAtAnswer)
                                 return kill(client, upstream);
                             client->write(upstream->readAll());
                         });
        QObject::connect(client, &QTcpSocket::readyRead, client, [this, client, upstream, pipe] {
            QByteArray in = client->readAll();
            QByteArray out;
            while (!in.isEmpty()) {
                if (pipe->bodyLeft == 0) {
                    pipe->head += in;
                    in.clear();
                    const qsizetype end = pipe->head.indexOf("\r\n\r\n");
                    if (end < 0)
                        break;
                    in = pipe->head.mid(end + 4);
                    const QByteArray head = pipe->head.left(end + 4);
                    pipe->head.clear();
                    out += head;
                    const qsizetype at = head.toLower().indexOf("\r\ncontent-length:");
                    pipe->bodyLeft = at < 0
                        ? 0
                        : head.mid(at + 17, head.indexOf('\r', at + 2) - at - 17)
                              .trimmed()
                              .toLongLong();
                    const auto budget = cut ? cut(head) : std::nullopt;
                    pipe->budget = budget ? *budget : -1;
                    continue;
                }
                qint64 n = std::min<qint64>(in.size(), pipe->bodyLeft);
                if (pipe->budget >= 0 && n >= pipe->budget && pipe->budget < pipe->bodyLeft) {
                    out += in.left(pipe->budget);
                    upstream->write(out);
                    upstream->flush();
                    return kill(client, upstream);
                }
                out += in.left(n);
                in.remove(0, n);
                pipe->bodyLeft -= n;
                if (pipe->budget >= 0) {
                    pipe->budget -= n;
                    if (pipe->bodyLeft == 0)
                        pipe->cutAtAnswer = true;
                }
            }
            if (!out.isEmpty())
                upstream->write(out);
        });
        QObject::connect(client, &QTcpSocket::disconnected, upstream,
                         &QTcpSocket::disconnectFromHost);
        QObject::connect(upstream, &QTcpSocket::disconnected, client,
                         &QTcpSocket::disconnectFromHost);
        QObject::connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        QObject::connect(upstream, &QTcpSocket::disconnected, upstream, &QObject::deleteLater);
    }

    QTcpServer m_server;
    QUrl m_upstream;
};

// Collects the warnings Qt prints while it is installed (they would go to stderr otherwise).
class WarningCatcher
{
public:
    WarningCatcher() { s_previous = qInstallMessageHandler(&WarningCatcher::handle); }
    ~WarningCatcher() { qInstallMessageHandler(s_previous); }
    QStringList warnings() const
    {
        QMutexLocker lock(&s_mutex);
        return s_warnings;
    }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        if (type == QtWarningMsg) {
            QMutexLocker lock(&s_mutex);
            s_warnings.append(message);
        }
        if (s_previous)
            s_previous(type, context, message);
    }
    static inline QtMessageHandler s_previous = nullptr;
    static inline QMutex s_mutex;
    static inline QStringList s_warnings;
};

} // namespace

class TestRegistryFaults : public QObject
{
    Q_OBJECT

    std::unique_ptr<RegistryClient> client(const QUrl &url, const QString &user = {},
                                           const QString &password = {})
    {
        auto c = std::make_unique<RegistryClient>(Endpoint{url, user, password, {}, false});
        c->setTuning(fastTuning());
        return c;
    }

private slots:
    void retryAfter429ThenSuccess()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        int calls = 0;
        server.setHandler([&](const Request &) {
            if (++calls == 1)
                return ScriptedServer::json(429, "{\"errors\":[{\"code\":\"TOOMANYREQUESTS\",\"message\":\"slow down\"}]}",
                                            {{"Retry-After", "1"}});
            return ScriptedServer::json(200, tagsPage(0, 2));
        });
        auto c = client(server.url());
        QElapsedTimer timer;
        timer.start();
        auto r = await<QStringList>([&](auto cb) { return c->listTags("app", 0, cb); });
        EXPECT_OK(r);
        QCOMPARE(*r, QStringList({"t000", "t001"}));
        QCOMPARE(server.requests().size(), 2);
        // Retry-After (1 s) wins over the 10 ms backoff.
        QVERIFY2(timer.elapsed() >= 900, qPrintable(QString::number(timer.elapsed())));
    }

    void serviceUnavailableGivesUp()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        server.setHandler([](const Request &) {
            return ScriptedServer::json(503, "{\"errors\":[{\"code\":\"UNAVAILABLE\",\"message\":\"maintenance\"}]}");
        });
        auto c = client(server.url());
        auto r = await<Manifest>([&](auto cb) { return c->getManifest("team/app", "1.0", cb); });
        EXPECT_ERROR(r, Error::Kind::Network);
        QCOMPARE(server.requests().size(), 3); // maxAttempts
        const QString m = r.error().message;
        QVERIFY2(m.contains(server.url().authority()) && m.contains("team/app:1.0") && m.contains("503")
                     && m.contains("3 attempts") && m.contains("maintenance"),
                 qPrintable(m));
        QCOMPARE(r.error().httpStatus, 503);
    }

    void clientErrorsAreNotRetried()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        server.setHandler([](const Request &) {
            return ScriptedServer::json(404, "{\"errors\":[{\"code\":\"NAME_UNKNOWN\",\"message\":\"repository name not known to registry\",\"detail\":{\"name\":\"nope\"}}]}");
        });
        auto c = client(server.url());
        auto r = await<QStringList>([&](auto cb) { return c->listTags("nope", 100, cb); });
        EXPECT_ERROR(r, Error::Kind::NotFound);
        QCOMPARE(server.requests().size(), 1);
        QCOMPARE(r.error().code, QStringLiteral("NAME_UNKNOWN"));
        QVERIFY(r.error().message.contains("nope"));
        QVERIFY(r.error().message.contains("repository name not known"));
    }

    void linkPagination()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        server.setHandler([](const Request &req) {
            const QByteArray t = req.target;
            if (t == "/v2/app/tags/list?n=100")
                return ScriptedServer::json(200, tagsPage(0, 100), {{"Link", "</v2/app/tags/list?last=t099&n=100>; rel=\"next\""}});
            if (t == "/v2/app/tags/list?last=t099&n=100")
                return ScriptedServer::json(200, tagsPage(100, 200), {{"Link", "</v2/app/tags/list?last=t199&n=100>; rel=\"next\""}});
            if (t == "/v2/app/tags/list?last=t199&n=100")
                return ScriptedServer::json(200, tagsPage(200, 250));
            return ScriptedServer::json(400, "{}");
        });
        auto c = client(server.url());
        auto r = await<QStringList>([&](auto cb) { return c->listTags("app", 100, cb); });
        EXPECT_OK(r);
        QCOMPARE(r->size(), 250);
        QCOMPARE(r->first(), QStringLiteral("t000"));
        QCOMPARE(r->last(), QStringLiteral("t249"));
        QCOMPARE(server.requests().size(), 3);
    }

    void resetMidBlobResumes()
    {
        FakeRegistry source, target;
        QVERIFY(source.listen() && target.listen());
        const QByteArray data = randomBytes(3 << 20);
        const QString digest = sha256Digest(data);
        source.blobs.insert("lib/src@" + digest, data);
        int gets = 0;
        QList<QByteArray> ranges;
        source.fault = [&](const Request &req, const Reply &served) -> std::optional<Reply> {
            if (req.method != "GET" || !req.path().contains("/blobs/sha256:"))
                return std::nullopt;
            ranges.append(req.headers.value("range"));
            if (++gets > 1)
                return std::nullopt;
            Reply cut = served;
            cut.cutAfter = (5 << 20) / 2; // the connection drops at 2.5 MiB
            return cut;
        };
        auto src = client(source.url());
        auto dst = client(target.url());
        Tuning t = fastTuning();
        t.chunkSize = 1 << 20;
        t.inMemoryBlobLimit = 0;
        t.streamBufferBytes = 256 << 10;
        dst->setTuning(t);
        QList<qint64> progress;
        auto r = await<qint64>([&](auto cb) {
            return dst->copyBlobFrom(src.get(), "lib/src", Descriptor{{}, digest, data.size(), {}},
                                     "lib/dst", cb, [&](qint64 done, qint64) { progress.append(done); });
        });
        EXPECT_OK(r);
        QCOMPARE(*r, data.size());
        QCOMPARE(target.committed, QStringList({"lib/dst@" + digest}));
        QVERIFY(target.blobs.value("lib/dst@" + digest) == data);
        QCOMPARE(gets, 2);
        // Only the source broke: it is reopened where it stopped, the upload carries on.
        QVERIFY2(ranges.value(1).startsWith("bytes=") && ranges.value(1) != "bytes=0-",
                 ranges.value(1).constData());
        const qint64 resumedAt = ranges.value(1).mid(6, ranges.value(1).indexOf('-') - 6).toLongLong();
        QVERIFY(resumedAt > 0 && resumedAt <= (5 << 20) / 2);
        QCOMPARE(source.bytesServed, (5 << 20) / 2 + data.size() - resumedAt);
        QCOMPARE(target.server.count([](const Request &req) { return req.method == "POST"; }), 1);
        QVERIFY(source.bytesServed < 2 * data.size());
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last(), data.size());
    }

    void targetBreakResumesFromChunkBoundary()
    {
        FakeRegistry source, target;
        QVERIFY(source.listen() && target.listen());
        const QByteArray data = randomBytes(3 << 20);
        const QString digest = sha256Digest(data);
        source.blobs.insert("lib/src@" + digest, data);
        QList<QByteArray> ranges;
        source.fault = [&](const Request &req, const Reply &) -> std::optional<Reply> {
            if (req.method == "GET" && req.path().contains("/blobs/sha256:"))
                ranges.append(req.headers.value("range"));
            return std::nullopt;
        };
        int patches = 0;
        target.fault = [&](const Request &req, const Reply &served) -> std::optional<Reply> {
            if (req.method != "PATCH" || ++patches != 2)
                return std::nullopt;
            // The second chunk was stored, but the connection drops before the answer ends.
            Reply cut = served;
            cut.body = "partial answer";
            cut.cutAfter = 3;
            return cut;
        };
        auto src = client(source.url());
        auto dst = client(target.url());
        Tuning t = fastTuning();
        t.chunkSize = 1 << 20;
        t.inMemoryBlobLimit = 0;
        t.streamBufferBytes = 256 << 10;
        dst->setTuning(t);
        auto r = await<qint64>([&](auto cb) {
            return dst->copyBlobFrom(src.get(), "lib/src", Descriptor{{}, digest, data.size(), {}}, "lib/dst", cb);
        });
        EXPECT_OK(r);
        QVERIFY(target.blobs.value("lib/dst@" + digest) == data);
        QCOMPARE(target.committed.size(), 1);
        // The source was read again from the last acknowledged boundary (1 MiB), with the hash
        // state saved there; the registry's extra megabyte was hashed, not sent again.
        QCOMPARE(ranges.size(), 2);
        QCOMPARE(ranges.value(1), QByteArray("bytes=1048576-"));
        QList<QByteArray> patchRanges;
        for (const Request &req : target.server.requests()) {
            if (req.method == "PATCH")
                patchRanges.append(req.headers.value("content-range"));
        }
        QCOMPARE(patchRanges.first(), QByteArray("0-1048575"));
        QCOMPARE(patchRanges.value(1), QByteArray("1048576-2097151"));
        QVERIFY(patchRanges.value(2).startsWith("2097152-"));
    }

    // A target that dies while a PATCH body is on its way (or just before it answers) makes Qt
    // try to send the request again, which a streamed body cannot do. Qt must learn that
    // without seeking the pipe (a "QIODevice::seek ... sequential device" warning on stderr),
    // and the copy resumes from what the target holds.
    void targetResetMidPatchResumesQuietly_data()
    {
        QTest::addColumn<bool>("wholeBody");
        QTest::newRow("while sending the body") << false;
        QTest::newRow("before the answer") << true;
    }
    void targetResetMidPatchResumesQuietly()
    {
        QFETCH(bool, wholeBody);
        FakeRegistry source, target;
        QVERIFY(source.listen() && target.listen());
        CuttingRelay relay;
        QVERIFY(relay.listen(target.url()));
        const QByteArray data = randomBytes(3 << 20);
        const QString digest = sha256Digest(data);
        source.blobs.insert("lib/src@" + digest, data);
        QList<QByteArray> ranges;
        source.fault = [&](const Request &req, const Reply &) -> std::optional<Reply> {
            if (req.method == "GET" && req.path().contains("/blobs/sha256:"))
                ranges.append(req.headers.value("range"));
            return std::nullopt;
        };
        int patches = 0;
        relay.cut = [&](const QByteArray &head) -> std::optional<qint64> {
            if (!head.startsWith("PATCH ") || ++patches != 2)
                return std::nullopt;
            return wholeBody ? qint64(1 << 20) : qint64(300 << 10);
        };
        auto src = client(source.url());
        auto dst = client(relay.url());
        Tuning t = fastTuning();
        t.chunkSize = 1 << 20;
        t.inMemoryBlobLimit = 0;
        t.streamBufferBytes = 256 << 10;
        dst->setTuning(t);
        WarningCatcher catcher;
        auto r = await<qint64>([&](auto cb) {
            return dst->copyBlobFrom(src.get(), "lib/src",
                                     Descriptor { {}, digest, data.size(), {} }, "lib/dst", cb);
        });
        const QStringList warnings = catcher.warnings();
        EXPECT_OK(r);
        QCOMPARE(relay.resets, 1);
        QVERIFY(target.blobs.value("lib/dst@" + digest) == data);
        QCOMPARE(target.committed.size(), 1);
        for (const QString &w : warnings)
            QVERIFY2(!w.contains("QIODevice::seek") && !w.contains("sequential"), qPrintable(w));
        // Resumed, not restarted: the source is read again from the boundary the target
        // acknowledged, and the upload carries on in the same session.
        QCOMPARE(ranges.size(), 2);
        QCOMPARE(ranges.value(1), QByteArray("bytes=1048576-"));
        QCOMPARE(target.server.count([](const Request &req) { return req.method == "POST"; }), 1);
        QList<QByteArray> patchRanges;
        for (const Request &req : target.server.requests()) {
            if (req.method == "PATCH")
                patchRanges.append(req.headers.value("content-range"));
        }
        QVERIFY(target.server.count([](const Request &req) {
            return req.method == "GET" && req.path().contains("/uploads/");
        }) > 0);
        // Cut while sending: the chunk never reached the registry and goes again. Cut before
        // the answer: the registry stored it, and it is hashed, not sent again.
        QCOMPARE(patchRanges,
                 QList<QByteArray>({ "0-1048575", "1048576-2097151", "2097152-3080191" }));
    }

    void corruptedBlobIsNeverCommitted_data()
    {
        QTest::addColumn<qint64>("size");
        QTest::addColumn<qint64>("memoryLimit");
        QTest::newRow("streamed") << qint64(2 << 20) << qint64(0);
        QTest::newRow("through memory") << qint64(100000) << qint64(1 << 20);
    }
    void corruptedBlobIsNeverCommitted()
    {
        QFETCH(qint64, size);
        QFETCH(qint64, memoryLimit);
        FakeRegistry source, target;
        QVERIFY(source.listen() && target.listen());
        QByteArray data = randomBytes(size);
        const QString digest = sha256Digest(data);
        data[data.size() / 2] = char(data[data.size() / 2] ^ 0x5a); // one flipped byte
        source.blobs.insert("lib/src@" + digest, data);
        auto src = client(source.url());
        auto dst = client(target.url());
        Tuning t = fastTuning();
        t.chunkSize = 512 << 10;
        t.inMemoryBlobLimit = memoryLimit;
        dst->setTuning(t);
        auto r = await<qint64>([&](auto cb) {
            return dst->copyBlobFrom(src.get(), "lib/src", Descriptor{{}, digest, size, {}}, "lib/dst", cb);
        });
        EXPECT_ERROR(r, Error::Kind::Digest);
        const QString m = r.error().message;
        QVERIFY2(m.contains("lib/src") && m.contains(digest) && m.contains(sha256Digest(data)), qPrintable(m));
        QTest::qWait(200); // let the background cancel arrive
        QVERIFY(target.committed.isEmpty());
        QVERIFY2(target.server.count([](const Request &req) {
                     return req.method == "PUT" && req.target.contains("digest=");
                 }) == 0,
                 "the final PUT was sent");
        if (memoryLimit == 0) {
            QVERIFY2(target.server.count([](const Request &req) { return req.method == "DELETE"; }) > 0,
                     "the upload session was not canceled");
            QVERIFY(target.uploads.isEmpty());
        }
    }

    // A source that ignores Range when reopened: the bytes already read are dropped, not
    // hashed or sent twice.
    void sourceIgnoringRangeOnReopen()
    {
        FakeRegistry source, target;
        QVERIFY(source.listen() && target.listen());
        const QByteArray data = randomBytes(3 << 20);
        const QString digest = sha256Digest(data);
        source.blobs.insert("lib/src@" + digest, data);
        QList<QByteArray> ranges;
        source.fault = [&](const Request &req, const Reply &served) -> std::optional<Reply> {
            if (!isBlobGet(req))
                return std::nullopt;
            ranges.append(req.headers.value("range"));
            if (ranges.size() == 1) {
                Reply cut = served;
                cut.cutAfter = (3 << 20) / 2;
                return cut;
            }
            return Reply { 200, {}, data };
        };
        auto src = client(source.url());
        auto dst = client(target.url());
        dst->setTuning(streamTuning());
        auto r = await<qint64>([&](auto cb) {
            return dst->copyBlobFrom(src.get(), "lib/src",
                                     Descriptor { {}, digest, data.size(), {} }, "lib/dst", cb);
        });
        EXPECT_OK(r);
        QVERIFY(target.blobs.value("lib/dst@" + digest) == data);
        QCOMPARE(target.committed.size(), 1);
        QCOMPARE(ranges.size(), 2);
        QVERIFY2(ranges.value(1).startsWith("bytes=") && ranges.value(1) != "bytes=0-",
                 ranges.value(1).constData());
        QCOMPARE(source.bytesServed, (3 << 20) / 2 + data.size());
        QCOMPARE(target.server.count([](const Request &req) { return req.method == "POST"; }), 1);
    }

    // A source that ignores Range once and breaks while its repeated bytes are still being
    // dropped, then honours Range: what the second GET repeated says nothing about the third.
    void sourceIgnoringRangeThenBreakingAgain()
    {
        FakeRegistry source, target;
        QVERIFY(source.listen() && target.listen());
        const QByteArray data = randomBytes(3 << 20);
        const QString digest = sha256Digest(data);
        source.blobs.insert("lib/src@" + digest, data);
        QList<QByteArray> ranges;
        source.fault = [&](const Request &req, const Reply &served) -> std::optional<Reply> {
            if (!isBlobGet(req))
                return std::nullopt;
            ranges.append(req.headers.value("range"));
            if (ranges.size() == 1) {
                Reply cut = served;
                cut.cutAfter = (3 << 20) / 2;
                return cut;
            }
            if (ranges.size() == 2) {
                Reply whole { 200, {}, data };
                whole.cutAfter = 100 << 10; // long before the bytes already read
                return whole;
            }
            return std::nullopt;
        };
        auto src = client(source.url());
        auto dst = client(target.url());
        dst->setTuning(streamTuning());
        auto r = await<qint64>([&](auto cb) {
            return dst->copyBlobFrom(src.get(), "lib/src",
                                     Descriptor { {}, digest, data.size(), {} }, "lib/dst", cb);
        });
        EXPECT_OK(r);
        QVERIFY(target.blobs.value("lib/dst@" + digest) == data);
        QCOMPARE(ranges.size(), 3);
        QCOMPARE(ranges.value(2), ranges.value(1));
        QCOMPARE(target.server.count([](const Request &req) { return req.method == "POST"; }), 1);
    }

    // The source's blob is not the size the manifest gives: failed as a digest error before
    // anything is committed, whether the headers say so or the body runs over.
    void sourceOfAnotherSizeIsNeverCommitted_data()
    {
        QTest::addColumn<bool>("declared");
        QTest::newRow("Content-Length") << true;
        QTest::newRow("body runs over") << false;
    }
    void sourceOfAnotherSizeIsNeverCommitted()
    {
        QFETCH(bool, declared);
        FakeRegistry source, target;
        QVERIFY(source.listen() && target.listen());
        const QByteArray data = randomBytes(3 << 20);
        const QString digest = sha256Digest(data);
        source.blobs.insert("lib/src@" + digest, data);
        source.fault = [&](const Request &req, const Reply &) -> std::optional<Reply> {
            if (!isBlobGet(req))
                return std::nullopt;
            if (declared)
                return Reply { 200, {}, data + QByteArray(1000, 'x') };
            const QByteArray range = "bytes 0-" + QByteArray::number(data.size() - 1) + '/'
                + QByteArray::number(data.size());
            return Reply { 206, { { "Content-Range", range } }, data + QByteArray(1000, 'x') };
        };
        auto src = client(source.url());
        auto dst = client(target.url());
        dst->setTuning(streamTuning());
        auto r = await<qint64>([&](auto cb) {
            return dst->copyBlobFrom(src.get(), "lib/src",
                                     Descriptor { {}, digest, data.size(), {} }, "lib/dst", cb);
        });
        EXPECT_ERROR(r, Error::Kind::Digest);
        const QString m = r.error().message;
        QVERIFY2(m.contains(digest) && m.contains("manifest says")
                     && m.contains(target.url().authority()),
                 qPrintable(m));
        QTest::qWait(200); // let the background cancel arrive
        QVERIFY(target.committed.isEmpty());
        QCOMPARE(target.server.count([](const Request &req) {
            return req.method == "PUT" && req.target.contains("digest=");
        }),
                 0);
        QVERIFY(target.server.count([](const Request &req) { return req.method == "DELETE"; }) > 0);
        QVERIFY(target.uploads.isEmpty());
    }

    // The commit went through but its answer was lost: the session is gone, the blob is there,
    // and the copy succeeds without uploading it again.
    void lostCommitAnswerFindsTheBlob()
    {
        FakeRegistry source, target;
        QVERIFY(source.listen() && target.listen());
        const QByteArray data = randomBytes(3 << 20);
        const QString digest = sha256Digest(data);
        source.blobs.insert("lib/src@" + digest, data);
        target.fault = [&](const Request &req, const Reply &served) -> std::optional<Reply> {
            if (req.method == "PUT" && served.status == 201)
                return ScriptedServer::json(
                    500, "{\"errors\":[{\"code\":\"UNKNOWN\",\"message\":\"lost\"}]}");
            return std::nullopt;
        };
        auto src = client(source.url());
        auto dst = client(target.url());
        dst->setTuning(streamTuning());
        QList<qint64> progress;
        auto r = await<qint64>([&](auto cb) {
            return dst->copyBlobFrom(src.get(), "lib/src",
                                     Descriptor { {}, digest, data.size(), {} }, "lib/dst", cb,
                                     [&](qint64 done, qint64) { progress.append(done); });
        });
        EXPECT_OK(r);
        QCOMPARE(*r, data.size());
        QCOMPARE(target.committed, QStringList({ "lib/dst@" + digest }));
        QCOMPARE(target.server.count([](const Request &req) { return req.method == "PUT"; }), 1);
        QCOMPARE(target.server.count([](const Request &req) { return req.method == "HEAD"; }), 1);
        QCOMPARE(target.server.count([](const Request &req) { return req.method == "POST"; }), 1);
        QCOMPARE(progress.value(progress.size() - 1), data.size());
    }

    // After a break the registry no longer has what it acknowledged ("0-0"): the copy starts
    // over in a fresh session, the old one canceled, the source read from the first byte.
    void forgottenSessionStartsOver()
    {
        FakeRegistry source, target;
        QVERIFY(source.listen() && target.listen());
        const QByteArray data = randomBytes(3 << 20);
        const QString digest = sha256Digest(data);
        source.blobs.insert("lib/src@" + digest, data);
        QList<QByteArray> ranges;
        source.fault = [&](const Request &req, const Reply &) -> std::optional<Reply> {
            if (isBlobGet(req))
                ranges.append(req.headers.value("range"));
            return std::nullopt;
        };
        int patches = 0;
        target.fault = [&](const Request &req, const Reply &) -> std::optional<Reply> {
            if (req.method != "PATCH" || ++patches != 2)
                return std::nullopt;
            const QByteArray path = req.path();
            target.uploads[QString::fromLatin1(path.mid(path.lastIndexOf('/') + 1))].clear();
            return ScriptedServer::json(500, "{}");
        };
        auto src = client(source.url());
        auto dst = client(target.url());
        dst->setTuning(streamTuning());
        auto r = await<qint64>([&](auto cb) {
            return dst->copyBlobFrom(src.get(), "lib/src",
                                     Descriptor { {}, digest, data.size(), {} }, "lib/dst", cb);
        });
        EXPECT_OK(r);
        QVERIFY(target.blobs.value("lib/dst@" + digest) == data);
        QCOMPARE(target.committed.size(), 1);
        QCOMPARE(target.server.count([](const Request &req) { return req.method == "POST"; }), 2);
        QCOMPARE(target.server.count([](const Request &req) { return req.method == "DELETE"; }), 1);
        QCOMPARE(ranges, QList<QByteArray>({ QByteArray(), QByteArray() }));
        QCOMPARE(patchRanges(target.server),
                 QList<QByteArray>({ "0-1048575", "1048576-2097151", "0-1048575", "1048576-2097151",
                                     "2097152-3080191" }));
    }

    // A chunk acknowledged with another Range than it should end at is not taken as a boundary:
    // the copy resyncs, and hashes its way through what the registry holds.
    void chunkAnsweredWithWrongRangeResyncs()
    {
        FakeRegistry source, target;
        QVERIFY(source.listen() && target.listen());
        const QByteArray data = randomBytes(3 << 20);
        const QString digest = sha256Digest(data);
        source.blobs.insert("lib/src@" + digest, data);
        QList<QByteArray> ranges;
        source.fault = [&](const Request &req, const Reply &) -> std::optional<Reply> {
            if (isBlobGet(req))
                ranges.append(req.headers.value("range"));
            return std::nullopt;
        };
        int patches = 0;
        target.fault = [&](const Request &req, const Reply &served) -> std::optional<Reply> {
            if (req.method != "PATCH" || ++patches != 1)
                return std::nullopt;
            Reply odd = served;
            for (auto &[name, value] : odd.headers) {
                if (name == "Range")
                    value = "0-1000";
            }
            return odd;
        };
        auto src = client(source.url());
        auto dst = client(target.url());
        dst->setTuning(streamTuning());
        auto r = await<qint64>([&](auto cb) {
            return dst->copyBlobFrom(src.get(), "lib/src",
                                     Descriptor { {}, digest, data.size(), {} }, "lib/dst", cb);
        });
        EXPECT_OK(r);
        QVERIFY(target.blobs.value("lib/dst@" + digest) == data);
        QCOMPARE(target.committed.size(), 1);
        QCOMPARE(ranges, QList<QByteArray>({ QByteArray(), QByteArray() }));
        QCOMPARE(patchRanges(target.server),
                 QList<QByteArray>({ "0-1048575", "1048576-2097151", "2097152-3080191" }));
        QCOMPARE(target.server.count([](const Request &req) { return req.method == "POST"; }), 1);
    }

    // The target drops the connection after it committed, before the answer: Qt sends the PUT
    // once more by itself (its body is a byte array it can rewind), and the registry answers
    // 404 for the session the commit closed. The blob is there: the copy succeeds.
    void commitAnswerLostToAReset()
    {
        FakeRegistry source, target;
        QVERIFY(source.listen() && target.listen());
        CuttingRelay relay;
        QVERIFY(relay.listen(target.url()));
        const QByteArray data = randomBytes(3 << 20);
        const QString digest = sha256Digest(data);
        source.blobs.insert("lib/src@" + digest, data);
        int puts = 0;
        relay.cut = [&](const QByteArray &head) -> std::optional<qint64> {
            if (!head.startsWith("PUT ") || ++puts != 1)
                return std::nullopt;
            return qint64(64 << 10); // the whole tail: the reset comes with the answer
        };
        auto src = client(source.url());
        auto dst = client(relay.url());
        dst->setTuning(streamTuning());
        auto r = await<qint64>([&](auto cb) {
            return dst->copyBlobFrom(src.get(), "lib/src",
                                     Descriptor { {}, digest, data.size(), {} }, "lib/dst", cb);
        });
        EXPECT_OK(r);
        QCOMPARE(*r, data.size());
        QCOMPARE(relay.resets, 1);
        QCOMPARE(target.committed, QStringList({ "lib/dst@" + digest }));
        QCOMPARE(target.server.count([](const Request &req) { return req.method == "PUT"; }), 2);
        QCOMPARE(target.server.count([](const Request &req) { return req.method == "HEAD"; }), 1);
        QCOMPARE(target.server.count([](const Request &req) { return req.method == "POST"; }), 1);
        QCOMPARE(target.server.count([](const Request &req) {
            return req.method == "GET" && req.path().contains("/uploads/");
        }),
                 0);
    }

    // Canceling a streamed copy stops both sides and cancels the upload session.
    void abortMidStreamCancelsTheSession()
    {
        FakeRegistry source, target;
        QVERIFY(source.listen() && target.listen());
        const QByteArray data = randomBytes(3 << 20);
        const QString digest = sha256Digest(data);
        source.blobs.insert("lib/src@" + digest, data);
        auto src = client(source.url());
        auto dst = client(target.url());
        dst->setTuning(streamTuning());
        std::optional<Result<qint64>> out;
        dst->copyBlobFrom(src.get(), "lib/src", Descriptor { {}, digest, data.size(), {} },
                          "lib/dst", [&](Result<qint64> r) { out.emplace(r); });
        QTRY_VERIFY(target.server.count([](const Request &req) { return req.method == "PATCH"; })
                    == 1);
        dst->abortAll();
        QVERIFY(!out);
        QTRY_VERIFY(out.has_value());
        EXPECT_ERROR(*out, Error::Kind::Canceled);
        QTRY_VERIFY(target.uploads.isEmpty());
        QTest::qWait(200);
        QVERIFY(target.committed.isEmpty());
        QCOMPARE(target.server.count([](const Request &req) { return req.method == "PATCH"; }), 1);
        QCOMPARE(target.server.count([](const Request &req) { return req.method == "DELETE"; }), 1);
    }

    void chunkedUploadResumesFromRegistryOffset()
    {
        FakeRegistry target;
        QVERIFY(target.listen());
        const QByteArray data = randomBytes(1000000);
        const QString digest = sha256Digest(data);
        int patches = 0;
        target.fault = [&](const Request &req, const Reply &) -> std::optional<Reply> {
            // The second chunk is stored but its answer is lost to a 500.
            if (req.method == "PATCH" && ++patches == 2)
                return ScriptedServer::json(500, "{\"errors\":[{\"code\":\"UNKNOWN\",\"message\":\"oops\"}]}");
            return std::nullopt;
        };
        auto c = client(target.url());
        auto r = await<void>([&](auto cb) { return c->uploadBlobChunked("a/b", digest, data, 300000, cb); });
        EXPECT_OK(r);
        QCOMPARE(target.committed, QStringList({"a/b@" + digest}));
        QVERIFY(target.blobs.value("a/b@" + digest) == data);
        QVERIFY(target.server.count([](const Request &req) {
            return req.method == "GET" && req.path().contains("/uploads/");
        }) > 0);
        QCOMPARE(patches, 4); // 300000 * 3 + 100000, none sent twice
    }

    void monolithicUploadRetriesInAFreshSession()
    {
        FakeRegistry target;
        QVERIFY(target.listen());
        const QByteArray data = randomBytes(200000);
        const QString digest = sha256Digest(data);
        int puts = 0;
        target.fault = [&](const Request &req, const Reply &) -> std::optional<Reply> {
            if (req.method == "PUT" && ++puts == 1)
                return ScriptedServer::json(503, "{}");
            return std::nullopt;
        };
        auto c = client(target.url());
        auto r = await<void>([&](auto cb) { return c->uploadBlob("a/b", digest, data, cb); });
        EXPECT_OK(r);
        QVERIFY(target.blobs.value("a/b@" + digest) == data);
        QCOMPARE(target.server.count([](const Request &req) { return req.method == "POST"; }), 2);
        QCOMPARE(puts, 2);
    }

    void malformedChallenge()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        server.setHandler([](const Request &) {
            Reply r = ScriptedServer::json(401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\"}]}");
            r.headers.append({QByteArray("WWW-Authenticate"), QByteArray("Bearer realm=\"http://127.0.0.1:1/token,service=\"x")});
            return r;
        });
        auto c = client(server.url());
        auto r = await<QStringList>([&](auto cb) { return c->listTags("app", 0, cb); });
        EXPECT_ERROR(r, Error::Kind::Protocol);
        QVERIFY2(r.error().message.contains("malformed") && r.error().message.contains(server.url().authority()),
                 qPrintable(r.error().message));
        QCOMPARE(server.requests().size(), 1);
    }

    void nonJsonManifest()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        server.setHandler([](const Request &) {
            Reply r{200, {{"Content-Type", mediatype::OciManifest}}, "<html>proxy error</html>"};
            return r;
        });
        auto c = client(server.url());
        auto r = await<Manifest>([&](auto cb) { return c->getManifest("app", "latest", cb); });
        EXPECT_ERROR(r, Error::Kind::Protocol);
        QVERIFY2(r.error().message.contains("app:latest") && r.error().message.contains("JSON"),
                 qPrintable(r.error().message));
    }

    void manifestDigestMismatch()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        const QByteArray body = "{\"schemaVersion\":2,\"manifests\":[]}";
        const QString other = sha256Digest("something else");
        server.setHandler([&](const Request &) {
            return Reply{200, {{"Content-Type", mediatype::OciIndex}, {"Docker-Content-Digest", other.toLatin1()}}, body};
        });
        auto c = client(server.url());
        auto r = await<Manifest>([&](auto cb) { return c->getManifest("app", "latest", cb); });
        EXPECT_ERROR(r, Error::Kind::Digest);
        QVERIFY(r.error().message.contains(other) && r.error().message.contains(sha256Digest(body)));
        // Asking by digest: the bytes must hash to it.
        auto byDigest = await<Manifest>([&](auto cb) { return c->getManifest("app", other, cb); });
        EXPECT_ERROR(byDigest, Error::Kind::Digest);
    }

    void bearerTokenFetchCacheAndRefresh()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        QByteArray current = "t1";
        int tokens = 0;
        QList<Request> tokenRequests;
        server.setHandler([&](const Request &req) {
            if (req.path() == "/token") {
                tokenRequests.append(req);
                ++tokens;
                return ScriptedServer::json(200, "{\"token\":\"" + current + "\",\"expires_in\":300}");
            }
            if (req.headers.value("authorization") != "Bearer " + current) {
                Reply r = ScriptedServer::json(401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}");
                r.headers.append({QByteArray("WWW-Authenticate"), QByteArray("Bearer realm=\"" + server.url().toEncoded() + "/token\",service=\"fake\",scope=\"repository:app:pull\"")});
                return r;
            }
            return ScriptedServer::json(200, tagsPage(0, 1));
        });
        auto c = client(server.url(), "alice", "secret");
        auto first = await<QStringList>([&](auto cb) { return c->listTags("app", 0, cb); });
        EXPECT_OK(first);
        QCOMPARE(tokens, 1);
        const Request &tr = tokenRequests.first();
        QCOMPARE(tr.headers.value("authorization"), "Basic " + QByteArray("alice:secret").toBase64());
        QVERIFY(tr.target.contains("service=fake"));
        QVERIFY(tr.target.contains("scope=repository:app:pull"));
        // Cached: no new token.
        auto second = await<QStringList>([&](auto cb) { return c->listTags("app", 0, cb); });
        EXPECT_OK(second);
        QCOMPARE(tokens, 1);
        // The registry stops accepting t1: refreshed once on the 401.
        current = "t2";
        auto third = await<QStringList>([&](auto cb) { return c->listTags("app", 0, cb); });
        EXPECT_OK(third);
        QCOMPARE(tokens, 2);
    }

    void tokenServiceRefusesCredentials()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        server.setHandler([&](const Request &req) {
            if (req.path() == "/token")
                return ScriptedServer::json(401, "{\"details\":\"bad credentials\"}");
            Reply r = ScriptedServer::json(401, "{}");
            r.headers.append({QByteArray("WWW-Authenticate"), QByteArray("Bearer realm=\"" + server.url().toEncoded() + "/token\",service=\"fake\"")});
            return r;
        });
        auto c = client(server.url(), "alice", "wrong");
        auto r = await<QStringList>([&](auto cb) { return c->listTags("app", 0, cb); });
        EXPECT_ERROR(r, Error::Kind::Auth);
        QVERIFY2(r.error().message.contains(QStringLiteral("refused the credentials for user alice"))
                     && r.error().message.contains(server.url().authority()),
                 qPrintable(r.error().message));
    }

    // The registry names the token service; the password goes there only over HTTPS, to the
    // registry's own host, or where the instance allows plain HTTP.
    void tokenServiceGetsCredentialsOnlyWhereTheyBelong_data()
    {
        QTest::addColumn<QString>("realmHost");
        QTest::addColumn<bool>("allowHttp");
        QTest::addColumn<bool>("anonymous");
        QTest::addColumn<bool>("sent");
        // "localhost" is another host name than the registry's 127.0.0.1 (same loopback).
        QTest::newRow("plain-http-other-host") << "localhost" << false << false << false;
        QTest::newRow("plain-http-other-host-allowed") << "localhost" << true << false << true;
        QTest::newRow("plain-http-same-host") << "127.0.0.1" << false << false << true;
        QTest::newRow("anonymous-other-host") << "localhost" << false << true << false;
    }
    void tokenServiceGetsCredentialsOnlyWhereTheyBelong()
    {
        QFETCH(QString, realmHost);
        QFETCH(bool, allowHttp);
        QFETCH(bool, anonymous);
        QFETCH(bool, sent);
        ScriptedServer tokenServer;
        ScriptedServer registry;
        QVERIFY(tokenServer.listen() && registry.listen());
        QUrl realm = tokenServer.url();
        realm.setHost(realmHost);
        realm.setPath(QStringLiteral("/token"));
        tokenServer.setHandler([](const Request &) {
            return ScriptedServer::json(200, "{\"token\":\"tok\",\"expires_in\":300}");
        });
        registry.setHandler([&](const Request &req) {
            if (req.headers.value("authorization") == "Bearer tok")
                return ScriptedServer::json(200, tagsPage(0, 1));
            Reply r = ScriptedServer::json(401, "{}");
            r.headers.append({QByteArray("WWW-Authenticate"),
                              "Bearer realm=\"" + realm.toEncoded() + "\",service=\"fake\""});
            return r;
        });
        Endpoint e{registry.url(), anonymous ? QString() : QStringLiteral("alice"),
                   anonymous ? QString() : QStringLiteral("secret"), {}, false, allowHttp};
        RegistryClient c(e);
        c.setTuning(fastTuning());
        auto r = await<QStringList>([&](auto cb) { return c.listTags("app", 0, cb); });
        const auto withAuthorization = [](const Request &req) {
            return req.headers.contains("authorization");
        };
        if (anonymous) {
            // Nothing to protect: the token service is asked without credentials.
            EXPECT_OK(r);
            QCOMPARE(tokenServer.requests().size(), 1);
            QCOMPARE(tokenServer.count(withAuthorization), 0);
        } else if (sent) {
            EXPECT_OK(r);
            QCOMPARE(tokenServer.requests().size(), 1);
            QCOMPARE(tokenServer.requests().first().headers.value("authorization"),
                     "Basic " + QByteArray("alice:secret").toBase64());
        } else {
            EXPECT_ERROR(r, Error::Kind::Auth);
            QCOMPARE(tokenServer.count(withAuthorization), 0);
            QCOMPARE(tokenServer.requests().size(), 0);
            const QString message = r.error().message;
            QVERIFY2(message.contains(registry.url().authority())
                         && message.contains(realm.toString())
                         && message.contains(QStringLiteral("will not send the password over plain "
                                                            "HTTP to another host"))
                         && message.contains(QStringLiteral("allow plain HTTP for this instance")),
                     qPrintable(message));
            QCOMPARE(r.error().code, QString::fromLatin1(AuthSession::PlainHttpRealmCode));
            // Asked again, still refused, still without sending anything.
            auto again = await<QStringList>([&](auto cb) { return c.listTags("app", 0, cb); });
            EXPECT_ERROR(again, Error::Kind::Auth);
            QCOMPARE(tokenServer.requests().size(), 0);
        }
    }

    void redirectToOtherHostDropsAuthorization()
    {
        ScriptedServer storage;
        ScriptedServer registry;
        QVERIFY(storage.listen() && registry.listen());
        const QByteArray blob = "layer bytes";
        const QString digest = sha256Digest(blob);
        storage.setHandler([&](const Request &) { return Reply{200, {}, blob}; });
        registry.setHandler([&](const Request &req) {
            if (req.headers.value("authorization").isEmpty()) {
                Reply r = ScriptedServer::json(401, "{}");
                r.headers.append({QByteArray("WWW-Authenticate"), QByteArray("Basic realm=\"fake\"")});
                return r;
            }
            return Reply{307, {{"Location", storage.url().toEncoded() + "/bucket/object?sig=abc"}}};
        });
        auto c = client(registry.url(), "alice", "secret");
        auto r = await<QByteArray>([&](auto cb) { return c->getBlob("app", digest, cb); });
        EXPECT_OK(r);
        QCOMPARE(*r, blob);
        QCOMPARE(storage.requests().size(), 1);
        QVERIFY(!storage.requests().first().headers.contains("authorization"));
        QCOMPARE(storage.requests().first().target, QByteArray("/bucket/object?sig=abc"));
        QVERIFY(registry.requests().last().headers.value("authorization").startsWith("Basic "));
    }

    void inactivityTimeout()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        server.setHandler([](const Request &) { return Reply{200, {}, {}, -1, true}; });
        auto c = client(server.url());
        Tuning t = fastTuning();
        t.timeoutMs = 300;
        t.maxAttempts = 2;
        c->setTuning(t);
        QElapsedTimer timer;
        timer.start();
        auto r = await<std::optional<qint64>>([&](auto cb) { return c->headBlob("app", sha256Digest("x"), cb); });
        EXPECT_ERROR(r, Error::Kind::Network);
        QVERIFY2(r.error().message.contains("no data moved"), qPrintable(r.error().message));
        QCOMPARE(server.requests().size(), 2);
        QVERIFY(timer.elapsed() < 5000);
    }

    // A registry that takes long to store what it was sent (a slow backend writing a large
    // chunk) is silent after the body went out; that is not a stalled transfer. The store
    // timeout still ends a wait that never ends.
    void slowStoreIsNotInactivity_data()
    {
        QTest::addColumn<int>("storeTimeoutMs");
        QTest::addColumn<bool>("succeeds");
        QTest::newRow("store timeout above the wait") << 5000 << true;
        QTest::newRow("store timeout below it") << 300 << false;
    }
    void slowStoreIsNotInactivity()
    {
        QFETCH(int, storeTimeoutMs);
        QFETCH(bool, succeeds);
        ScriptedServer server;
        QVERIFY(server.listen());
        const QByteArray bytes = R"({"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{},"layers":[]})";
        const QString digest = sha256Digest(bytes);
        server.setHandler([&](const Request &req) {
            Reply r = ScriptedServer::json(201, {}, {{"Docker-Content-Digest", digest.toLatin1()}});
            if (req.method == "PUT")
                r.delayMs = 1000; // 3x the inactivity timeout
            return r;
        });
        auto c = client(server.url());
        Tuning t = fastTuning();
        t.timeoutMs = 300;
        t.storeTimeoutMs = storeTimeoutMs;
        t.maxAttempts = 1;
        c->setTuning(t);
        const Manifest m { bytes, QStringLiteral("application/vnd.oci.image.manifest.v1+json"), digest };
        QElapsedTimer timer;
        timer.start();
        auto r = await<QString>([&](auto cb) { return c->putManifest("app", "1", m, cb); });
        if (succeeds) {
            EXPECT_OK(r);
            QCOMPARE(*r, digest);
            QVERIFY2(timer.elapsed() >= 950, qPrintable(QString::number(timer.elapsed())));
        } else {
            EXPECT_ERROR(r, Error::Kind::Network);
            QVERIFY2(r.error().message.contains("no data moved"), qPrintable(r.error().message));
            QVERIFY2(timer.elapsed() < 950, qPrintable(QString::number(timer.elapsed())));
        }
    }

    // A PATCH is not retried as a request (its streamed body is gone): the copy job resumes the
    // upload itself, and a 429's Retry-After holds that resume back too, with every other
    // request to the registry (RequestPacer).
    void jobRetryHonoursRetryAfter()
    {
        FakeRegistry source, target;
        QVERIFY(source.listen() && target.listen());
        const QByteArray data = randomBytes(3 << 20);
        const QString digest = sha256Digest(data);
        source.blobs.insert("lib/src@" + digest, data);
        QElapsedTimer clock;
        clock.start();
        qint64 refusedAt = -1;
        qint64 nextAt = -1;
        int patches = 0;
        target.fault = [&](const Request &req, const Reply &) -> std::optional<Reply> {
            if (refusedAt >= 0 && nextAt < 0)
                nextAt = clock.elapsed();
            if (req.method != "PATCH" || ++patches != 2)
                return std::nullopt;
            refusedAt = clock.elapsed();
            return ScriptedServer::json(429, R"({"errors":[{"code":"TOOMANYREQUESTS","message":"slow down"}]})",
                                        {{"Retry-After", "2"}});
        };
        auto src = client(source.url());
        auto dst = client(target.url());
        dst->setTuning(streamTuning()); // its own backoff is 10-50 ms
        auto r = await<qint64>([&](auto cb) {
            return dst->copyBlobFrom(src.get(), "lib/src", Descriptor{{}, digest, data.size(), {}}, "lib/dst", cb);
        });
        EXPECT_OK(r);
        QVERIFY(target.blobs.value("lib/dst@" + digest) == data);
        QVERIFY(refusedAt >= 0 && nextAt >= 0);
        QVERIFY2(nextAt - refusedAt >= 1900, qPrintable(QString::number(nextAt - refusedAt)));
        QVERIFY(RequestPacer::instance().intervalMs(QStringLiteral("http://") + target.url().authority()) > 0);
    }

    // The pace a 429 sets: the Retry-After first, then requests spaced; more 429s within a second
    // are one complaint; a later one doubles the spacing, up to its ceiling.
    void pacerSpacesRequestsAfterA429()
    {
        RequestPacer &pacer = RequestPacer::instance();
        const QString key = QStringLiteral("http://pacer.test:1");
        QCOMPARE(pacer.reserve(key), 0); // never throttled: never slowed
        pacer.throttled(key, 300);
        pacer.throttled(key, 100); // heard by a request in flight at the same time
        QCOMPARE(pacer.intervalMs(key), RequestPacer::FirstIntervalMs);
        const qint64 first = pacer.reserve(key);
        QVERIFY2(first > 250 && first <= 300, qPrintable(QString::number(first)));
        const qint64 second = pacer.reserve(key);
        QVERIFY2(second - first >= RequestPacer::FirstIntervalMs - 5, qPrintable(QString::number(second - first)));
        QTest::qWait(1050);
        pacer.throttled(key, -1); // no Retry-After: a second
        QCOMPARE(pacer.intervalMs(key), 2 * RequestPacer::FirstIntervalMs);
        const qint64 third = pacer.reserve(key);
        QVERIFY2(third > 900 && third <= 1000, qPrintable(QString::number(third)));
        const QString other = QStringLiteral("http://pacer.test:2");
        QCOMPARE(pacer.reserve(other), 0); // another registry is not slowed
    }

    void abortIsPromptAndCanceled()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        server.setHandler([](const Request &) { return Reply{200, {}, {}, -1, true}; });
        auto c = client(server.url());
        std::optional<Result<Manifest>> out;
        QPointer<RegistryJob> job = c->getManifest("app", "1", [&](Result<Manifest> r) { out.emplace(r); });
        QTRY_COMPARE(server.requests().size(), 1);
        QElapsedTimer timer;
        timer.start();
        c->abortAll();
        QVERIFY(!out); // never inside abort()
        QTRY_VERIFY_WITH_TIMEOUT(out.has_value(), 1000);
        QVERIFY(timer.elapsed() < 1000);
        EXPECT_ERROR(*out, Error::Kind::Canceled);
        QTRY_VERIFY(job.isNull()); // deleted itself
    }

    void callbacksAreNeverSynchronous()
    {
        Endpoint e{QUrl("https://127.0.0.1:1"), {}, {}, "/nonexistent/ca.pem", false};
        RegistryClient c(e);
        bool called = false;
        std::optional<Result<PingInfo>> out;
        c.ping([&](Result<PingInfo> r) {
            called = true;
            out.emplace(r);
        });
        QVERIFY(!called);
        QTRY_VERIFY(called);
        EXPECT_ERROR(*out, Error::Kind::Tls);
        QVERIFY(out->error().message.contains("/nonexistent/ca.pem"));
    }

    void unreachableHost()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        auto c = client(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        auto r = await<PingInfo>([&](auto cb) { return c->ping(cb); });
        EXPECT_ERROR(r, Error::Kind::Network);
        QVERIFY2(r.error().message.contains("connection refused"), qPrintable(r.error().message));
    }
};

QTEST_GUILESS_MAIN(TestRegistryFaults)
#include "tst_registryfaults.moc"
