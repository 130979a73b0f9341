#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QUrl>

#include <algorithm>
#include <functional>

class QTcpSocket;

namespace crsync::test {

// A tiny HTTP/1.1 server on 127.0.0.1 answering with scripted replies: for the error paths a real
// registry does not produce on demand (429, 503, a connection cut mid-body, corrupted bytes,
// malformed challenges). Every request is recorded.
class ScriptedServer : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        QByteArray method;
        QByteArray target; // path and query, as sent
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
        QByteArray path() const { return target.left(target.indexOf('?') < 0 ? target.size() : target.indexOf('?')); }
    };
    struct Reply
    {
        int status = 200;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        qint64 cutAfter = -1;  // send this many body bytes, then close (Content-Length stays full)
        bool noAnswer = false; // keep the connection open and never answer
        int delayMs = 0;       // answer this long after the whole request arrived (a slow store)
    };
    using Handler = std::function<Reply(const Request &)>;

    explicit ScriptedServer(QObject *parent = nullptr);
    ~ScriptedServer() override;
    bool listen();
    QUrl url() const;
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    const QList<Request> &requests() const { return m_requests; }
    // How many requests so far match; what the fault tests assert about traffic.
    int count(const std::function<bool(const Request &)> &matches) const
    {
        return int(std::count_if(m_requests.cbegin(), m_requests.cend(), matches));
    }
    void clearRequests() { m_requests.clear(); }

    static Reply json(int status, const QByteArray &body,
                      QList<QPair<QByteArray, QByteArray>> headers = {});

private:
    void onConnection();
    void process(QTcpSocket *socket);

    QTcpServer m_server;
    Handler m_handler;
    QList<Request> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace crsync::test
