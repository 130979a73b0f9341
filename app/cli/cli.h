#pragma once

#include <QStringList>

namespace crsync {

// True when the arguments ask for the headless command line rather than the window.
bool isCommandLineInvocation(const QStringList &arguments);

// Runs one crsync subcommand headless; needs a QCoreApplication. Returns the exit status of
// DESIGN.md section 5.
int runCommandLine(const QStringList &arguments);

} // namespace crsync
