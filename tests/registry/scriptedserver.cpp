#include "scriptedserver.h"

#include <QTcpSocket>
#include <QTimer>

namespace crsync::test {

ScriptedServer::ScriptedServer(QObject *parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &ScriptedServer::onConnection);
}

ScriptedServer::~ScriptedServer()
{
    // Sockets are children of m_server, destroyed after our members: detach them first.
    const auto sockets = m_server.findChildren<QTcpSocket *>();
    for (QTcpSocket *socket : sockets) {
        socket->disconnect(this);
        socket->abort();
    }
}

bool ScriptedServer::listen() { return m_server.listen(QHostAddress::LocalHost, 0); }

QUrl ScriptedServer::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
}

ScriptedServer::Reply ScriptedServer::json(int status, const QByteArray &body,
                                           QList<QPair<QByteArray, QByteArray>> headers)
{
    Reply r;
    r.status = status;
    r.body = body;
    r.headers = std::move(headers);
    r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    return r;
}

void ScriptedServer::onConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { process(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void ScriptedServer::process(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer.append(socket->readAll());
    for (;;) {
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        Request request;
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        request.method = first.value(0);
        request.target = first.value(1);
        for (int i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                request.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                       lines[i].mid(colon + 1).trimmed());
        }
        const qint64 length = request.headers.value("content-length").toLongLong();
        if (buffer.size() < headerEnd + 4 + length)
            return; // wait for the whole body
        request.body = buffer.mid(headerEnd + 4, length);
        buffer.remove(0, headerEnd + 4 + length);
        m_requests.append(request);

        const Reply reply = m_handler ? m_handler(request) : Reply{404};
        if (reply.noAnswer)
            return;
        QByteArray out = "HTTP/1.1 " + QByteArray::number(reply.status) + " Scripted\r\n";
        bool hasLength = false;
        for (const auto &[name, value] : reply.headers) {
            out += name + ": " + value + "\r\n";
            hasLength = hasLength || name.compare("content-length", Qt::CaseInsensitive) == 0;
        }
        if (!hasLength)
            out += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\n";
        out += "\r\n";
        if (request.method != "HEAD")
            out += reply.cutAfter >= 0 ? reply.body.left(reply.cutAfter) : reply.body;
        if (reply.delayMs > 0) {
            // Silent until then, as a registry is while it stores a chunk; later requests on this
            // connection wait (a client does not send one before the answer anyway).
            QTimer::singleShot(reply.delayMs, socket, [socket, out] { socket->write(out); });
            return;
        }
        socket->write(out);
        if (reply.cutAfter >= 0) {
            m_buffers.remove(socket);
            socket->disconnectFromHost(); // after the written bytes went out
            return;
        }
    }
}

} // namespace crsync::test
