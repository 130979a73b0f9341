#include "engine/keychaincredentialprovider.h"

#include "secrets/credentialstore.h"

namespace crsync {

void KeychainCredentialProvider::fetchSecret(const QString &key,
                                             std::function<void(Result<QString>)> done)
{
    m_store->fetch(key, std::move(done));
}

} // namespace crsync
