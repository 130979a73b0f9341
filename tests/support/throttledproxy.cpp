#include "throttledproxy.h"

#include <QHostAddress>
#include <QList>
#include <QMutex>
#include <QPointer>
#include <QSemaphore>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <atomic>

namespace crsync::test {

namespace {

constexpr int TickMs = 10;
constexpr qint64 SocketBuffer = 64 * 1024; // what each side may hold before TCP pushes back

// Lives on the proxy's thread: accepts, connects to the registry, relays under the budget.
class Relay : public QObject
{
public:
    Relay(quint16 targetPort, qint64 rate, std::atomic<qint64> *relayed)
        : m_targetPort(targetPort), m_rate(rate), m_relayed(relayed)
    {
    }

    quint16 listen()
    {
        m_server = new QTcpServer(this);
        QObject::connect(m_server, &QTcpServer::newConnection, this, [this] { accept(); });
        m_server->listen(QHostAddress::LocalHost, 0);
        m_timer = new QTimer(this);
        m_timer->setInterval(TickMs);
        QObject::connect(m_timer, &QTimer::timeout, this, [this] { tick(); });
        m_timer->start();
        return m_server->serverPort();
    }

private:
    struct Pair
    {
        QPointer<QTcpSocket> client;
        QPointer<QTcpSocket> registry;
    };

    void accept()
    {
        while (QTcpSocket *client = m_server->nextPendingConnection()) {
            client->setParent(this);
            client->setReadBufferSize(SocketBuffer);
            auto *registry = new QTcpSocket(this);
            registry->setReadBufferSize(SocketBuffer);
            registry->connectToHost(QHostAddress::LocalHost, m_targetPort);
            m_pairs.append(Pair { client, registry });
        }
    }

    // Moves up to `budget` bytes from one socket to the other; returns how many.
    qint64 move(QTcpSocket *from, QTcpSocket *to, qint64 budget)
    {
        if (!from || !to || budget <= 0 || to->state() != QAbstractSocket::ConnectedState)
            return 0;
        if (to->bytesToWrite() > SocketBuffer)
            return 0;
        const QByteArray data = from->read(std::min(budget, from->bytesAvailable()));
        if (!data.isEmpty())
            to->write(data);
        return data.size();
    }

    void closeAfter(const QPointer<QTcpSocket> &closed, const QPointer<QTcpSocket> &other)
    {
        if (!closed || closed->state() != QAbstractSocket::UnconnectedState
            || closed->bytesAvailable() > 0)
            return;
        if (other && other->state() == QAbstractSocket::ConnectedState)
            other->disconnectFromHost();
        if (!other || other->state() == QAbstractSocket::UnconnectedState)
            closed->deleteLater();
    }

    void tick()
    {
        m_budget = std::min<qint64>(m_budget + m_rate * TickMs / 1000, m_rate); // at most 1 s
        m_pairs.removeIf([](const Pair &p) { return p.client.isNull() && p.registry.isNull(); });
        for (const Pair &p : std::as_const(m_pairs)) {
            const qint64 up = move(p.client, p.registry, m_budget);
            m_budget -= up;
            const qint64 down = move(p.registry, p.client, m_budget);
            m_budget -= down;
            *m_relayed += up + down;
            // A side that closed hands over what it still holds before the other one closes.
            closeAfter(p.registry, p.client);
            closeAfter(p.client, p.registry);
        }
    }

    quint16 m_targetPort;
    qint64 m_rate;
    std::atomic<qint64> *m_relayed;
    qint64 m_budget = 0;
    QTcpServer *m_server = nullptr;
    QTimer *m_timer = nullptr;
    QList<Pair> m_pairs;
};

} // namespace

struct ThrottledProxy::Private
{
    QThread thread;
    Relay *relay = nullptr;
    quint16 port = 0;
    std::atomic<qint64> relayed { 0 };
};

ThrottledProxy::ThrottledProxy(quint16 targetPort, qint64 bytesPerSecond)
    : d(std::make_unique<Private>())
{
    d->relay = new Relay(targetPort, bytesPerSecond, &d->relayed);
    d->relay->moveToThread(&d->thread);
    d->thread.setObjectName(QStringLiteral("throttled-proxy"));
    d->thread.start();
    QSemaphore ready;
    QMetaObject::invokeMethod(d->relay, [this, &ready] {
        d->port = d->relay->listen();
        ready.release();
    });
    ready.acquire();
}

ThrottledProxy::~ThrottledProxy()
{
    QMetaObject::invokeMethod(d->relay, [relay = d->relay] { delete relay; },
                              Qt::BlockingQueuedConnection);
    d->thread.quit();
    d->thread.wait();
}

quint16 ThrottledProxy::port() const
{
    return d->port;
}

QUrl ThrottledProxy::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(d->port));
}

qint64 ThrottledProxy::relayedBytes() const
{
    return d->relayed.load();
}

} // namespace crsync::test
