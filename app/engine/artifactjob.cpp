#include "engine/artifactjob.h"

#include "engine/gather.h"
#include "engine/listingcache.h"
#include "engine/runcontext.h"
#include "registry/registryclient.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSet>

Q_LOGGING_CATEGORY(lcArtifact, "crsync.engine.artifact")

namespace crsync {

namespace {
constexpr int MaxIndexDepth = 3; // an index of indexes of manifests is as deep as OCI gets
// A signature of the artifact, and a signature of its SBOM: what refers to what refers to it.
constexpr int MaxReferrerDepth = 2;

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(crsync::ArtifactJob)
};

Error canceledError()
{
    return Error::make(Error::Kind::Canceled, Text::tr("The task was canceled."));
}
} // namespace

TaskItem ArtifactResult::toItem(qint64 taskId) const
{
    TaskItem item;
    item.taskId = taskId;
    item.sourceRepository = spec.sourceRepository;
    item.targetRepository = spec.targetRepository;
    item.tag = spec.tag;
    item.digest = digest;
    item.kind = artifactKindName(kind);
    item.outcome = outcome;
    item.bytes = bytes;
    item.durationMs = durationMs;
    item.referrers = referrers;
    item.error = error;
    return item;
}

ArtifactJob::ArtifactJob(std::shared_ptr<RunContext> context, Worker::Clients clients,
                         ArtifactSpec spec, Done done)
    : m_context(std::move(context)), m_clients(clients), m_done(std::move(done))
{
    m_result.spec = std::move(spec);
}

bool ArtifactJob::canceled() const
{
    return m_context->canceled.load(std::memory_order_relaxed);
}

// The registry client's message already says which request failed on which registry; this
// adds which artifact (and which of its parts) it was for.
Error ArtifactJob::describe(const Error &error, const QString &what) const
{
    if (error.kind == Error::Kind::Canceled)
        return error;
    Error e = error;
    const QString artifact = m_result.spec.sourceRepository + QLatin1Char(':') + m_result.spec.tag;
    e.message = what.isEmpty() ? tr("%1: %2").arg(artifact, error.message)
                               : tr("%1: %2: %3").arg(artifact, what, error.message);
    return e;
}

void ArtifactJob::track(QPointer<RegistryJob> job)
{
    m_calls.removeIf([](const QPointer<RegistryJob> &j) { return j.isNull(); });
    if (job)
        m_calls.append(job);
}

void ArtifactJob::abort()
{
    const QList<QPointer<RegistryJob>> calls = m_calls;
    for (const QPointer<RegistryJob> &call : calls)
        if (call)
            call->abort();
}

void ArtifactJob::start()
{
    m_clock.start();
    if (canceled()) {
        fail(canceledError());
        return;
    }
    if (m_context->dryRun && !m_context->lastSeen.isEmpty()) {
        const auto seen = m_context->lastSeen.constFind(m_result.spec.sourceRepository + QLatin1Char(':')
                                                        + m_result.spec.tag);
        if (seen != m_context->lastSeen.cend()) {
            lookAgain(*seen);
            return;
        }
    }
    decideInFull();
}

// A poll's second look at a tag: one HEAD at the source. The same digest ends it there;
// anything else (another digest, no digest header, an error) is decided in full.
void ArtifactJob::lookAgain(const QString &seenDigest)
{
    track(m_clients.source->headManifest(
        m_result.spec.sourceRepository, m_result.spec.tag,
        [this, seenDigest](Result<std::optional<ManifestHead>> head) {
            if (canceled()) {
                fail(canceledError());
                return;
            }
            if (head && head->has_value() && (*head)->digest == seenDigest) {
                m_result.digest = seenDigest;
                m_result.unchanged = true;
                m_result.outcome = TaskItem::Outcome::UpToDate;
                finish();
                return;
            }
            decideInFull();
        }));
}

