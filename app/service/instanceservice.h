#pragma once

#include "core/instance.h"
#include "core/result.h"

#include <QList>
#include <QObject>
#include <QStringList>
#include <functional>
#include <optional>

namespace crsync {

class ConnectionTest;
class NamespaceListing;
class CredentialStore;
class Database;

// Registry instances with their keychain side, for every front end (the command line and the
// window call this; neither writes instances itself). Answers come through callbacks on the
// calling thread, never from within the call.
class InstanceService : public QObject
{
    Q_OBJECT
public:
    template<typename T>
    using Done = std::function<void(Result<T>)>;

    InstanceService(Database &database, CredentialStore &keychain, QObject *parent = nullptr);

    Result<QList<Instance>> list();
    Result<Instance> get(qint64 id);
    Result<Instance> find(const QString &name); // NotFound says how to list them
    Result<QStringList> rulesUsing(qint64 id); // names of the rules using it as source or target

    // Every problem of a draft as it would be saved (empty = fine), each with its field
    // (ValidationField keys, and "password"). passwordGiven: a password comes with the save;
    // `stored`: the instance as stored, for an edit (the password then may stay as it is).
    QList<Error> check(const Instance &draft, bool passwordGiven,
                       const std::optional<Instance> &stored = std::nullopt);

    // Adds an instance; its password (when it has a username) goes to the keychain. A keychain
    // that does not answer leaves the database untouched.
    void add(const Instance &draft, const std::optional<QString> &password, Done<Instance> done);
    // Changes any field of a stored instance (draft.id), also while rules use it. The password
    // stays unless one is given; a new username needs its password; no username removes it.
    void edit(const Instance &draft, const std::optional<QString> &password, Done<Instance> done);
    // Refused (Kind::Conflict, naming them) while rules use it; its password leaves the keychain.
    void remove(qint64 id, Done<void> done);

    // Whether the keychain holds the password of a stored instance with a username.
    void passwordStored(const Instance &instance, Done<bool> done);

    // Starts a connection test of a stored instance or a draft (a typed password wins over the
    // stored one). The test belongs to `parent`; its finished() carries the report.
    ConnectionTest *test(const Instance &instance, const std::optional<QString> &password,
                         QObject *parent);

    // Starts listing the namespaces of a stored instance (a rule form's namespace picker).
    NamespaceListing *namespaces(const Instance &instance, QObject *parent);

    QString passwordSubject(const Instance &instance) const;

private:
    QString key(qint64 id) const;
    void later(std::function<void()> fn);

    Database &m_database;
    CredentialStore &m_keychain;
};

} // namespace crsync
