#pragma once

#include "engine/artifactresult.h"

#include <QString>

namespace crsync {

// Tells, from the artifacts a run finishes, when a registry of the run is down or refuses
// its credentials, so the run stops trying it after seconds instead of letting every artifact
// retry on its own and fail with the same error hundreds of times.
//
// Down: UnansweredLimit artifacts in a row failed without any answer (connection refused,
// reset, timed out: each already retried with backoff), with no artifact succeeding in
// between. Refusing: RefusedLimit artifacts in a row failed with 401 (the client already
// renewed its token once for each); one repository the user may not read does not stop a run
// whose other artifacts succeed in between.
class RegistryHealth
{
public:
    static constexpr int UnansweredLimit = 2;
    static constexpr int RefusedLimit = 3;

    // Returns true when this result shows the run should stop; reason() then says why.
    bool record(const ArtifactResult &result);
    // At the end of a run that never stopped: when nothing succeeded and every failure was the
    // registry not answering, or refusing the credentials, that is what the run failed of as a
    // whole (too few artifacts to reach the limits above). Sets reason()/kind().
    bool judgeAtEnd();
    bool isDown() const { return !m_reason.isEmpty(); }
    QString reason() const { return m_reason; }
    Error::Kind kind() const { return m_kind; }

private:
    int m_unanswered = 0;
    int m_refused = 0;
    int m_succeeded = 0;
    int m_failed = 0;
    int m_unansweredTotal = 0;
    int m_refusedTotal = 0;
    QString m_lastError;
    QString m_reason;
    Error::Kind m_kind = Error::Kind::Network;
};

} // namespace crsync
