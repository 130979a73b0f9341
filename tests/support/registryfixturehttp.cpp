// RegistryFixture's synchronous HTTP helpers: direct requests to the test registry and its token
// server, for assertions and for content skopeo cannot write. Test code only: they spin a local
// event loop, which library code must never do.

#include "registryfixture.h"
#include "registryfixture_p.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrlQuery>

namespace crsync::test {

namespace {

QString describe(const RegistryFixture::Response &response)
{
    if (response.status == 0)
        return QStringLiteral("no HTTP answer: %1").arg(response.error);
    return QStringLiteral("HTTP %1: %2")
        .arg(response.status)
        .arg(QString::fromUtf8(response.body.left(500)).trimmed());
}

QByteArray basic(const QString &username, const QString &password)
{
    return "Basic " + (username + QLatin1Char(':') + password).toUtf8().toBase64();
}

} // namespace

QByteArray RegistryFixture::Response::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

RegistryFixture::Response httpCall(const QUrl &url, const QByteArray &verb, const QByteArray &body,
                                   const QList<QPair<QByteArray, QByteArray>> &headers,
                                   const QString &caFile, int timeoutMs)
{
    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    nam.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    QNetworkRequest request(url);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    if (url.scheme() == QLatin1String("https")) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates(caFile.isEmpty() ? QList<QSslCertificate>()
                                               : QSslCertificate::fromPath(caFile));
        request.setSslConfiguration(ssl);
    }
    QNetworkReply *reply = nullptr;
    if (verb == "HEAD")
        reply = nam.head(request);
    else if (verb == "GET")
        reply = nam.get(request);
    else
        reply = nam.sendCustomRequest(request, verb, body);

    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, reply, &QNetworkReply::abort);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    if (!reply->isFinished())
        loop.exec();

    RegistryFixture::Response response;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.body = reply->readAll();
    response.headers = reply->rawHeaderPairs();
    if (response.status == 0)
        response.error = timer.isActive() ? reply->errorString() : QStringLiteral("timed out");
    delete reply;
    return response;
}

RegistryFixture::Response RegistryFixture::fetchToken(const QStringList &scopes,
                                                      const QString &username,
                                                      const QString &password) const
{
    if (tokenRealm().isEmpty()) {
        Response none;
        none.error = QStringLiteral(
            "this fixture has no token server (mode is not TokenAuth or not started)");
        return none;
    }
    QUrl url(tokenRealm());
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("service"), tokenService());
    for (const QString &scope : scopes)
        query.addQueryItem(QStringLiteral("scope"), scope);
    if (!username.isEmpty())
        query.addQueryItem(QStringLiteral("account"), username);
    url.setQuery(query);
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!username.isEmpty() || !password.isEmpty())
        headers.append({ "Authorization", basic(username, password) });
    return httpCall(url, "GET", {}, headers, {}, 30000);
}

RegistryFixture::Response RegistryFixture::request(
    const QByteArray &verb, const QString &pathAndQuery, const QByteArray &body,
    const QList<QPair<QByteArray, QByteArray>> &headers, bool authenticate) const
{
    // Upload locations come back absolute; everything else is a path below the registry.
    const QUrl target = pathAndQuery.startsWith(QLatin1String("http"))
        ? QUrl(pathAndQuery)
        : d->baseUrl().resolved(QUrl(pathAndQuery));
    const QString ca = caFile();
    QList<QPair<QByteArray, QByteArray>> sent = headers;
    if (authenticate && d->options.mode == Mode::BasicAuth)
        sent.append({ "Authorization", basic(d->username, d->password) });
    Response response = httpCall(target, verb, body, sent, ca, 60000);

    const QByteArray challenge = response.header("WWW-Authenticate");
    if (!authenticate || d->options.mode != Mode::TokenAuth || response.status != 401
        || !challenge.startsWith("Bearer "))
        return response;
    // Do what a client does with the challenge: a token for exactly the scope it names.
    QStringList scopes;
    static const QRegularExpression param(QStringLiteral(R"re((\w+)="([^"]*)")re"));
    for (auto it = param.globalMatch(QString::fromUtf8(challenge)); it.hasNext();) {
        const auto match = it.next();
        if (match.captured(1) == QLatin1String("scope"))
            scopes = match.captured(2).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    }
    const Response token = fetchToken(scopes, d->username, d->password);
    const QByteArray jwt = QJsonDocument::fromJson(token.body)
                               .object()
                               .value(QStringLiteral("token"))
                               .toString()
                               .toUtf8();
    if (token.status != 200 || jwt.isEmpty()) {
        response.error = QStringLiteral("fetching a token failed: %1").arg(describe(token));
        return response;
    }
    sent.append({ "Authorization", "Bearer " + jwt });
    return httpCall(target, verb, body, sent, ca, 60000);
}

bool RegistryFixture::pushBlob(const QString &repository, const QByteArray &data,
                               QString *error) const
{
    const QString digest = sha256Digest(data);
    if (request("HEAD", QStringLiteral("/v2/%1/blobs/%2").arg(repository, digest)).status == 200)
        return true;
    const Response started
        = request("POST", QStringLiteral("/v2/%1/blobs/uploads/").arg(repository));
    const QString location = QString::fromUtf8(started.header("Location"));
    if (started.status != 202 || location.isEmpty()) {
        if (error)
            *error = QStringLiteral("starting a blob upload to %1 failed: %2")
                         .arg(repository, describe(started));
        return false;
    }
    // Appended as text: rebuilding the query would re-encode the registry's opaque _state.
    const QString absolute = d->baseUrl().resolved(QUrl(location)).toString(QUrl::FullyEncoded);
    const QString put = absolute
        + (absolute.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?'))
        + QStringLiteral("digest=") + digest;
    const Response done
        = request("PUT", put, data, { { "Content-Type", "application/octet-stream" } });
    if (done.status != 201) {
        if (error)
            *error = QStringLiteral("uploading blob %1 to %2 failed: %3")
                         .arg(digest, repository, describe(done));
        return false;
    }
    return true;
}

bool RegistryFixture::pushManifest(const QString &repository, const QString &reference,
                                   const QByteArray &mediaType, const QByteArray &manifest,
                                   QString *error) const
{
    const Response done
        = request("PUT", QStringLiteral("/v2/%1/manifests/%2").arg(repository, reference), manifest,
                  { { "Content-Type", mediaType } });
    if (done.status != 201) {
        if (error)
            *error = QStringLiteral("pushing manifest %1:%2 failed: %3")
                         .arg(repository, reference, describe(done));
        return false;
    }
    return true;
}

bool RegistryFixture::deleteManifest(const QString &repository, const QString &digest,
                                     QString *error) const
{
    const Response done
        = request("DELETE", QStringLiteral("/v2/%1/manifests/%2").arg(repository, digest));
    if (done.status != 202) {
        if (error)
            *error = QStringLiteral("deleting manifest %1@%2 failed: %3")
                         .arg(repository, digest, describe(done));
        return false;
    }
    return true;
}

QStringList RegistryFixture::tags(const QString &repository, QString *error) const
{
    const Response listed
        = request("GET", QStringLiteral("/v2/%1/tags/list?n=10000").arg(repository));
    if (listed.status != 200) {
        if (error)
            *error
                = QStringLiteral("listing tags of %1 failed: %2").arg(repository, describe(listed));
        return {};
    }
    QStringList result;
    for (const QJsonValue &tag :
         QJsonDocument::fromJson(listed.body).object().value(QStringLiteral("tags")).toArray())
        result << tag.toString();
    return result;
}

} // namespace crsync::test
