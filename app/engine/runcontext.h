#pragma once

#include "core/rule.h"
#include "core/rulematcher.h"
#include "engine/blobledger.h"
#include "engine/enginesettings.h"
#include "engine/listingcache.h"
#include "engine/tasklocks.h"
#include "registry/endpoint.h"

#include <QList>
#include <QPair>
#include <QString>
#include <atomic>
#include <QHash>

#include <memory>
#include <optional>

namespace crsync {

// Everything one run (a task, or a preview) shares between its coordinator and the worker
// threads that copy its artifacts. Fixed once the run starts, except the atomics and the
// thread-safe ledger.
struct RunContext
{
    RunContext(quint64 runId, qint64 taskId, Rule rule, Endpoint source, Endpoint target,
               EngineSettings settings, bool dryRun)
        : runId(runId), taskId(taskId), rule(std::move(rule)), matcher(this->rule),
          source(std::move(source)), target(std::move(target)), settings(std::move(settings)),
          dryRun(dryRun)
    {
        sourceKey = registryKey(this->source);
        targetKey = registryKey(this->target);
        sameRegistry = sourceKey == targetKey;
    }

    // Identifies a registry for the per-registry limit and for "same registry" mounts.
    static QString registryKey(const Endpoint &endpoint)
    {
        return endpoint.url.scheme().toLower() + QLatin1String("://")
            + endpoint.url.host().toLower() + QLatin1Char(':')
            + QString::number(
                   endpoint.url.port(endpoint.url.scheme() == QLatin1String("http") ? 80 : 443));
    }

    const quint64 runId; // unique per engine, also for previews
    const qint64 taskId; // 0 for a preview
    const Rule rule;
    const RuleMatcher matcher;
    const Endpoint source;
    const Endpoint target;
    const EngineSettings settings;
    const bool dryRun;
    QString sourceKey;
    QString targetKey;
    bool sameRegistry = false;

    // Set before the run starts: (repository, tag) pairs to sync instead of scanning the
    // namespace; empty = scan.
    QList<QPair<QString, QString>> scope;
    // A preview's memory of the source, shared with the previews before and after it.
    std::shared_ptr<ListingCache> listing;
    // A poll's last look ("repository:tag" -> source digest; PreviewOptions::lastSeen).
    QHash<QString, QString> lastSeen;
    // A task's lock protocol (its cancel request is polled there); unset for a preview.
    std::optional<TaskLocks> locks;

    std::atomic<bool> canceled { false };
    std::atomic<qint64> liveBytes { 0 }; // bytes moved so far, for progress
    // Whether the source offers the OCI referrers API: -1 not known yet, 0 no, 1 yes.
    std::atomic<int> referrersApi { -1 };
    BlobLedger ledger;
};

} // namespace crsync
