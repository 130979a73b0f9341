#pragma once

#include <QStringList>

namespace crsync {

// True when the arguments ask for the headless command line rather than the window.
bool isCommandLineInvocation(const QStringList &arguments);

// The --data-dir given before any subcommand (empty when none): the window takes it too.
QString dataDirArgument(const QStringList &arguments);

// Runs one crsync subcommand headless; needs a QCoreApplication. Returns the exit status of
// DESIGN.md section 5.
int runCommandLine(const QStringList &arguments);

// The first argument that is not valid UTF-8 (1-based), or 0. Such bytes would become U+FFFD
// and be stored as such; crsync refuses them instead.
int invalidUtf8Argument(int argc, char **argv);

} // namespace crsync
