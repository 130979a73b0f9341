#pragma once

#include "scriptedserver.h"

#include <QHash>
#include <QStringList>

#include <optional>

namespace crsync::test {

// A minimal in-memory blob registry (uploads, ranges) on a ScriptedServer, with a hook to inject
// faults into chosen requests. Only for the error paths of the streaming copy; the real
// behaviour is tested against docker-registry.
class FakeRegistry
{
public:
    using Request = ScriptedServer::Request;
    using Reply = ScriptedServer::Reply;

    FakeRegistry();
    bool listen() { return server.listen(); }
    QUrl url() const { return server.url(); }

    ScriptedServer server;
    QHash<QString, QByteArray> blobs;   // "repo@digest" -> bytes
    QHash<QString, QByteArray> uploads; // session id -> bytes so far
    QStringList committed;              // "repo@digest", in commit order
    qint64 bytesServed = 0;             // blob bytes sent by GETs
    // Consulted first; a reply replaces the normal answer. `served` is the reply the registry
    // would have given (so a fault can cut it short).
    std::function<std::optional<Reply>(const Request &, const Reply &served)> fault;

private:
    Reply handle(const Request &request);
    int m_nextSession = 1;
};

} // namespace crsync::test
