#pragma once

#include <QString>

namespace crsync {

// Sizes and times for people, the same in the window and on the command line.
QString formatBytes(qint64 bytes); // "812 B", "1.5 MiB"
QString formatRate(double bytesPerSecond); // "85.2 MiB/s"
QString formatDuration(qint64 ms); // "12.0 s", "3m05s", "2h10m"

} // namespace crsync
