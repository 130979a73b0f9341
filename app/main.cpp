#include "cli/cli.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCoreApplication>

#include <memory>

namespace {

void describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("crsync"));
    QCoreApplication::setApplicationName(QStringLiteral("crsync"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CRSYNC_VERSION));
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);

    // A subcommand runs headless: no display needed, no Widgets object is created.
    if (crsync::isCommandLineInvocation(arguments)) {
        QCoreApplication app(argc, argv);
        describeApplication();
        return crsync::runCommandLine(app.arguments());
    }

    QApplication app(argc, argv);
    describeApplication();
    crsync::MainWindow window;
    window.show();
    return app.exec();
}
