#pragma once

#include "core/result.h"
#include "core/rule.h"

#include <QList>

namespace crsync {

class Database;

// Stored replication rules. Persistence only: validate with validateRule() (core/validation.h)
// before add/update. A duplicate name is a Kind::Conflict error with field "name"; a source or
// target instance id that does not exist is Kind::Invalid on "sourceInstance"/"targetInstance".
// Renaming a rule renames it in its tasks too; removing it keeps its tasks (rule id cleared,
// rule name kept). Cross-account passwords are not here: they live in the keychain.
class RuleStore
{
public:
    explicit RuleStore(Database &db) : m_db(db) { }

    Result<Rule> add(const Rule &rule); // returns it with its new id
    Result<void> update(const Rule &rule); // by id; NotFound when gone
    Result<void> remove(qint64 id); // NotFound when gone
    Result<void> setEnabled(qint64 id, bool enabled);

    Result<Rule> get(qint64 id);
    Result<Rule> findByName(const QString &name);
    Result<QList<Rule>> list(); // ordered by name
    Result<QList<Rule>> listEnabledForSource(qint64 sourceInstanceId); // for event routing

private:
    Database &m_db;
};

} // namespace crsync
