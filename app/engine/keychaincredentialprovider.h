#pragma once

#include "engine/credentialprovider.h"

namespace crsync {

class CredentialStore;

// CredentialProvider over the OS keychain.
class KeychainCredentialProvider : public CredentialProvider
{
public:
    explicit KeychainCredentialProvider(CredentialStore *store) : m_store(store) { }
    void fetchSecret(const QString &key, std::function<void(Result<QString>)> done) override;

private:
    CredentialStore *m_store;
};

} // namespace crsync
