#pragma once

// Internals shared by registryfixture.cpp (process lifecycle) and registryfixturehttp.cpp
// (synchronous HTTP helpers). Not for tests to include.

#include "registryfixture.h"

#include <QLoggingCategory>
#include <QProcess>
#include <QTemporaryDir>
#include <QUrl>
#include <memory>

Q_DECLARE_LOGGING_CATEGORY(lcFixture)

namespace crsync::test {

// Runs a command line tool to completion (test set-up only). False + *error (with the tool's
// stderr) when it cannot start, times out or exits non-zero.
bool runTool(const QString &program, const QStringList &args, const QString &workDir,
             const QByteArray &input, QByteArray *out, QString *error, int timeoutMs = 60000);

// One HTTP exchange, synchronously (a local event loop; test code only). caFile: the CA to trust
// for https, in addition to none of the system's. No redirects are followed.
RegistryFixture::Response httpCall(const QUrl &url, const QByteArray &verb, const QByteArray &body,
                                   const QList<QPair<QByteArray, QByteArray>> &headers,
                                   const QString &caFile, int timeoutMs);

struct RegistryFixture::Private
{
    Options options;
    QTemporaryDir work;
    QString storage;
    quint16 port = 0;
    quint16 tokenPort = 0;
    QString username;
    QString password;
    QString httpSecret; // kept across restarts so upload sessions survive them
    bool prepared = false;
    std::unique_ptr<QProcess> registry;
    std::unique_ptr<QProcess> tokenServer;

    QString path(const QString &name) const { return work.filePath(name); }
    bool https() const { return options.mode != Mode::PlainHttp; }
    QUrl baseUrl() const
    {
        return QUrl(QStringLiteral("%1://127.0.0.1:%2")
                        .arg(https() ? QStringLiteral("https") : QStringLiteral("http"))
                        .arg(port));
    }

    bool prepare(QString *error);
    bool writeConfig(QString *error) const;
    bool startTokenServer(QString *error);
    bool startRegistry(QString *error, bool *portTaken);
    void kill(std::unique_ptr<QProcess> &process);
};

} // namespace crsync::test
