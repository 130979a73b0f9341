#include "registry/blobsourcereader.h"

#include "registry/blobsink.h"
#include "registry/registryrequest.h"
#include "registry/uploadjobs.h"

#include <QNetworkReply>
#include <utility>

namespace crsync {

namespace {
constexpr qint64 ReadStep = 256 * 1024;
} // namespace

BlobSourceReader::BlobSourceReader(RegistryClient *source, QString repository, QString digest,
                                   qint64 size, qint64 readBufferSize, QString what, QString target,
                                   QObject *parent)
    : QObject(parent), m_source(source), m_repository(std::move(repository)),
      m_digest(std::move(digest)), m_size(size), m_readBufferSize(readBufferSize),
      m_what(std::move(what)), m_target(std::move(target))
{
    m_buffer.resize(ReadStep);
    m_reopenTimer.setSingleShot(true);
    connect(&m_reopenTimer, &QTimer::timeout, this, [this] {
        emit reopening();
        send();
    });
}

void BlobSourceReader::open(qint64 from, const Sha256 &hashBefore)
{
    close();
    m_hash = hashBefore;
    m_position = from;
    send();
}

void BlobSourceReader::reopenAfter(qint64 delayMs)
{
    drop();
    m_state = State::Reopening;
    m_reopenTimer.start(int(delayMs));
}

void BlobSourceReader::close()
{
    m_reopenTimer.stop();
    drop();
}

// An aborted request never calls back: whatever it was doing, it no longer reaches us.
void BlobSourceReader::drop()
{
    if (m_request) {
        m_request->abort();
        m_request->deleteLater();
    }
    m_request = nullptr;
    m_state = State::Closed;
}

void BlobSourceReader::touch()
{
    if (m_request)
        m_request->touch();
}

void BlobSourceReader::send()
{
    RequestSpec spec;
    spec.url = upload::apiUrl(m_source, m_repository + QLatin1String("/blobs/") + m_digest);
    spec.scopes = { upload::pullScope(m_repository) };
    spec.streamBody = true;
    spec.readBufferSize = m_readBufferSize;
    if (m_position > 0)
        spec.headers = { { "Range", "bytes=" + QByteArray::number(m_position) + '-' } };
    spec.what = tr("Reading the blob %1 from %2").arg(m_digest, m_repository);
    m_from = m_position;
    m_discard = 0; // what an earlier GET repeated says nothing about this one
    m_state = State::Opening;
    auto *request = new RegistryRequest(m_source, spec, this);
    m_request = request;
    request->setOnData([this] {
        if (m_state == State::Opening) {
            m_state = State::Reading;
            if (!checkSize(m_request->reply()))
                return;
        }
        emit readyRead();
    });
    request->start([this](Result<Response> r) {
        if (!r) {
            drop();
            emit broke(r.error());
            return;
        }
        m_state = State::Draining;
        emit readyRead();
    });
}

bool BlobSourceReader::checkSize(QNetworkReply *reply)
{
    // The source must serve exactly the blob the manifest describes.
    qint64 total = -1;
    if (m_request->status() == 206) {
        const QByteArray range = reply->rawHeader("Content-Range");
        const qsizetype slash = range.lastIndexOf('/');
        if (slash >= 0 && range.mid(slash + 1) != "*")
            total = range.mid(slash + 1).toLongLong();
    } else {
        m_discard = m_from; // the source ignored our Range
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid())
            total = length.toLongLong();
    }
    if (total >= 0 && total != m_size) {
        emit failed(Error::make(Error::Kind::Digest,
                                tr("%1 failed: the source has %2 bytes, the manifest says %3. "
                                   "Nothing was committed at %4.")
                                    .arg(m_what)
                                    .arg(total)
                                    .arg(m_size)
                                    .arg(m_target)));
        return false;
    }
    return true;
}

void BlobSourceReader::pump(BlobSink &sink)
{
    if (m_state != State::Reading && m_state != State::Draining)
        return;
    // Draining straight from Opening: the GET ended without a body. Nothing to read; the idle
    // PATCH times out and the transfer resumes from the target's offset.
    QNetworkReply *reply = m_request ? m_request->reply() : nullptr;
    if (!reply)
        return;
    bool moved = false;
    char *buffer = m_buffer.data();
    for (;;) {
        const qint64 available = reply->bytesAvailable();
        if (available <= 0)
            break;
        if (m_discard > 0) {
            const qint64 n = reply->read(buffer, std::min({ available, m_discard, ReadStep }));
            if (n <= 0)
                break;
            m_discard -= n;
            continue;
        }
        if (m_position >= m_size) {
            emit failed(Error::make(Error::Kind::Digest,
                                    tr("%1 failed: the source sent more bytes than the "
                                       "manifest says (%2). Nothing was committed at %3.")
                                        .arg(m_what)
                                        .arg(m_size)
                                        .arg(m_target)));
            return;
        }
        const qint64 want = std::min({ available, sink.room(m_position), ReadStep });
        if (want <= 0)
            break; // the sink is full: the source waits (back-pressure)
        const qint64 n = reply->read(buffer, want);
        if (n <= 0)
            break;
        m_hash.update(buffer, n);
        m_position += n;
        moved = true;
        sink.take(buffer, n, m_position, m_hash);
    }
    if (moved) {
        touch();
        emit advanced();
    }
    if (m_state == State::Draining && reply->bytesAvailable() == 0 && m_position < m_size) {
        emit broke(Error::make(Error::Kind::Network,
                               tr("%1 failed: the source stopped after %2 of %3 bytes.")
                                   .arg(m_what)
                                   .arg(m_position)
                                   .arg(m_size)));
    }
}

} // namespace crsync
