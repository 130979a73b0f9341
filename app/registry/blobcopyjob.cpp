#include "registry/blobcopyjob.h"

#include "registry/blobsourcereader.h"
#include "registry/chunkuploader.h"
#include "registry/registrylog.h"
#include "registry/retrypolicy.h"
#include "registry/uploadjobs.h"

#include <QUrlQuery>
#include <utility>

namespace crsync {

BlobCopyJob::BlobCopyJob(RegistryClient *target, RegistryClient *source, QString sourceRepository,
                         Descriptor blob, QString targetRepository, Callback<qint64> done,
                         ProgressFn progress)
    : TypedJob<qint64>(target, std::move(done)), m_source(source),
      m_sourceRepository(std::move(sourceRepository)), m_blob(std::move(blob)),
      m_targetRepository(std::move(targetRepository)), m_progress(std::move(progress))
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &BlobCopyJob::resync);
}

QString BlobCopyJob::describe() const
{
    return tr("Copying the blob %1 from %2 on %3 to %4")
        .arg(m_blob.digest, m_sourceRepository,
             m_source ? m_source->endpoint().displayName() : QString(), m_targetRepository);
}

void BlobCopyJob::enter(State state)
{
    qCDebug(lcRegistry) << "blob copy of" << m_blob.digest << m_state << "->" << state;
    m_state = state;
}

void BlobCopyJob::succeed(qint64 moved)
{
    enter(State::Done);
    finish(moved);
}

void BlobCopyJob::fail(Error error)
{
    enter(State::Done);
    TypedJob<qint64>::fail(std::move(error));
}

void BlobCopyJob::start()
{
    if (!m_source || !isValidDigest(m_blob.digest) || m_blob.size < 0)
        return fail(
            Error::make(Error::Kind::Invalid,
                        tr("%1 on the registry %2 is not possible: the blob's digest or size "
                           "is not valid.")
                            .arg(describe(), registryName())));
    const Tuning &tuning = client()->tuning();
    const bool streamed = m_blob.size > tuning.inMemoryBlobLimit
        && m_blob.digest.startsWith(QLatin1String("sha256:"));
    if (streamed)
        setUpStream();
    if (!m_mountFrom.isEmpty())
        return openWithMount();
    if (!streamed)
        return copyInMemory({});
    openSession();
}

void BlobCopyJob::setUpStream()
{
    // Read-ahead: the reply's buffer on the source side, the PATCH body's pipe on the other.
    const qint64 buffer = std::max<qint64>(64 * 1024, client()->tuning().streamBufferBytes / 2);
    m_reader = new BlobSourceReader(m_source, m_sourceRepository, m_blob.digest, m_blob.size,
                                    buffer, describe(), registryName(), this);
    m_uploader = new ChunkUploader(client(), m_targetRepository, m_blob.digest, m_blob.size,
                                   describe(), this);
    connect(m_reader, &BlobSourceReader::readyRead, this, &BlobCopyJob::pump);
    connect(m_reader, &BlobSourceReader::advanced, this, [this] {
        m_uploader->touch();
        reportProgress(false);
    });
    connect(m_reader, &BlobSourceReader::broke, this, &BlobCopyJob::sourceBroke);
    connect(m_reader, &BlobSourceReader::failed, this, &BlobCopyJob::transferFailed);
    connect(m_reader, &BlobSourceReader::reopening, m_uploader, &ChunkUploader::touch);
    connect(m_uploader, &ChunkUploader::drained, this, &BlobCopyJob::pump);
    connect(m_uploader, &ChunkUploader::broke, this, &BlobCopyJob::transferFailed);
    connect(m_uploader, &ChunkUploader::chunkSent, this, [this] {
        m_failures = 0;
        m_uploader->sendNextChunk();
        pump();
    });
    m_progressTimer.start();
}

