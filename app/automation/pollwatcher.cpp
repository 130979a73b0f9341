#include "automation/pollwatcher.h"

#include "engine/engine.h"
#include "engine/previewjob.h"
#include "store/database.h"
#include "store/eventstore.h"
#include "store/instancestore.h"
#include "store/rulestore.h"

#include <QDateTime>

namespace crsync {

PollWatcher::PollWatcher(Database &database, Engine &engine, QObject *parent)
    : QObject(parent), m_database(database), m_engine(engine)
{
    connect(&m_timer, &QTimer::timeout, this, &PollWatcher::checkDue);
}

void PollWatcher::start(int checkEveryMs)
{
    m_timer.start(checkEveryMs);
    checkDue();
}

void PollWatcher::stop()
{
    m_timer.stop();
}

void PollWatcher::checkDue()
{
    const Result<QList<Instance>> instances = InstanceStore(m_database).list();
    if (!instances)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const Instance &instance : *instances) {
        const Result<int> every = PollStore(m_database).interval(instance.id);
        if (!every || *every <= 0)
            continue;
        const auto last = m_lastPoll.constFind(instance.id);
        if (last != m_lastPoll.cend() && now - *last < qint64(*every) * 1000)
            continue;
        pollNow(instance.id);
    }
}

void PollWatcher::pollNow(qint64 instanceId)
{
    if (m_engine.isShuttingDown())
        return;
    m_lastPoll.insert(instanceId, QDateTime::currentMSecsSinceEpoch());
    const Result<QList<Rule>> rules = RuleStore(m_database).listEnabledForSource(instanceId);
    if (!rules)
        return;
    for (const Rule &rule : *rules)
        pollRule(instanceId, rule.id);
}

void PollWatcher::pollRule(qint64 instanceId, qint64 ruleId)
{
    if (m_busy.contains(ruleId))
        return; // the last scan of this rule is still going
    const Result<Rule> rule = RuleStore(m_database).get(ruleId);
    if (!rule)
        return;
    m_busy.insert(ruleId);
    // Tags seen last time are looked at with one HEAD each; only a changed or new one is
    // decided in full (its manifest read, the target asked).
    PreviewOptions options;
    if (const Result<QHash<QString, QString>> seen = PollStore(m_database).seen(ruleId))
        options.lastSeen = *seen;
    PreviewJob *job = m_engine.preview(*rule, options, this);
    connect(job, &PreviewJob::finished, this, [this, job, instanceId, ruleId, name = rule->name] {
        job->deleteLater();
        m_busy.remove(ruleId);
        if (job->error()) {
            emit logLine(tr("poll of rule %1: %2").arg(name, job->error()->message));
            emit polled(instanceId, 0);
            return;
        }
        PollStore polls(m_database);
        const Result<QHash<QString, QString>> lastSeen = polls.seen(ruleId);
        const QHash<QString, QString> seen = lastSeen ? *lastSeen : QHash<QString, QString>();
        QList<PendingEvent> events;
        QList<std::pair<QString, QString>> looked;
        QStringList digests;
        for (const ArtifactResult &a : job->plan().artifacts) {
            if (a.outcome == TaskItem::Outcome::Failed || a.digest.isEmpty())
                continue; // not decided: looked at again next time
            const QString key = a.spec.sourceRepository + QLatin1Char(':') + a.spec.tag;
            looked << std::make_pair(a.spec.sourceRepository, a.spec.tag);
            digests << a.digest;
            // Work only where the target needs it and the source changed since the last look
            // (a tag a sync keeps failing on is not queued again until it changes).
            if (a.unchanged || a.excluded || a.decision != Decision::Copy || seen.value(key) == a.digest)
                continue;
            PendingEvent e;
            e.origin = QStringLiteral("poll");
            e.ruleId = ruleId;
            e.repository = a.spec.sourceRepository;
            e.tag = a.spec.tag;
            e.digest = a.digest;
            events << e;
        }
        polls.remember(ruleId, looked, digests);
        if (!events.isEmpty()) {
            const Result<QList<PendingEvent>> stored = EventStore(m_database).add(events);
            if (stored) {
                emit logLine(tr("poll of rule %1: %n change(s) queued", nullptr, int(stored->size())).arg(name));
                emit eventsStored(int(stored->size()));
            }
        }
        emit polled(instanceId, int(events.size()));
    });
}

} // namespace crsync
