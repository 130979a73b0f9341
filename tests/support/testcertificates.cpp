#include "testcertificates.h"

#include "registryfixture_p.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QMutexLocker>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <memory>

namespace crsync::test {

namespace {

// Our own minimal openssl config: the system one adds extensions of its own to `req -x509`,
// and the ones needed here (SAN, CA constraints, key usages) must be exactly these.
constexpr char kOpensslConfig[] = R"([req]
distinguished_name = dn
prompt = no
[dn]
CN = crsync test
[ca]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[server]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1, DNS:localhost
authorityKeyIdentifier = keyid
[signer]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
authorityKeyIdentifier = keyid
)";

bool openssl(const QString &dir, const QStringList &args, QString *error)
{
    return runTool(QStringLiteral("openssl"), args, dir, {}, nullptr, error);
}

} // namespace

bool TestCertificates::generate(const QString &directory, TestCertificates *out, QString *error)
{
    const QDir dir(directory);
    const QString config = dir.filePath(QStringLiteral("openssl.cnf"));
    {
        QFile file(config);
        if (!file.open(QIODevice::WriteOnly) || file.write(kOpensslConfig) < 0) {
            *error = QStringLiteral("cannot write %1").arg(config);
            return false;
        }
    }
    TestCertificates c;
    c.caCert = dir.filePath(QStringLiteral("ca.crt"));
    c.caKey = dir.filePath(QStringLiteral("ca.key"));
    c.serverCert = dir.filePath(QStringLiteral("server.crt"));
    c.serverKey = dir.filePath(QStringLiteral("server.key"));
    c.signerCert = dir.filePath(QStringLiteral("signer.crt"));
    c.signerKey = dir.filePath(QStringLiteral("signer.key"));
    const QString serverCsr = dir.filePath(QStringLiteral("server.csr"));
    const QString signerCsr = dir.filePath(QStringLiteral("signer.csr"));
    // EC P-256 for the TLS keys (fast to make); RSA for the token signer because RS256 is what
    // `openssl dgst -sign` yields directly as a JWS signature.
    const QStringList ec
        = { QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
            QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes") };
    const QString days = QStringLiteral("3");
    // A distinct CA name per set, so that chain building never mixes up two fixtures' CAs.
    const QString caName = QStringLiteral("/CN=crsync test CA %1")
                               .arg(QRandomGenerator::global()->generate64(), 0, 16);
    if (!openssl(directory,
                 QStringList { QStringLiteral("req"), QStringLiteral("-x509"),
                               QStringLiteral("-config"), config, QStringLiteral("-extensions"),
                               QStringLiteral("ca") }
                     + ec
                     + QStringList { QStringLiteral("-keyout"), c.caKey, QStringLiteral("-out"),
                                     c.caCert, QStringLiteral("-days"), days,
                                     QStringLiteral("-subj"), caName },
                 error)
        || !openssl(directory,
                    QStringList { QStringLiteral("req"), QStringLiteral("-new"),
                                  QStringLiteral("-config"), config }
                        + ec
                        + QStringList { QStringLiteral("-keyout"), c.serverKey,
                                        QStringLiteral("-out"), serverCsr, QStringLiteral("-subj"),
                                        QStringLiteral("/CN=127.0.0.1") },
                    error)
        || !openssl(directory,
                    { QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                      serverCsr, QStringLiteral("-CA"), c.caCert, QStringLiteral("-CAkey"), c.caKey,
                      QStringLiteral("-set_serial"), QStringLiteral("2"), QStringLiteral("-days"),
                      days, QStringLiteral("-extfile"), config, QStringLiteral("-extensions"),
                      QStringLiteral("server"), QStringLiteral("-out"), c.serverCert },
                    error)
        || !openssl(directory,
                    { QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-config"),
                      config, QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                      QStringLiteral("-nodes"), QStringLiteral("-keyout"), c.signerKey,
                      QStringLiteral("-out"), signerCsr, QStringLiteral("-subj"),
                      QStringLiteral("/CN=crsync test token signer") },
                    error)
        || !openssl(directory,
                    { QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                      signerCsr, QStringLiteral("-CA"), c.caCert, QStringLiteral("-CAkey"), c.caKey,
                      QStringLiteral("-set_serial"), QStringLiteral("3"), QStringLiteral("-days"),
                      days, QStringLiteral("-extfile"), config, QStringLiteral("-extensions"),
                      QStringLiteral("signer"), QStringLiteral("-out"), c.signerCert },
                    error)) {
        *error = QStringLiteral("generating test certificates failed: %1").arg(*error);
        return false;
    }
    *out = c;
    return true;
}

bool TestCertificates::shared(TestCertificates *out, QString *error)
{
    static QMutex mutex;
    static std::unique_ptr<QTemporaryDir> dir;
    static TestCertificates set;
    QMutexLocker lock(&mutex);
    if (!dir) {
        auto fresh = std::make_unique<QTemporaryDir>(
            QDir::temp().filePath(QStringLiteral("crsync-pki-XXXXXX")));
        if (!fresh->isValid()) {
            *error = QStringLiteral("cannot create a temporary directory for the test PKI");
            return false;
        }
        if (!generate(fresh->path(), &set, error))
            return false;
        dir = std::move(fresh);
    }
    *out = set;
    return true;
}

bool TestCertificates::copyTo(const QString &directory, TestCertificates *out, QString *error) const
{
    const QDir dir(directory);
    TestCertificates copy;
    const std::pair<const QString *, QString *> files[] = {
        { &caCert, &copy.caCert },         { &caKey, &copy.caKey },
        { &serverCert, &copy.serverCert }, { &serverKey, &copy.serverKey },
        { &signerCert, &copy.signerCert }, { &signerKey, &copy.signerKey },
    };
    for (const auto &[from, to] : files) {
        *to = dir.filePath(QFileInfo(*from).fileName());
        QFile::remove(*to);
        if (!QFile::copy(*from, *to)) {
            *error = QStringLiteral("cannot copy %1 to %2").arg(*from, *to);
            return false;
        }
    }
    *out = copy;
    return true;
}

} // namespace crsync::test
