#include "engine/registryhealth.h"

#include <QCoreApplication>

namespace crsync {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(crsync::RegistryHealth)
};
} // namespace

bool RegistryHealth::record(const ArtifactResult &result)
{
    if (isDown())
        return true;
    switch (result.outcome) {
    case TaskItem::Outcome::Copied:
    case TaskItem::Outcome::UpToDate:
    case TaskItem::Outcome::ExistsNotOverwritten:
        m_unanswered = 0;
        m_refused = 0;
        ++m_succeeded;
        return false;
    case TaskItem::Outcome::Failed:
        break;
    default:
        return false;
    }
    const bool unanswered = result.errorKind == Error::Kind::Network && result.errorStatus == 0;
    const bool refused = result.errorKind == Error::Kind::Auth && result.errorStatus == 401;
    m_unanswered = unanswered ? m_unanswered + 1 : 0;
    m_refused = refused ? m_refused + 1 : 0;
    ++m_failed;
    m_unansweredTotal += unanswered;
    m_refusedTotal += refused;
    m_lastError = result.error;
    if (m_unanswered >= UnansweredLimit) {
        m_kind = Error::Kind::Network;
        m_reason = Text::tr("The task stopped trying: a registry stopped answering (%1 artifacts "
                            "in a row failed without an answer, each after its retries). The "
                            "last error: %2")
                       .arg(m_unanswered)
                       .arg(result.error);
    } else if (m_refused >= RefusedLimit) {
        m_kind = Error::Kind::Auth;
        m_reason = Text::tr("The task stopped trying: a registry refused the credentials for %1 "
                            "artifacts in a row. The last error: %2")
                       .arg(m_refused)
                       .arg(result.error);
    }
    return isDown();
}

bool RegistryHealth::judgeAtEnd()
{
    if (isDown())
        return true;
    if (m_succeeded > 0 || m_failed == 0)
        return false;
    if (m_unansweredTotal == m_failed) {
        m_kind = Error::Kind::Network;
        m_reason = Text::tr("A registry did not answer for any artifact of the task. The last "
                            "error: %1")
                       .arg(m_lastError);
    } else if (m_refusedTotal == m_failed) {
        m_kind = Error::Kind::Auth;
        m_reason = Text::tr("A registry refused the credentials for every artifact of the task. "
                            "The last error: %1")
                       .arg(m_lastError);
    }
    return isDown();
}

} // namespace crsync
