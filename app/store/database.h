#pragma once

#include "core/result.h"

#include <QMutex>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>

class QSqlError;
class QSqlQuery;

namespace crsync {

// The SQLite file of one data dir, and the per-thread connections to it.
//
// open() checks the file (not a database, or written by a newer crsync: refused, file left
// byte-identical), then switches it to WAL and runs the numbered migrations up to
// LatestSchemaVersion in one transaction. A file this user may only read is opened read-only
// (when it needs no migration). Afterwards any thread may call connection(): each
// thread gets its own named QSqlDatabase ("crsync:<path>:<serial>:<thread>"), opened on first
// use with foreign_keys=ON and a busy timeout, and removed when that thread ends or when this
// object is destroyed, whichever comes first. Destroy the Database after the threads that use
// it have stopped using it. The repositories (InstanceStore, RuleStore, TaskStore) take a
// Database& and are the normal way in; connection() is for them and for tests.
class Database
{
public:
    static constexpr int LatestSchemaVersion = 7;
    static constexpr int BusyTimeoutMs = 10000;

    // Opens (creating when missing) the database file at `filePath`; the parent directory must
    // exist. Errors are Kind::Storage with a message naming the file and what to do.
    static Result<std::unique_ptr<Database>> open(const QString &filePath);
    // ensureDataDir(dataDir) then open(databasePath(dataDir)).
    static Result<std::unique_ptr<Database>> openDataDir(const QString &dataDir);

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    QString filePath() const { return m_path; }
    // The directory holding the file: where the cross-process task locks live too.
    QString dataDir() const;
    // True when the file could only be opened for reading (the user may read but not write
    // it): listings work, anything that writes fails with a message saying so.
    bool isReadOnly() const { return m_readOnly; }
    // Prefix of this data dir's keychain entries (meta "keychain_namespace"), so that two data
    // dirs never share a password entry.
    QString keychainNamespace() const { return m_keychainNamespace; }

    // This thread's connection, opened on first use. Never hold on to it across threads.
    Result<QSqlDatabase> connection();

    // PRAGMA user_version of the file as last opened/migrated.
    int schemaVersion() const { return m_schemaVersion; }

    // Runs `work` inside BEGIN IMMEDIATE ... COMMIT on this thread's connection, rolled back
    // when it returns an error. IMMEDIATE takes the write lock up front, so two writers wait on
    // the busy timeout instead of failing with "database is locked" halfway.
    Result<void> transaction(const std::function<Result<void>(QSqlDatabase &)> &work);

    // Turns a failed query into an Error (Kind::Storage, or Kind::Conflict for a UNIQUE
    // constraint) whose message says what was being done (`what`, translated by the caller).
    static Error errorFrom(const QSqlError &error, const QString &what);

    struct Shared; // connection bookkeeping shared with the per-thread cleanup

private:
    explicit Database(QString path);
    Result<void> initialize();

    Result<void> checkReadOnlyFile(int version);
    Result<void> readMeta();

    QString m_path;
    int m_schemaVersion = 0;
    bool m_readOnly = false;
    QString m_keychainNamespace;
    std::shared_ptr<Shared> m_shared;
};

} // namespace crsync
