#include "registry/blobpipe.h"

#include <cstring>

namespace crsync {

BlobPipe::BlobPipe(qint64 capacity, QObject *parent) : QIODevice(parent), m_capacity(capacity)
{
    m_buffer.reserve(capacity);
    open(QIODevice::ReadOnly);
}

void BlobPipe::append(const char *data, qint64 size)
{
    if (size <= 0)
        return;
    if (m_readPos > 0 && m_readPos >= m_buffer.size() / 2) {
        m_buffer.remove(0, m_readPos);
        m_readPos = 0;
    }
    m_buffer.append(data, size);
    emit readyRead();
}

void BlobPipe::finish()
{
    m_finished = true;
    emit readyRead();
}

bool BlobPipe::atEnd() const
{
    return m_finished && bytesAvailable() == 0;
}

qint64 BlobPipe::readData(char *data, qint64 maxSize)
{
    const qint64 n = std::min<qint64>(maxSize, buffered());
    if (n <= 0)
        return m_finished ? -1 : 0;
    std::memcpy(data, m_buffer.constData() + m_readPos, size_t(n));
    m_readPos += n;
    if (m_readPos == m_buffer.size()) {
        m_buffer.resize(0); // keeps the allocation
        m_readPos = 0;
    }
    emit drained();
    return n;
}

} // namespace crsync
