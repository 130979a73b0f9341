#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>
#include <memory>

namespace crsync::test {

// A real Debian docker-registry on a free loopback port, in its own temporary directory,
// started by the test and stopped (killed) when the fixture goes away. Use it from the thread
// that made it: its processes are tied to that thread (they die with it, even on a crash).
class RegistryFixture
{
public:
    enum class Mode {
        PlainHttp, // http://127.0.0.1:PORT, anonymous
        Https, // https with a CA generated for the test, anonymous
        BasicAuth, // https + htpasswd Basic auth (username()/password())
        TokenAuth, // https + Bearer tokens from the test token server (username()/password())
    };

    struct Options
    {
        Mode mode = Mode::PlainHttp;
        QString extraConfigYaml; // appended to the registry's config.yml (e.g. notifications:)
        QString storageDir; // reuse this storage (restart on the same data); empty = fresh
        // TokenAuth: seconds a token is accepted by the registry (also its expires_in). Short
        // lifetimes (e.g. 5) make a client meet expired tokens and exercise refresh-on-401.
        int tokenLifetimeSeconds = 300;
        // Https modes: make a CA of this fixture's own instead of the one shared by every
        // fixture of the process (needed when a test must see one registry's CA fail on another).
        bool ownCa = false;
    };

    // An HTTP answer from request() / fetchToken(); status 0 means no answer (see error).
    struct Response
    {
        int status = 0;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        QString error; // network-level error text, empty when an HTTP answer arrived
        QByteArray header(const QByteArray &name) const; // case-insensitive, first match
    };

    explicit RegistryFixture(Options options);
    explicit RegistryFixture(Mode mode);
    ~RegistryFixture();

    // Starts the registry (and token server) and waits until /v2/ answers. False + *error on
    // failure.
    bool start(QString *error);
    void stop(); // kills the registry (like a crash); start() again reuses the same port and data
    bool isRunning() const;

    Mode mode() const;
    QUrl url() const; // scheme://127.0.0.1:PORT
    QString hostPort() const; // 127.0.0.1:PORT, for skopeo's docker:// references
    QString caFile() const; // PEM of the test CA (https modes), else empty
    QString username() const; // empty in anonymous modes
    QString password() const;
    QString storageDir() const; // the registry's filesystem storage root
    QString workDir() const; // the fixture's temporary directory

    // Arguments that make skopeo trust / log in to this registry, for the given side:
    // side is "src", "dest" or "" (for inspect). E.g. {"--src-cert-dir", d, "--src-creds", "u:p"}
    // or {"--src-tls-verify=false"} for plain HTTP.
    QStringList skopeoArgs(const QString &side) const;

    // Runs skopeo with args; returns its exit code, captures stdout/stderr. Times out after 120 s.
    static int runSkopeo(const QStringList &args, QByteArray *out = nullptr,
                         QByteArray *err = nullptr);

    // skopeo inspect --raw / inspect of docker://HOST/repo:ref with this registry's args.
    // Returns the raw manifest bytes (empty on failure, with *error set).
    QByteArray inspectRaw(const QString &repoAndRef, QString *error = nullptr) const;
    // The digest of what skopeo reads for repo:ref (sha256 of inspectRaw), empty on failure.
    QString inspectDigest(const QString &repoAndRef, QString *error = nullptr) const;

    // --- Additions ---

    bool restart(QString *error); // stop() then start(): same port, same data, same credentials
    quint16 port() const; // 0 before the first start()
    QString certDir() const; // a directory holding only ca.crt (skopeo --cert-dir); https modes
    QString registryLogFile() const;
    QString configFile() const; // the config.yml the registry runs with

    // TokenAuth: the token server (realm, service and issuer of the Bearer challenge).
    QString tokenRealm() const; // http://127.0.0.1:PORT/token
    QString tokenService() const;
    QString tokenIssuer() const;
    QString tokenLogFile() const;
    // Tokens the token server has answered (200) since the fixture was made.
    int tokenRequestCount() const;
    // Changes the lifetime of tokens issued from now on, without a restart. claimedSeconds > 0:
    // the expires_in the token server tells clients instead (a client that trusts it then holds a
    // token the registry already refuses, and only a 401 tells it).
    void setTokenLifetime(int seconds, int claimedSeconds = 0);
    // GET realm?service=..&scope=.. with Basic username:password (anonymous when both empty).
    Response fetchToken(const QStringList &scopes, const QString &username,
                        const QString &password) const;

    // A synchronous HTTP call to this registry (for tests only: it spins a local event loop).
    // pathAndQuery starts with /v2/. With authenticate, the fixture's credentials are used the
    // way a client would: Basic directly, or a Bearer token fetched for the 401 challenge.
    Response request(const QByteArray &verb, const QString &pathAndQuery,
                     const QByteArray &body = {},
                     const QList<QPair<QByteArray, QByteArray>> &headers = {},
                     bool authenticate = true) const;
    // Direct pushes for content skopeo cannot write (monolithic blob upload, manifest PUT).
    bool pushBlob(const QString &repository, const QByteArray &data,
                  QString *error = nullptr) const;
    bool pushManifest(const QString &repository, const QString &reference,
                      const QByteArray &mediaType, const QByteArray &manifest,
                      QString *error = nullptr) const;
    bool deleteManifest(const QString &repository, const QString &digest,
                        QString *error = nullptr) const;
    QStringList tags(const QString &repository, QString *error = nullptr) const;

    static QString sha256Digest(const QByteArray &data); // "sha256:<hex>"

    // A `notifications:` section for Options::extraConfigYaml: the registry POSTs an event
    // envelope for every push/pull to endpoint, with "Authorization: Bearer <secret>".
    static QString notificationsYaml(const QUrl &endpoint, const QByteArray &secret);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace crsync::test
