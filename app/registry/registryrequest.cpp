#include "registry/registryrequest.h"

#include "registry/authsession.h"
#include "registry/clientprivate.h"
#include "registry/protocol.h"
#include "registry/registrylog.h"
#include "registry/requestpacer.h"
#include "registry/retrypolicy.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QIODevice>
#include <QNetworkAccessManager>
#include <QSslError>

namespace crsync {

namespace {

QAtomicInteger<quint64> g_nextId{1};

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
        && a.port(a.scheme() == QLatin1String("https") ? 443 : 80)
        == b.port(b.scheme() == QLatin1String("https") ? 443 : 80);
}

bool isRetryableNetworkError(QNetworkReply::NetworkError code)
{
    switch (code) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::InternalServerError:
    case QNetworkReply::ServiceUnavailableError:
    case QNetworkReply::UnknownServerError:
        return true;
    default:
        return false;
    }
}

} // namespace

QByteArray Response::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

RegistryRequest::RegistryRequest(RegistryClient *client, RequestSpec spec, QObject *parent)
    : QObject(parent), m_client(client), m_spec(std::move(spec)), m_id(g_nextId.fetchAndAddRelaxed(1))
{
    m_timeout.setSingleShot(true);
    m_backoff.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        if (!m_reply)
            return;
        qCInfo(lcRegistry) << "request" << m_id << "timed out";
        m_timedOut = true;
        m_reply->abort();
    });
    connect(&m_backoff, &QTimer::timeout, this, &RegistryRequest::authorizeAndSend);
    m_url = m_spec.url;
}

RegistryRequest::~RegistryRequest()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void RegistryRequest::start(Done done)
{
    m_done = std::move(done);
    if (!m_client) {
        finish(Error::make(Error::Kind::Internal, failed(tr("the registry client is gone"))));
        return;
    }
    if (!m_client->d->sslSetupError.isEmpty()) {
        finish(Error::make(Error::Kind::Tls, m_client->d->sslSetupError));
        return;
    }
    authorizeAndSend();
}

