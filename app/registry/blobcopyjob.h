#pragma once

#include "registry/opjob.h"

#include <QElapsedTimer>
#include <QTimer>

namespace crsync {

class BlobSourceReader;
class ChunkUploader;

// copyBlobFrom(): streams one blob from a source registry into this one. A BlobSourceReader
// reads the source (hashing on the fly) into a ChunkUploader, which fills the target's upload
// session chunk by chunk and holds the final bytes back for the committing PUT, sent only once
// the digest matched. A break on the source side alone only reopens the source where it stopped;
// a break on the target side asks the target how much it holds and restarts the source from the
// last acknowledged chunk boundary, with the hash state saved there. Small blobs go through
// memory instead: one GET, one monolithic PUT.
class BlobCopyJob : public TypedJob<qint64>
{
    Q_OBJECT
public:
    // An answer or a timer only counts in the state that started it: whatever arrives late
    // finds the job elsewhere and is dropped.
    enum class State {
        Idle,
        Mounting, // POST ?mount=&from=: mounted (done), or a session to fill
        InMemory, // a small blob: GET it whole, PUT it whole
        Opening, // POST: a fresh upload session
        Streaming, // the reader feeds the uploader; a source-only break reopens the source here
        Retrying, // the target side broke: backing off before asking where the session stands
        Resyncing, // asking the target how much the session holds
        Committing, // the PUT with the held-back tail and the digest
        Confirming, // the commit's session is gone: HEAD says whether the commit went through
        Done,
    };
    Q_ENUM(State)

    BlobCopyJob(RegistryClient *target, RegistryClient *source, QString sourceRepository,
                Descriptor blob, QString targetRepository, Callback<qint64> done,
                ProgressFn progress);
    void setMountFrom(const QString &repository) { m_mountFrom = repository; }
    void start();
    void fail(Error error) override;

protected:
    void onAbort() override;

private:
    void enter(State state);
    void succeed(qint64 moved);
    void setUpStream();
    void openWithMount();
    void copyInMemory(const QUrl &session);
    void putInMemory(const QByteArray &data);
    void openSession();
    void startTransfer();
    void pump();
    void maybeCommit();
    void confirmCommit(const Error &error);
    void sourceBroke(const Error &error);
    void transferFailed(const Error &error);
    void resync();
    void teardown();
    void cancelSession();
    void reportProgress(bool force);
    QString describe() const;

    QPointer<RegistryClient> m_source;
    QString m_sourceRepository;
    Descriptor m_blob;
    QString m_targetRepository;
    QString m_mountFrom;
    ProgressFn m_progress;

    State m_state = State::Idle;
    // Streamed copies only (nullptr through memory): children of the job.
    BlobSourceReader *m_reader = nullptr;
    ChunkUploader *m_uploader = nullptr;
    QPointer<RegistryJob> m_subJob; // the in-memory GET or PUT, or the HEAD after a commit
    QUrl m_memorySession; // a session a declined mount opened for the in-memory PUT
    int m_failures = 0; // breaks since the last acknowledged chunk, on either side
    QTimer m_retryTimer; // Retrying -> Resyncing
    QElapsedTimer m_progressTimer;
};

} // namespace crsync
