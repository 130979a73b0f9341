#pragma once

#include "core/result.h"

#include <QString>

namespace crsync {

class Database;

// Small settings of a data dir that belong with its database (the keychain namespace, markers
// of one-time upgrades): key -> text.
class MetaStore
{
public:
    explicit MetaStore(Database &db) : m_db(db) { }

    Result<QString> value(const QString &key); // a null QString when the key is not set
    Result<void> setValue(const QString &key, const QString &value);
    Result<void> remove(const QString &key);

private:
    Database &m_db;
};

// Keys of MetaStore.
namespace MetaKey {
inline constexpr char KeychainNamespace[] = "keychain_namespace";
// Set while secrets stored by crsync before keychain namespaces still wait to be moved.
inline constexpr char LegacyKeychainKeys[] = "legacy_keychain_keys";
} // namespace MetaKey

} // namespace crsync
