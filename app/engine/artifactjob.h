#pragma once

#include "core/result.h"
#include "core/task.h"
#include "engine/artifactclassifier.h"
#include "engine/artifactresult.h"
#include "engine/worker.h"
#include "registry/manifest.h"
#include "registry/registryclient.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <functional>
#include <memory>
#include <optional>

namespace crsync {

struct RunContext;

// Reads one artifact from the source (its manifest and, for an index, every child), decides
// what to do with it and, unless the run is a preview, copies it: every blob verified at the
// target before the manifest that names it, children before their index, manifests byte for
// byte. Lives on a worker thread and deletes itself after calling done there.
class ArtifactJob : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const ArtifactResult &)>;
    ArtifactJob(std::shared_ptr<RunContext> context, Worker::Clients clients, ArtifactSpec spec,
                Done done);
    void start();
    // Cancels its registry calls now (the run was canceled); it then finishes as canceled.
    void abort();

private:
    struct Node
    {
        Manifest manifest;
        ManifestContent content;
        QList<int> children;
        ArtifactKind kind = ArtifactKind::Other;
    };
    using Step = std::function<void(Result<void>)>;

    // Keeps the handle of a registry call so abort() reaches it.
    void track(QPointer<RegistryJob> job);
    bool useCachedSource();
    void lookAgain(const QString &seenDigest);
    void decideInFull();
    void fetchNode(const QString &reference, int parent, int depth);
    void fetched();
    void decided(const std::optional<ManifestHead> &target);
    void copyNode(int index, const QString &reference, Step done);
    // Rule::withReferrers: after the artifact itself, what refers to it.
    void finishWithReferrers(TaskItem::Outcome outcome);
    void findReferrersOf(const QString &digest, int depth, Step done);
    void lookForReferrerTag(const QString &tag, int depth, Step done);
    void copyReferrer(const QString &reference, int depth, Step done);
    void referrerAtTarget(int root, const QString &reference, int depth, Step done);
    void readTree(const QString &reference, int depth, std::function<void(Result<int>)> done);
    QString sourceReference() const; // the tag, or the subject a referrer tag names
    void copyChild(int index, Step done);
    void ensureBlob(const Descriptor &blob, Step done);
    void moveBlob(const Descriptor &blob, Step done);
    void mountOrStream(const Descriptor &blob, const QString &from, Step done);
    void streamOnce(const Descriptor &blob, Step done);
    void streamBlob(const Descriptor &blob, const QString &mountFrom, Step done);
    void fail(const Error &error);
    void finish();
    bool canceled() const;
    ArtifactKind kindOf(int index) const;
    void measureSource();
    Error describe(const Error &error, const QString &what) const;

    std::shared_ptr<RunContext> m_context;
    Worker::Clients m_clients;
    ArtifactResult m_result;
    Done m_done;
    QElapsedTimer m_clock;
    QList<Node> m_nodes; // [0] is the tagged manifest
    int m_fetching = 0;
    bool m_fetched = false;
    std::optional<Result<std::optional<ManifestHead>>> m_targetHead; // asked alongside the fetch
    std::optional<Error> m_error;
    QSet<QString> m_referrerLooks;   // references already looked at (tags and digests)
    QSet<QString> m_referrerDigests; // what refers to the artifact and is at the target now
    bool m_referrerCopied = false;
    QList<QPointer<RegistryJob>> m_calls;
};

} // namespace crsync
