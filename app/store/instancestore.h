#pragma once

#include "core/instance.h"
#include "core/result.h"

#include <QList>
#include <QStringList>

namespace crsync {

class Database;

// Stored instances. Persistence only: validate with validateInstance() (core/validation.h)
// before add/update. Unique names are enforced by the database too: a duplicate is a
// Kind::Conflict error with field "name" that names it. Safe to use from any thread that has
// its own InstanceStore or shares one (every call uses the calling thread's connection).
class InstanceStore
{
public:
    explicit InstanceStore(Database &db) : m_db(db) { }

    Result<Instance> add(const Instance &instance); // returns it with its new id
    Result<void> update(const Instance &instance); // by id; NotFound when gone
    // Refused (Kind::Conflict) while rules use the instance, naming those rules.
    Result<void> remove(qint64 id);

    Result<Instance> get(qint64 id); // NotFound when missing
    Result<Instance> findByName(const QString &name); // NotFound when missing
    Result<QList<Instance>> list(); // ordered by name

    // Names of the rules that use the instance as source or (same-account) target, by name.
    Result<QStringList> rulesUsing(qint64 instanceId);

private:
    Database &m_db;
};

} // namespace crsync
