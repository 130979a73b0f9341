#include "registryfixture.h"

#include "registryfixture_p.h"
#include "testcertificates.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTcpServer>
#include <QThread>
#include <csignal>
#include <sys/prctl.h>

Q_LOGGING_CATEGORY(lcFixture, "crsync.test.fixture")

namespace crsync::test {

namespace {

constexpr int kStartTimeoutMs = 20000;
constexpr char kTokenService[] = "crsync-test-registry";
constexpr char kTokenIssuer[] = "crsync-test-token-issuer";

// A test that crashes must not leave registries behind: the kernel kills the child with it.
void dieWithParent(QProcess *process)
{
    process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
}

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

QString randomText(int length)
{
    static const char alphabet[] = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    QString text;
    for (int i = 0; i < length; ++i)
        text
            += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(int(sizeof alphabet) - 1)]);
    return text;
}

QString tail(const QString &file, qint64 from, int maxBytes = 2000)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const qint64 start = qMax(from, f.size() - maxBytes);
    f.seek(start);
    return QString::fromUtf8(f.readAll()).trimmed();
}

QString python()
{
    // Debian's interpreter first: it is what CI has, and a pyenv shim earlier in PATH only
    // adds start-up time.
    if (QFileInfo(QStringLiteral("/usr/bin/python3")).isExecutable())
        return QStringLiteral("/usr/bin/python3");
    return QStandardPaths::findExecutable(QStringLiteral("python3"));
}

QString tokenServerScript()
{
    QString dir = qEnvironmentVariable("CRSYNC_TEST_SUPPORT_DIR");
    if (dir.isEmpty() || !QFileInfo::exists(dir + QStringLiteral("/tokenserver.py")))
        dir = QStringLiteral(CRSYNC_TEST_SUPPORT_SOURCE_DIR);
    return dir + QStringLiteral("/tokenserver.py");
}

QString yamlQuoted(const QString &value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

} // namespace

bool runTool(const QString &program, const QStringList &args, const QString &workDir,
             const QByteArray &input, QByteArray *out, QString *error, int timeoutMs)
{
    QProcess process;
    process.setWorkingDirectory(workDir);
    dieWithParent(&process);
    process.start(program, args);
    if (!process.waitForStarted(10000)) {
        *error = QStringLiteral("cannot start %1: %2").arg(program, process.errorString());
        return false;
    }
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        *error = QStringLiteral("%1 %2 timed out").arg(program, args.value(0));
        return false;
    }
    const QByteArray stdErr = process.readAllStandardError();
    if (out)
        *out = process.readAllStandardOutput();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = QStringLiteral("%1 %2 failed (exit %3): %4")
                     .arg(program, args.value(0))
                     .arg(process.exitCode())
                     .arg(QString::fromUtf8(stdErr).trimmed());
        return false;
    }
    return true;
}

// ---- Private ----

bool RegistryFixture::Private::prepare(QString *error)
{
    if (!work.isValid()) {
        *error = QStringLiteral("cannot create the fixture's temporary directory");
        return false;
    }
    storage = options.storageDir.isEmpty() ? path(QStringLiteral("storage")) : options.storageDir;
    if (!QDir().mkpath(storage)) {
        *error = QStringLiteral("cannot create storage directory %1").arg(storage);
        return false;
    }
    httpSecret = randomText(32);

    if (https()) {
        TestCertificates shared;
        TestCertificates mine;
        const bool ok = options.ownCa
            ? TestCertificates::generate(work.path(), &mine, error)
            : TestCertificates::shared(&shared, error) && shared.copyTo(work.path(), &mine, error);
        if (!ok)
            return false;
        // skopeo's --cert-dir takes every *.crt in the directory as a CA: ca.crt alone.
        const QString certs = path(QStringLiteral("certs.d"));
        QDir().mkpath(certs);
        QFile::remove(certs + QStringLiteral("/ca.crt"));
        if (!QFile::copy(mine.caCert, certs + QStringLiteral("/ca.crt"))) {
            *error = QStringLiteral("cannot copy the CA into %1").arg(certs);
            return false;
        }
    }

    if (options.mode == Mode::BasicAuth || options.mode == Mode::TokenAuth) {
        username = QStringLiteral("u") + randomText(8).toLower();
        password = randomText(24);
    }
    if (options.mode == Mode::BasicAuth) {
        // -i: the password comes on stdin, not in argv where `ps` would show it.
        QByteArray line;
        if (!runTool(QStringLiteral("htpasswd"), { QStringLiteral("-niB"), username }, work.path(),
                     password.toUtf8() + '\n', &line, error))
            return false;
        QFile file(path(QStringLiteral("htpasswd")));
        if (!file.open(QIODevice::WriteOnly) || file.write(line.trimmed() + '\n') < 0) {
            *error = QStringLiteral("cannot write %1").arg(file.fileName());
            return false;
        }
    }

    port = freePort();
    if (port == 0) {
        *error = QStringLiteral("no free port on 127.0.0.1");
        return false;
    }
    prepared = true;
    return true;
}

