#include "registry/blobcopyjob.h"

#include "registry/blobpipe.h"
#include "registry/protocol.h"
#include "registry/registrylog.h"
#include "registry/retrypolicy.h"
#include "registry/uploadjobs.h"

#include <QCoreApplication>
#include <QTimer>
#include <QUrlQuery>

#include <utility>

namespace crsync {

namespace {
constexpr qint64 HeldBackBytes = 64 * 1024;
constexpr qint64 ReadStep = 256 * 1024;
} // namespace

BlobCopyJob::BlobCopyJob(RegistryClient *target, RegistryClient *source, QString sourceRepository,
                         Descriptor blob, QString targetRepository, Callback<qint64> done,
                         ProgressFn progress)
    : TypedJob<qint64>(target, std::move(done)), m_source(source),
      m_sourceRepository(std::move(sourceRepository)), m_blob(std::move(blob)),
      m_targetRepository(std::move(targetRepository)), m_progress(std::move(progress))
{
    m_size = m_blob.size;
}

QString BlobCopyJob::describe() const
{
    return tr("Copying the blob %1 from %2 on %3 to %4")
        .arg(m_blob.digest, m_sourceRepository,
             m_source ? m_source->endpoint().displayName() : QString(), m_targetRepository);
}

void BlobCopyJob::start()
{
    if (!m_source || !isValidDigest(m_blob.digest) || m_size < 0)
        return fail(Error::make(Error::Kind::Invalid,
                                tr("%1 on the registry %2 is not possible: the blob's digest or size "
                                   "is not valid.")
                                    .arg(describe(), registryName())));
    m_inMemory = m_size <= client()->tuning().inMemoryBlobLimit
        || !m_blob.digest.startsWith(QLatin1String("sha256:"));
    if (!m_inMemory) {
        m_dataEnd = m_size - std::min<qint64>(m_size, HeldBackBytes);
        m_buffer.resize(ReadStep);
        m_progressTimer.start();
    }
    if (!m_mountFrom.isEmpty())
        return openWithMount();
    if (m_inMemory)
        return copyInMemory();
    openSession();
}

// One POST asks for the mount and, when the registry declines, opens the session the bytes
// then go into: the blob that is already there costs no upload, the one that is not costs no
// extra request.
void BlobCopyJob::openWithMount()
{
    const QString from = std::exchange(m_mountFrom, QString());
    RequestSpec spec = upload::startSpec(client(), m_targetRepository);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("mount"), m_blob.digest);
    query.addQueryItem(QStringLiteral("from"), from);
    spec.url.setQuery(query);
    if (from != m_targetRepository)
        spec.scopes.append(upload::pullScope(from));
    spec.what = tr("Mounting the blob %1 from %2 into %3").arg(m_blob.digest, from, m_targetRepository);
    send(
        spec,
        [this](Response r) {
            if (r.status == 201)
                return finish(qint64(0)); // mounted: no byte moved
            m_uploadUrl = upload::location(r);
            if (m_uploadUrl.isEmpty())
                return m_inMemory ? copyInMemory() : openSession();
            if (m_inMemory)
                return copyInMemory();
            m_registryOffset = 0;
            m_confirmed = 0;
            m_confirmedHash.reset();
            startTransfer();
        },
        [this](Error e) {
            // A refused mount (no pull right on `from`, an odd registry) is only a missed
            // shortcut: upload the ordinary way.
            qCDebug(lcRegistry).noquote() << "mount request failed, uploading:" << e.message;
            m_inMemory ? copyInMemory() : openSession();
        });
}

void BlobCopyJob::copyInMemory()
{
    // Small blobs: one GET and a monolithic upload are fewer round trips than a chunked stream.
    m_subJob = m_source->getBlob(m_sourceRepository, m_blob.digest, [this](Result<QByteArray> data) {
        if (isFinished())
            return;
        if (!data) {
            upload::cancelDetached(client(), m_uploadUrl, m_targetRepository);
            m_uploadUrl.clear();
            return fail(data.error());
        }
        if (data->size() != m_size) {
            upload::cancelDetached(client(), m_uploadUrl, m_targetRepository);
            m_uploadUrl.clear();
            return fail(Error::make(Error::Kind::Digest,
                                    tr("%1 failed: the source sent %2 bytes, the manifest says %3.")
                                        .arg(describe())
                                        .arg(data->size())
                                        .arg(m_size)));
        }
        putInMemory(*data);
    });
}

void BlobCopyJob::putInMemory(const QByteArray &data)
{
    // getBlob() verified the digest: these are the blob's bytes.
    auto *upload = new MonolithicUploadJob(client(), m_targetRepository, m_blob.digest, data,
                                           [this](Result<void> r) {
                                               if (isFinished())
                                                   return;
                                               if (!r)
                                                   return fail(r.error());
                                               reportProgress(true);
                                               finish(m_size);
                                           });
    upload->setSession(std::exchange(m_uploadUrl, QUrl()));
    m_subJob = upload;
    upload->start();
}

