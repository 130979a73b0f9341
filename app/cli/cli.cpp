#include "cli/cli.h"

#include <QCoreApplication>
#include <QTextStream>

namespace crsync {

bool isCommandLineInvocation(const QStringList &arguments)
{
    return arguments.size() > 1;
}

int runCommandLine(const QStringList &arguments)
{
    QTextStream out(stdout);
    if (arguments.value(1) == QLatin1String("--version")) {
        out << "crsync " << QCoreApplication::applicationVersion() << Qt::endl;
        return 0;
    }
    QTextStream(stderr) << QCoreApplication::translate("crsync::Cli", "Unknown command: %1")
                               .arg(arguments.mid(1).join(QLatin1Char(' ')))
                        << Qt::endl;
    return 2;
}

} // namespace crsync
