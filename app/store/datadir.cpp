#include "store/datadir.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace crsync {

QString resolveDataDir(const QString &explicitDir)
{
    QString dir = explicitDir;
    if (dir.isEmpty())
        dir = qEnvironmentVariable(DataDirEnvironmentVariable);
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir::cleanPath(QFileInfo(dir).absoluteFilePath());
}

Result<QString> ensureDataDir(const QString &dir)
{
    const QFileInfo info(dir);
    if (info.exists() && !info.isDir())
        return Error::make(
            Error::Kind::Storage,
            QCoreApplication::translate("crsync::Store",
                                        "The data directory %1 is a file, not a "
                                        "directory; choose another one with --data-dir.")
                .arg(dir));
    if (!QDir().mkpath(dir))
        return Error::make(
            Error::Kind::Storage,
            QCoreApplication::translate("crsync::Store",
                                        "Cannot create the data directory %1; check the "
                                        "permissions of its parent or choose another one "
                                        "with --data-dir.")
                .arg(dir));
    return QDir::cleanPath(info.absoluteFilePath());
}

QString databasePath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QString::fromLatin1(DatabaseFileName));
}

} // namespace crsync
