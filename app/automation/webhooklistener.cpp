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
#include <QSslServer>
#include <QSslSocket>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <functional>
#include <memory>

namespace crsync {

namespace {

QHttpServerResponse answer(QHttpServerResponse::StatusCode status, const QString &message)
{
    return QHttpServerResponse(QJsonObject { { QStringLiteral("message"), message } }, status);
}

// Qt HttpServer 6.4 keeps a request's bytes in the socket until the whole body is there, and
// only then asks the route. This watches each connection's readyRead ahead of it.
// - A request that declares a body past `limit` is answered 413 from its headers. The server
//   no longer reads that connection; a body of a few MiB is read and thrown away, so that the
//   client, still sending, hears the answer; a larger one is cut off at once.
// - One that sends more than `limit` without saying so (chunked, or a short Content-Length
//   followed by more) is cut off.
// Bytes count from the last answer written, as a registry sends one request after another on
// the same connection.
void refuseAndDrain(QTcpSocket *socket, qint64 declared)
{
    constexpr qint64 DrainAtMost = 4 << 20;
    QObject::disconnect(socket, &QIODevice::readyRead, nullptr, nullptr); // the server's too
    if (socket->isTransactionStarted())
        socket->commitTransaction(); // what it had read is dropped, not kept for a rollback
    socket->write("HTTP/1.1 413 Payload Too Large\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    if (declared > DrainAtMost) {
        socket->disconnectFromHost();
        return;
    }
    auto drained = std::make_shared<qint64>(0);
    const qsizetype headerEnd = socket->peek(64 * 1024).indexOf("\r\n\r\n");
    const qint64 total = declared + (headerEnd >= 0 ? headerEnd + 4 : 0);
    auto drain = [socket, drained, total] {
        *drained += socket->readAll().size();
        if (*drained >= total)
            socket->disconnectFromHost();
    };
    QObject::connect(socket, &QIODevice::readyRead, socket, drain);
    QTimer::singleShot(5000, socket, [socket] { socket->abort(); }); // a client that stops sending
    drain();
}

void guardBodies(QTcpSocket *socket, qsizetype limit, const std::function<void(qint64)> &refused)
{
    constexpr qsizetype HeaderRoom = 64 * 1024;
    auto received = std::make_shared<qint64>(0);
    QObject::connect(socket, &QIODevice::bytesWritten, socket, [received](qint64) { *received = 0; });
    QObject::connect(socket, &QIODevice::readyRead, socket, [socket, limit, received, refused] {
        if (*received == 0) {
            const QByteArray head = socket->peek(HeaderRoom);
            const qsizetype end = head.indexOf("\r\n\r\n");
            static const QRegularExpression length(QStringLiteral("(?:^|\r\n)content-length:\\s*(\\d+)"),
                                                   QRegularExpression::CaseInsensitiveOption);
            const QRegularExpressionMatch m = length.match(QString::fromLatin1(head.left(end)));
            if (end >= 0 && m.hasMatch() && m.captured(1).toLongLong() > limit) {
                refused(m.captured(1).toLongLong());
                refuseAndDrain(socket, m.captured(1).toLongLong());
                return;
            }
        }
        *received += socket->bytesAvailable(); // what the server has not read yet
        if (*received > limit + HeaderRoom) {
            refused(*received);
            socket->abort();
        }
    });
}

// A plain TCP server whose sockets are guarded before Qt HttpServer sees them.
class GuardedTcpServer : public QTcpServer
{
public:
    GuardedTcpServer(qsizetype limit, std::function<void(qint64)> refused)
        : m_limit(limit), m_refused(std::move(refused))
    {
    }

protected:
    void incomingConnection(qintptr handle) override
    {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(handle)) {
            delete socket;
            return;
        }
        guardBodies(socket, m_limit, m_refused);
        addPendingConnection(socket);
    }

private:
    qsizetype m_limit;
    std::function<void(qint64)> m_refused;
};

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
    m_tls = config;
    return {};
}

Result<void> WebhookListener::listen(const QHostAddress &address, quint16 port)
{
    // The server is ours (not QHttpServer::listen's) so that each connection's body is
    // bounded before Qt HttpServer buffers it (guardBodies).
    auto refused = [this](qint64 bytes) {
        ++m_counters.rejected;
        emit logLine(tr("webhook: refused a body of %1 bytes (413)").arg(bytes));
    };
    std::unique_ptr<QTcpServer> server;
    if (m_tls) {
        auto tls = std::make_unique<QSslServer>();
        tls->setSslConfiguration(*m_tls);
        connect(tls.get(), &QSslServer::startedEncryptionHandshake, this,
                [refused](QSslSocket *socket) { guardBodies(socket, MaxBodyBytes, refused); });
        server = std::move(tls);
    } else {
        server = std::make_unique<GuardedTcpServer>(MaxBodyBytes, refused);
    }
    if (!server->listen(address, port))
        return Error::make(Error::Kind::Conflict,
                           tr("The webhook listener cannot listen on %1:%2 (is another program "
                              "using that port?).")
                               .arg(address.toString())
                               .arg(port));
    m_address = address;
    m_port = server->serverPort();
    m_server->bind(server.release()); // the HTTP server owns it from here
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
