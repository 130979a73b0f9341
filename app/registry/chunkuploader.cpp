#include "registry/chunkuploader.h"

#include "registry/blobpipe.h"
#include "registry/protocol.h"
#include "registry/registryclient.h"
#include "registry/registrylog.h"
#include "registry/uploadjobs.h"

#include <utility>

namespace crsync {

namespace {
constexpr qint64 HeldBackBytes = 64 * 1024;
} // namespace

ChunkUploader::ChunkUploader(RegistryClient *target, QString repository, QString digest,
                             qint64 size, QString what, QObject *parent)
    : QObject(parent), m_client(target), m_repository(std::move(repository)),
      m_digest(std::move(digest)), m_size(size),
      m_dataEnd(size - std::min<qint64>(size, HeldBackBytes)), m_what(std::move(what))
{
}

QString ChunkUploader::registryName() const
{
    return m_client->endpoint().displayName();
}

void ChunkUploader::setSession(const QUrl &url)
{
    m_url = url;
    m_registryOffset = 0;
    m_confirmed = 0;
    m_confirmedHash.reset();
}

void ChunkUploader::adopt(const QUrl &session)
{
    setSession(session);
}

// Aborting a request drops its callback, so stop() leaves no answer behind to act on.
void ChunkUploader::send(RequestSpec spec, std::function<void(Result<Response>)> done)
{
    auto *request = new RegistryRequest(m_client, std::move(spec), this);
    m_request = request;
    request->start([this, request, done = std::move(done)](Result<Response> result) {
        request->deleteLater();
        if (m_request == request)
            m_request = nullptr;
        done(std::move(result));
    });
}

void ChunkUploader::open(std::function<void(Result<void>)> done)
{
    send(upload::startSpec(m_client, m_repository), [this, done](Result<Response> r) {
        if (!r)
            return done(r.error());
        const QUrl url = upload::location(*r);
        if (url.isEmpty())
            return done(Error::make(Error::Kind::Protocol,
                                    tr("The registry %1 started an upload to %2 without saying "
                                       "where to send it (no Location header).")
                                        .arg(registryName(), m_repository)));
        setSession(url);
        done(Result<void>());
    });
}

void ChunkUploader::resync(std::function<void(Result<Standing>)> done)
{
    send(upload::statusSpec(m_url, m_repository), [this, done](Result<Response> r) {
        if (!r) {
            if (r.error().kind != Error::Kind::NotFound)
                return done(r.error());
            // The session is gone: maybe our commit went through and only its answer was lost.
            // The HEAD job belongs to the client: it may answer after we are gone.
            QPointer<ChunkUploader> self(this);
            m_headJob = m_client->headBlob(
                m_repository, m_digest, [self, done](Result<std::optional<qint64>> size) {
                    if (!self)
                        return;
                    self->m_headJob = nullptr;
                    const bool there = size && size->has_value() && **size == self->m_size;
                    done(there ? Standing::Committed : Standing::Gone);
                });
            return;
        }
        if (const QUrl next = upload::location(*r); !next.isEmpty())
            m_url = next;
        const QByteArray range = r->header("Range");
        const auto reported = protocol::parseUploadRange(range);
        if (!reported || range.trimmed() == "0-0" || *reported > m_size) {
            // "0-0" may mean nothing or one byte: a fresh session is unambiguous.
            upload::cancelDetached(m_client, m_url, m_repository);
            return done(Standing::Gone);
        }
        m_registryOffset = *reported;
        qCInfo(lcRegistry) << "target holds" << m_registryOffset << "bytes; source restarts at"
                           << (m_registryOffset >= m_confirmed ? m_confirmed : 0);
        done(Standing::Holding);
    });
}

void ChunkUploader::cancelSession()
{
    upload::cancelDetached(m_client, m_url, m_repository);
    m_url.clear();
}

ChunkUploader::Restart ChunkUploader::begin()
{
    m_tail.clear();
    if (m_registryOffset >= m_confirmed)
        return { m_confirmed, m_confirmedHash };
    // The registry holds less than it acknowledged: its offset has no hash state saved, so the
    // source starts over and hashes its way there.
    m_confirmed = 0;
    m_confirmedHash.reset();
    return {};
}

bool ChunkUploader::sendNextChunk()
{
    if (m_patch)
        return true;
    if (m_registryOffset >= m_dataEnd)
        return false;
    const Tuning &tuning = m_client->tuning();
    m_chunkStart = m_registryOffset;
    m_chunkEnd = std::min(m_chunkStart + std::max<qint64>(tuning.chunkSize, 1), m_dataEnd);
    const qint64 length = m_chunkEnd - m_chunkStart;
    // No parent: the pipe is the PATCH body, and Qt's upload forwarding may still read it
    // (queued from the network thread) until the QNetworkReply is gone. It is deleted after
    // its request, whose destructor queues the reply's deletion first.
    auto *pipe = new BlobPipe(std::max<qint64>(64 * 1024, tuning.streamBufferBytes / 2));
    m_pipe = pipe;
    connect(pipe, &BlobPipe::drained, this, &ChunkUploader::drained, Qt::QueuedConnection);
    RequestSpec spec = upload::patchSpec(m_url, m_repository, m_chunkStart, length);
    spec.bodyDevice = [pipe] { return pipe; };
    spec.bodyLength = length;
    auto *request = new RegistryRequest(m_client, spec, this);
    connect(request, &QObject::destroyed, pipe, &QObject::deleteLater);
    m_patch = request;
    request->start([this](Result<Response> r) { onChunkDone(r); });
    return true;
}

void ChunkUploader::onChunkDone(const Result<Response> &result)
{
    if (m_patch)
        m_patch->deleteLater(); // and the pipe after it
    m_patch = nullptr;
    m_pipe = nullptr;
    if (!result) {
        emit broke(result.error());
        return;
    }
    if (const QUrl next = upload::location(*result); !next.isEmpty())
        m_url = next;
    const auto reported = protocol::parseUploadRange(result->header("Range"));
    if (reported && *reported != m_chunkEnd) {
        Error e = Error::make(Error::Kind::Protocol,
                              tr("%1: the registry %2 holds %3 bytes after a chunk that should "
                                 "end at %4.")
                                  .arg(m_what, registryName())
                                  .arg(*reported)
                                  .arg(m_chunkEnd));
        e.httpStatus = 416; // resynchronise from what the registry reports
        emit broke(e);
        return;
    }
    m_registryOffset = m_chunkEnd;
    m_confirmed = m_chunkEnd;
    m_confirmedHash = m_chunkEndHash;
    emit chunkSent();
}

bool ChunkUploader::readyToCommit() const
{
    return !m_patch && m_registryOffset + m_tail.size() == m_size;
}

void ChunkUploader::commit(std::function<void(Result<void>)> done)
{
    send(upload::finishSpec(m_url, m_repository, m_digest, m_tail, m_size - m_tail.size()),
         [this, done](Result<Response> r) {
             if (!r)
                 return done(r.error());
             m_url.clear();
             done(Result<void>());
         });
}

void ChunkUploader::touch()
{
    if (m_patch)
        m_patch->touch();
}

void ChunkUploader::stop()
{
    for (QPointer<RegistryRequest> *r : { &m_patch, &m_request }) {
        if (*r) {
            (*r)->abort();
            (*r)->deleteLater();
        }
        *r = nullptr;
    }
    m_pipe = nullptr; // deleted after its request
    if (m_headJob)
        m_headJob->abort(); // answers Canceled, later: the job no longer waits for it
    m_headJob = nullptr;
}

qint64 ChunkUploader::room(qint64 position) const
{
    if (position < m_registryOffset)
        return m_registryOffset - position; // the registry holds these: hash them only
    if (position < m_dataEnd) {
        if (!m_patch || !m_pipe || position < m_chunkStart || position >= m_chunkEnd)
            return 0; // the next PATCH is not open yet
        return std::min(m_chunkEnd - position, m_pipe->space());
    }
    return m_size - position; // the held-back tail
}

void ChunkUploader::take(const char *data, qint64 size, qint64 end, const Sha256 &hash)
{
    const qint64 start = end - size;
    if (start < m_registryOffset) {
        if (end == m_registryOffset && m_registryOffset > m_confirmed) {
            m_confirmed = m_registryOffset;
            m_confirmedHash = hash;
        }
    } else if (start < m_dataEnd) {
        m_pipe->append(data, size);
        if (end == m_chunkEnd) {
            m_chunkEndHash = hash;
            m_pipe->finish();
        }
    } else {
        m_tail.append(data, size);
    }
}

} // namespace crsync
