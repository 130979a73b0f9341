#pragma once

#include "core/result.h"

#include <QString>
#include <functional>
#include <optional>

namespace crsync {

class CredentialStore;

// Writes a secret to the keychain first and the store second, so that a missing keychain
// changes nothing, and undoes the keychain side when the store refuses: the entry gets back
// the value it had (or goes, when it had none). `write` runs only after the keychain took the
// secret; `done` gets its result.
void changeSecretThenStore(CredentialStore &keychain, const QString &key, const QString &secret,
                           const QString &subject, std::function<Result<void>()> write,
                           std::function<void(Result<void>)> done);

// Removes an entry first and then runs `write`; when the write fails the entry is put back.
void forgetSecretThenStore(CredentialStore &keychain, const QString &key, const QString &subject,
                           std::function<Result<void>()> write,
                           std::function<void(Result<void>)> done);

} // namespace crsync
