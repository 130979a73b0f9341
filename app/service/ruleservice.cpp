#include "service/ruleservice.h"

#include "core/validation.h"
#include "secrets/credentialstore.h"
#include "secrets/keychainkeys.h"
#include "service/secretchange.h"
#include "store/database.h"
#include "store/instancestore.h"
#include "store/rulestore.h"
#include "store/taskstore.h"

#include <QTimer>
#include <memory>

namespace crsync {

namespace {
QString targetSubject(const Rule &rule)
{
    return RuleService::tr("the password of user %1 at %2")
        .arg(rule.targetUsername, rule.targetUrl.toString());
}
} // namespace

RuleService::RuleService(Database &database, CredentialStore &keychain, QObject *parent)
    : QObject(parent), m_database(database), m_keychain(keychain)
{
}

void RuleService::later(std::function<void()> fn)
{
    QTimer::singleShot(0, this, std::move(fn));
}

Result<QList<Rule>> RuleService::list()
{
    return RuleStore(m_database).list();
}

Result<QList<Rule>> RuleService::listForSource(qint64 sourceInstanceId)
{
    Result<QList<Rule>> all = list();
    if (!all)
        return all;
    QList<Rule> rules;
    for (const Rule &r : *all)
        if (r.sourceInstanceId == sourceInstanceId)
            rules << r;
    return rules;
}

Result<Rule> RuleService::get(qint64 id)
{
    return RuleStore(m_database).get(id);
}

Result<Rule> RuleService::find(const QString &name)
{
    Result<Rule> found = RuleStore(m_database).findByName(name);
    if (!found && found.error().kind == Error::Kind::NotFound) {
        Error e = found.error();
        e.message = tr("There is no rule named \"%1\" (\"crsync rule list\" or the Rules page "
                       "shows the rules there are).")
                        .arg(name);
        return e;
    }
    return found;
}

QString RuleService::credentialKey(const Rule &rule) const
{
    if (!rule.crossAccount || rule.targetUsername.isEmpty() || rule.targetUrl.isEmpty())
        return {};
    return KeychainKeys(m_database.keychainNamespace()).target(rule.targetUrl, rule.targetUsername);
}

QStringList RuleService::rulesSharing(const QString &key, qint64 except)
{
    QStringList names;
    if (key.isEmpty())
        return names;
    const Result<QList<Rule>> rules = list();
    if (!rules)
        return names;
    for (const Rule &r : *rules)
        if (r.id != except && credentialKey(r) == key)
            names << r.name;
    return names;
}

QList<Error> RuleService::check(const Rule &draft, bool hasTargetPassword)
{
    RuleValidationContext context;
    const Result<QList<Instance>> instances = InstanceStore(m_database).list();
    const Result<QList<Rule>> rules = list();
    if (!instances)
        return { instances.error() };
    if (!rules)
        return { rules.error() };
    context.instances = *instances;
    context.rules = *rules;
    context.hasTargetPassword = hasTargetPassword;
    return validateRule(draft, context);
}

void RuleService::targetPasswordStored(const Rule &draft, Done<bool> done)
{
    const QString key = credentialKey(draft);
    if (key.isEmpty())
        return later([done] { done(false); });
    m_keychain.fetch(
        key,
        [done](Result<QString> secret) {
            if (secret)
                return done(true);
            if (secret.error().kind == Error::Kind::NotFound)
                return done(false);
            done(secret.error());
        },
        targetSubject(draft));
}

void RuleService::save(const Rule &draft, const std::optional<QString> &typedPassword,
                       Done<Saved> done)
{
    std::optional<Rule> before;
    if (draft.id != 0) {
        const Result<Rule> stored = get(draft.id);
        if (!stored)
            return later([done, error = stored.error()] { done(error); });
        before = *stored;
    }
    const QString key = credentialKey(draft);
    const bool typed = typedPassword.has_value() && draft.crossAccount;
    auto validateAndStore = [this, draft, before, typedPassword, done](bool hasPassword) {
        const QList<Error> problems = check(draft, hasPassword);
        if (!problems.isEmpty())
            return done(Error::invalidForm(problems));
        store(draft, before, typedPassword, done);
    };
    if (typed || key.isEmpty() || (before && key == credentialKey(*before))) {
        // Typed now, not needed, or the credentials it was saved with.
        const bool hasPassword = typed || !key.isEmpty();
        return later([validateAndStore, hasPassword] { validateAndStore(hasPassword); });
    }
    // Credentials for this target and user may be stored already (another rule saved them).
    targetPasswordStored(draft, [done, validateAndStore](Result<bool> stored) {
        if (!stored)
            return done(stored.error());
        validateAndStore(*stored);
    });
}

void RuleService::store(const Rule &draft, const std::optional<Rule> &before,
                        const std::optional<QString> &typedPassword, Done<Saved> done)
{
    auto saved = std::make_shared<Saved>();
    saved->created = !before;
    auto write = [this, draft, before, saved]() -> Result<void> {
        RuleStore rules(m_database);
        if (!before) {
            Result<Rule> added = rules.add(draft);
            if (!added)
                return added.error();
            saved->rule = *added;
            return {};
        }
        if (Result<void> updated = rules.update(draft); !updated)
            return updated;
        saved->rule = draft;
        return {};
    };
    const QString newKey = credentialKey(draft);
    const QString oldKey = before ? credentialKey(*before) : QString();
    const bool typed = typedPassword.has_value() && draft.crossAccount;
    auto afterWrite = [this, saved, newKey, oldKey, typed, done](Result<void> written) {
        if (!written)
            return done(written.error());
        if (typed)
            saved->sharingNewCredentials = rulesSharing(newKey, saved->rule.id);
        if (oldKey.isEmpty() || oldKey == newKey)
            return done(*saved);
        forgetUnused(oldKey, [saved, done](const QString &warning) {
            if (!warning.isEmpty())
                saved->warnings << warning;
            done(*saved);
        });
    };
    if (typed)
        return changeSecretThenStore(m_keychain, newKey, *typedPassword, targetSubject(draft),
                                     write, afterWrite);
    const Result<void> written = write();
    later([afterWrite, written] { afterWrite(written); });
}

// Credentials that no rule reads any more leave the keychain; failing to remove them is worth
// a warning, not a failure (the rule itself was saved or deleted).
void RuleService::forgetUnused(const QString &key, std::function<void(QString warning)> done)
{
    if (key.isEmpty() || !rulesSharing(key, 0).isEmpty())
        return later([done] { done(QString()); });
    m_keychain.forget(key, [key, done](Result<void> forgotten) {
        done(forgotten ? QString()
                       : tr("The credentials no rule uses any more (%1) could not be removed "
                            "from the keychain: %2")
                             .arg(key, forgotten.error().message));
    });
}

Result<void> RuleService::setEnabled(qint64 id, bool enabled)
{
    return RuleStore(m_database).setEnabled(id, enabled);
}

QString RuleService::cloneName(const Rule &rule)
{
    const Result<QList<Rule>> rules = list();
    QStringList taken;
    if (rules)
        for (const Rule &r : *rules)
            taken << r.name;
    for (int n = 1;; ++n) {
        const QString suffix = n == 1 ? QStringLiteral("-copy") : QStringLiteral("-copy-%1").arg(n);
        const QString name = rule.name.left(MaxNameLength - int(suffix.size())) + suffix;
        if (!taken.contains(name))
            return name;
    }
}

void RuleService::clone(qint64 id, const QString &name, Done<Rule> done)
{
    const Result<Rule> original = get(id);
    if (!original)
        return later([done, error = original.error()] { done(error); });
    Rule copy = *original;
    copy.id = 0;
    copy.name = name.isEmpty() ? cloneName(*original) : name;
    copy.enabled = false; // a copy syncs nothing until someone looks at it
    // Same target and user: the same keychain entry, which the original's save put there.
    save(copy, std::nullopt, [done](Result<Saved> saved) {
        if (!saved)
            return done(saved.error());
        done(saved->rule);
    });
}

void RuleService::remove(qint64 id, Done<Removed> done)
{
    const Result<Rule> rule = get(id);
    if (!rule)
        return later([done, error = rule.error()] { done(error); });
    auto removed = std::make_shared<Removed>();
    removed->rule = *rule;
    const QString key = credentialKey(*rule);
    removed->credentialsKeptFor = rulesSharing(key, rule->id);
    auto deleteRow = [this, id]() { return RuleStore(m_database).remove(id); };
    auto report = [this, removed, done](Result<void> deleted) {
        if (!deleted)
            return done(deleted.error());
        TaskFilter filter;
        filter.ruleName = removed->rule.name;
        const Result<int> kept = TaskStore(m_database).count(filter);
        removed->keptLogs = kept ? *kept : 0;
        done(*removed);
    };
    if (key.isEmpty() || !removed->credentialsKeptFor.isEmpty()) {
        const Result<void> deleted = deleteRow();
        return later([report, deleted] { report(deleted); });
    }
    removed->credentialsRemoved = true;
    // Keychain first (a missing keychain then changes nothing); put back if the delete fails.
    forgetSecretThenStore(m_keychain, key, targetSubject(*rule), deleteRow, report);
}

} // namespace crsync
