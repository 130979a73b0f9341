#pragma once

#include "core/result.h"
#include "core/rule.h"
#include "engine/artifactresult.h"
#include "engine/endpointresolver.h"

#include <QList>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <memory>
#include <optional>

namespace crsync {

class Engine;
class ListingCache;

// What a sync of a rule would do, artifact by artifact; nothing is moved to make it.
struct Plan
{
    Rule rule;
    int repositories = 0; // with at least one artifact the rule takes
    QList<ArtifactResult> artifacts; // in name order; outcome Failed = could not be decided
    int count(Decision decision) const; // among the decided ones (not the unchanged ones of a poll)
    int errors() const;
    // What the copies would move at most: each blob once, however many artifacts share it.
    qint64 bytesToCopy() const;
};

// How a preview runs.
struct PreviewOptions
{
    PasswordOverrides passwords; // typed in a form, not stored yet
    // Shared by the previews of one form, so changing filters does not list the source again
    // (make a new one when the source instance changes).
    std::shared_ptr<ListingCache> listing;
    // A poll's last look: "repository:tag" -> the source digest it saw. A tag whose source
    // HEAD still answers that digest is reported `unchanged` after that one request, with
    // neither its manifest read nor the target asked.
    QHash<QString, QString> lastSeen;
};

// A preview of one rule running in the engine: the source is scanned and each matching tag
// decided off the caller's thread; results come as they are found, on the thread that asked.
// Deleting the job (or cancel()) stops the scan. Made by Engine::preview().
class PreviewJob : public QObject
{
    Q_OBJECT
public:
    ~PreviewJob() override;

    void cancel(); // finished() follows with a Kind::Canceled error
    bool isFinished() const { return m_finished; }
    // After finished(): the plan, or why there is none.
    const Plan &plan() const { return m_plan; }
    const std::optional<Error> &error() const { return m_error; }

signals:
    // The repositories of the namespace that pass the repository filter (before any tag is
    // looked at), then each one's tags that pass the tag filter, then each decision.
    void repositoriesMatched(const QStringList &repositories);
    void tagsMatched(const QString &repository, const QStringList &tags);
    void artifactDecided(const crsync::ArtifactResult &result);
    void finished();

private:
    friend class Engine;
    PreviewJob(Engine *engine, quint64 runId, Rule rule, QObject *parent);
    void complete(Plan plan);
    void fail(const Error &error);

    QPointer<Engine> m_engine;
    quint64 m_runId = 0;
    Plan m_plan;
    std::optional<Error> m_error;
    bool m_finished = false;
};

} // namespace crsync
