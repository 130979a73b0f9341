#include "secrets/keychainkeys.h"

namespace crsync {

QString KeychainKeys::normalizedTargetUrl(const QUrl &url)
{
    QUrl reduced;
    reduced.setScheme(url.scheme().toLower());
    reduced.setHost(url.host().toLower());
    reduced.setPort(url.port());
    return reduced.toString(QUrl::FullyEncoded);
}

QString KeychainKeys::instance(qint64 instanceId) const
{
    return QStringLiteral("crsync/%1/instance/%2").arg(m_ns).arg(instanceId);
}

QString KeychainKeys::target(const QUrl &targetUrl, const QString &username) const
{
    return QStringLiteral("crsync/%1/target/%2|%3")
        .arg(m_ns, normalizedTargetUrl(targetUrl), username);
}

QString KeychainKeys::webhookSecret() const
{
    return QStringLiteral("crsync/%1/webhook-secret").arg(m_ns);
}

QString KeychainKeys::probe() const
{
    return QStringLiteral("crsync/%1/probe").arg(m_ns);
}

QString KeychainKeys::legacyInstance(qint64 instanceId)
{
    return QStringLiteral("crsync/instance/%1").arg(instanceId);
}

QString KeychainKeys::legacyTarget(const QUrl &targetUrl, const QString &username)
{
    return QStringLiteral("crsync/target/%1|%2").arg(normalizedTargetUrl(targetUrl), username);
}

} // namespace crsync
