#pragma once

#include <QByteArray>
#include <QIODevice>

namespace crsync {

// A bounded, sequential in-memory pipe: the copy job writes source bytes in, QNetworkAccessManager
// reads them out as the upload body. Reads return 0 (not end) while it is empty but unfinished,
// which is how QNAM's unbuffered upload waits for more.
class BlobPipe : public QIODevice
{
    Q_OBJECT
public:
    BlobPipe(qint64 capacity, QObject *parent = nullptr);

    qint64 space() const { return m_capacity - buffered(); }
    void append(const char *data, qint64 size); // at most space() bytes
    void finish(); // nothing more will be appended

    bool isSequential() const override { return true; }
    // When a connection breaks while a request is on its way, Qt's HTTP layer tries to send it
    // again and first asks the body device to rewind (QNonContiguousByteDevice::reset() ->
    // QIODevice::reset()). The bytes already sent are gone: say so here, without the default
    // seek(0) that warns on every sequential device. Qt then fails the reply with
    // ContentReSendError and the copy job resumes from the offset the registry reports.
    bool reset() override { return false; }
    qint64 bytesAvailable() const override { return buffered() + QIODevice::bytesAvailable(); }
    bool atEnd() const override;

signals:
    void drained(); // space became available

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    qint64 buffered() const { return m_buffer.size() - m_readPos; }

    QByteArray m_buffer;
    qsizetype m_readPos = 0;
    qint64 m_capacity;
    bool m_finished = false;
};

} // namespace crsync
