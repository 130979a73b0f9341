#pragma once

#include "core/result.h"

#include <QString>

namespace crsync {

inline constexpr char DatabaseFileName[] = "crsync.db";
inline constexpr char DataDirEnvironmentVariable[] = "CRSYNC_DATA_DIR";

// Where crsync keeps its database: the explicit --data-dir value when given, else
// $CRSYNC_DATA_DIR when set and not empty, else QStandardPaths::AppDataLocation (which needs
// the application name set first). Returns an absolute, clean path; creates nothing.
QString resolveDataDir(const QString &explicitDir = {});

// Creates the directory when missing; an error says which directory and why.
Result<QString> ensureDataDir(const QString &dir);

// <dir>/crsync.db
QString databasePath(const QString &dataDir);

} // namespace crsync