bool RegistryFixture::Private::writeConfig(QString *error) const
{
    QString yaml;
    yaml += QStringLiteral("version: 0.1\nlog:\n  level: info\n  formatter: text\n");
    yaml += QStringLiteral("storage:\n  filesystem:\n    rootdirectory: %1\n")
                .arg(yamlQuoted(storage));
    yaml += QStringLiteral("  delete:\n    enabled: true\n");
    yaml += QStringLiteral("  maintenance:\n    uploadpurging:\n      enabled: false\n");
    yaml += QStringLiteral("http:\n  addr: 127.0.0.1:%1\n  secret: %2\n").arg(port).arg(httpSecret);
    if (https()) {
        yaml += QStringLiteral("  tls:\n    certificate: %1\n    key: %2\n")
                    .arg(yamlQuoted(path(QStringLiteral("server.crt"))),
                         yamlQuoted(path(QStringLiteral("server.key"))));
    }
    if (options.mode == Mode::BasicAuth) {
        yaml += QStringLiteral("auth:\n  htpasswd:\n    realm: crsync-test\n    path: %1\n")
                    .arg(yamlQuoted(path(QStringLiteral("htpasswd"))));
    } else if (options.mode == Mode::TokenAuth) {
        yaml += QStringLiteral("auth:\n  token:\n    realm: %1\n    service: %2\n    issuer: %3\n"
                               "    rootcertbundle: %4\n")
                    .arg(yamlQuoted(QStringLiteral("http://127.0.0.1:%1/token").arg(tokenPort)),
                         QLatin1String(kTokenService), QLatin1String(kTokenIssuer),
                         yamlQuoted(path(QStringLiteral("ca.crt"))));
    }
    if (!options.extraConfigYaml.isEmpty())
        yaml += options.extraConfigYaml.endsWith(QLatin1Char('\n'))
            ? options.extraConfigYaml
            : options.extraConfigYaml + QLatin1Char('\n');
    QFile file(path(QStringLiteral("config.yml")));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(yaml.toUtf8()) < 0) {
        *error = QStringLiteral("cannot write %1").arg(file.fileName());
        return false;
    }
    return true;
}

bool RegistryFixture::Private::startTokenServer(QString *error)
{
    auto process = std::make_unique<QProcess>();
    dieWithParent(process.get());
    process->setWorkingDirectory(work.path());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CRSYNC_TOKEN_USERNAME"), username);
    env.insert(QStringLiteral("CRSYNC_TOKEN_PASSWORD"), password);
    env.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
    process->setProcessEnvironment(env);
    process->setStandardErrorFile(path(QStringLiteral("tokenserver.err")), QIODevice::Append);
    const QString interpreter = python();
    if (interpreter.isEmpty()) {
        *error = QStringLiteral("python3 not found: the token server needs it");
        return false;
    }
    process->start(interpreter,
                   { tokenServerScript(), QStringLiteral("--port"), QString::number(tokenPort),
                     QStringLiteral("--key"), path(QStringLiteral("signer.key")),
                     QStringLiteral("--cert"), path(QStringLiteral("signer.crt")),
                     QStringLiteral("--issuer"), QLatin1String(kTokenIssuer),
                     QStringLiteral("--service"), QLatin1String(kTokenService),
                     QStringLiteral("--log"), path(QStringLiteral("tokenserver.log")),
                     QStringLiteral("--lifetime"), QString::number(options.tokenLifetimeSeconds) });
    QByteArray line;
    QDeadlineTimer deadline(10000);
    while (!line.contains('\n') && !deadline.hasExpired()) {
        if (!process->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())))
            && process->state() != QProcess::Running)
            break;
        line += process->readAllStandardOutput();
    }
    bool ok = false;
    const quint16 bound = line.startsWith("PORT ") ? line.mid(5).trimmed().toUShort(&ok) : 0;
    if (!ok || bound == 0) {
        *error = QStringLiteral("the token server did not start: %1")
                     .arg(tail(path(QStringLiteral("tokenserver.err")), 0));
        process->kill();
        process->waitForFinished(5000);
        return false;
    }
    tokenPort = bound;
    tokenServer = std::move(process);
    return true;
}