void RegistryRequest::abort()
{
    m_done_ = true;
    m_done = nullptr;
    m_timeout.stop();
    m_backoff.stop();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

void RegistryRequest::touch()
{
    if (m_reply && m_client)
        m_timeout.start(m_client->tuning().timeoutMs);
}

void RegistryRequest::authorizeAndSend()
{
    if (m_done_ || !m_client)
        return;
    if (!m_spec.authorization.isEmpty() || !m_spec.authenticate || m_crossHost) {
        send(m_crossHost ? QByteArray() : m_spec.authorization);
        return;
    }
    m_client->d->auth->authorize(m_spec.scopes, this, [this](Result<QByteArray> auth) {
        if (m_done_)
            return;
        if (!auth) {
            Error e = auth.error();
            finish(e);
            return;
        }
        send(*auth);
    });
}

// scheme://host:port, the unit RequestPacer slows.
static QString pacerKey(const QUrl &url)
{
    return url.scheme().toLower() + QLatin1String("://") + url.host().toLower() + QLatin1Char(':')
        + QString::number(url.port(url.scheme() == QLatin1String("http") ? 80 : 443));
}

void RegistryRequest::send(const QByteArray &authorization)
{
    if (!m_paced) {
        // A registry that said 429 to any request is given time before this one goes too.
        const qint64 wait = RequestPacer::instance().reserve(pacerKey(m_url));
        if (wait > 0) {
            m_paced = true;
            qCDebug(lcRegistry) << "request" << m_id << "paced by" << wait << "ms";
            QTimer::singleShot(int(wait), this, [this, authorization] {
                if (!m_done_)
                    send(authorization);
            });
            return;
        }
    }
    m_paced = false;
    ++m_attempt;
    m_status = 0;
    m_streaming = false;
    m_timedOut = false;
    m_collected.clear();
    m_sslErrors.clear();
    m_sentAuthorization = authorization;

    QNetworkRequest request(m_url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    // HTTP/1.1 keeps streamed uploads and downloads under our control.
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("crsync/" CRSYNC_VERSION));
    if (m_url.scheme() == QLatin1String("https"))
        request.setSslConfiguration(m_client->d->ssl);
    for (const auto &[name, value] : m_spec.headers)
        request.setRawHeader(name, value);
    if (!authorization.isEmpty())
        request.setRawHeader("Authorization", authorization);

    QNetworkAccessManager *nam = m_client->m_nam;
    QNetworkReply *reply = nullptr;
    const QByteArray method = m_spec.method;
    if (m_spec.bodyDevice) {
        m_device = m_spec.bodyDevice();
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        request.setHeader(QNetworkRequest::ContentLengthHeader, m_spec.bodyLength);
        reply = nam->sendCustomRequest(request, method, m_device);
    } else if (method == "GET") {
        reply = nam->get(request);
    } else if (method == "HEAD") {
        reply = nam->head(request);
    } else if (method == "DELETE" && m_spec.body.isEmpty()) {
        reply = nam->deleteResource(request);
    } else {
        request.setHeader(QNetworkRequest::ContentLengthHeader, m_spec.body.size());
        reply = nam->sendCustomRequest(request, method, m_spec.body);
    }
    m_reply = reply;
    if (m_spec.readBufferSize > 0)
        reply->setReadBufferSize(m_spec.readBufferSize);
    qCDebug(lcRegistry).noquote() << "request" << m_id << method << m_url.toString(QUrl::RemoveQuery)
                                  << "attempt" << m_attempt;

    connect(reply, &QNetworkReply::readyRead, this, &RegistryRequest::onReadyRead);
    connect(reply, &QNetworkReply::downloadProgress, this, &RegistryRequest::touch);
    connect(reply, &QNetworkReply::uploadProgress, this, [this](qint64 sent, qint64 total) {
        if (!m_reply || !m_client)
            return;
        // The whole body is out: the registry may now take long to store it (a slow backend
        // writing a 512 MiB chunk) before it says a word, and that is not a stalled transfer.
        const Tuning &tuning = m_client->tuning();
        m_timeout.start(total > 0 && sent >= total ? std::max(tuning.timeoutMs, tuning.storeTimeoutMs)
                                                   : tuning.timeoutMs);
    });
    connect(reply, &QNetworkReply::finished, this, &RegistryRequest::onFinished);
    connect(reply, &QNetworkReply::sslErrors, this, [this, reply](const QList<QSslError> &errors) {
        if (m_client && m_client->endpoint().insecureSkipVerify) {
            reply->ignoreSslErrors();
            return;
        }
        for (const QSslError &e : errors)
            m_sslErrors.append(e.errorString());
    });
    m_timeout.start(m_client->tuning().timeoutMs);
}

void RegistryRequest::onReadyRead()
{
    if (!m_reply)
        return;
    touch();
    if (m_status == 0)
        m_status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_spec.streamBody && m_status >= 200 && m_status < 300) {
        m_streaming = true;
        m_delivered = true;
        if (m_onData)
            m_onData();
        return;
    }
    m_collected.append(m_reply->readAll());
    if (m_collected.size() > m_spec.maxBodyBytes) {
        m_reply->disconnect(this);
        m_reply->abort();
        finish(Error::make(Error::Kind::Protocol,
                           failed(tr("the answer is larger than %1 bytes").arg(m_spec.maxBodyBytes))));
    }
}

bool RegistryRequest::restartable() const
{
    return m_spec.retry && !m_spec.bodyDevice && !m_delivered;
}

bool RegistryRequest::retryLater(const QByteArray &retryAfter)
{
    if (!restartable() || !m_client || m_attempt >= m_client->tuning().maxAttempts)
        return false;
    const qint64 delay = RetryPolicy::delayMs(
        m_client->tuning(), m_attempt,
        protocol::parseRetryAfter(retryAfter, QDateTime::currentDateTimeUtc()));
    qCInfo(lcRegistry) << "request" << m_id << "retrying in" << delay << "ms";
    m_backoff.start(int(delay));
    return true;
}