void ArtifactJob::decideInFull()
{
    // The source manifest and the target tag are asked for at once: for an up-to-date tag
    // these two requests are all the work there is.
    track(m_clients.target->headManifest(m_result.spec.targetRepository, sourceReference(),
                                         [this](Result<std::optional<ManifestHead>> head) {
                                             m_targetHead = std::move(head);
                                             if (m_fetched)
                                                 fetched();
                                         }));
    if (useCachedSource())
        return;
    fetchNode(sourceReference(), -1, 0);
}

QString ArtifactJob::sourceReference() const
{
    return m_result.spec.subjectDigest.isEmpty() ? m_result.spec.tag : m_result.spec.subjectDigest;
}

// A preview that already read this tag (the form's filters changed, the source did not) takes
// what it learned instead of reading the manifests again.
bool ArtifactJob::useCachedSource()
{
    if (!m_context->dryRun || !m_context->listing)
        return false;
    const auto cached = m_context->listing->artifact(m_result.spec.sourceRepository,
                                                     m_result.spec.tag);
    if (!cached)
        return false;
    m_result.digest = cached->digest;
    m_result.kind = cached->kind;
    m_result.size = cached->size;
    m_result.parts = cached->parts;
    m_fetched = true;
    if (m_targetHead)
        fetched();
    return true;
}

void ArtifactJob::fetchNode(const QString &reference, int parent, int depth)
{
    ++m_fetching;
    track(m_clients.source->getManifest(
        m_result.spec.sourceRepository, reference,
        [this, reference, parent, depth](Result<Manifest> manifest) {
            --m_fetching;
            if (!manifest) {
                if (!m_error)
                    m_error = describe(manifest.error(), tr("manifest %1").arg(reference));
            } else if (!m_error) {
                auto content = parseManifest(*manifest);
                if (!content) {
                    m_error = describe(content.error(), tr("manifest %1").arg(reference));
                } else {
                    const int index = int(m_nodes.size());
                    m_nodes.append(
                        Node { std::move(manifest).value(), std::move(content).value(), {} });
                    if (parent >= 0)
                        m_nodes[parent].children.append(index);
                    if (m_nodes[index].content.isIndex) {
                        if (depth >= MaxIndexDepth) {
                            m_error
                                = Error::make(Error::Kind::Protocol,
                                              tr("The index %1 of %2 nests deeper than "
                                                 "crsync follows.")
                                                  .arg(reference, m_result.spec.sourceRepository));
                        } else {
                            const QList<Descriptor> children = m_nodes[index].content.children;
                            for (const Descriptor &child : children)
                                fetchNode(child.digest, index, depth + 1);
                        }
                    }
                }
            }
            if (m_fetching == 0) {
                m_fetched = true;
                if (m_targetHead)
                    fetched();
            }
        }));
}

// Each blob counted once however many manifests of the artifact name it (the children of a
// multi-arch index share layers): what a copy would have to move at most.
void ArtifactJob::measureSource()
{
    QHash<QString, qint64> parts;
    for (const Node &node : std::as_const(m_nodes)) {
        parts.insert(node.manifest.digest, node.manifest.bytes.size());
        if (node.content.isIndex)
            continue;
        QList<Descriptor> blobs = node.content.layers;
        blobs.prepend(node.content.config);
        for (const Descriptor &blob : std::as_const(blobs))
            if (!blob.digest.isEmpty() && !blob.isForeign()) // not moved (copyNode)
                parts.insert(blob.digest, blob.size);
    }
    qint64 size = 0;
    for (qint64 part : std::as_const(parts))
        size += part;
    if (m_context->dryRun) // only a plan adds the parts of several artifacts up
        m_result.parts = std::move(parts);
    m_result.size = size;
}

ArtifactKind ArtifactJob::kindOf(int index) const
{
    const Node &node = m_nodes[index];
    if (!node.content.isIndex)
        return classifyManifest(node.content);
    QList<ArtifactKind> kinds;
    for (int child : node.children)
        kinds.append(kindOf(child));
    return classifyIndex(kinds);
}