bool RegistryFixture::Private::startRegistry(QString *error, bool *portTaken)
{
    *portTaken = false;
    const QString log = path(QStringLiteral("registry.log"));
    const qint64 logStart = QFileInfo(log).size();
    auto process = std::make_unique<QProcess>();
    dieWithParent(process.get());
    process->setWorkingDirectory(work.path());
    process->setStandardOutputFile(log, QIODevice::Append);
    process->setStandardErrorFile(log, QIODevice::Append);
    process->start(QStringLiteral("docker-registry"),
                   { QStringLiteral("serve"), path(QStringLiteral("config.yml")) });
    if (!process->waitForStarted(10000)) {
        *error = QStringLiteral(
                     "cannot start docker-registry: %1 (is the docker-registry package installed?)")
                     .arg(process->errorString());
        return false;
    }
    registry = std::move(process);

    // Up means /v2/ answers over the real protocol (401 counts: the server is listening).
    QDeadlineTimer deadline(kStartTimeoutMs);
    while (!deadline.hasExpired()) {
        if (registry->state() != QProcess::Running || registry->waitForFinished(0)) {
            const QString why = tail(log, logStart);
            *portTaken = why.contains(QLatin1String("address already in use"));
            *error = QStringLiteral("docker-registry exited at start: %1").arg(why);
            registry.reset();
            return false;
        }
        const Response answer
            = httpCall(baseUrl().resolved(QUrl(QStringLiteral("/v2/"))), "GET", {}, {},
                       https() ? path(QStringLiteral("ca.crt")) : QString(), 2000);
        if (answer.status == 200 || answer.status == 401)
            return true;
        QThread::msleep(30);
    }
    *error = QStringLiteral("docker-registry did not answer /v2/ within %1 s: %2")
                 .arg(kStartTimeoutMs / 1000)
                 .arg(tail(log, logStart));
    kill(registry);
    return false;
}

void RegistryFixture::Private::kill(std::unique_ptr<QProcess> &process)
{
    if (!process)
        return;
    if (process->state() != QProcess::NotRunning) {
        process->kill();
        process->waitForFinished(10000);
    }
    process.reset();
}

// ---- RegistryFixture ----

RegistryFixture::RegistryFixture(Options options) : d(std::make_unique<Private>())
{
    d->options = std::move(options);
}

RegistryFixture::RegistryFixture(Mode mode) : d(std::make_unique<Private>())
{
    d->options.mode = mode;
}

RegistryFixture::~RegistryFixture()
{
    stop();
}

bool RegistryFixture::start(QString *error)
{
    QString ignored;
    QString &why = error ? *error : ignored;
    if (isRunning())
        return true;
    QElapsedTimer timer;
    timer.start();
    const bool firstStart = !d->prepared;
    if (firstStart && !d->prepare(&why))
        return false;
    if (d->options.mode == Mode::TokenAuth && !d->tokenServer && !d->startTokenServer(&why))
        return false;
    // The free port is only free until someone else takes it: on the first start a lost race is
    // retried on another port; a restart must keep its port, so there it is an error.
    for (int attempt = 0; attempt < 4; ++attempt) {
        if (!d->writeConfig(&why))
            break;
        bool portTaken = false;
        if (d->startRegistry(&why, &portTaken)) {
            qCDebug(lcFixture) << "registry up on" << hostPort() << "in" << timer.elapsed() << "ms";
            return true;
        }
        if (!firstStart || !portTaken)
            break;
        d->port = freePort();
    }
    d->kill(d->tokenServer);
    return false;
}

void RegistryFixture::stop()
{
    d->kill(d->registry);
    d->kill(d->tokenServer);
}

bool RegistryFixture::restart(QString *error)
{
    stop();
    return start(error);
}

bool RegistryFixture::isRunning() const
{
    return d->registry && d->registry->state() == QProcess::Running;
}

RegistryFixture::Mode RegistryFixture::mode() const
{
    return d->options.mode;
}

QUrl RegistryFixture::url() const
{
    return QUrl(QStringLiteral("%1://%2").arg(
        d->https() ? QStringLiteral("https") : QStringLiteral("http"), hostPort()));
}

QString RegistryFixture::hostPort() const
{
    return QStringLiteral("127.0.0.1:%1").arg(d->port);
}

quint16 RegistryFixture::port() const
{
    return d->port;
}

QString RegistryFixture::caFile() const
{
    return d->https() && d->prepared ? d->path(QStringLiteral("ca.crt")) : QString();
}

QString RegistryFixture::certDir() const
{
    return d->https() && d->prepared ? d->path(QStringLiteral("certs.d")) : QString();
}

QString RegistryFixture::username() const
{
    return d->username;
}

QString RegistryFixture::password() const
{
    return d->password;
}

QString RegistryFixture::storageDir() const
{
    return d->options.storageDir.isEmpty() ? d->path(QStringLiteral("storage"))
                                           : d->options.storageDir;
}

QString RegistryFixture::workDir() const
{
    return d->work.path();
}

QString RegistryFixture::registryLogFile() const
{
    return d->path(QStringLiteral("registry.log"));
}

QString RegistryFixture::configFile() const
{
    return d->path(QStringLiteral("config.yml"));
}

