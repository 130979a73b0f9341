#pragma once

#include "core/result.h"

#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>
#include <memory>
#include <optional>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponse;

namespace crsync {

class Database;

// POST /webhook (Qt HttpServer): a registry's notification envelope or a Harbor webhook
// payload. Requires `Authorization: Bearer SECRET`, compared in constant time; answers 401
// without it or with a wrong one, 400 to a body that is not one of the two formats, 413 past
// MaxBodyBytes (from the headers, before the body is read), and records nothing for any of them. The pushes an accepted body names are
// routed to the rules that cover them (EventRouter) and stored (EventStore) before the 2xx
// answer, so an acknowledged push is never lost.
class WebhookListener : public QObject
{
    Q_OBJECT
public:
    static constexpr qsizetype MaxBodyBytes = 1 << 20;

    WebhookListener(Database &database, QByteArray secret, QObject *parent = nullptr);
    ~WebhookListener() override;

    // HTTPS with this PEM certificate (chain) and key, for whatever listen() binds next.
    Result<void> useTls(const QString &certificateFile, const QString &keyFile);
    // Port 0 picks a free one; port() says which.
    Result<void> listen(const QHostAddress &address, quint16 port);
    quint16 port() const { return m_port; }
    QHostAddress address() const { return m_address; }

    struct Counters
    {
        int accepted = 0;  // bodies answered 2xx
        int rejected = 0;  // 400, 401, 413
        int events = 0;    // events stored
        int ignored = 0;   // pulls, deletes, blob uploads, pushes by digest, no rule covers it
    };
    Counters counters() const { return m_counters; }

    static bool sameSecret(const QByteArray &a, const QByteArray &b); // constant time

signals:
    void eventsStored(int count);
    void logLine(const QString &line);

private:
    QHttpServerResponse handle(const QHttpServerRequest &request);

    Database &m_database;
    QByteArray m_secret;
    std::unique_ptr<QHttpServer> m_server;
    std::optional<QSslConfiguration> m_tls; // useTls(): HTTPS for what listen() binds next
    QHostAddress m_address;
    quint16 m_port = 0;
    Counters m_counters;
};

} // namespace crsync