// One POST asks for the mount and, when the registry declines, opens the session the bytes
// then go into: the blob that is already there costs no upload, the one that is not costs no
// extra request.
void BlobCopyJob::openWithMount()
{
    enter(State::Mounting);
    RequestSpec spec = upload::startSpec(client(), m_targetRepository);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("mount"), m_blob.digest);
    query.addQueryItem(QStringLiteral("from"), m_mountFrom);
    spec.url.setQuery(query);
    if (m_mountFrom != m_targetRepository)
        spec.scopes.append(upload::pullScope(m_mountFrom));
    spec.what = tr("Mounting the blob %1 from %2 into %3")
                    .arg(m_blob.digest, m_mountFrom, m_targetRepository);
    send(
        spec,
        [this](Response r) {
            if (r.status == 201)
                return succeed(0); // mounted: no byte moved
            const QUrl session = upload::location(r);
            if (!m_uploader)
                return copyInMemory(session);
            if (session.isEmpty())
                return openSession();
            m_uploader->adopt(session);
            startTransfer();
        },
        [this](Error e) {
            // A refused mount (no pull right on `from`, an odd registry) is only a missed
            // shortcut: upload the ordinary way.
            qCDebug(lcRegistry).noquote() << "mount request failed, uploading:" << e.message;
            m_uploader ? openSession() : copyInMemory({});
        });
}

void BlobCopyJob::copyInMemory(const QUrl &session)
{
    // Small blobs: one GET and a monolithic upload are fewer round trips than a chunked stream.
    enter(State::InMemory);
    m_memorySession = session;
    m_subJob
        = m_source->getBlob(m_sourceRepository, m_blob.digest, [this](Result<QByteArray> data) {
              if (m_state != State::InMemory)
                  return;
              if (!data) {
                  cancelSession();
                  return fail(data.error());
              }
              if (data->size() != m_blob.size) {
                  cancelSession();
                  return fail(
                      Error::make(Error::Kind::Digest,
                                  tr("%1 failed: the source sent %2 bytes, the manifest says %3.")
                                      .arg(describe())
                                      .arg(data->size())
                                      .arg(m_blob.size)));
              }
              putInMemory(*data);
          });
}

void BlobCopyJob::putInMemory(const QByteArray &data)
{
    // getBlob() verified the digest: these are the blob's bytes.
    auto *upload = new MonolithicUploadJob(client(), m_targetRepository, m_blob.digest, data,
                                           [this](Result<void> r) {
                                               if (m_state != State::InMemory)
                                                   return;
                                               if (!r)
                                                   return fail(r.error());
                                               reportProgress(true);
                                               succeed(m_blob.size);
                                           });
    upload->setSession(std::exchange(m_memorySession, QUrl()));
    m_subJob = upload;
    upload->start();
}

void BlobCopyJob::openSession()
{
    enter(State::Opening);
    m_uploader->open([this](Result<void> r) {
        if (m_state != State::Opening)
            return;
        if (!r)
            return fail(r.error());
        startTransfer();
    });
}

void BlobCopyJob::startTransfer()
{
    enter(State::Streaming);
    const ChunkUploader::Restart from = m_uploader->begin();
    m_reader->open(from.offset, from.hash);
    m_uploader->sendNextChunk();
    pump();
}

void BlobCopyJob::pump()
{
    if (m_state != State::Streaming)
        return;
    m_reader->pump(*m_uploader);
    maybeCommit();
}

void BlobCopyJob::maybeCommit()
{
    if (m_state != State::Streaming || m_reader->position() != m_blob.size
        || !m_uploader->readyToCommit())
        return;
    const QString actual = m_reader->hash().digest();
    if (actual != m_blob.digest) {
        teardown();
        cancelSession();
        return fail(Error::make(
            Error::Kind::Digest,
            tr("The blob copied from the repository %1 on %2 does not match its "
               "digest: expected %3, the bytes hash to %4. Nothing was "
               "committed to %5 on %6.")
                .arg(m_sourceRepository, m_source ? m_source->endpoint().displayName() : QString(),
                     m_blob.digest, actual, m_targetRepository, registryName())));
    }
    enter(State::Committing);
    m_reader->close();
    m_uploader->commit([this](Result<void> r) {
        if (m_state != State::Committing)
            return;
        if (!r) {
            if (r.error().kind == Error::Kind::NotFound)
                return confirmCommit(r.error());
            return transferFailed(r.error());
        }
        reportProgress(true);
        succeed(m_blob.size);
    });
}