void RegistryRequest::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply || m_done_)
        return;
    m_timeout.stop();
    auto dropReply = [this, reply] {
        reply->disconnect(this);
        reply->deleteLater();
        m_reply = nullptr;
    };
    const QNetworkReply::NetworkError code = reply->error();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_status = status;
    const bool success2xx = status >= 200 && status < 300;
    if (m_spec.streamBody && success2xx && !m_streaming && reply->bytesAvailable() > 0) {
        // A streamed body whose first bytes came with the end: hand them over now.
        m_streaming = true;
        m_delivered = true;
        if (m_onData)
            m_onData();
    } else if (!m_streaming && reply->isOpen()) {
        m_collected.append(reply->readAll());
    }
    qCDebug(lcRegistry) << "request" << m_id << "finished: HTTP" << status << code;

    const bool transportFailure = status == 0 || m_timedOut || (code != QNetworkReply::NoError && int(code) < 200);
    if (transportFailure) {
        const QString text = reply->errorString();
        const bool timedOut = m_timedOut;
        dropReply();
        if ((timedOut || isRetryableNetworkError(code)) && retryLater({}))
            return;
        finish(networkError(timedOut ? QNetworkReply::TimeoutError : code, text));
        return;
    }

    Response response;
    response.status = status;
    response.url = m_url;
    response.headers = reply->rawHeaderPairs();

    // Redirects: blob downloads may be sent to storage on another host.
    if (status >= 300 && status < 400 && status != 304 && m_spec.followRedirects
        && (m_spec.method == "GET" || m_spec.method == "HEAD")) {
        const QByteArray location = response.header("Location");
        if (!location.isEmpty() && ++m_redirects <= 10) {
            const QUrl next = m_url.resolved(QUrl::fromEncoded(location));
            if (!sameOrigin(next, m_spec.url))
                m_crossHost = true; // never hand our credentials to another host
            qCDebug(lcRegistry) << "request" << m_id << "redirected"
                                << (m_crossHost ? "to another host" : "");
            m_url = next;
            dropReply();
            --m_attempt;
            authorizeAndSend();
            return;
        }
    }

    if (status == 401 && m_spec.authenticate && m_spec.authorization.isEmpty() && !m_crossHost) {
        auto learned = m_client->d->auth->learn(response.header("WWW-Authenticate"), m_spec.scopes,
                                                m_sentAuthorization);
        dropReply();
        if (!learned) {
            Error e = learned.error();
            e.httpStatus = 401;
            e.message = failed(e.message);
            finish(e);
            return;
        }
        if (*learned && !m_authRetried && !m_spec.bodyDevice && !m_delivered) {
            m_authRetried = true;
            --m_attempt;
            authorizeAndSend();
            return;
        }
    }

    if (status == 429) {
        const auto asked = protocol::parseRetryAfter(response.header("Retry-After"),
                                                     QDateTime::currentDateTimeUtc());
        RequestPacer::instance().throttled(
            pacerKey(m_url), asked ? std::min(*asked, RetryPolicy::MaxRetryAfterMs) : -1);
    }
    if (RetryPolicy::isRetryableStatus(status) && restartable()) {
        const QByteArray retryAfter = response.header("Retry-After");
        dropReply();
        if (retryLater(retryAfter))
            return;
    }

    if (!(success2xx && m_streaming) && m_reply)
        dropReply();
    if (success2xx || m_spec.acceptStatuses.contains(status)) {
        response.body = std::move(m_collected);
        finish(std::move(response));
        return;
    }
    finish(httpError(status, m_collected));
}

void RegistryRequest::finish(Result<Response> result)
{
    if (m_done_)
        return;
    m_done_ = true;
    m_timeout.stop();
    m_backoff.stop();
    if (!result)
        qCInfo(lcRegistry).noquote() << "request" << m_id << "failed:" << result.error().message;
    auto done = std::move(m_done);
    m_done = nullptr;
    if (done)
        done(std::move(result));
}

