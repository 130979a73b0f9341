#include "reverseproxy.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

namespace crsync::test {

ReverseProxy::ReverseProxy(quint16 upstreamPort, QString locations, QString httpDirectives)
    : m_upstream(upstreamPort), m_locations(std::move(locations)),
      m_httpDirectives(std::move(httpDirectives))
{
}

ReverseProxy::~ReverseProxy()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
}

QString ReverseProxy::refuse(const QString &path, int status)
{
    return QStringLiteral("location = %1 { default_type application/json; return %2 "
                          "'{\"errors\":[{\"code\":\"DENIED\",\"message\":\"not allowed here\"}]}'; }\n")
        .arg(path)
        .arg(status);
}

bool ReverseProxy::start(QString *error)
{
    if (!m_dir.isValid()) {
        *error = QStringLiteral("reverse proxy: no temporary directory");
        return false;
    }
    { // a free port: taken, then given back for nginx to bind
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0)) {
            *error = QStringLiteral("reverse proxy: no free port");
            return false;
        }
        m_port = probe.serverPort();
    }
    const QString dir = m_dir.path();
    const QString config = QStringLiteral(
        "pid %1/nginx.pid;\n"
        "error_log %1/error.log warn;\n"
        "events { worker_connections 256; }\n"
        "http {\n"
        "  log_format requests '$request_method $request_uri $status';\n"
        "  access_log %1/access.log requests;\n"
        "  log_format timed '$msec $request_time $request_method $request_uri $status';\n"
        "  access_log %1/timed.log timed;\n"
        "%5"
        "  client_body_temp_path %1/body; proxy_temp_path %1/proxy; fastcgi_temp_path %1/fastcgi;\n"
        "  uwsgi_temp_path %1/uwsgi; scgi_temp_path %1/scgi;\n"
        "  client_max_body_size 0;\n"
        "  server {\n"
        "    listen 127.0.0.1:%2;\n"
        "%4"
        "    location / {\n"
        "      proxy_pass http://127.0.0.1:%3;\n"
        "      proxy_set_header Host $http_host;\n"
        "      proxy_http_version 1.1;\n"
        "      proxy_request_buffering off;\n"
        "      proxy_buffering off;\n"
        "    }\n"
        "  }\n"
        "}\n")
                               .arg(dir)
                               .arg(m_port)
                               .arg(m_upstream)
                               .arg(m_locations)
                               .arg(m_httpDirectives);
    QFile file(dir + QStringLiteral("/nginx.conf"));
    if (!file.open(QIODevice::WriteOnly) || file.write(config.toUtf8()) < 0) {
        *error = QStringLiteral("reverse proxy: cannot write %1").arg(file.fileName());
        return false;
    }
    file.close();
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    // One process, in the foreground, as whoever runs the tests.
    m_process.start(QStringLiteral("/usr/sbin/nginx"),
                    { QStringLiteral("-p"), dir, QStringLiteral("-c"), file.fileName(),
                      QStringLiteral("-g"), QStringLiteral("daemon off; master_process off;") });
    if (!m_process.waitForStarted(5000)) {
        *error = QStringLiteral("reverse proxy: nginx did not start (is nginx-core installed?): %1")
                     .arg(m_process.errorString());
        return false;
    }
    const QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, m_port);
        if (probe.waitForConnected(200))
            return true;
        if (m_process.state() == QProcess::NotRunning)
            break;
        QThread::msleep(50);
    }
    QFile log(dir + QStringLiteral("/error.log"));
    log.open(QIODevice::ReadOnly);
    *error = QStringLiteral("reverse proxy: nginx is not listening on %1: %2 %3")
                 .arg(m_port)
                 .arg(QString::fromLocal8Bit(m_process.readAll()), QString::fromLocal8Bit(log.readAll()));
    return false;
}

QUrl ReverseProxy::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

QStringList ReverseProxy::requests() const
{
    QFile log(m_dir.path() + QStringLiteral("/access.log"));
    if (!log.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(log.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

QList<ReverseProxy::TimedRequest> ReverseProxy::timedRequests() const
{
    QFile log(m_dir.path() + QStringLiteral("/timed.log"));
    if (!log.open(QIODevice::ReadOnly))
        return {};
    QList<TimedRequest> out;
    for (const QString &l : QString::fromUtf8(log.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QStringList f = l.split(QLatin1Char(' '));
        if (f.size() < 5)
            continue;
        TimedRequest r;
        r.finishedAt = f[0].toDouble();
        r.startedAt = r.finishedAt - f[1].toDouble();
        r.line = f.mid(2).join(QLatin1Char(' '));
        r.status = f.last().toInt();
        out << r;
    }
    return out;
}

QString ReverseProxy::hostPort() const
{
    return QStringLiteral("127.0.0.1:%1").arg(m_port);
}

} // namespace crsync::test
