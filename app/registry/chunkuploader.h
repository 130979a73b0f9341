#pragma once

#include "core/result.h"
#include "registry/blobsink.h"
#include "registry/registryrequest.h"
#include "registry/sha256.h"

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <functional>

namespace crsync {

class BlobPipe;
class RegistryClient;
class RegistryJob;

// The target side of a streamed blob copy: one upload session, filled by PATCH requests whose
// bodies are bounded pipes, one chunk at a time; the blob's last bytes are held back for the
// committing PUT, so that nothing is committed before the digest matched. It remembers the last
// chunk boundary the registry acknowledged and the hash state there: after a break, the copy
// resumes from what the registry reports it holds.
class ChunkUploader : public QObject, public BlobSink
{
    Q_OBJECT
public:
    // Where a session stands after a break.
    enum class Standing {
        Holding, // it holds offset() bytes: carry on from there
        Gone, // it is unusable or expired: open a new one
        Committed, // it is gone because the blob was committed; only the answer was lost
    };
    // Where the source must start so that every byte the registry lacks passes through take().
    struct Restart
    {
        qint64 offset = 0;
        Sha256 hash; // of the blob's bytes before offset
    };

    // `what` opens the messages ("Copying the blob … to …").
    ChunkUploader(RegistryClient *target, QString repository, QString digest, qint64 size,
                  QString what, QObject *parent);

    qint64 offset() const { return m_registryOffset; } // bytes the session holds

    // The session: a fresh one (POST), or the one a declined mount opened.
    void open(std::function<void(Result<void>)> done);
    void adopt(const QUrl &session);
    void resync(std::function<void(Result<Standing>)> done);
    void cancelSession(); // in the background; nothing waits for it

    // Streaming. begin() is called before the source opens at the offset it returns.
    Restart begin();
    bool sendNextChunk(); // false when only the held-back tail is left to send
    bool readyToCommit() const;
    void commit(std::function<void(Result<void>)> done); // PUT ?digest= with the tail
    void touch(); // the PATCH is not idle
    void stop(); // aborts every request in flight; the session stays

    qint64 room(qint64 position) const override;
    void take(const char *data, qint64 size, qint64 end, const Sha256 &hash) override;

signals:
    void chunkSent(); // the registry acknowledged the chunk
    void broke(const Error &error); // the PATCH failed: resync() to know where the session stands
    void drained(); // the PATCH body took bytes: room() may have grown

private:
    void setSession(const QUrl &url);
    void send(RequestSpec spec, std::function<void(Result<Response>)> done);
    void onChunkDone(const Result<Response> &result);
    QString registryName() const;

    RegistryClient *m_client;
    QString m_repository;
    QString m_digest;
    qint64 m_size;
    qint64 m_dataEnd; // bytes past this are held back for the committing PUT
    QString m_what;

    QUrl m_url;
    qint64 m_registryOffset = 0; // bytes the session holds
    qint64 m_confirmed = 0; // a boundary the registry acknowledged ...
    Sha256 m_confirmedHash; // ... and the hash of the bytes before it
    qint64 m_chunkStart = 0;
    qint64 m_chunkEnd = 0;
    Sha256 m_chunkEndHash;
    QByteArray m_tail;

    QPointer<RegistryRequest> m_patch; // the chunk in flight, its body in m_pipe
    QPointer<BlobPipe> m_pipe;
    QPointer<RegistryRequest> m_request; // POST, status GET or PUT
    QPointer<RegistryJob> m_headJob; // HEAD of the blob, after the session vanished
};

} // namespace crsync
