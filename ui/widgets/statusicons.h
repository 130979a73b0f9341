#pragma once

#include "core/task.h"

#include <QColor>
#include <QIcon>

namespace crsync {

// The colours and icons of task statuses, the same everywhere in the window. Colour is never
// the only sign: every place that shows one also shows the status's name.
QColor statusColor(TaskStatus status);
QIcon statusIcon(TaskStatus status);
// A one-character mark for a status, for compact strips (✓ succeeded, ✕ failed, ...).
QString statusMark(TaskStatus status);

} // namespace crsync
