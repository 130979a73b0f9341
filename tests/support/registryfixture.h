#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace crsync::test {

// A real Debian docker-registry on a free loopback port, in its own temporary directory,
// started by the test and stopped (killed) when the fixture goes away.
class RegistryFixture
{
public:
    enum class Mode {
        PlainHttp, // http://127.0.0.1:PORT, anonymous
        Https,     // https with a CA generated for the test, anonymous
        BasicAuth, // https + htpasswd Basic auth (username()/password())
        TokenAuth, // https + Bearer tokens from the test token server (username()/password())
    };

    struct Options
    {
        Mode mode = Mode::PlainHttp;
        QString extraConfigYaml; // appended to the registry's config.yml (e.g. notifications:)
        QString storageDir;      // reuse this storage (restart on the same data); empty = fresh
    };

    explicit RegistryFixture(Options options);
    explicit RegistryFixture(Mode mode) : RegistryFixture(Options{mode}) {}
    ~RegistryFixture();

    // Starts the registry (and token server) and waits until /v2/ answers. False + *error on failure.
    bool start(QString *error);
    void stop(); // kills the registry (like a crash); start() again reuses the same port and data
    bool isRunning() const;

    Mode mode() const;
    QUrl url() const;              // scheme://127.0.0.1:PORT
    QString hostPort() const;      // 127.0.0.1:PORT, for skopeo's docker:// references
    QString caFile() const;        // PEM of the test CA (https modes), else empty
    QString username() const;      // empty in anonymous modes
    QString password() const;
    QString storageDir() const;    // the registry's filesystem storage root
    QString workDir() const;       // the fixture's temporary directory

    // Arguments that make skopeo trust / log in to this registry, for the given side:
    // side is "src", "dest" or "" (for inspect). E.g. {"--src-cert-dir", d, "--src-creds", "u:p"}
    // or {"--src-tls-verify=false"} for plain HTTP.
    QStringList skopeoArgs(const QString &side) const;

    // Runs skopeo with args; returns its exit code, captures stdout/stderr. Times out after 120 s.
    static int runSkopeo(const QStringList &args, QByteArray *out = nullptr, QByteArray *err = nullptr);

    // skopeo inspect --raw / inspect of docker://HOST/repo:ref with this registry's args.
    // Returns the raw manifest bytes (empty on failure, with *error set).
    QByteArray inspectRaw(const QString &repoAndRef, QString *error = nullptr) const;
    // The digest skopeo reports for repo:ref (sha256:...), empty on failure.
    QString inspectDigest(const QString &repoAndRef, QString *error = nullptr) const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace crsync::test
