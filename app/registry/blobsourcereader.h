#pragma once

#include "core/result.h"
#include "registry/sha256.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkReply;

namespace crsync {

class BlobSink;
class RegistryClient;
class RegistryRequest;

// The source side of a streamed blob copy: one GET of the blob whose bytes are hashed as they
// pass and handed to a BlobSink only as fast as it takes them (the reply's read buffer bounds the
// read-ahead). The source must serve exactly the size the manifest gives. After a break the GET
// is sent again with a Range from the byte where it stopped, the hash state carrying on.
class BlobSourceReader : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Closed, // no GET
        Opening, // the GET is sent, no byte of the body has come
        Reading, // the body streams in; its size was checked
        Draining, // the GET has ended; bytes it left in the reply are still to be taken
        Reopening, // after a break, waiting to send the GET again
    };
    Q_ENUM(State)

    // `what` opens the messages ("Copying the blob … to …"); `target` names the registry where
    // nothing gets committed when the source turns out wrong.
    BlobSourceReader(RegistryClient *source, QString repository, QString digest, qint64 size,
                     qint64 readBufferSize, QString what, QString target, QObject *parent);

    State state() const { return m_state; }
    qint64 position() const { return m_position; } // bytes of the blob read and hashed so far
    const Sha256 &hash() const { return m_hash; } // of the bytes before position()

    // Sends the GET for the bytes from `from` on; `hashBefore` is the hash of those before it.
    void open(qint64 from, const Sha256 &hashBefore);
    // After broke(): the GET goes again from position() once `delayMs` have passed.
    void reopenAfter(qint64 delayMs);
    void close();
    void touch(); // bytes moved downstream: the GET is not idle
    // Moves what the reply holds into `sink`, as much as it takes.
    void pump(BlobSink &sink);

signals:
    void readyRead(); // bytes (or the end) arrived: pump()
    void advanced(); // pump() moved bytes
    void broke(const Error &error); // the GET failed or ended early: reopenAfter() or give up
    void failed(const Error &error); // the source does not serve this blob: give up
    void reopening(); // the GET is about to go again

private:
    void send();
    void drop();
    bool checkSize(QNetworkReply *reply);

    QPointer<RegistryClient> m_source;
    QString m_repository;
    QString m_digest;
    qint64 m_size;
    qint64 m_readBufferSize;
    QString m_what;
    QString m_target;

    State m_state = State::Closed;
    QPointer<RegistryRequest> m_request;
    QTimer m_reopenTimer;
    Sha256 m_hash;
    qint64 m_position = 0;
    qint64 m_from = 0; // where the current GET starts
    qint64 m_discard = 0; // a source that ignored our Range: bytes to drop
    QByteArray m_buffer;
};

} // namespace crsync