void ArtifactJob::fetched()
{
    if (m_error) {
        finish();
        return;
    }
    if (!m_nodes.isEmpty()) { // else the cache told us (useCachedSource)
        const Node &root = m_nodes.first();
        m_result.digest = root.manifest.digest;
        m_result.kind = kindOf(0);
        measureSource();
        if (m_context->listing)
            m_context->listing->setArtifact(
                m_result.spec.sourceRepository, m_result.spec.tag,
                { m_result.digest, m_result.kind, m_result.size, m_result.parts });
    }
    const bool referrerTag = !m_result.spec.subjectDigest.isEmpty();
    if (!referrerTag && !m_context->matcher.acceptsKind(artifactKindName(m_result.kind))) {
        m_result.excluded = true;
        finish();
        return;
    }
    Result<std::optional<ManifestHead>> head = *m_targetHead;
    if (!head && head.error().httpStatus == 401
        && head.error().code == QLatin1String(TokenRefusedCode)) {
        // Harbor, among others, answers 401 for a repository that does not exist yet: its token
        // service accepted the credentials, the token covers nothing there. A first push. (A
        // 401 to Basic credentials, or from the token service, is a refusal of the login.)
        qCDebug(lcArtifact).noquote() << head.error().message << "- taken as a first push";
        head = std::optional<ManifestHead>();
    }
    if (!head) {
        fail(describe(head.error(), QString()));
        return;
    }
    if (referrerTag && !head->has_value()) {
        // A signature pushed before its subject reached the target: it goes with the subject.
        m_result.excluded = true;
        finish();
        return;
    }
    decided(*head);
}

void ArtifactJob::decided(const std::optional<ManifestHead> &target)
{
    m_result.decision
        = decide(m_result.digest, target ? std::optional<QString>(target->digest) : std::nullopt,
                 m_context->rule.overwrite);
    switch (m_result.decision) {
    case Decision::UpToDate:
        finishWithReferrers(TaskItem::Outcome::UpToDate);
        return;
    case Decision::ExistsNotOverwritten:
        m_result.outcome = TaskItem::Outcome::ExistsNotOverwritten;
        finish();
        return;
    case Decision::Copy:
        break;
    }
    if (m_context->dryRun) {
        finish();
        return;
    }
    if (m_nodes.isEmpty()) { // a cached preview answer is not enough to copy
        fail(Error::make(Error::Kind::Internal, tr("The manifests of %1:%2 were not read.")
                                                    .arg(m_result.spec.sourceRepository,
                                                         m_result.spec.tag)));
        return;
    }
    if (canceled()) {
        fail(canceledError());
        return;
    }
    copyNode(0, m_result.spec.tag, [this](Result<void> r) {
        if (!r) {
            fail(r.error());
            return;
        }
        finishWithReferrers(TaskItem::Outcome::Copied);
    });
}

// Signatures, attestations and SBOMs of the artifact (and of each manifest of an index), found
// through the tag scheme and the referrers API, each pushed after what it refers to. The
// artifact's outcome says "copied" when any of them moved.
void ArtifactJob::finishWithReferrers(TaskItem::Outcome outcome)
{
    m_result.outcome = outcome;
    if (!m_context->rule.withReferrers || m_context->dryRun || m_nodes.isEmpty()) {
        finish();
        return;
    }
    QStringList subjects;
    for (const Node &node : std::as_const(m_nodes))
        subjects << node.manifest.digest;
    Gather all([this](Result<void> r) {
        if (!r) {
            fail(r.error());
            return;
        }
        m_result.referrers = int(m_referrerDigests.size());
        if (m_referrerCopied)
            m_result.outcome = TaskItem::Outcome::Copied;
        finish();
    });
    for (const QString &digest : std::as_const(subjects))
        findReferrersOf(digest, 1, all.add());
    all.arm();
}

