#include "registry/sha256.h"

#include <QByteArray>

namespace crsync {

Sha256::Sha256() : m_ctx(EVP_MD_CTX_new()) { reset(); }

Sha256::Sha256(const Sha256 &other) : m_ctx(EVP_MD_CTX_new())
{
    EVP_MD_CTX_copy_ex(m_ctx, other.m_ctx);
}

Sha256 &Sha256::operator=(const Sha256 &other)
{
    if (this != &other)
        EVP_MD_CTX_copy_ex(m_ctx, other.m_ctx);
    return *this;
}

Sha256::~Sha256() { EVP_MD_CTX_free(m_ctx); }

void Sha256::reset() { EVP_DigestInit_ex(m_ctx, EVP_sha256(), nullptr); }

void Sha256::update(const char *data, qint64 size)
{
    if (size > 0)
        EVP_DigestUpdate(m_ctx, data, size_t(size));
}

QString Sha256::digest() const
{
    EVP_MD_CTX *copy = EVP_MD_CTX_new();
    EVP_MD_CTX_copy_ex(copy, m_ctx);
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(copy, out, &length);
    EVP_MD_CTX_free(copy);
    return QLatin1String("sha256:")
        + QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(out), int(length)).toHex());
}

} // namespace crsync
