#pragma once

#include "registry/opjob.h"
#include "registry/sha256.h"

#include <QElapsedTimer>

namespace crsync {

class BlobPipe;

// copyBlobFrom(): streams one blob from a source registry into this one. Source bytes are hashed
// as they pass and fed to PATCH bodies through a bounded pipe; the final bytes are held back and
// sent with the committing PUT only once the digest matched. After a broken connection the job
// asks the target how much it holds and restarts the source read (Range) from the last
// acknowledged chunk boundary, with the hash state saved there. A break on the source side alone
// only reopens the source at the byte where it stopped; the upload carries on.
class BlobCopyJob : public TypedJob<qint64>
{
    Q_OBJECT
public:
    BlobCopyJob(RegistryClient *target, RegistryClient *source, QString sourceRepository,
                Descriptor blob, QString targetRepository, Callback<qint64> done, ProgressFn progress);
    void setMountFrom(const QString &repository) { m_mountFrom = repository; }
    void start();

protected:
    void onAbort() override;

private:
    void copyInMemory();
    void putInMemory(const QByteArray &data);
    void openSession();
    void openWithMount();
    void startTransfer();
    void startSource(qint64 from);
    void startChunk();
    void pump();
    bool checkSourceSize();
    void onChunkDone(const Result<Response> &result);
    void maybeCommit();
    void transferFailed(Error error);
    void sourceFailed(Error error);
    void resync();
    void teardownTransfer();
    void reportProgress(bool force);
    QString describe() const;

    QPointer<RegistryClient> m_source;
    QString m_sourceRepository;
    Descriptor m_blob;
    QString m_targetRepository;
    QString m_mountFrom; // tried once, when the first session is opened
    ProgressFn m_progress;
    QPointer<RegistryJob> m_subJob;

    qint64 m_size = 0;
    qint64 m_dataEnd = 0;       // bytes past this are held back for the committing PUT
    QUrl m_uploadUrl;
    qint64 m_registryOffset = 0; // bytes the target's upload session holds
    qint64 m_confirmed = 0;      // a boundary the target acknowledged ...
    Sha256 m_confirmedHash;      // ... and the hash of the bytes before it
    Sha256 m_hash;
    qint64 m_hashed = 0;         // position in the blob of the source stream
    Sha256 m_chunkEndHash;
    qint64 m_discard = 0;        // a source that ignored our Range: bytes to drop
    QByteArray m_tail;
    QByteArray m_buffer;

    QPointer<RegistryRequest> m_sourceRequest;
    QPointer<RegistryRequest> m_patchRequest;
    QPointer<BlobPipe> m_pipe;
    qint64 m_sourceFrom = 0;
    qint64 m_chunkStart = 0;
    qint64 m_chunkEnd = 0;
    bool m_inMemory = false;
    bool m_sourceChecked = false;
    bool m_sourceFinished = false;
    bool m_chunkActive = false;
    bool m_committing = false;
    int m_failures = 0;
    int m_generation = 0; // bumped by teardownTransfer(): stale timers do nothing
    QElapsedTimer m_progressTimer;
};

} // namespace crsync
