#include "service/instanceservice.h"

#include "core/validation.h"
#include "secrets/credentialstore.h"
#include "secrets/keychainkeys.h"
#include "service/connectiontest.h"
#include "service/namespacelisting.h"
#include "service/secretchange.h"
#include "store/database.h"
#include "store/instancestore.h"

#include <QTimer>
#include <memory>

namespace crsync {

namespace {
const QString PasswordField = QStringLiteral("password");
} // namespace

InstanceService::InstanceService(Database &database, CredentialStore &keychain, QObject *parent)
    : QObject(parent), m_database(database), m_keychain(keychain)
{
}

QString InstanceService::key(qint64 id) const
{
    return KeychainKeys(m_database.keychainNamespace()).instance(id);
}

QString InstanceService::passwordSubject(const Instance &instance) const
{
    return tr("the password of instance \"%1\"").arg(instance.name);
}

void InstanceService::later(std::function<void()> fn)
{
    QTimer::singleShot(0, this, std::move(fn));
}

Result<QList<Instance>> InstanceService::list()
{
    return InstanceStore(m_database).list();
}

Result<Instance> InstanceService::get(qint64 id)
{
    return InstanceStore(m_database).get(id);
}

Result<Instance> InstanceService::find(const QString &name)
{
    Result<Instance> found = InstanceStore(m_database).findByName(name);
    if (!found && found.error().kind == Error::Kind::NotFound) {
        Error e = found.error();
        e.message = tr("There is no instance named \"%1\" (\"crsync instance list\" or the "
                       "Instances page shows the instances there are).")
                        .arg(name);
        return e;
    }
    return found;
}

Result<QStringList> InstanceService::rulesUsing(qint64 id)
{
    return InstanceStore(m_database).rulesUsing(id);
}

QList<Error> InstanceService::check(const Instance &draft, bool passwordGiven,
                                    const std::optional<Instance> &stored)
{
    QList<Error> problems;
    const Result<QList<Instance>> others = list();
    if (!others)
        return { others.error() };
    problems << validateInstance(draft, *others);
    if (passwordGiven && draft.username.isEmpty())
        problems << Error::invalid(PasswordField,
                                   tr("A password needs a username: whose password is it?"));
    const bool sameUser = stored && stored->username == draft.username;
    if (!passwordGiven && !draft.username.isEmpty() && !sameUser) {
        Error missing = Error::invalid(QString::fromLatin1(ValidationField::Username),
                                       tr("User %1 needs a password.").arg(draft.username));
        missing.code = QString::fromLatin1(ValidationCode::PasswordMissing);
        problems << missing;
    }
    return problems;
}

void InstanceService::add(const Instance &draft, const std::optional<QString> &password,
                          Done<Instance> done)
{
    const QList<Error> problems = check(draft, password.has_value());
    if (!problems.isEmpty())
        return later([done, problems] { done(Error::invalidForm(problems)); });
    auto added = std::make_shared<Result<Instance>>(Error());
    auto insert = [this, draft, added]() -> Result<void> {
        *added = InstanceStore(m_database).add(draft);
        if (!*added)
            return added->error();
        return {};
    };
    if (!password || draft.username.isEmpty()) {
        insert();
        return later([done, added] { done(*added); });
    }
    // The key needs the new id, so the row comes first; a keychain that does not answer is
    // found out before it (the probe), and a refusal after it takes the row back.
    const KeychainKeys keys(m_database.keychainNamespace());
    const QString subject = passwordSubject(draft);
    m_keychain.checkWritable(
        keys.probe(), subject,
        [this, done, insert, added, secret = *password, subject](Result<void> writable) {
            if (!writable)
                return done(writable.error());
            if (Result<void> r = insert(); !r)
                return done(r.error());
            const Instance stored = added->value();
            m_keychain.persist(
                key(stored.id), secret,
                [this, done, stored](Result<void> persisted) {
                    if (persisted)
                        return done(stored);
                    InstanceStore(m_database).remove(stored.id);
                    done(persisted.error());
                },
                subject);
        });
}

void InstanceService::edit(const Instance &draft, const std::optional<QString> &password,
                           Done<Instance> done)
{
    const Result<Instance> stored = get(draft.id);
    if (!stored)
        return later([done, error = stored.error()] { done(error); });
    const QList<Error> problems = check(draft, password.has_value(), *stored);
    if (!problems.isEmpty())
        return later([done, problems] { done(Error::invalidForm(problems)); });
    auto update = [this, draft]() { return InstanceStore(m_database).update(draft); };
    auto finish = [done, draft](Result<void> r) {
        if (!r)
            return done(r.error());
        done(draft);
    };
    const QString subject = passwordSubject(draft);
    if (password && !draft.username.isEmpty())
        return changeSecretThenStore(m_keychain, key(draft.id), *password, subject, update,
                                     finish);
    if (draft.username.isEmpty() && !stored->username.isEmpty())
        return forgetSecretThenStore(m_keychain, key(draft.id), subject, update, finish);
    const Result<void> updated = update();
    later([finish, updated] { finish(updated); });
}

void InstanceService::remove(qint64 id, Done<void> done)
{
    const Result<Instance> instance = get(id);
    if (!instance)
        return later([done, error = instance.error()] { done(error); });
    const Result<QStringList> rules = rulesUsing(id);
    if (!rules)
        return later([done, error = rules.error()] { done(error); });
    if (!rules->isEmpty()) {
        const Error refused = Error::make(
            Error::Kind::Conflict,
            tr("Instance \"%1\" is used by rule(s) %2; delete those rules or point them at "
               "another instance first. Nothing was removed.")
                .arg(instance->name, rules->join(QStringLiteral(", "))));
        return later([done, refused] { done(refused); });
    }
    auto removeRow = [this, id]() { return InstanceStore(m_database).remove(id); };
    if (instance->username.isEmpty()) { // anonymous: nothing in the keychain
        const Result<void> removed = removeRow();
        return later([done, removed] { done(removed); });
    }
    forgetSecretThenStore(m_keychain, key(id), passwordSubject(*instance), removeRow, done);
}

void InstanceService::passwordStored(const Instance &instance, Done<bool> done)
{
    if (instance.username.isEmpty() || instance.id == 0)
        return later([done] { done(false); });
    m_keychain.fetch(
        key(instance.id),
        [done](Result<QString> secret) {
            if (secret)
                return done(true);
            if (secret.error().kind == Error::Kind::NotFound)
                return done(false);
            done(secret.error());
        },
        passwordSubject(instance));
}

ConnectionTest *InstanceService::test(const Instance &instance,
                                      const std::optional<QString> &password, QObject *parent)
{
    auto *test = new ConnectionTest(instance, password, m_keychain,
                                    KeychainKeys(m_database.keychainNamespace()), parent);
    test->start();
    return test;
}

} // namespace crsync

namespace crsync {

NamespaceListing *InstanceService::namespaces(const Instance &instance, QObject *parent)
{
    auto *listing = new NamespaceListing(instance, m_keychain,
                                         KeychainKeys(m_database.keychainNamespace()), parent);
    listing->start();
    return listing;
}

} // namespace crsync
