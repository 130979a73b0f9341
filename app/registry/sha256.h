#pragma once

#include <QString>

#include <openssl/evp.h>

namespace crsync {

// Incremental SHA-256 over OpenSSL's EVP (fast); copyable, so a copy taken at a chunk boundary
// lets a broken transfer resume hashing from there.
class Sha256
{
public:
    Sha256();
    Sha256(const Sha256 &other);
    Sha256 &operator=(const Sha256 &other);
    ~Sha256();

    void reset();
    void update(const char *data, qint64 size);
    QString digest() const; // "sha256:<hex>" of what was fed so far; the state stays usable

private:
    EVP_MD_CTX *m_ctx;
};

} // namespace crsync
