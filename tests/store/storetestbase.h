#pragma once

// What the store tests share: a fresh data dir and database per test function, the three
// repositories on it, two instances (src, dst) and small builders for rules, tasks and items.

#include "store/database.h"
#include "store/instancestore.h"
#include "store/rulestore.h"
#include "store/taskstore.h"

#include <QObject>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace crsync::test {

inline Instance instance(const QString &name, const QString &account = QStringLiteral("100"))
{
    Instance i;
    i.name = name;
    i.url = QUrl(QStringLiteral("https://%1.example.com:5000").arg(name));
    i.accountId = account;
    return i;
}

inline Task task(const Rule &rule, TaskStatus status = TaskStatus::Pending)
{
    Task t;
    t.ruleId = rule.id;
    t.ruleName = rule.name;
    t.status = status;
    return t;
}

inline TaskItem item(qint64 taskId, int n)
{
    TaskItem i;
    i.taskId = taskId;
    i.sourceRepository = QStringLiteral("ns/app%1").arg(n);
    i.targetRepository = QStringLiteral("mirror/app%1").arg(n);
    i.tag = QStringLiteral("v%1").arg(n);
    i.kind = QStringLiteral("image");
    return i;
}

// Base of the store test classes; their init() calls openStores() and cleanup() closeStores().
class StoreTestBase : public QObject
{
protected:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<InstanceStore> m_instances;
    std::unique_ptr<RuleStore> m_rules;
    std::unique_ptr<TaskStore> m_tasks;
    Instance m_src, m_dst;

    Rule rule(const QString &name)
    {
        Rule r;
        r.name = name;
        r.sourceInstanceId = m_src.id;
        r.sourceNamespace = QStringLiteral("apps");
        r.targetInstanceId = m_dst.id;
        return r;
    }

    Rule addRule(const QString &name)
    {
        const Result<Rule> r = m_rules->add(rule(name));
        if (!r)
            qFatal("adding rule failed: %s", qPrintable(r.error().message));
        return *r;
    }

    // A failed QVERIFY here fails init(), so QTest skips the test function.
    void openStores()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        auto db = Database::openDataDir(m_dir->path());
        QVERIFY(db.ok());
        m_db = std::move(db).value();
        m_instances = std::make_unique<InstanceStore>(*m_db);
        m_rules = std::make_unique<RuleStore>(*m_db);
        m_tasks = std::make_unique<TaskStore>(*m_db);
        m_src = *m_instances->add(instance(QStringLiteral("src")));
        m_dst = *m_instances->add(instance(QStringLiteral("dst")));
    }

    void closeStores()
    {
        m_tasks.reset();
        m_rules.reset();
        m_instances.reset();
        m_db.reset();
        m_dir.reset();
    }
};

} // namespace crsync::test
