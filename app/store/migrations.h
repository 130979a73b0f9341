#pragma once

// The numbered schema migrations; private to the store.

#include <QList>
#include <QStringList>

namespace crsync {

struct Migration
{
    int version; // PRAGMA user_version after it ran
    QStringList statements;
};

// In order, versions 1..Database::LatestSchemaVersion without gaps.
const QList<Migration> &schemaMigrations();

} // namespace crsync
