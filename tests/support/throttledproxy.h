#pragma once

#include <QUrl>
#include <QtGlobal>
#include <memory>

namespace crsync::test {

// A TCP relay on 127.0.0.1 in front of a plain-HTTP registry that moves at most a set number
// of bytes per second (both directions together), so tests that must catch a transfer in the
// middle (cancel, kill) do not depend on how fast loopback is. Runs on a thread of its own, so
// it keeps relaying while the test blocks (QProcess::waitForFinished).
class ThrottledProxy
{
public:
    ThrottledProxy(quint16 targetPort, qint64 bytesPerSecond);
    ~ThrottledProxy();
    ThrottledProxy(const ThrottledProxy &) = delete;
    ThrottledProxy &operator=(const ThrottledProxy &) = delete;

    quint16 port() const;
    QUrl url() const; // http://127.0.0.1:PORT
    qint64 relayedBytes() const; // so far, both directions

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace crsync::test
