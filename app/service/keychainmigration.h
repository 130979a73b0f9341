#pragma once

#include "core/result.h"

#include <functional>

namespace crsync {

class CredentialStore;
class Database;

// Moves the secrets a data dir stored before keychain entries had its namespace (crsync/
// instance/<id>, crsync/target/<url>|<user>) to its own keys, once: the first data dir to run
// it takes the old entries (they were shared by every data dir and may have been overwritten
// by another; a password that does not work afterwards is stored again with "instance edit").
// Does nothing for a data dir that has nothing to move. `done` gets how many entries moved.
void migrateLegacyKeychainKeys(Database &database, CredentialStore &keychain,
                               std::function<void(Result<int>)> done);

// Whether the data dir still has secrets to move (cheap: one row of the database).
bool hasLegacyKeychainKeys(Database &database);

} // namespace crsync