void ArtifactJob::findReferrersOf(const QString &digest, int depth, Step done)
{
    if (canceled()) {
        done(canceledError());
        return;
    }
    Gather all(done);
    const QStringList tags = referrerTagsOf(digest);
    for (const QString &tag : tags) {
        if (!m_result.spec.referrerTags)
            lookForReferrerTag(tag, depth, all.add()); // an event: the tags were not listed
        else if (m_result.spec.referrerTags->contains(tag))
            copyReferrer(tag, depth, all.add());
    }
    // One answer of 404 (the spec's "no referrers API here") spares the rest of the run asking.
    if (m_context->referrersApi.load() != 0) {
        Step step = all.add();
        track(m_clients.source->listReferrers(
            m_result.spec.sourceRepository, digest,
            [this, digest, depth, step](Result<std::optional<QList<Descriptor>>> found) {
                if (!found && found.error().httpStatus >= 400 && found.error().httpStatus < 500
                    && found.error().kind != Error::Kind::Canceled) {
                    // Refused rather than failed (some registries answer 400 or 403 for an
                    // API they do not have): as good as absent.
                    qCInfo(lcArtifact).noquote() << found.error().message;
                    found = std::optional<QList<Descriptor>>();
                }
                if (!found) {
                    step(describe(found.error(), tr("referrers of %1").arg(digest)));
                    return;
                }
                if (!found->has_value()) {
                    m_context->referrersApi = 0;
                    step(Result<void>());
                    return;
                }
                m_context->referrersApi = 1;
                Gather each(step);
                for (const Descriptor &referrer : found->value())
                    copyReferrer(referrer.digest, depth, each.add());
                each.arm();
            }));
    }
    all.arm();
}

// An event names one tag: the scheme's others are asked for at the source one by one.
void ArtifactJob::lookForReferrerTag(const QString &tag, int depth, Step done)
{
    track(m_clients.source->headManifest(
        m_result.spec.sourceRepository, tag,
        [this, tag, depth, done](Result<std::optional<ManifestHead>> head) {
            if (!head) {
                done(describe(head.error(), tr("manifest %1").arg(tag)));
                return;
            }
            if (!head->has_value()) {
                done(Result<void>());
                return;
            }
            copyReferrer(tag, depth, done);
        }));
}

// reference: a tag of the scheme (pushed under the same tag) or a digest from the referrers API
// (pushed by digest, as it is at the source).
void ArtifactJob::copyReferrer(const QString &reference, int depth, Step done)
{
    if (m_referrerLooks.contains(reference)) {
        done(Result<void>());
        return;
    }
    m_referrerLooks.insert(reference);
    if (canceled()) {
        done(canceledError());
        return;
    }
    readTree(reference, 0, [this, reference, depth, done](Result<int> root) {
        if (!root) {
            done(describe(root.error(), tr("referrer %1").arg(reference)));
            return;
        }
        const int index = *root;
        track(m_clients.target->headManifest(
            m_result.spec.targetRepository, reference,
            [this, index, reference, depth, done](Result<std::optional<ManifestHead>> head) {
                if (!head) {
                    done(describe(head.error(), tr("referrer %1").arg(reference)));
                    return;
                }
                const QString have = head->has_value() ? head->value().digest : QString();
                const Decision decision
                    = decide(m_nodes[index].manifest.digest,
                             head->has_value() ? std::optional<QString>(have) : std::nullopt,
                             m_context->rule.overwrite);
                if (decision == Decision::UpToDate) {
                    referrerAtTarget(index, reference, depth, done);
                    return;
                }
                if (decision == Decision::ExistsNotOverwritten) {
                    // The target's own signatures under that tag stay; say so in the log.
                    qCInfo(lcArtifact).noquote()
                        << tr("%1:%2 at the target differs from the source and the rule does "
                              "not overwrite; left as it is.")
                               .arg(m_result.spec.targetRepository, reference);
                    done(Result<void>());
                    return;
                }
                copyNode(index, reference, [this, index, reference, depth, done](Result<void> r) {
                    if (!r) {
                        done(describe(r.error(), tr("referrer %1").arg(reference)));
                        return;
                    }
                    m_referrerCopied = true;
                    referrerAtTarget(index, reference, depth, done);
                });
            }));
    });
}