// Qt sends a request once more by itself when the connection drops before the answer, so a
// commit that went through comes back 404: the commit closed its session. Whether it went
// through is what the blob's HEAD says; starting over is not the answer to a registry that
// refuses every commit.
void BlobCopyJob::confirmCommit(const Error &error)
{
    enter(State::Confirming);
    m_subJob = client()->headBlob(m_targetRepository, m_blob.digest,
                                  [this, error](Result<std::optional<qint64>> size) {
                                      if (m_state != State::Confirming)
                                          return;
                                      if (size && size->has_value() && **size == m_blob.size) {
                                          reportProgress(true);
                                          return succeed(m_blob.size);
                                      }
                                      cancelSession();
                                      fail(error);
                                  });
}

// The source broke while the target's session is fine: only the source is reopened, at the
// byte where it stopped, and the PATCH in flight waits for it.
void BlobCopyJob::sourceBroke(const Error &error)
{
    if (m_state != State::Streaming)
        return;
    if (!upload::isResumable(error) || m_failures + 1 >= client()->tuning().maxAttempts)
        return transferFailed(error);
    ++m_failures;
    const qint64 delay = RetryPolicy::delayMs(client()->tuning(), m_failures, std::nullopt);
    qCInfo(lcRegistry).noquote() << "source of blob" << m_blob.digest << "broke at"
                                 << m_reader->position() << "bytes; reopening it there in" << delay
                                 << "ms";
    m_reader->reopenAfter(delay);
}

void BlobCopyJob::transferFailed(const Error &error)
{
    if (m_state == State::Done)
        return;
    teardown();
    if (!upload::isResumable(error) || ++m_failures >= client()->tuning().maxAttempts) {
        cancelSession();
        return fail(error);
    }
    const qint64 delay = RetryPolicy::delayMs(client()->tuning(), m_failures, std::nullopt);
    qCInfo(lcRegistry).noquote() << "blob copy of" << m_blob.digest << "interrupted at"
                                 << m_reader->position() << "bytes; resuming in" << delay << "ms";
    enter(State::Retrying);
    m_retryTimer.start(int(delay));
}

void BlobCopyJob::resync()
{
    enter(State::Resyncing);
    m_uploader->resync([this](Result<ChunkUploader::Standing> standing) {
        if (m_state != State::Resyncing)
            return;
        if (!standing)
            return transferFailed(standing.error());
        switch (*standing) {
        case ChunkUploader::Standing::Holding:
            return startTransfer();
        case ChunkUploader::Standing::Gone:
            return openSession();
        case ChunkUploader::Standing::Committed:
            reportProgress(true);
            return succeed(m_blob.size);
        }
    });
}

// Stops everything in flight; the upload session stays for a resync (or cancelSession()).
void BlobCopyJob::teardown()
{
    m_retryTimer.stop();
    if (m_reader)
        m_reader->close();
    if (m_uploader)
        m_uploader->stop();
    stopRequests();
}

void BlobCopyJob::cancelSession()
{
    if (m_uploader)
        m_uploader->cancelSession();
    upload::cancelDetached(client(), std::exchange(m_memorySession, QUrl()), m_targetRepository);
}

void BlobCopyJob::onAbort()
{
    if (m_subJob)
        m_subJob->abort();
    teardown();
    cancelSession();
}

void BlobCopyJob::reportProgress(bool force)
{
    if (!m_progress)
        return;
    if (force) {
        m_progress(m_blob.size, m_blob.size);
        return;
    }
    if (m_progressTimer.isValid() && m_progressTimer.elapsed() < 250)
        return;
    m_progressTimer.restart();
    m_progress(m_reader->position(), m_blob.size);
}

} // namespace crsync
