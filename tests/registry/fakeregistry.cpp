#include "fakeregistry.h"

#include <QCryptographicHash>
#include <QUrlQuery>

namespace crsync::test {

namespace {
QByteArray sha256(const QByteArray &data)
{
    return "sha256:" + QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}
QByteArray rangeOf(qint64 size) { return "0-" + QByteArray::number(size > 0 ? size - 1 : 0); }
} // namespace

FakeRegistry::FakeRegistry()
{
    server.setHandler([this](const Request &request) {
        Reply served = handle(request);
        if (fault) {
            if (auto replaced = fault(request, served))
                served = *replaced;
        }
        if (request.method == "GET" && request.path().contains("/blobs/sha256:"))
            bytesServed += served.cutAfter >= 0 ? std::min<qint64>(served.cutAfter, served.body.size())
                                                : served.body.size();
        return served;
    });
}

FakeRegistry::Reply FakeRegistry::handle(const Request &request)
{
    const QByteArray path = request.path();
    if (path == "/v2/" || path == "/v2")
        return ScriptedServer::json(200, "{}");
    if (!path.startsWith("/v2/"))
        return Reply{404};
    const qsizetype blobsAt = path.indexOf("/blobs/");
    if (blobsAt < 0)
        return ScriptedServer::json(404, R"({"errors":[{"code":"NAME_UNKNOWN","message":"unknown"}]})");
    const QString repo = QString::fromUtf8(path.mid(4, blobsAt - 4));
    const QByteArray rest = path.mid(blobsAt + 7);

    if (rest.startsWith("uploads/")) {
        const QByteArray id = rest.mid(8);
        const QByteArray location = "/v2/" + repo.toUtf8() + "/blobs/uploads/";
        if (id.isEmpty() && request.method == "POST") {
            const QByteArray session = QByteArray::number(m_nextSession++);
            uploads.insert(QString::fromLatin1(session), {});
            return Reply{202, {{"Location", location + session + "?_state=s" + session}, {"Range", "0-0"}}};
        }
        const QString session = QString::fromLatin1(id);
        if (!uploads.contains(session))
            return ScriptedServer::json(404, R"({"errors":[{"code":"BLOB_UPLOAD_UNKNOWN","message":"blob upload unknown"}]})");
        QByteArray &data = uploads[session];
        if (request.method == "GET")
            return Reply{204, {{"Range", rangeOf(data.size())}, {"Location", location + id}}};
        if (request.method == "DELETE") {
            uploads.remove(session);
            return Reply{204};
        }
        if (request.method == "PATCH") {
            const QByteArray range = request.headers.value("content-range");
            const qint64 start = range.left(range.indexOf('-')).toLongLong();
            if (!range.isEmpty() && start != data.size())
                return ScriptedServer::json(416, R"({"errors":[{"code":"BLOB_UPLOAD_INVALID","message":"range"}]})");
            data.append(request.body);
            return Reply{202, {{"Range", rangeOf(data.size())}, {"Location", location + id}}};
        }
        if (request.method == "PUT") {
            data.append(request.body);
            const QUrlQuery query(QString::fromLatin1(request.target.mid(request.target.indexOf('?') + 1)));
            const QByteArray digest = query.queryItemValue(QStringLiteral("digest")).toLatin1();
            if (sha256(data) != digest)
                return ScriptedServer::json(400, R"({"errors":[{"code":"DIGEST_INVALID","message":"provided digest did not match uploaded content"}]})");
            blobs.insert(repo + QLatin1Char('@') + QString::fromLatin1(digest), data);
            committed.append(repo + QLatin1Char('@') + QString::fromLatin1(digest));
            uploads.remove(session);
            return Reply{201, {{"Docker-Content-Digest", digest}}};
        }
        return Reply{405};
    }

    const QString key = repo + QLatin1Char('@') + QString::fromLatin1(rest);
    if (!blobs.contains(key))
        return ScriptedServer::json(404, R"({"errors":[{"code":"BLOB_UNKNOWN","message":"blob unknown to registry"}]})");
    const QByteArray &data = blobs[key];
    if (request.method == "HEAD")
        return Reply{200, {{"Content-Length", QByteArray::number(data.size())}}};
    const QByteArray range = request.headers.value("range");
    if (range.startsWith("bytes=")) {
        const qint64 from = range.mid(6, range.indexOf('-') - 6).toLongLong();
        Reply r{206, {{"Content-Range", "bytes " + QByteArray::number(from) + '-'
                                            + QByteArray::number(data.size() - 1) + '/'
                                            + QByteArray::number(data.size())}}};
        r.body = data.mid(from);
        return r;
    }
    Reply r{200};
    r.body = data;
    return r;
}

} // namespace crsync::test
