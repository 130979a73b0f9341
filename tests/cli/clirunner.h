#pragma once

// Runs the real crsync binary ($CRSYNC_BINARY) for end-to-end command-line tests, each test with
// its own data dir and its own keychain service name.

#include <QByteArray>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include "store/database.h"

namespace crsync::test {

// UTF-8 literal to QString, for the non-ASCII text the CLI tests type and expect.
inline QString s(const char *text)
{
    return QString::fromUtf8(text);
}

struct CliResult
{
    int exitCode = -1;
    QString out;
    QString err;
    bool finished = false;

    QJsonArray jsonArray() const { return QJsonDocument::fromJson(out.toUtf8()).array(); }
    QJsonObject jsonObject() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
    QString describe() const
    {
        return QStringLiteral("exit %1\n--- stdout\n%2--- stderr\n%3").arg(exitCode).arg(out, err);
    }
};

class Cli
{
public:
    Cli()
        : m_service(QStringLiteral("crsync-clitest-%1")
                        .arg(QUuid::createUuid().toString(QUuid::Id128).left(12)))
    {
    }

    bool isValid() const { return m_dir.isValid() && !binary().isEmpty(); }
    QString dataDir() const { return m_dir.path(); }
    QString databaseFile() const { return m_dir.filePath(QStringLiteral("crsync.db")); }
    QString service() const { return m_service; }
    static QString binary() { return qEnvironmentVariable("CRSYNC_BINARY"); }

    // stdinData is written and the pipe closed, so the binary sees a non-terminal stdin.
    CliResult run(const QStringList &args, const QByteArray &stdinData = {},
                  const QProcessEnvironment &extraEnv = {}) const
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CRSYNC_KEYCHAIN_SERVICE"), m_service);
        env.remove(QStringLiteral("CRSYNC_DATA_DIR"));
        env.remove(QStringLiteral("QT_LOGGING_RULES"));
        // Messages are matched in English whatever the machine's language.
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        env.remove(QStringLiteral("LANGUAGE"));
        for (const QString &k : extraEnv.keys())
            env.insert(k, extraEnv.value(k));
        p.setProcessEnvironment(env);
        QStringList all { QStringLiteral("--data-dir"), m_dir.path() };
        all << args;
        p.start(binary(), all);
        CliResult r;
        if (!p.waitForStarted(10000))
            return r;
        p.write(stdinData);
        p.closeWriteChannel();
        r.finished = p.waitForFinished(90000);
        if (!r.finished)
            p.kill();
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    // The secret stored under `key` in this test's keychain service, read with secret-tool (an
    // independent Secret Service client); empty when there is none.
    QString keychainLookup(const QString &key) const
    {
        QProcess p;
        p.start(QStringLiteral("secret-tool"),
                { QStringLiteral("lookup"), QStringLiteral("server"), m_service,
                  QStringLiteral("user"), key });
        if (!p.waitForFinished(10000) || p.exitCode() != 0)
            return {};
        return QString::fromUtf8(p.readAllStandardOutput());
    }

    // This data dir's keychain namespace (the database's meta row), and the keys its secrets
    // must be under: written out here, independently of the code that makes them.
    QString keychainNamespace() const
    {
        auto db = Database::open(databaseFile());
        return db ? (*db)->keychainNamespace() : QString();
    }
    QString instanceKey(const QString &id) const
    {
        return QStringLiteral("crsync/%1/instance/%2").arg(keychainNamespace(), id);
    }
    QString targetKey(const QString &url, const QString &user) const
    {
        return QStringLiteral("crsync/%1/target/%2|%3").arg(keychainNamespace(), url, user);
    }

    // Every byte of the database and its WAL/shm files.
    QByteArray databaseBytes() const
    {
        QByteArray all;
        for (const QString &suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm"),
                                       QStringLiteral("-journal") }) {
            QFile f(databaseFile() + suffix);
            if (f.open(QIODevice::ReadOnly))
                all += f.readAll();
        }
        return all;
    }

private:
    QTemporaryDir m_dir;
    QString m_service;
};

} // namespace crsync::test

// QVERIFY with the command's output in the failure message.
#define CLI_EXPECT(result, code)                                                                   \
    do {                                                                                           \
        const auto &r_ = (result);                                                                 \
        QVERIFY2(r_.finished &&r_.exitCode == (code), qPrintable(r_.describe()));                  \
    } while (false)
