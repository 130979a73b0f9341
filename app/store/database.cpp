#include "store/database.h"

#include "store/datadir.h"
#include "store/migrations.h"
#include "store/storeutil.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLoggingCategory>
#include <QMutexLocker>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUrl>
#include <unordered_map>
#include <vector>

Q_LOGGING_CATEGORY(lcStore, "crsync.store", QtInfoMsg)

namespace crsync {

struct Database::Shared
{
    QMutex mutex;
    QString prefix; // "crsync:<path>:<serial>"; a thread's connection adds ":<thread id>"
    QStringList names; // connections opened and not yet removed, across threads
};

namespace {

QAtomicInteger<quint64> g_serial;

// Removing closes too. No QSqlDatabase::database() here: this may run on another thread than
// the connection's (the destructor), where Qt refuses to hand the connection out.
void closeAndRemove(const QString &name)
{
    QSqlDatabase::removeDatabase(name);
}

// Forgets and removes one thread's connection, unless the Database already did.
void removeThreadConnection(const std::weak_ptr<Database::Shared> &weak, const QString &name)
{
    if (const auto shared = weak.lock()) {
        QMutexLocker lock(&shared->mutex);
        if (shared->names.removeOne(name))
            QSqlDatabase::removeDatabase(name);
    }
}

// The connections a thread opened, removed when it ends: first by QThread::finished, emitted
// on the finishing thread before wait() returns (adopted threads emit it too), and as a
// fallback by this object's destructor, which runs on every thread exit.
struct ThreadConnections
{
    std::vector<std::pair<std::weak_ptr<Database::Shared>, QString>> entries;
    // unordered_map: references stay valid while nested calls add other keys
    std::unordered_map<const Database::Shared *, int> transactionDepth;

    ~ThreadConnections()
    {
        for (const auto &[weak, name] : entries)
            removeThreadConnection(weak, name);
    }
};

thread_local ThreadConnections t_connections;

Error notADatabase(const QString &path, const QString &detail = QString())
{
    QString message = QCoreApplication::translate(
                          "crsync::Store",
                          "%1 is not a crsync database: it is not an SQLite file, or it is "
                          "damaged. It was left untouched; move it away, or choose another data "
                          "directory with --data-dir.")
                          .arg(path);
    if (!detail.isEmpty())
        message += QStringLiteral(" (%1)").arg(detail);
    return Error::make(Error::Kind::Storage, message);
}

} // namespace

Error Database::errorFrom(const QSqlError &error, const QString &what)
{
    const Error::Kind kind
        = storeutil::isUniqueViolation(error) ? Error::Kind::Conflict : Error::Kind::Storage;
    return Error::make(
        kind,
        QCoreApplication::translate("crsync::Store", "%1 failed: %2").arg(what, error.text()));
}

Database::Database(QString path) : m_path(std::move(path)), m_shared(std::make_shared<Shared>())
{
    m_shared->prefix = QStringLiteral("crsync:%1:%2").arg(m_path).arg(++g_serial);
}

Database::~Database()
{
    QMutexLocker lock(&m_shared->mutex);
    for (const QString &name : std::as_const(m_shared->names))
        closeAndRemove(name);
    m_shared->names.clear();
}

Result<std::unique_ptr<Database>> Database::open(const QString &filePath)
{
    const QString path = QFileInfo(filePath).absoluteFilePath();
    std::unique_ptr<Database> db(new Database(path));
    if (Result<void> r = db->initialize(); !r)
        return r.error();
    return db;
}

Result<std::unique_ptr<Database>> Database::openDataDir(const QString &dataDir)
{
    const Result<QString> dir = ensureDataDir(dataDir);
    if (!dir)
        return dir.error();
    return open(databasePath(*dir));
}

QString Database::dataDir() const
{
    return QFileInfo(m_path).absolutePath();
}

Result<QSqlDatabase> Database::connection()
{
    const QString name = m_shared->prefix + QLatin1Char(':')
        + QString::number(quintptr(QThread::currentThreadId()));
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            return db;
    }