QString RegistryFixture::tokenRealm() const
{
    if (d->options.mode != Mode::TokenAuth || d->tokenPort == 0)
        return {};
    return QStringLiteral("http://127.0.0.1:%1/token").arg(d->tokenPort);
}

QString RegistryFixture::tokenService() const
{
    return d->options.mode == Mode::TokenAuth ? QLatin1String(kTokenService) : QString();
}

QString RegistryFixture::tokenIssuer() const
{
    return d->options.mode == Mode::TokenAuth ? QLatin1String(kTokenIssuer) : QString();
}

QString RegistryFixture::tokenLogFile() const
{
    return d->options.mode == Mode::TokenAuth ? d->path(QStringLiteral("tokenserver.log"))
                                              : QString();
}

int RegistryFixture::tokenRequestCount() const
{
    QFile file(tokenLogFile());
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    int count = 0;
    while (!file.atEnd()) {
        if (file.readLine().contains(" -> 200 "))
            ++count;
    }
    return count;
}

void RegistryFixture::setTokenLifetime(int seconds, int claimedSeconds)
{
    d->options.tokenLifetimeSeconds = seconds;
    // The token server reads this file for every token it signs (see tokenserver.py).
    QFile file(tokenLogFile() + QStringLiteral(".lifetime"));
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        QByteArray text = QByteArray::number(seconds);
        if (claimedSeconds > 0)
            text += ' ' + QByteArray::number(claimedSeconds);
        file.write(text);
    }
}

QStringList RegistryFixture::skopeoArgs(const QString &side) const
{
    const QString prefix
        = side.isEmpty() ? QStringLiteral("--") : QStringLiteral("--%1-").arg(side);
    QStringList args;
    if (d->https())
        args << prefix + QStringLiteral("cert-dir") << certDir();
    else
        args << prefix + QStringLiteral("tls-verify=false");
    // Anonymous modes say so, so that no auth.json of the machine is used by accident.
    if (d->username.isEmpty())
        args << prefix + QStringLiteral("no-creds");
    else
        args << prefix + QStringLiteral("creds") << d->username + QLatin1Char(':') + d->password;
    return args;
}

int RegistryFixture::runSkopeo(const QStringList &args, QByteArray *out, QByteArray *err)
{
    QProcess process;
    dieWithParent(&process);
    process.start(QStringLiteral("skopeo"), args);
    process.closeWriteChannel();
    if (!process.waitForStarted(10000)) {
        if (err)
            *err = "cannot start skopeo: " + process.errorString().toUtf8();
        return -1;
    }
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished(5000);
        if (err)
            *err = "skopeo timed out after 120 s: " + process.readAllStandardError();
        return -1;
    }
    if (out)
        *out = process.readAllStandardOutput();
    if (err)
        *err = process.readAllStandardError();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

QByteArray RegistryFixture::inspectRaw(const QString &repoAndRef, QString *error) const
{
    QByteArray out;
    QByteArray err;
    const int code = runSkopeo(
        QStringList { QStringLiteral("inspect"), QStringLiteral("--raw") } + skopeoArgs(QString())
            + QStringList { QStringLiteral("docker://%1/%2").arg(hostPort(), repoAndRef) },
        &out, &err);
    if (code != 0 || out.isEmpty()) {
        if (error)
            *error = QStringLiteral("skopeo inspect --raw %1 failed (exit %2): %3")
                         .arg(repoAndRef)
                         .arg(code)
                         .arg(QString::fromUtf8(err).trimmed());
        return {};
    }
    return out;
}

QString RegistryFixture::inspectDigest(const QString &repoAndRef, QString *error) const
{
    // The digest of the raw bytes: `inspect --format {{.Digest}}` refuses non-image artifacts
    // (Helm charts, signatures), and a manifest's digest is by definition that of its bytes.
    const QByteArray raw = inspectRaw(repoAndRef, error);
    return raw.isEmpty() ? QString() : sha256Digest(raw);
}

QString RegistryFixture::notificationsYaml(const QUrl &endpoint, const QByteArray &secret)
{
    // Short timeouts and backoff: a test waits seconds, not the registry's default minutes.
    return QStringLiteral("notifications:\n"
                          "  endpoints:\n"
                          "    - name: crsync-test\n"
                          "      url: %1\n"
                          "      headers:\n"
                          "        Authorization: [%2]\n"
                          "      timeout: 3s\n"
                          "      threshold: 3\n"
                          "      backoff: 1s\n")
        .arg(yamlQuoted(endpoint.toString(QUrl::FullyEncoded)),
             yamlQuoted(QStringLiteral("Bearer ") + QString::fromUtf8(secret)));
}

QString RegistryFixture::sha256Digest(const QByteArray &data)
{
    return QStringLiteral("sha256:")
        + QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

} // namespace crsync::test
