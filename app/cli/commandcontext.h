#pragma once

#include "core/result.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QTextStream>
#include <functional>
#include <map>
#include <memory>

class QNetworkAccessManager;

namespace crsync {
class CredentialStore;
class Database;
class Engine;
class InstanceService;
class KeychainCredentialProvider;
class RuleService;
class SyncService;
} // namespace crsync

namespace crsync::cli {

// What a running subcommand reaches: the output streams, the data dir with its database
// (opened on first use), the keychain, the network, standard input, and the way to end. A
// subcommand may finish at once or after an asynchronous chain; runCommandLine() drives the
// event loop until finish() is called.
class CommandContext : public QObject
{
    Q_OBJECT
public:
    explicit CommandContext(QString explicitDataDir, QObject *parent = nullptr);
    ~CommandContext() override;

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }

    // --data-dir given to the subcommand overrides the one given before the group.
    void setExplicitDataDir(const QString &dir) { m_explicitDataDir = dir; }
    QString dataDir() const; // resolved: --data-dir, $CRSYNC_DATA_DIR, or the standard place

    Result<Database *> database(); // creates the data dir and opens crsync.db on first use
    CredentialStore &credentials();

    // The service layer over this data dir, made on first use. Each fails the command (and
    // returns null) when the database cannot be opened.
    InstanceService *instances();
    RuleService *rules();
    // With an engine (for syncs and previews) or without (for reading the log).
    SyncService *sync(bool withEngine);

    // One line of standard input, without its line end (the --password-stdin convention).
    // When stdin is a terminal the prompt goes to stderr and the typed text is not echoed.
    // `flag` names the option in messages. An empty line is Kind::Invalid.
    Result<QString> readSecretLine(const QString &flag, const QString &prompt);
    bool stdinIsTerminal() const;
    // Asks on the terminal; true only for an answer starting with y (or the translated yes).
    bool confirm(const QString &question);

    // Prints "crsync: <message>" (prefixed with the flag when given) to stderr.
    void printError(const QString &message, const QString &flag = QString());
    // Prints the error (each of its problems, its field translated to a flag through `flags`
    // when known) and finishes with exitCodeFor(error). In JSON mode stdout gets the error as
    // {"error": {...}} too, so a script reading stdout always gets JSON.
    void fail(const Error &error, const std::map<QString, QString> &flags = {});
    // Prints every problem of a validation and finishes with status 2.
    void failInvalid(const QList<Error> &errors, const std::map<QString, QString> &flags = {});
    // Set by the runner when the command was given --json.
    void setJson(bool json) { m_json = json; }
    bool isJson() const { return m_json; }
    // Extra words for problems a front end solves its own way (Error::code -> hint).
    void setHints(std::map<QString, QString> hints) { m_hints = std::move(hints); }

    // Runs `run` once the data dir is ready for commands: secrets an older crsync stored under
    // un-namespaced keychain keys are moved first (once per data dir, asynchronously).
    void whenReady(std::function<void()> run);

    void finish(int exitCode);
    bool isFinished() const { return m_finished; }
    int exitCode() const { return m_exitCode; }
    // Set by the runner while the event loop runs, so finish() knows to stop it.
    void setLooping(bool looping) { m_looping = looping; }

private:
    QTextStream m_out;
    QTextStream m_err;
    QString m_explicitDataDir;
    void printProblem(const Error &problem, const std::map<QString, QString> &flags);

    std::unique_ptr<Database> m_database;
    CredentialStore *m_credentials = nullptr;
    std::unique_ptr<KeychainCredentialProvider> m_provider;
    // Declared after the database: destroyed before it.
    std::unique_ptr<Engine> m_engine;
    InstanceService *m_instances = nullptr;
    RuleService *m_rules = nullptr;
    SyncService *m_sync = nullptr;
    std::map<QString, QString> m_hints;
    bool m_json = false;
    bool m_finished = false;
    bool m_looping = false;
    int m_exitCode = 0;
};

} // namespace crsync::cli