    QSqlDatabase db = QSqlDatabase::contains(name)
        ? QSqlDatabase::database(name, false)
        : QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(BusyTimeoutMs);
    if (m_readOnly) {
        // Without write access to the directory SQLite cannot make the WAL index (-shm) a
        // reader needs; "immutable" reads the file as it is, which is all a reader can do.
        const bool canMakeIndex = QFileInfo(dataDir()).isWritable()
            || QFileInfo::exists(m_path + QLatin1String("-shm"));
        options += QLatin1String(";QSQLITE_OPEN_READONLY");
        if (!canMakeIndex) {
            options += QLatin1String(";QSQLITE_OPEN_URI");
            db.setDatabaseName(QUrl::fromLocalFile(m_path).toString(QUrl::FullyEncoded)
                               + QLatin1String("?immutable=1"));
        } else {
            db.setDatabaseName(m_path);
        }
    } else {
        db.setDatabaseName(m_path);
    }
    db.setConnectOptions(options);
    if (!db.open()) {
        const QString text = db.lastError().text();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        return Error::make(
            Error::Kind::Storage,
            QCoreApplication::translate("crsync::Store",
                                        "Cannot open the database %1: %2. Check that its "
                                        "directory exists and is writable.")
                .arg(m_path, text));
    }
    // Per connection, not per file: SQLite forgets these when a connection closes.
    {
        QSqlQuery pragma(db);
        for (const char *sql : { "PRAGMA foreign_keys = ON", "PRAGMA synchronous = NORMAL" }) {
            if (!pragma.exec(QString::fromLatin1(sql))) {
                const Error error
                    = errorFrom(pragma.lastError(),
                                QCoreApplication::translate("crsync::Store",
                                                            "Setting up the database connection"));
                pragma = QSqlQuery();
                db = QSqlDatabase();
                closeAndRemove(name);
                return error;
            }
        }
    }
    {
        QMutexLocker lock(&m_shared->mutex);
        if (m_shared->names.contains(name))
            return db; // reopened after a close: already tracked
        m_shared->names << name;
    }
    t_connections.entries.emplace_back(m_shared, name);
    // The main thread never finishes; its connections go with the Database.
    QThread *thread = QThread::currentThread();
    const QCoreApplication *app = QCoreApplication::instance();
    if (thread && !(app && app->thread() == thread)) {
        std::weak_ptr<Shared> weak = m_shared;
        QObject::connect(
            thread, &QThread::finished, thread,
            [weak, name] { removeThreadConnection(weak, name); }, Qt::DirectConnection);
    }
    qCDebug(lcStore) << "opened connection" << name;
    return db;
}

Result<void> Database::initialize()
{
    // Checked by hand first: the file must be left byte-identical when it is refused, and
    // SQLite would happily treat some non-database files as something to roll back or create.
    QFile file(m_path);
    if (file.exists() && file.size() > 0) {
        if (!file.open(QIODevice::ReadOnly))
            return Error::make(
                Error::Kind::Storage,
                QCoreApplication::translate("crsync::Store",
                                            "Cannot read the database %1: %2. Check its "
                                            "permissions.")
                    .arg(m_path, file.errorString()));
        const QByteArray header = file.read(100);
        file.close();
        if (header.size() < 100 || !header.startsWith(QByteArrayLiteral("SQLite format 3\0")))
            return notADatabase(m_path);
    }

    const bool existed = file.exists() && file.size() > 0;
    // Root may write anything; for everyone else a file or directory without write permission
    // can only be read.
    m_readOnly = existed && (!QFileInfo(m_path).isWritable() || !QFileInfo(dataDir()).isWritable());
    Result<QSqlDatabase> conn = connection();
    if (!conn)
        return existed ? notADatabase(m_path, conn.error().message) : conn.error();
    const QString connectionName = conn->connectionName();
    // Gives this thread's connection back when a check below refuses the file, so nothing
    // keeps it open (and nothing else is ever written through it).
    auto refuse = [&](Error error) -> Result<void> {
        conn = Error();
        {
            QMutexLocker lock(&m_shared->mutex);
            m_shared->names.removeOne(connectionName);
        }
        closeAndRemove(connectionName);
        return error;
    };

    int version = 0;
    int tables = 0;
    {
        QSqlQuery query(*conn);
        if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
            return refuse(notADatabase(m_path));
        version = query.value(0).toInt();
        query.finish();
        // Reading the schema walks page 1: a damaged file fails here rather than later.
        if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !query.next())
            return refuse(notADatabase(m_path));
        tables = query.value(0).toInt();
    }
    if (version > LatestSchemaVersion)
        return refuse(Error::make(
            Error::Kind::Storage,
            QCoreApplication::translate(
                "crsync::Store",
                "%1 was written by a newer crsync (schema version %2; this crsync knows up to %3). "
                "It was left untouched: use the newer crsync, or choose another data directory "
                "with --data-dir.")
                .arg(m_path)
                .arg(version)
                .arg(LatestSchemaVersion)));
    if (version == 0 && tables > 0)
        return refuse(Error::make(
            Error::Kind::Storage,
            QCoreApplication::translate(
                "crsync::Store",
                "%1 is an SQLite database of another program (it has tables but no crsync schema "
                "version). It was left untouched; choose another data directory with --data-dir.")
                .arg(m_path)));

    if (m_readOnly) {
        if (Result<void> r = checkReadOnlyFile(version); !r)
            return refuse(r.error());
        m_schemaVersion = version;
        return readMeta();
    }

    {
        QSqlQuery query(*conn);
        if (!query.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !query.next())
            return errorFrom(
                query.lastError(),
                QCoreApplication::translate("crsync::Store", "Switching the database to WAL mode"));
        if (query.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
            qCWarning(lcStore) << "journal mode is" << query.value(0).toString() << "for" << m_path;
    }

    Result<void> migrated = transaction([this](QSqlDatabase &db) -> Result<void> {
        QSqlQuery query(db);
        // Read again under the write lock: another process may have migrated meanwhile.
        if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
            return errorFrom(
                query.lastError(),
                QCoreApplication::translate("crsync::Store", "Reading the schema version"));
        int current = query.value(0).toInt();
        query.finish();
        for (const Migration &migration : schemaMigrations()) {
            if (migration.version <= current)
                continue;
            for (const QString &sql : migration.statements) {
                if (!query.exec(sql))
                    return errorFrom(query.lastError(),
                                     QCoreApplication::translate("crsync::Store",
                                                                 "Upgrading the database to "
                                                                 "schema version %1")
                                         .arg(migration.version));
            }
            current = migration.version;
            qCInfo(lcStore) << "migrated" << m_path << "to schema version" << current;
        }
        if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(current)))
            return errorFrom(
                query.lastError(),
                QCoreApplication::translate("crsync::Store", "Recording the schema version"));
        m_schemaVersion = current;
        return {};
    });
    if (!migrated)
        return migrated;
    return readMeta();
}

