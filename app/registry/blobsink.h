#pragma once

#include <QtGlobal>

namespace crsync {

class Sha256;

// Where a BlobSourceReader delivers a blob's bytes, in order: the sink says how much it takes
// and so holds the source back when it is full.
class BlobSink
{
public:
    // How many bytes starting at `position` of the blob the sink takes now; 0 or less: none yet.
    virtual qint64 room(qint64 position) const = 0;
    // Bytes [end - size, end) of the blob; `hash` is the state after hashing the blob up to end.
    virtual void take(const char *data, qint64 size, qint64 end, const Sha256 &hash) = 0;

protected:
    ~BlobSink() = default;
};

} // namespace crsync
