#pragma once

#include <QString>

namespace crsync::test {

// The PKI of a test registry, made with the openssl command line: a CA, a server certificate for
// 127.0.0.1 / localhost signed by it, and an RSA token-signing certificate signed by it too (the
// registry's token `rootcertbundle` is the CA, the token's x5c header carries the signer).
struct TestCertificates
{
    QString caCert;
    QString caKey;
    QString serverCert;
    QString serverKey;
    QString signerCert;
    QString signerKey;

    // Generates a fresh set into directory (which must exist).
    static bool generate(const QString &directory, TestCertificates *out, QString *error);
    // One set per process, generated on first use: most fixtures need no CA of their own, and
    // key generation is the slowest part of starting an https fixture.
    static bool shared(TestCertificates *out, QString *error);
    // Copies the set's files into directory, returning the set with the copied paths.
    bool copyTo(const QString &directory, TestCertificates *out, QString *error) const;
};

} // namespace crsync::test
