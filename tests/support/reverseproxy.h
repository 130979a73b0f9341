#pragma once

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>
#include <QtGlobal>
#include <memory>

namespace crsync::test {

// Debian's nginx as a reverse proxy on 127.0.0.1 in front of a plain-HTTP registry, passing
// every request through except those a location block answers itself: a test registry that
// looks, to a client, like one whose catalog is closed (as Harbor's and most cloud
// registries' are). Runs as a child process in its own directory; stops with the object.
class ReverseProxy
{
public:
    // `locations`: nginx location blocks, e.g. `location = /v2/_catalog { return 403; }`, or
    // server-level directives; `httpDirectives`: for the http block (e.g. limit_req_zone).
    ReverseProxy(quint16 upstreamPort, QString locations, QString httpDirectives = {});
    ~ReverseProxy();
    ReverseProxy(const ReverseProxy &) = delete;
    ReverseProxy &operator=(const ReverseProxy &) = delete;

    bool start(QString *error); // waits until it accepts connections
    QUrl url() const; // http://127.0.0.1:PORT
    QString hostPort() const;
    // nginx's access log: one line per request, "METHOD URI STATUS", in order.
    QStringList requests() const;
    struct TimedRequest
    {
        double startedAt = 0; // seconds (epoch) when nginx read the request line
        double finishedAt = 0;
        QString line; // "METHOD URI STATUS"
        int status = 0;
    };
    QList<TimedRequest> timedRequests() const; // the same, with times, in the order they ended

    // A location block answering `status` with a registry-style error body.
    static QString refuse(const QString &path, int status);

private:
    quint16 m_upstream = 0;
    quint16 m_port = 0;
    QString m_locations;
    QString m_httpDirectives;
    QTemporaryDir m_dir;
    QProcess m_process;
};

} // namespace crsync::test