// Counts what arrived (for the referrers tag's index, the manifests it lists) and looks for
// what refers to those in turn.
void ArtifactJob::referrerAtTarget(int root, const QString &reference, int depth, Step done)
{
    QStringList arrived;
    QString subject;
    const bool referrersIndex = isReferrerTag(reference, &subject)
        && reference == referrerTagsOf(subject).constLast() && m_nodes[root].content.isIndex;
    if (referrersIndex) {
        for (int child : std::as_const(m_nodes[root].children))
            arrived << m_nodes[child].manifest.digest;
    } else {
        arrived << m_nodes[root].manifest.digest;
    }
    for (const QString &digest : std::as_const(arrived))
        m_referrerDigests.insert(digest);
    if (depth >= MaxReferrerDepth) {
        done(Result<void>());
        return;
    }
    Gather all(done);
    for (const QString &digest : std::as_const(arrived))
        findReferrersOf(digest, depth + 1, all.add());
    all.arm();
}

// Reads a manifest and, for an index, its children (appended to m_nodes); yields its index.
void ArtifactJob::readTree(const QString &reference, int depth,
                           std::function<void(Result<int>)> done)
{
    track(m_clients.source->getManifest(
        m_result.spec.sourceRepository, reference,
        [this, reference, depth, done](Result<Manifest> manifest) {
            if (!manifest) {
                done(manifest.error());
                return;
            }
            auto content = parseManifest(*manifest);
            if (!content) {
                done(content.error());
                return;
            }
            const int index = int(m_nodes.size());
            const bool isIndex = content->isIndex;
            const QList<Descriptor> children = content->children;
            m_nodes.append(Node { std::move(manifest).value(), std::move(content).value(), {} });
            if (!isIndex) {
                done(index);
                return;
            }
            if (depth >= MaxIndexDepth) {
                done(Error::make(Error::Kind::Protocol,
                                 tr("The index %1 of %2 nests deeper than crsync follows.")
                                     .arg(reference, m_result.spec.sourceRepository)));
                return;
            }
            Gather all([index, done](Result<void> r) {
                if (!r)
                    done(r.error());
                else
                    done(index);
            });
            for (const Descriptor &child : children) {
                Step step = all.add();
                readTree(child.digest, depth + 1, [this, index, step](Result<int> c) {
                    if (!c) {
                        step(c.error()); // the registry client's message names the child
                        return;
                    }
                    m_nodes[index].children.append(*c);
                    step(Result<void>());
                });
            }
            all.arm();
        }));
}

void ArtifactJob::copyNode(int index, const QString &reference, Step done)
{
    Gather parts([this, index, reference, done](Result<void> r) {
        if (!r) {
            done(r);
            return;
        }
        if (canceled()) {
            done(canceledError());
            return;
        }
        const Manifest &manifest = m_nodes[index].manifest;
        track(m_clients.target->putManifest(
            m_result.spec.targetRepository, reference, manifest,
            [this, index, done](Result<QString> pushed) {
                const Manifest &manifest = m_nodes[index].manifest;
                if (!pushed) {
                    done(describe(pushed.error(), tr("manifest %1").arg(manifest.digest)));
                    return;
                }
                if (!pushed->isEmpty() && *pushed != manifest.digest) {
                    done(Error::make(
                        Error::Kind::Digest,
                        tr("The target stored manifest %1 of %2 under digest %3; "
                           "the registry rewrote it.")
                            .arg(manifest.digest, m_result.spec.targetRepository, *pushed)));
                    return;
                }
                m_result.bytes += manifest.bytes.size();
                m_context->liveBytes += manifest.bytes.size();
                done(Result<void>());
            }));
    });

    const Node &node = m_nodes[index];
    if (node.content.isIndex) {
        for (int child : node.children)
            copyChild(child, parts.add());
    } else {
        QSet<QString> seen;
        QList<Descriptor> blobs = node.content.layers;
        blobs.prepend(node.content.config);
        for (const Descriptor &blob : std::as_const(blobs)) {
            // A foreign layer stays where its URLs point; the manifest goes without it.
            if (blob.digest.isEmpty() || blob.isForeign() || seen.contains(blob.digest))
                continue;
            seen.insert(blob.digest);
            ensureBlob(blob, parts.add());
        }
    }
    parts.arm();
}

