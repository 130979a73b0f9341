#include "automation/webhooklistener.h"

#include "automation/eventrouter.h"
#include "automation/webhookpayload.h"
#include "store/eventstore.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QFile>
#include <QJsonObject>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>

namespace crsync {

namespace {

QHttpServerResponse answer(QHttpServerResponse::StatusCode status, const QString &message)
{
    return QHttpServerResponse(QJsonObject { { QStringLiteral("message"), message } }, status);
}

} // namespace

WebhookListener::WebhookListener(Database &database, QByteArray secret, QObject *parent)
    : QObject(parent), m_database(database), m_secret(std::move(secret)),
      m_server(std::make_unique<QHttpServer>())
{
    m_server->route(QStringLiteral("/webhook"), QHttpServerRequest::Method::Post,
                    [this](const QHttpServerRequest &request) { return handle(request); });
}

WebhookListener::~WebhookListener() = default;

bool WebhookListener::sameSecret(const QByteArray &a, const QByteArray &b)
{
    // Every byte of the longer one is looked at whatever differs, so the time taken says
    // nothing about how much of a guess was right.
    const qsizetype n = std::max(a.size(), b.size());
    unsigned char diff = a.size() == b.size() ? 0 : 1;
    for (qsizetype i = 0; i < n; ++i) {
        const unsigned char x = i < a.size() ? uchar(a.at(i)) : 0;
        const unsigned char y = i < b.size() ? uchar(b.at(i)) : 0;
        diff |= x ^ y;
    }
    return diff == 0 && !a.isEmpty();
}

Result<void> WebhookListener::useTls(const QString &certificateFile, const QString &keyFile)
{
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(certificateFile, QSsl::Pem);
    QFile keyData(keyFile);
    if (chain.isEmpty())
        return Error::invalid(QStringLiteral("tls"),
                              tr("%1 holds no PEM certificate.").arg(certificateFile));
    if (!keyData.open(QIODevice::ReadOnly))
        return Error::invalid(QStringLiteral("tls"),
                              tr("The key file %1 cannot be read: %2").arg(keyFile, keyData.errorString()));
    const QByteArray pem = keyData.readAll();
    QSslKey key(pem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(pem, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        return Error::invalid(QStringLiteral("tls"),
                              tr("%1 holds no PEM private key (RSA or EC, not encrypted).").arg(keyFile));
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificateChain(chain);
    config.setPrivateKey(key);
    config.setPeerVerifyMode(QSslSocket::VerifyNone); // registries are not asked for a certificate
    m_server->sslSetup(config);
    return {};
}

Result<void> WebhookListener::listen(const QHostAddress &address, quint16 port)
{
    const quint16 bound = m_server->listen(address, port);
    if (bound == 0)
        return Error::make(Error::Kind::Conflict,
                           tr("The webhook listener cannot listen on %1:%2 (is another program "
                              "using that port?).")
                               .arg(address.toString())
                               .arg(port));
    m_address = address;
    m_port = bound;
    return {};
}

QHttpServerResponse WebhookListener::handle(const QHttpServerRequest &request)
{
    const QByteArray authorization = request.value("Authorization");
    const QByteArray prefix = "Bearer ";
    const bool authorized = authorization.startsWith(prefix)
        && sameSecret(authorization.mid(prefix.size()).trimmed(), m_secret);
    if (!authorized) {
        ++m_counters.rejected;
        emit logLine(tr("webhook: refused a request from %1 without the right secret (401)")
                         .arg(request.remoteAddress().toString()));
        return answer(QHttpServerResponse::StatusCode::Unauthorized,
                      tr("Authorization: Bearer SECRET is missing or wrong."));
    }
    if (request.body().size() > MaxBodyBytes) {
        ++m_counters.rejected;
        emit logLine(tr("webhook: refused a body of %1 bytes (413)").arg(request.body().size()));
        return answer(QHttpServerResponse::StatusCode::PayloadTooLarge,
                      tr("The body is larger than %1 bytes.").arg(MaxBodyBytes));
    }
    const Result<WebhookPayload> payload = parseWebhookPayload(request.body());
    if (!payload) {
        ++m_counters.rejected;
        emit logLine(tr("webhook: refused a malformed body (400): %1").arg(payload.error().message));
        return answer(QHttpServerResponse::StatusCode::BadRequest, payload.error().message);
    }
    const QString origin = webhookFormatName(payload->format);
    const Result<EventRouter::Routed> routed = EventRouter(m_database).route(payload->pushes, origin);
    if (!routed)
        return answer(QHttpServerResponse::StatusCode::ServiceUnavailable, routed.error().message);
    // Stored before the answer: a registry that hears 2xx may forget the event.
    const Result<QList<PendingEvent>> stored = EventStore(m_database).add(routed->events);
    if (!stored) // the registry will send it again
        return answer(QHttpServerResponse::StatusCode::ServiceUnavailable, stored.error().message);
    ++m_counters.accepted;
    m_counters.events += int(stored->size());
    m_counters.ignored += payload->ignored + routed->unmatched;
    for (const PendingEvent &e : *stored)
        emit logLine(tr("webhook (%1): push %2:%3 queued for rule %4 (event %5)")
                         .arg(origin, e.repository, e.tag)
                         .arg(e.ruleId)
                         .arg(e.id));
    if (!stored->isEmpty())
        emit eventsStored(int(stored->size()));
    return answer(QHttpServerResponse::StatusCode::Ok,
                  tr("%1 event(s) queued, %2 ignored.")
                      .arg(stored->size())
                      .arg(payload->ignored + routed->unmatched));
}

} // namespace crsync
