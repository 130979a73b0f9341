#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <utility>

class QIODevice;

namespace crsync {

class RegistryClient;

// What one HTTP call to a registry (or its token service) should do.
struct RequestSpec
{
    QByteArray method = "GET";
    QUrl url;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    // Streaming body: created for the (single) attempt; the request then never retries.
    std::function<QIODevice *()> bodyDevice;
    qint64 bodyLength = -1;
    QStringList scopes;        // token scopes ("repository:a/b:pull,push"); empty = none needed
    QString what;              // "Reading the manifest a/b:1.0", opens every error message
    QList<int> acceptStatuses; // non-2xx statuses handed back as answers (404 for HEAD, ...)
    bool retry = true;         // 429 / 5xx / broken connections with backoff
    bool authenticate = true;
    QByteArray authorization;  // an explicit Authorization value (token service)
    bool followRedirects = true;
    bool streamBody = false;   // 2xx bodies are read by the owner through reply()
    qint64 readBufferSize = 0; // back-pressure for streamed bodies
    qint64 maxBodyBytes = 64ll << 20;
};

// What the registry answered.
struct Response
{
    int status = 0;
    QUrl url; // after redirects
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;

    QByteArray header(const QByteArray &name) const;
};

// One HTTP call to a registry: owns its QNetworkReply, restarts a timer whenever bytes move,
// follows redirects (dropping our credentials when the host changes), authenticates (and
// refreshes a refused token once), retries what is worth retrying, and turns failures into
// Errors that name the registry and the operation. Aborting it is silent: the owner decides.
class RegistryRequest : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(Result<Response>)>;

    RegistryRequest(RegistryClient *client, RequestSpec spec, QObject *parent);
    ~RegistryRequest() override;

    void start(Done done);
    void abort();
    void touch(); // bytes moved on the owner's side: restart the inactivity timer

    // Streaming: the current reply, once its 2xx status is known; the owner reads it.
    QNetworkReply *reply() const { return m_streaming ? m_reply.data() : nullptr; }
    void setOnData(std::function<void()> onData) { m_onData = std::move(onData); }
    int status() const { return m_status; }
    quint64 id() const { return m_id; }

private:
    void authorizeAndSend();
    void send(const QByteArray &authorization);
    void onReadyRead();
    void onFinished();
    void finish(Result<Response> result);
    bool retryLater(const QByteArray &retryAfter);
    bool restartable() const;
    Error httpError(int status, const QByteArray &body) const;
    Error networkError(QNetworkReply::NetworkError code, const QString &text) const;
    QString failed(const QString &reason) const;

    QPointer<RegistryClient> m_client;
    RequestSpec m_spec;
    Done m_done;
    std::function<void()> m_onData;
    QPointer<QNetworkReply> m_reply;
    QPointer<QIODevice> m_device;
    QTimer m_timeout;
    QTimer m_backoff;
    QUrl m_url;
    QByteArray m_collected;
    QStringList m_sslErrors;
    quint64 m_id = 0;
    int m_status = 0;
    int m_attempt = 0;
    int m_redirects = 0;
    bool m_crossHost = false;
    bool m_authRetried = false;
    bool m_timedOut = false;
    bool m_paced = false; // waited for RequestPacer before this attempt
    bool m_streaming = false;
    bool m_delivered = false;
    bool m_done_ = false;
    QByteArray m_sentAuthorization;
};

} // namespace crsync
