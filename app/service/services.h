#pragma once

#include "core/result.h"

#include <QObject>
#include <QString>
#include <functional>
#include <memory>

namespace crsync {

class CredentialStore;
class Database;
class Engine;
class InstanceService;
class KeychainCredentialProvider;
class RuleService;
class StoreWatcher;
class SyncService;
struct EngineSettings;

// Everything a long-running front end (the window, later the daemon) works with over one data
// dir: the database, the keychain, the engine and the services over them, made and torn down
// in the right order. The short-lived command line makes the same pieces lazily instead.
class Services : public QObject
{
    Q_OBJECT
public:
    // Opens (creating when missing) the data dir's database; the keychain service name comes
    // from the environment (CredentialStore::serviceFromEnvironment).
    static Result<std::unique_ptr<Services>> open(const QString &dataDir,
                                                  const EngineSettings &settings);
    ~Services() override;

    QString dataDir() const;
    Database &database() { return *m_database; }
    CredentialStore &keychain() { return *m_keychain; }
    Engine &engine() { return *m_engine; }
    InstanceService &instances() { return *m_instances; }
    RuleService &rules() { return *m_rules; }
    SyncService &sync() { return *m_sync; }
    // Notices what other processes (and this one's engine) wrote; made on first use, on the
    // calling thread (the GUI thread), so that every page shares one timer and one connection.
    StoreWatcher *watcher();

    // Moves secrets an older crsync stored under un-namespaced keys (once per data dir);
    // `done` gets the error when it could not, to be shown as a warning.
    void prepareKeychain(std::function<void(Result<int>)> done);

private:
    Services() = default;

    std::unique_ptr<Database> m_database;
    CredentialStore *m_keychain = nullptr; // a child
    std::unique_ptr<KeychainCredentialProvider> m_provider;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<InstanceService> m_instances;
    std::unique_ptr<RuleService> m_rules;
    std::unique_ptr<SyncService> m_sync;
    std::unique_ptr<StoreWatcher> m_watcher;
};

} // namespace crsync
