#pragma once

// A data dir with its database, an in-memory credential provider and an Engine, for tests that
// drive the engine against real registries.
#include "engine/credentialprovider.h"
#include "engine/engine.h"
#include "registryfixture.h"
#include "secrets/keychainkeys.h"
#include "store/database.h"
#include "store/instancestore.h"
#include "store/rulestore.h"
#include "store/taskstore.h"

#include <QHash>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <memory>

namespace crsync::test {

class MemoryCredentials : public CredentialProvider
{
public:
    QHash<QString, QString> secrets;
    void fetchSecret(const QString &key, std::function<void(Result<QString>)> done) override
    {
        const auto it = secrets.constFind(key);
        Result<QString> answer = it != secrets.cend()
            ? Result<QString>(*it)
            : Result<QString>(Error::make(Error::Kind::NotFound, QStringLiteral("no secret")));
        QTimer::singleShot(0, [done, answer] { done(answer); });
    }
};

struct TaskOutcome
{
    Task task;
    QList<TaskItem> items;
    const TaskItem *item(const QString &targetRepository, const QString &tag) const
    {
        for (const TaskItem &i : items)
            if (i.targetRepository == targetRepository && i.tag == tag)
                return &i;
        return nullptr;
    }
};

class EngineEnv
{
public:
    explicit EngineEnv(EngineSettings settings = {})
    {
        auto db = Database::openDataDir(m_dir.path());
        if (!db)
            qFatal("database: %s", qPrintable(db.error().message));
        database = std::move(db).value();
        engine = std::make_unique<Engine>(*database, &credentials, settings);
        QObject::connect(engine.get(), &Engine::taskFailed,
                         [this](qint64 id, const Error &error) { failures.insert(id, error); });
    }
    ~EngineEnv()
    {
        engine.reset();
        database.reset();
    }

    QString dataDir() const { return m_dir.path(); }
    KeychainKeys keys() const { return KeychainKeys(database->keychainNamespace()); }

    qint64 addInstance(const QString &name, const RegistryFixture &registry)
    {
        Instance i;
        i.name = name;
        i.url = registry.url();
        i.allowHttp = registry.url().scheme() == QLatin1String("http");
        i.caFile = registry.caFile();
        i.username = registry.username();
        i.accountId = QStringLiteral("100");
        auto added = InstanceStore(*database).add(i);
        if (!added)
            qFatal("instance: %s", qPrintable(added.error().message));
        if (!i.username.isEmpty())
            credentials.secrets.insert(keys().instance(added->id), registry.password());
        return added->id;
    }

    // An anonymous plain-HTTP instance at url (a ThrottledProxy in front of a registry).
    qint64 addInstance(const QString &name, const QUrl &url)
    {
        Instance i;
        i.name = name;
        i.url = url;
        i.allowHttp = true;
        i.accountId = QStringLiteral("100");
        auto added = InstanceStore(*database).add(i);
        if (!added)
            qFatal("instance: %s", qPrintable(added.error().message));
        return added->id;
    }

    Rule addRule(Rule rule)
    {
        auto added = RuleStore(*database).add(rule);
        if (!added)
            qFatal("rule: %s", qPrintable(added.error().message));
        return *added;
    }

    TaskOutcome outcome(qint64 taskId)
    {
        TaskStore tasks(*database);
        TaskOutcome o;
        o.task = tasks.get(taskId).value();
        o.items = tasks.items(taskId).value();
        return o;
    }

    // Triggers the rule and waits for its task to finish.
    TaskOutcome sync(const QString &rule, int timeoutMs = 120000)
    {
        QSignalSpy finished(engine.get(), &Engine::taskFinished);
        auto id = engine->trigger(rule);
        if (!id) {
            qWarning("trigger: %s", qPrintable(id.error().message));
            return {};
        }
        if (!waitFor(finished, *id, timeoutMs))
            qWarning("task %lld did not finish", *id);
        return outcome(*id);
    }

    static bool waitFor(QSignalSpy &finished, qint64 taskId, int timeoutMs)
    {
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < timeoutMs) {
            for (const auto &args : std::as_const(finished))
                if (args.value(0).toLongLong() == taskId)
                    return true;
            finished.wait(100);
        }
        return false;
    }

    std::unique_ptr<Database> database;
    MemoryCredentials credentials;
    std::unique_ptr<Engine> engine;
    QHash<qint64, Error> failures; // the engine's taskFailed, by task

private:
    QTemporaryDir m_dir;
};

} // namespace crsync::test
