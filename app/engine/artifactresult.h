#pragma once

#include "core/result.h"
#include "core/task.h"

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QSet>
#include <QString>

#include <memory>

namespace crsync {

// What kind of artifact a manifest is, for the rule's resource type and TaskItem::kind.
enum class ArtifactKind { Image, Chart, Other };
QString artifactKindName(ArtifactKind kind); // "image", "chart", "other"

// What a sync does with one artifact once both sides are known.
enum class Decision { Copy, UpToDate, ExistsNotOverwritten };

// One source repository:tag, for a task narrowed to what a push event named.
struct ArtifactRef
{
    QString repository; // full path at the source
    QString tag;
};

// One repository:tag to look at.
struct ArtifactSpec
{
    QString sourceRepository;
    QString targetRepository;
    QString tag;
    // A rule with Rule::withReferrers: the repository's tags in the referrer tag scheme
    // (isReferrerTag), from its listing; null when the repository was not listed (an event),
    // and then the scheme's tags are looked up one by one.
    std::shared_ptr<const QSet<QString>> referrerTags;
    // Set when `tag` is itself such a tag (an event for a new signature): the job then works
    // on this subject, at the target already, and copies what refers to it.
    QString subjectDigest;
};

// What became of one artifact; for a preview, what would.
struct ArtifactResult
{
    ArtifactSpec spec;
    QString digest;
    ArtifactKind kind = ArtifactKind::Other;
    bool excluded = false; // the rule's resource type leaves it out
    // A poll's look: the source tag still has the digest seen last time, and nothing more
    // was asked (kind, size and decision are not known).
    bool unchanged = false;
    Decision decision = Decision::Copy;
    TaskItem::Outcome outcome = TaskItem::Outcome::Pending;
    qint64 size = 0; // bytes of its blobs and manifests at the source, each digest once
    // The digests that make up `size` and their sizes, so that a plan adds a layer that
    // several artifacts share only once.
    QHash<QString, qint64> parts;
    qint64 bytes = 0; // bytes moved
    qint64 durationMs = 0;
    int referrers = 0; // what refers to it, at the target after the task (TaskItem::referrers)
    QString error;
    // For a failure: what kind it was and the HTTP status involved (0 = no answer at all), so
    // the run can tell a registry that is down from one artifact's problem.
    Error::Kind errorKind = Error::Kind::Internal;
    int errorStatus = 0;

    TaskItem toItem(qint64 taskId) const;
};

} // namespace crsync

Q_DECLARE_METATYPE(crsync::ArtifactResult)