void BlobCopyJob::openSession()
{
    send(upload::startSpec(client(), m_targetRepository), [this](Response r) {
        m_uploadUrl = upload::location(r);
        if (m_uploadUrl.isEmpty())
            return fail(Error::make(Error::Kind::Protocol,
                                    tr("The registry %1 started an upload to %2 without saying "
                                       "where to send it (no Location header).")
                                        .arg(registryName(), m_targetRepository)));
        m_registryOffset = 0;
        m_confirmed = 0;
        m_confirmedHash.reset();
        startTransfer();
    });
}

void BlobCopyJob::startTransfer()
{
    qint64 from = 0;
    if (m_registryOffset >= m_confirmed) {
        from = m_confirmed;
        m_hash = m_confirmedHash;
    } else {
        m_confirmed = 0;
        m_confirmedHash.reset();
        m_hash.reset();
    }
    m_hashed = from;
    m_tail.clear();
    m_discard = 0;
    startSource(from);
    startChunk();
}

void BlobCopyJob::startSource(qint64 from)
{
    RequestSpec spec;
    spec.url = upload::apiUrl(m_source, m_sourceRepository + QLatin1String("/blobs/") + m_blob.digest);
    spec.scopes = {upload::pullScope(m_sourceRepository)};
    spec.streamBody = true;
    spec.readBufferSize = std::max<qint64>(64 * 1024, client()->tuning().streamBufferBytes / 2);
    if (from > 0)
        spec.headers = {{"Range", "bytes=" + QByteArray::number(from) + '-'}};
    spec.what = tr("Reading the blob %1 from %2").arg(m_blob.digest, m_sourceRepository);
    m_sourceFrom = from;
    m_sourceChecked = false;
    m_sourceFinished = false;
    auto *request = new RegistryRequest(m_source, spec, this);
    m_sourceRequest = request;
    request->setOnData([this] { pump(); });
    request->start([this, request](Result<Response> r) {
        if (isFinished() || m_sourceRequest != request)
            return;
        if (!r)
            return sourceFailed(r.error());
        m_sourceFinished = true;
        pump();
    });
}

void BlobCopyJob::sourceFailed(Error error)
{
    if (isFinished())
        return;
    if (!upload::isResumable(error) || m_failures + 1 >= client()->tuning().maxAttempts)
        return transferFailed(error);
    ++m_failures;
    if (m_sourceRequest) {
        m_sourceRequest->abort();
        m_sourceRequest->deleteLater();
    }
    m_sourceRequest = nullptr;
    const qint64 delay = RetryPolicy::delayMs(client()->tuning(), m_failures, std::nullopt);
    qCInfo(lcRegistry).noquote() << "source of blob" << m_blob.digest << "broke at" << m_hashed
                                 << "bytes; reopening it there in" << delay << "ms";
    const int generation = m_generation;
    QTimer::singleShot(delay, this, [this, generation] {
        if (isFinished() || generation != m_generation)
            return;
        if (m_patchRequest)
            m_patchRequest->touch();
        startSource(m_hashed);
    });
}

void BlobCopyJob::startChunk()
{
    if (m_chunkActive || m_committing || isFinished())
        return;
    if (m_registryOffset >= m_dataEnd)
        return maybeCommit();
    m_chunkStart = m_registryOffset;
    m_chunkEnd = std::min(m_chunkStart + std::max<qint64>(client()->tuning().chunkSize, 1), m_dataEnd);
    const qint64 length = m_chunkEnd - m_chunkStart;
    // No parent: the pipe is the PATCH body, and Qt's upload forwarding may still read it
    // (queued from the network thread) until the QNetworkReply is gone. It is deleted after
    // its request, whose destructor queues the reply's deletion first.
    auto *pipe = new BlobPipe(std::max<qint64>(64 * 1024, client()->tuning().streamBufferBytes / 2));
    m_pipe = pipe;
    connect(pipe, &BlobPipe::drained, this, &BlobCopyJob::pump, Qt::QueuedConnection);
    RequestSpec spec = upload::patchSpec(m_uploadUrl, m_targetRepository, m_chunkStart, length);
    spec.bodyDevice = [pipe] { return pipe; };
    spec.bodyLength = length;
    auto *request = new RegistryRequest(client(), spec, this);
    connect(request, &QObject::destroyed, pipe, &QObject::deleteLater);
    m_patchRequest = request;
    m_chunkActive = true;
    request->start([this, request](Result<Response> r) {
        if (isFinished() || m_patchRequest != request)
            return;
        onChunkDone(r);
    });
    pump();
}

