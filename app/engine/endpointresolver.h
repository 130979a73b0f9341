#pragma once

#include "core/result.h"
#include "core/rule.h"
#include "registry/endpoint.h"

#include <QObject>
#include <QString>
#include <functional>
#include <optional>

namespace crsync {

class CredentialProvider;
class Database;

// The two registries of a rule, with their passwords.
struct RuleEndpoints
{
    Endpoint source;
    Endpoint target;
    QString sourceName; // the instance's name
    QString targetName; // the instance's name, or the cross-account URL
};

// Passwords typed in a form and not stored yet (a preview of a rule being edited); they win
// over the keychain.
struct PasswordOverrides
{
    std::optional<QString> source;
    std::optional<QString> target;
};

// Turns a rule into the endpoints a run talks to: the source instance, and the same-account
// target instance or the rule's cross-account target (with its own TLS settings), then reads
// their passwords from the keychain, one after the other, asynchronously.
class EndpointResolver
{
public:
    EndpointResolver(Database &database, CredentialProvider *credentials)
        : m_database(database), m_credentials(credentials)
    {
    }

    // Without passwords; fails when an instance of the rule is gone.
    Result<RuleEndpoints> endpoints(const Rule &rule) const;

    // endpoints() plus the passwords; `done` runs later on this thread (never from within the
    // call), unless `context` is gone by then. A password the keychain does not hold fails with
    // Kind::Auth and says how to store it again.
    void resolve(const Rule &rule, const PasswordOverrides &overrides, QObject *context,
                 std::function<void(Result<RuleEndpoints>)> done) const;

private:
    struct Fetch;
    void fetchNext(std::shared_ptr<Fetch> fetch) const;

    Database &m_database;
    CredentialProvider *m_credentials;
};

} // namespace crsync