QString RegistryRequest::failed(const QString &reason) const
{
    const QString registry = m_client ? m_client->endpoint().displayName() : QString();
    QString text = tr("%1 on the registry %2 failed: %3").arg(m_spec.what, registry, reason);
    // Reasons come from Qt, the registry or our own translated text; end the sentence once, in
    // the punctuation of the language it is in.
    const QChar last = text.isEmpty() ? QChar() : text.back();
    if (last != QLatin1Char('.') && last != QChar(0x3002))
        text += last.script() == QChar::Script_Han ? QChar(0x3002) : QLatin1Char('.');
    return text;
}

Error RegistryRequest::networkError(QNetworkReply::NetworkError code, const QString &text) const
{
    const QString host = m_url.authority();
    if (code == QNetworkReply::SslHandshakeFailedError || !m_sslErrors.isEmpty()) {
        const QString why = m_sslErrors.isEmpty() ? text : m_sslErrors.join(QLatin1String("; "));
        return Error::make(Error::Kind::Tls,
                           failed(tr("the TLS certificate of %1 did not verify (%2). If the "
                                     "registry uses a private certificate authority, give its "
                                     "certificate with the CA file option (--ca-file)")
                                      .arg(host, why)));
    }
    QString reason;
    switch (code) {
    case QNetworkReply::ConnectionRefusedError:
        reason = tr("could not connect to %1 (connection refused). Check the URL and that the "
                    "registry is running")
                     .arg(host);
        break;
    case QNetworkReply::HostNotFoundError:
        reason = tr("the host %1 was not found. Check the URL").arg(m_url.host());
        break;
    case QNetworkReply::TimeoutError:
        reason = tr("no data moved for %1 seconds (after %2 attempts)")
                     .arg(m_client ? m_client->tuning().timeoutMs / 1000.0 : 0)
                     .arg(m_attempt);
        break;
    case QNetworkReply::RemoteHostClosedError:
        reason = tr("%1 closed the connection (after %2 attempts)").arg(host).arg(m_attempt);
        break;
    default:
        reason = tr("network error talking to %1: %2").arg(host, text);
        break;
    }
    Error e = Error::make(Error::Kind::Network, failed(reason));
    return e;
}

Error RegistryRequest::httpError(int status, const QByteArray &body) const
{
    QString code;
    QString details = protocol::parseOciErrors(body, &code);
    if (details.isEmpty() && !body.isEmpty() && body.size() < 300
        && !body.trimmed().startsWith('<'))
        details = QString::fromUtf8(body).simplified();
    const QString user = m_client ? m_client->endpoint().username : QString();
    Error::Kind kind = Error::Kind::Protocol;
    QString reason;
    if (status == 401) {
        kind = Error::Kind::Auth;
        reason = user.isEmpty()
            ? tr("the registry requires a login. Set a username and password for it")
            : tr("the registry refused the credentials for user %1. Check the username and "
                 "password")
                  .arg(user);
    } else if (status == 403) {
        kind = Error::Kind::Auth;
        reason = user.isEmpty() ? tr("access denied for anonymous users")
                                : tr("access denied for user %1").arg(user);
    } else if (status == 404) {
        kind = Error::Kind::NotFound;
        reason = tr("not found");
    } else if (status == 409) {
        kind = Error::Kind::Conflict;
        reason = tr("conflict (HTTP 409)");
    } else if (status == 429 || status >= 500) {
        kind = Error::Kind::Network;
        reason = tr("the registry answered HTTP %1 (gave up after %2 attempts)")
                     .arg(status)
                     .arg(m_attempt);
    } else {
        reason = tr("the registry answered HTTP %1").arg(status);
    }
    if (code == QLatin1String("DIGEST_INVALID"))
        kind = Error::Kind::Digest;
    if (!details.isEmpty())
        reason += QLatin1String(" (") + details + QLatin1Char(')');
    Error e = Error::make(kind, failed(reason));
    e.httpStatus = status;
    e.code = code;
    if (status == 401 && m_sentAuthorization.startsWith("Bearer "))
        e.code = QLatin1String(TokenRefusedCode);
    return e;
}

} // namespace crsync
