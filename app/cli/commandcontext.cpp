#include "cli/commandcontext.h"

#include "cli/output.h"
#include "engine/engine.h"
#include "engine/keychaincredentialprovider.h"
#include "secrets/credentialstore.h"
#include "service/instanceservice.h"
#include "service/keychainmigration.h"
#include "service/ruleservice.h"
#include "service/syncservice.h"
#include "store/database.h"
#include "store/datadir.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
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
    // The services and the engine use the database: they go first.
    delete m_sync;
    delete m_rules;
    delete m_instances;
    m_engine.reset();
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

InstanceService *CommandContext::instances()
{
    if (!m_instances) {
        auto db = database();
        if (!db) {
            fail(db.error());
            return nullptr;
        }
        m_instances = new InstanceService(**db, credentials());
    }
    return m_instances;
}

RuleService *CommandContext::rules()
{
    if (!m_rules) {
        auto db = database();
        if (!db) {
            fail(db.error());
            return nullptr;
        }
        m_rules = new RuleService(**db, credentials());
    }
    return m_rules;
}

SyncService *CommandContext::sync(bool withEngine)
{
    if (m_sync && (!withEngine || m_sync->engine()))
        return m_sync;
    auto db = database();
    if (!db) {
        fail(db.error());
        return nullptr;
    }
    if (withEngine && !m_engine) {
        m_provider = std::make_unique<KeychainCredentialProvider>(&credentials());
        m_engine = std::make_unique<Engine>(**db, m_provider.get(),
                                            EngineSettings::fromEnvironment());
    }
    delete m_sync;
    m_sync = new SyncService(**db, m_engine.get());
    return m_sync;
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

void CommandContext::printProblem(const Error &problem, const std::map<QString, QString> &flags)
{
    const auto it = flags.find(problem.field);
    QString message = problem.message;
    if (const auto hint = m_hints.find(problem.code); hint != m_hints.end())
        message += QLatin1Char(' ') + hint->second;
    printError(message, it != flags.end() ? it->second : problem.field);
}

void CommandContext::fail(const Error &error, const std::map<QString, QString> &flags)
{
    const QList<Error> problems = error.allProblems();
    for (const Error &problem : problems)
        printProblem(problem, flags);
    if (m_json) {
        QJsonArray list;
        for (const Error &problem : problems) {
            const auto it = flags.find(problem.field);
            list.append(QJsonObject {
                { QStringLiteral("field"),
                  it != flags.end() ? it->second : problem.field },
                { QStringLiteral("message"), problem.message },
            });
        }
        printJson(m_out,
                  QJsonObject { { QStringLiteral("error"),
                                  QJsonObject {
                                      { QStringLiteral("kind"), errorKindName(error.kind) },
                                      { QStringLiteral("message"), error.message },
                                      { QStringLiteral("exitStatus"), exitCodeFor(error) },
                                      { QStringLiteral("problems"), list },
                                  } } });
    }
    finish(exitCodeFor(error));
}

void CommandContext::failInvalid(const QList<Error> &errors,
                                 const std::map<QString, QString> &flags)
{
    fail(Error::invalidForm(errors), flags);
}

void CommandContext::whenReady(std::function<void()> run)
{
    // Only an existing database can hold such secrets; a command must not create one for this.
    if (!QFile::exists(databasePath(dataDir())))
        return run();
    auto db = database();
    if (!db || !hasLegacyKeychainKeys(**db))
        return run(); // the command itself reports a database it cannot open
    migrateLegacyKeychainKeys(**db, credentials(), [this, run](Result<int> moved) {
        if (!moved)
            printError(tr("warning: the passwords stored by an older crsync could not be moved "
                          "to this data dir's keychain entries yet: %1")
                           .arg(moved.error().message));
        run();
    });
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
