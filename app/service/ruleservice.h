#pragma once

#include "core/result.h"
#include "core/rule.h"

#include <QList>
#include <QObject>
#include <QStringList>
#include <functional>
#include <optional>

namespace crsync {

class CredentialStore;
class Database;

// Replication rules with their keychain side, for every front end: validation of the form as
// a whole, saving (keychain first, undone when the store refuses), the cross-account
// credentials that no rule reads any more leaving the keychain, enable/disable, clone, delete.
// Answers come through callbacks on the calling thread, never from within the call.
class RuleService : public QObject
{
    Q_OBJECT
public:
    template<typename T>
    using Done = std::function<void(Result<T>)>;

    struct Saved
    {
        Rule rule;
        bool created = false;
        // Rules that read the same cross-account credentials, which the save replaced.
        QStringList sharingNewCredentials;
        QStringList warnings; // nothing failed, but the person should know
    };
    struct Removed
    {
        Rule rule;
        int keptLogs = 0; // its tasks stay in the sync log
        bool credentialsRemoved = false; // its cross-account credentials left the keychain
        QStringList credentialsKeptFor; // rules that still read them
    };

    RuleService(Database &database, CredentialStore &keychain, QObject *parent = nullptr);

    Result<QList<Rule>> list();
    Result<QList<Rule>> listForSource(qint64 sourceInstanceId);
    Result<Rule> get(qint64 id);
    Result<Rule> find(const QString &name); // NotFound says how to list them

    // The keychain key of a cross-account rule's target credentials; empty otherwise.
    QString credentialKey(const Rule &rule) const;
    // Names of the stored rules other than `except` that read the same keychain entry.
    QStringList rulesSharing(const QString &key, qint64 except);

    // Every problem of a draft (empty = it can be saved), each with its ValidationField key.
    // hasTargetPassword: cross-account, a password was typed or the keychain holds one.
    QList<Error> check(const Rule &draft, bool hasTargetPassword);
    // Whether the keychain holds credentials for the draft's cross-account target and user
    // (false for a same-account rule).
    void targetPasswordStored(const Rule &draft, Done<bool> done);

    // Creates (draft.id == 0) or updates the rule. typedPassword: the cross-account target's
    // password, typed now; without one the stored credentials are used (and required).
    void save(const Rule &draft, const std::optional<QString> &typedPassword, Done<Saved> done);
    Result<void> setEnabled(qint64 id, bool enabled);
    // A copy under a new name (`name`, or "<name>-copy", "-copy-2", ... when empty), disabled.
    void clone(qint64 id, const QString &name, Done<Rule> done);
    QString cloneName(const Rule &rule);
    void remove(qint64 id, Done<Removed> done);

private:
    void store(const Rule &draft, const std::optional<Rule> &before,
               const std::optional<QString> &typedPassword, Done<Saved> done);
    void forgetUnused(const QString &key, std::function<void(QString warning)> done);
    void later(std::function<void()> fn);

    Database &m_database;
    CredentialStore &m_keychain;
};

} // namespace crsync
