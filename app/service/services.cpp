#include "service/services.h"

#include "engine/engine.h"
#include "engine/keychaincredentialprovider.h"
#include "secrets/credentialstore.h"
#include "service/instanceservice.h"
#include "service/keychainmigration.h"
#include "service/ruleservice.h"
#include "service/storewatcher.h"
#include "service/syncservice.h"
#include "store/database.h"

namespace crsync {

Result<std::unique_ptr<Services>> Services::open(const QString &dataDir,
                                                 const EngineSettings &settings)
{
    Result<std::unique_ptr<Database>> db = Database::openDataDir(dataDir);
    if (!db)
        return db.error();
    std::unique_ptr<Services> s(new Services);
    s->m_database = std::move(db).value();
    s->m_keychain = new CredentialStore(CredentialStore::serviceFromEnvironment(), s.get());
    s->m_provider = std::make_unique<KeychainCredentialProvider>(s->m_keychain);
    s->m_engine = std::make_unique<Engine>(*s->m_database, s->m_provider.get(), settings);
    s->m_instances = std::make_unique<InstanceService>(*s->m_database, *s->m_keychain);
    s->m_rules = std::make_unique<RuleService>(*s->m_database, *s->m_keychain);
    s->m_sync = std::make_unique<SyncService>(*s->m_database, s->m_engine.get());
    return s;
}

Services::~Services()
{
    // Users of the database before the database; the engine before the keychain it reads.
    m_watcher.reset();
    m_sync.reset();
    m_rules.reset();
    m_instances.reset();
    m_engine.reset();
    m_provider.reset();
    m_database.reset();
}

StoreWatcher *Services::watcher()
{
    if (!m_watcher)
        m_watcher = std::make_unique<StoreWatcher>(*m_database);
    return m_watcher.get();
}

QString Services::dataDir() const
{
    return m_database->dataDir();
}

void Services::prepareKeychain(std::function<void(Result<int>)> done)
{
    migrateLegacyKeychainKeys(*m_database, *m_keychain, std::move(done));
}

} // namespace crsync
