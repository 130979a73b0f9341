#include "engine/listingcache.h"

#include <QMutexLocker>

namespace crsync {

namespace {
QString artifactKey(const QString &repository, const QString &tag)
{
    return repository + QLatin1Char(':') + tag;
}
} // namespace

std::optional<QStringList> ListingCache::repositories() const
{
    QMutexLocker lock(&m_mutex);
    return m_repositories;
}

void ListingCache::setRepositories(const QStringList &repositories)
{
    QMutexLocker lock(&m_mutex);
    m_repositories = repositories;
}

std::optional<QStringList> ListingCache::tags(const QString &repository) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_tags.constFind(repository);
    if (it == m_tags.cend())
        return std::nullopt;
    return *it;
}

void ListingCache::setTags(const QString &repository, const QStringList &tags)
{
    QMutexLocker lock(&m_mutex);
    m_tags.insert(repository, tags);
}

std::optional<ListingCache::Artifact> ListingCache::artifact(const QString &repository,
                                                             const QString &tag) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_artifacts.constFind(artifactKey(repository, tag));
    if (it == m_artifacts.cend())
        return std::nullopt;
    return *it;
}

void ListingCache::setArtifact(const QString &repository, const QString &tag,
                               const Artifact &artifact)
{
    QMutexLocker lock(&m_mutex);
    m_artifacts.insert(artifactKey(repository, tag), artifact);
}

} // namespace crsync
