#include "cli/cli.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCoreApplication>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace {

void describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("crsync"));
    QCoreApplication::setApplicationName(QStringLiteral("crsync"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CRSYNC_VERSION));
}

// Messages follow the user's locale in the window and on the command line alike.
void installTranslations(QCoreApplication &app)
{
    auto *own = new QTranslator(&app);
    if (own->load(QLocale(), QStringLiteral("crsync"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
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
        installTranslations(app);
        return crsync::runCommandLine(app.arguments());
    }

    QApplication app(argc, argv);
    describeApplication();
    installTranslations(app);
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/crsync.svg")));
    crsync::MainWindow window;
    window.show();
    return app.exec();
}
