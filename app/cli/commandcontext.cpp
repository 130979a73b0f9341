#include "cli/commandcontext.h"

#include "cli/output.h"
#include "secrets/credentialstore.h"
#include "store/database.h"
#include "store/datadir.h"

#include <QCoreApplication>
#include <QFile>
#include <QNetworkAccessManager>
#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace crsync::cli {

CommandContext::CommandContext(QString explicitDataDir, QObject *parent)
    : QObject(parent), m_out(stdout), m_err(stderr), m_explicitDataDir(std::move(explicitDataDir))
{
}

CommandContext::~CommandContext()
{
    m_out.flush();
    m_err.flush();
}

QString CommandContext::dataDir() const
{
    return resolveDataDir(m_explicitDataDir);
}

Result<Database *> CommandContext::database()
{
    if (!m_database) {
        auto opened = Database::openDataDir(dataDir());
        if (!opened)
            return opened.error();
        m_database = std::move(opened).value();
    }
    return m_database.get();
}

CredentialStore &CommandContext::credentials()
{
    if (!m_credentials)
        m_credentials = new CredentialStore(CredentialStore::serviceFromEnvironment(), this);
    return *m_credentials;
}

QNetworkAccessManager &CommandContext::network()
{
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    return *m_network;
}

bool CommandContext::stdinIsTerminal() const
{
    return ::isatty(STDIN_FILENO) == 1;
}

// Reads one line straight from the file descriptor: no buffering that could swallow a second
// line meant for someone else, and the bytes never pass through argv or a log.
static QByteArray readLineFromStdin(bool *eof)
{
    QByteArray line;
    char c = 0;
    *eof = true;
    while (::read(STDIN_FILENO, &c, 1) == 1) {
        *eof = false;
        if (c == '\n')
            break;
        line.append(c);
    }
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}

Result<QString> CommandContext::readSecretLine(const QString &flag, const QString &prompt)
{
    const bool terminal = stdinIsTerminal();
    termios saved {};
    if (terminal) {
        // Echo off before the prompt shows, so nothing typed in answer to it is echoed.
        if (::tcgetattr(STDIN_FILENO, &saved) == 0) {
            termios quiet = saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
        }
        m_err << prompt << Qt::flush;
    }
    bool eof = false;
    QByteArray bytes = readLineFromStdin(&eof);
    if (terminal) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        m_err << '\n' << Qt::flush;
    }
    const QString secret = QString::fromUtf8(bytes);
    bytes.fill('\0');
    if (secret.isEmpty())
        return Error::invalid(
            flag,
            tr("%1 reads the password from standard input, but %2. "
               "Pipe it in, e.g. printf '%s\\n' \"$PASSWORD\" | crsync ...")
                .arg(flag, eof ? tr("standard input was empty") : tr("the first line was empty")));
    return secret;
}

bool CommandContext::confirm(const QString &question)
{
    m_err << question << ' ' << tr("[y/N]") << ' ' << Qt::flush;
    bool eof = false;
    const QString answer = QString::fromLocal8Bit(readLineFromStdin(&eof)).trimmed().toLower();
    return answer.startsWith(QLatin1Char('y')) || answer == tr("y") || answer == tr("yes");
}

void CommandContext::printError(const QString &message, const QString &flag)
{
    if (flag.isEmpty())
        m_err << "crsync: " << message << '\n';
    else
        m_err << "crsync: " << flag << ": " << message << '\n';
    m_err.flush();
}

void CommandContext::fail(const Error &error, const std::map<QString, QString> &flags)
{
    const auto it = flags.find(error.field);
    printError(error.message, it != flags.end() ? it->second : QString());
    finish(exitCodeFor(error));
}

void CommandContext::failInvalid(const QList<Error> &errors,
                                 const std::map<QString, QString> &flags)
{
    for (const Error &e : errors) {
        const auto it = flags.find(e.field);
        printError(e.message, it != flags.end() ? it->second : e.field);
    }
    finish(ExitInvalid);
}

void CommandContext::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    m_exitCode = exitCode;
    m_out.flush();
    m_err.flush();
    if (m_looping)
        QCoreApplication::exit(exitCode);
}

} // namespace crsync::cli