Result<void> Database::checkReadOnlyFile(int version)
{
    if (version == LatestSchemaVersion)
        return {};
    return Error::make(
        Error::Kind::Storage,
        QCoreApplication::translate("crsync::Store",
                                    "%1 can only be read by you, and it needs an upgrade to schema "
                                    "version %2 (it has %3), which writes to it. Run crsync once "
                                    "as a user who may write it.")
            .arg(m_path)
            .arg(LatestSchemaVersion)
            .arg(version));
}

Result<void> Database::readMeta()
{
    const Result<QList<QString>> values = storeutil::selectRows<QString>(
        *this, QStringLiteral("SELECT value FROM meta WHERE key = 'keychain_namespace'"), {},
        QCoreApplication::translate("crsync::Store", "Reading the database settings"),
        [](const QSqlQuery &q) { return q.value(0).toString(); });
    if (!values)
        return values.error();
    m_keychainNamespace = values->value(0);
    return {};
}

Result<void> Database::transaction(const std::function<Result<void>(QSqlDatabase &)> &work)
{
    Result<QSqlDatabase> conn = connection();
    if (!conn)
        return conn.error();
    QSqlDatabase db = *conn;

    // Nested calls join the outer transaction, so repository calls compose.
    int &depth = t_connections.transactionDepth[m_shared.get()];
    if (depth > 0) {
        ++depth;
        Result<void> r = work(db);
        --depth;
        return r;
    }

    {
        QSqlQuery begin(db);
        if (!begin.exec(QStringLiteral("BEGIN IMMEDIATE")))
            return errorFrom(
                begin.lastError(),
                QCoreApplication::translate("crsync::Store", "Starting a database transaction"));
    }
    ++depth;
    Result<void> r = work(db);
    --depth;
    QSqlQuery end(db);
    if (!r) {
        end.exec(QStringLiteral("ROLLBACK"));
        return r;
    }
    if (!end.exec(QStringLiteral("COMMIT"))) {
        const Error error
            = errorFrom(end.lastError(),
                        QCoreApplication::translate("crsync::Store", "Saving to the database"));
        end.exec(QStringLiteral("ROLLBACK"));
        return error;
    }
    return {};
}

namespace storeutil {

bool isUniqueViolation(const QSqlError &error)
{
    // SQLITE_CONSTRAINT_UNIQUE (2067) / _PRIMARYKEY (1555), or the plain code 19 with its text.
    const QString code = error.nativeErrorCode();
    if (code == QLatin1String("2067") || code == QLatin1String("1555"))
        return true;
    return error.databaseText().contains(QLatin1String("UNIQUE constraint failed"))
        || error.driverText().contains(QLatin1String("UNIQUE constraint failed"));
}

Result<void> prepare(QSqlQuery &query, const QString &sql, const QString &what)
{
    if (!query.prepare(sql))
        return Database::errorFrom(query.lastError(), what);
    return {};
}

Result<void> exec(QSqlQuery &query, const QVariantList &values, const QString &what)
{
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return Database::errorFrom(query.lastError(), what);
    return {};
}

Result<void> run(QSqlQuery &query, const QString &sql, const QVariantList &values,
                 const QString &what)
{
    if (Result<void> r = prepare(query, sql, what); !r)
        return r;
    return exec(query, values, what);
}

Result<int> write(Database &database, const QString &sql, const QVariantList &values,
                  const QString &what)
{
    Result<QSqlDatabase> db = database.connection();
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    if (Result<void> r = run(q, sql, values, what); !r)
        return r.error();
    return q.numRowsAffected();
}

} // namespace storeutil

} // namespace crsync
