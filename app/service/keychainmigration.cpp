#include "service/keychainmigration.h"

#include "secrets/credentialstore.h"
#include "secrets/keychainkeys.h"
#include "store/database.h"
#include "store/instancestore.h"
#include "store/metastore.h"
#include "store/rulestore.h"

#include <QLoggingCategory>
#include <QSet>
#include <QTimer>
#include <memory>

Q_DECLARE_LOGGING_CATEGORY(lcService)

namespace crsync {

namespace {

struct Move
{
    QString from;
    QString to;
};

struct Migration
{
    Database *database = nullptr;
    CredentialStore *keychain = nullptr;
    QList<Move> moves;
    int next = 0;
    int moved = 0;
    std::function<void(Result<int>)> done;
};

void finish(const std::shared_ptr<Migration> &m)
{
    if (Result<void> r = MetaStore(*m->database).remove(QString::fromLatin1(MetaKey::LegacyKeychainKeys));
        !r)
        return m->done(r.error());
    if (m->moved > 0)
        qCInfo(lcService) << "moved" << m->moved << "keychain entries to this data dir's namespace";
    m->done(m->moved);
}

void moveNext(const std::shared_ptr<Migration> &m)
{
    if (m->next >= m->moves.size())
        return finish(m);
    const Move move = m->moves.at(m->next++);
    m->keychain->fetch(move.from, [m, move](Result<QString> secret) {
        if (!secret) {
            if (secret.error().kind == Error::Kind::NotFound)
                return moveNext(m); // nothing there (another data dir took it, or never stored)
            return m->done(secret.error());
        }
        m->keychain->persist(move.to, *secret, [m, move](Result<void> persisted) {
            if (!persisted)
                return m->done(persisted.error());
            m->keychain->forget(move.from, [m](Result<void> forgotten) {
                if (!forgotten)
                    return m->done(forgotten.error());
                ++m->moved;
                moveNext(m);
            });
        });
    });
}

} // namespace

bool hasLegacyKeychainKeys(Database &database)
{
    const Result<QString> flag
        = MetaStore(database).value(QString::fromLatin1(MetaKey::LegacyKeychainKeys));
    return flag && !flag->isEmpty();
}

void migrateLegacyKeychainKeys(Database &database, CredentialStore &keychain,
                               std::function<void(Result<int>)> done)
{
    auto m = std::make_shared<Migration>();
    m->database = &database;
    m->keychain = &keychain;
    m->done = std::move(done);
    if (!hasLegacyKeychainKeys(database) || database.isReadOnly()) {
        QTimer::singleShot(0, &keychain, [m] { m->done(0); });
        return;
    }
    const KeychainKeys keys(database.keychainNamespace());
    const Result<QList<Instance>> instances = InstanceStore(database).list();
    const Result<QList<Rule>> rules = RuleStore(database).list();
    if (!instances || !rules) {
        const Error error = !instances ? instances.error() : rules.error();
        QTimer::singleShot(0, &keychain, [m, error] { m->done(error); });
        return;
    }
    for (const Instance &i : *instances)
        if (!i.username.isEmpty())
            m->moves.append({ KeychainKeys::legacyInstance(i.id), keys.instance(i.id) });
    QSet<QString> targets;
    for (const Rule &r : *rules) {
        if (!r.crossAccount || r.targetUsername.isEmpty())
            continue;
        const QString to = keys.target(r.targetUrl, r.targetUsername);
        if (targets.contains(to))
            continue;
        targets.insert(to);
        m->moves.append({ KeychainKeys::legacyTarget(r.targetUrl, r.targetUsername), to });
    }
    QTimer::singleShot(0, &keychain, [m] { moveNext(m); });
}

} // namespace crsync
