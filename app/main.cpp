#include "cli/cli.h"
#include "engine/enginesettings.h"
#include "mainwindow.h"
#include "service/services.h"
#include "settings/uisettings.h"
#include "store/datadir.h"

#include <QApplication>
#include <QCoreApplication>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTranslator>

#include <cstdio>

namespace {

void describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("crsync"));
    QCoreApplication::setApplicationName(QStringLiteral("crsync"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CRSYNC_VERSION));
}

// Messages follow the user's locale on the command line, and the language chosen in the
// window's settings (the system's by default) in the window.
void installTranslations(QCoreApplication &app, const QLocale &locale = QLocale())
{
    auto *own = new QTranslator(&app);
    // English is the source language, but its plural forms ("1 artifact", "2 artifacts") live
    // in crsync_en: it is the fallback for every locale without a catalogue (C, POSIX, fr...).
    if (own->load(locale, QStringLiteral("crsync"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        || own->load(QStringLiteral(":/i18n/crsync_en")))
        QCoreApplication::installTranslator(own);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

// Whether the window has somewhere to go: an X or Wayland display, or a platform chosen
// explicitly (offscreen, vnc, ...).
bool hasDisplay(int argc, char **argv)
{
    if (!qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        return true;
    for (int i = 1; i < argc; ++i)
        if (qstrcmp(argv[i], "-platform") == 0)
            return true;
    return false;
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
        if (const int bad = crsync::invalidUtf8Argument(argc, argv)) {
            fprintf(stderr, "%s\n",
                    qPrintable(QCoreApplication::translate(
                                   "crsync::cli",
                                   "crsync: argument %1 is not valid UTF-8 text; crsync takes "
                                   "names, filters and descriptions as UTF-8 only. Nothing was "
                                   "changed.")
                                   .arg(bad)));
            return 2;
        }
        return crsync::runCommandLine(app.arguments());
    }

    // Without a display Qt would abort with advice about reinstalling; say what is going on.
    if (!hasDisplay(argc, argv)) {
        QCoreApplication app(argc, argv);
        describeApplication();
        installTranslations(app);
        fprintf(stderr, "%s\n",
                qPrintable(QCoreApplication::translate(
                    "crsync::cli",
                    "crsync: there is no display to open the window on ($DISPLAY and "
                    "$WAYLAND_DISPLAY are not set). Run it in a desktop session, or under "
                    "xvfb-run; \"crsync --help\" lists what the command line does without one.")));
        return 2;
    }

    QApplication app(argc, argv);
    describeApplication();
    const QLocale locale = crsync::UiSettings::uiLocale();
    QLocale::setDefault(locale);
    installTranslations(app, locale);
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/crsync.svg")));

    const QString dataDir = crsync::resolveDataDir(crsync::dataDirArgument(arguments));
    auto services = crsync::Services::open(dataDir, crsync::EngineSettings::fromEnvironment());
    if (!services) {
        QMessageBox::critical(nullptr, QCoreApplication::translate("crsync::MainWindow", "crsync"),
                              QCoreApplication::translate("crsync::MainWindow",
                                                          "crsync cannot open its data in %1.\n\n%2")
                                  .arg(dataDir, services.error().message));
        return 1;
    }
    crsync::MainWindow window(**services);
    window.show();
    return app.exec();
}