bool BlobCopyJob::checkSourceSize()
{
    // The source must serve exactly the blob the manifest describes.
    QNetworkReply *reply = m_sourceRequest->reply();
    const int status = m_sourceRequest->status();
    qint64 total = -1;
    if (status == 206) {
        const QByteArray range = reply->rawHeader("Content-Range");
        const qsizetype slash = range.lastIndexOf('/');
        if (slash >= 0 && range.mid(slash + 1) != "*")
            total = range.mid(slash + 1).toLongLong();
    } else {
        m_discard = m_sourceFrom; // the source ignored our Range
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid())
            total = length.toLongLong();
    }
    if (total >= 0 && total != m_size) {
        transferFailed(Error::make(Error::Kind::Digest,
                                   tr("%1 failed: the source has %2 bytes, the manifest says %3. "
                                      "Nothing was committed at %4.")
                                       .arg(describe())
                                       .arg(total)
                                       .arg(m_size)
                                       .arg(registryName())));
        return false;
    }
    return true;
}

void BlobCopyJob::pump()
{
    if (isFinished() || !m_sourceRequest)
        return;
    QNetworkReply *reply = m_sourceRequest->reply();
    if (!reply)
        return;
    if (!m_sourceChecked) {
        m_sourceChecked = true;
        if (!checkSourceSize())
            return;
    }
    bool moved = false;
    char *buffer = m_buffer.data();
    while (!isFinished()) {
        const qint64 available = reply->bytesAvailable();
        if (available <= 0)
            break;
        if (m_discard > 0) {
            const qint64 n = reply->read(buffer, std::min({available, m_discard, ReadStep}));
            if (n <= 0)
                break;
            m_discard -= n;
            continue;
        }
        enum { Skip, Chunk, Tail } region;
        qint64 want = 0;
        if (m_hashed >= m_size) {
            return transferFailed(Error::make(Error::Kind::Digest,
                                              tr("%1 failed: the source sent more bytes than the "
                                                 "manifest says (%2). Nothing was committed at %3.")
                                                  .arg(describe())
                                                  .arg(m_size)
                                                  .arg(registryName())));
        } else if (m_hashed < m_registryOffset) {
            region = Skip; // the target already holds these: hash only
            want = std::min({available, m_registryOffset - m_hashed, ReadStep});
        } else if (m_hashed < m_dataEnd) {
            if (!m_chunkActive || !m_pipe || m_hashed < m_chunkStart || m_hashed >= m_chunkEnd)
                break; // wait for the next PATCH (back-pressure on the source)
            const qint64 space = m_pipe->space();
            if (space <= 0)
                break;
            region = Chunk;
            want = std::min({available, m_chunkEnd - m_hashed, space, ReadStep});
        } else {
            region = Tail;
            want = std::min({available, m_size - m_hashed, ReadStep});
        }
        const qint64 n = reply->read(buffer, want);
        if (n <= 0)
            break;
        m_hash.update(buffer, n);
        m_hashed += n;
        moved = true;
        if (region == Skip && m_hashed == m_registryOffset && m_registryOffset > m_confirmed) {
            m_confirmed = m_registryOffset;
            m_confirmedHash = m_hash;
        } else if (region == Chunk) {
            m_pipe->append(buffer, n);
            if (m_hashed == m_chunkEnd) {
                m_chunkEndHash = m_hash;
                m_pipe->finish();
            }
        } else if (region == Tail) {
            m_tail.append(buffer, n);
        }
    }
    if (isFinished())
        return;
    if (moved) {
        if (m_sourceRequest)
            m_sourceRequest->touch();
        if (m_patchRequest)
            m_patchRequest->touch();
        reportProgress(false);
    }
    if (m_sourceFinished && reply->bytesAvailable() == 0 && m_hashed < m_size) {
        return sourceFailed(Error::make(Error::Kind::Network,
                                          tr("%1 failed: the source stopped after %2 of %3 bytes.")
                                              .arg(describe())
                                              .arg(m_hashed)
                                              .arg(m_size)));
    }
    maybeCommit();
}

void BlobCopyJob::onChunkDone(const Result<Response> &result)
{
    m_chunkActive = false;
    if (m_patchRequest)
        m_patchRequest->deleteLater(); // and the pipe after it
    m_patchRequest = nullptr;
    m_pipe = nullptr;
    if (!result)
        return transferFailed(result.error());
    if (const QUrl next = upload::location(*result); !next.isEmpty())
        m_uploadUrl = next;
    const auto reported = protocol::parseUploadRange(result->header("Range"));
    if (reported && *reported != m_chunkEnd) {
        Error e = Error::make(Error::Kind::Protocol,
                              tr("%1: the registry %2 holds %3 bytes after a chunk that should "
                                 "end at %4.")
                                  .arg(describe(), registryName())
                                  .arg(*reported)
                                  .arg(m_chunkEnd));
        e.httpStatus = 416; // resynchronise from what the registry reports
        return transferFailed(e);
    }
    m_registryOffset = m_chunkEnd;
    m_confirmed = m_chunkEnd;
    m_confirmedHash = m_chunkEndHash;
    m_failures = 0;
    startChunk();
    pump();
}