// A child the target already holds (by digest) has all its blobs there: the registry would
// not have accepted it otherwise. Checking it first makes a resumed multi-arch copy cheap.
void ArtifactJob::copyChild(int index, Step done)
{
    const QString digest = m_nodes[index].manifest.digest;
    track(m_clients.target->headManifest(
        m_result.spec.targetRepository, digest,
        [this, index, digest, done](Result<std::optional<ManifestHead>> head) {
            if (head && *head && head->value().digest == digest) {
                done(Result<void>());
                return;
            }
            if (canceled()) {
                done(canceledError());
                return;
            }
            copyNode(index, digest, done);
        }));
}

void ArtifactJob::ensureBlob(const Descriptor &blob, Step done)
{
    const QString repository = m_result.spec.targetRepository;
    switch (m_context->ledger.claim(repository, blob.digest, this, done)) {
    case BlobLedger::Claim::Present:
        done(Result<void>());
        return;
    case BlobLedger::Claim::Waiting:
        return;
    case BlobLedger::Claim::Owner:
        break;
    }
    moveBlob(blob, [this, repository, digest = blob.digest, done](Result<void> r) {
        m_context->ledger.finish(repository, digest, r);
        done(r);
    });
}

void ArtifactJob::moveBlob(const Descriptor &blob, Step done)
{
    if (canceled()) {
        done(canceledError());
        return;
    }
    // No HEAD first: the upload starts with a mount request, from a repository known to hold
    // the blob or else from the target repository itself, and the registry's answer says both
    // "it is there" (mounted) and "send it" (a fresh session). One request either way.
    const QString knownSource = m_context->sameRegistry
        ? m_result.spec.sourceRepository
        : m_context->ledger.mountSource(blob.digest, m_result.spec.targetRepository);
    mountOrStream(blob, knownSource, done);
}

void ArtifactJob::mountOrStream(const Descriptor &blob, const QString &from, Step done)
{
    if (from.isEmpty()) {
        streamOnce(blob, done);
        return;
    }
    streamBlob(blob, from, done);
}

// One stream per digest and target: when another repository of the target is receiving the
// same blob, wait for it and mount from there instead of pulling the bytes a second time.
void ArtifactJob::streamOnce(const Descriptor &blob, Step done)
{
    if (canceled()) {
        done(canceledError());
        return;
    }
    if (m_context->sameRegistry
        || m_context->ledger.startStreaming(
            m_result.spec.targetRepository, blob.digest, this, [this, blob, done](Result<void>) {
                mountOrStream(
                    blob,
                    m_context->ledger.mountSource(blob.digest, m_result.spec.targetRepository),
                    done);
            })) {
        streamBlob(blob, m_result.spec.targetRepository, done);
    }
}

void ArtifactJob::streamBlob(const Descriptor &blob, const QString &mountFrom, Step done)
{
    if (canceled()) {
        done(canceledError());
        return;
    }
    auto reported = std::make_shared<qint64>(0);
    const QString what = tr("blob %1").arg(blob.digest);
    track(m_clients.target->copyBlobFrom(
        m_clients.source, m_result.spec.sourceRepository, blob, m_result.spec.targetRepository,
        [this, what, done](Result<qint64> moved) {
            if (!moved) {
                done(describe(moved.error(), what));
                return;
            }
            m_result.bytes += *moved;
            done(Result<void>());
        },
        [context = m_context, reported](qint64 bytesDone, qint64) {
            context->liveBytes += bytesDone - *reported;
            *reported = bytesDone;
        },
        mountFrom));
}

void ArtifactJob::fail(const Error &error)
{
    if (!m_error)
        m_error = error;
    finish();
}

void ArtifactJob::finish()
{
    m_result.durationMs = m_clock.elapsed();
    if (m_error) {
        const bool wasCanceled = m_error->kind == Error::Kind::Canceled || canceled();
        m_result.outcome = wasCanceled ? TaskItem::Outcome::Canceled : TaskItem::Outcome::Failed;
        m_result.error = wasCanceled ? tr("Canceled.") : m_error->message;
        m_result.errorKind = m_error->kind;
        m_result.errorStatus = m_error->httpStatus;
        if (!wasCanceled)
            qCInfo(lcArtifact).noquote() << m_error->message;
    }
    m_done(m_result);
    deleteLater();
}

} // namespace crsync
