#pragma once

#include "core/result.h"

#include <QString>
#include <functional>

namespace crsync {

// Where the engine gets the secrets of the registries it talks to. The keychain implements it
// (KeychainCredentialProvider); tests can hold the secrets in memory.
class CredentialProvider
{
public:
    virtual ~CredentialProvider() = default;

    // key is CredentialStore::instanceKey(...) or CredentialStore::targetKey(...). Answers on
    // the calling thread, never from within the call. Error::Kind::NotFound when there is none.
    virtual void fetchSecret(const QString &key, std::function<void(Result<QString>)> done) = 0;
};

} // namespace crsync