void BlobCopyJob::maybeCommit()
{
    if (m_committing || m_chunkActive || isFinished() || m_hashed != m_size
        || m_registryOffset + m_tail.size() != m_size)
        return;
    const QString actual = m_hash.digest();
    if (actual != m_blob.digest) {
        teardownTransfer();
        upload::cancelDetached(client(), m_uploadUrl, m_targetRepository);
        m_uploadUrl.clear();
        return fail(Error::make(Error::Kind::Digest,
                                tr("The blob copied from the repository %1 on %2 does not match its "
                                   "digest: expected %3, the bytes hash to %4. Nothing was "
                                   "committed to %5 on %6.")
                                    .arg(m_sourceRepository,
                                         m_source ? m_source->endpoint().displayName() : QString(),
                                         m_blob.digest, actual, m_targetRepository, registryName())));
    }
    m_committing = true;
    if (m_sourceRequest) {
        m_sourceRequest->abort();
        m_sourceRequest->deleteLater();
        m_sourceRequest = nullptr;
    }
    send(
        upload::finishSpec(m_uploadUrl, m_targetRepository, m_blob.digest, m_tail,
                           m_size - m_tail.size()),
        [this](Response) {
            m_uploadUrl.clear();
            reportProgress(true);
            finish(m_size);
        },
        [this](Error e) {
            m_committing = false;
            transferFailed(e);
        });
}

void BlobCopyJob::transferFailed(Error error)
{
    if (isFinished())
        return;
    teardownTransfer();
    if (!upload::isResumable(error) || ++m_failures >= client()->tuning().maxAttempts) {
        upload::cancelDetached(client(), m_uploadUrl, m_targetRepository);
        m_uploadUrl.clear();
        return fail(error);
    }
    const qint64 delay = RetryPolicy::delayMs(client()->tuning(), m_failures, std::nullopt);
    qCInfo(lcRegistry).noquote() << "blob copy of" << m_blob.digest << "interrupted at"
                                 << m_hashed << "bytes; resuming in" << delay << "ms";
    QTimer::singleShot(delay, this, [this] {
        if (!isFinished())
            resync();
    });
}

void BlobCopyJob::resync()
{
    send(
        upload::statusSpec(m_uploadUrl, m_targetRepository),
        [this](Response r) {
            if (const QUrl next = upload::location(r); !next.isEmpty())
                m_uploadUrl = next;
            const QByteArray range = r.header("Range");
            const auto reported = protocol::parseUploadRange(range);
            if (!reported || range.trimmed() == "0-0" || *reported > m_size) {
                // "0-0" may mean nothing or one byte: a fresh session is unambiguous.
                upload::cancelDetached(client(), m_uploadUrl, m_targetRepository);
                return openSession();
            }
            m_registryOffset = *reported;
            qCInfo(lcRegistry) << "target holds" << m_registryOffset << "bytes; source restarts at"
                               << (m_registryOffset >= m_confirmed ? m_confirmed : 0);
            startTransfer();
        },
        [this](Error e) {
            if (e.kind != Error::Kind::NotFound)
                return transferFailed(e);
            // The session is gone: maybe our commit went through and only its answer was lost.
            m_subJob = client()->headBlob(m_targetRepository, m_blob.digest,
                                          [this](Result<std::optional<qint64>> size) {
                                              if (isFinished())
                                                  return;
                                              if (size && size->has_value() && **size == m_size) {
                                                  reportProgress(true);
                                                  return finish(m_size);
                                              }
                                              openSession();
                                          });
        });
}

void BlobCopyJob::teardownTransfer()
{
    ++m_generation;
    for (QPointer<RegistryRequest> *r : {&m_sourceRequest, &m_patchRequest}) {
        if (*r) {
            (*r)->abort();
            (*r)->deleteLater();
        }
        *r = nullptr;
    }
    m_pipe = nullptr; // deleted after its request
    m_chunkActive = false;
    m_committing = false;
    stopRequests();
}

void BlobCopyJob::onAbort()
{
    if (m_subJob)
        m_subJob->abort();
    teardownTransfer();
    upload::cancelDetached(client(), m_uploadUrl, m_targetRepository);
    m_uploadUrl.clear();
}

void BlobCopyJob::reportProgress(bool force)
{
    if (!m_progress)
        return;
    if (force) {
        m_progress(m_size, m_size);
        return;
    }
    if (m_progressTimer.isValid() && m_progressTimer.elapsed() < 250)
        return;
    m_progressTimer.restart();
    m_progress(m_hashed, m_size);
}

} // namespace crsync
