#pragma once

#include "engine/artifactresult.h"

#include <QHash>
#include <QMutex>
#include <QString>
#include <QStringList>
#include <optional>

namespace crsync {

// What a preview learned about one source registry, kept while a form stays open so that a
// change of filters, type or overwrite re-decides from memory instead of listing the source
// again: the catalog, each repository's tags, and what each tag holds (digest, kind, size).
// Target answers are not kept: they are cheap and the target is what a preview is about.
// Thread-safe: the preview's workers fill it, the next preview reads it.
class ListingCache
{
public:
    struct Artifact
    {
        QString digest;
        ArtifactKind kind = ArtifactKind::Other;
        qint64 size = 0;
        QHash<QString, qint64> parts;
    };

    std::optional<QStringList> repositories() const;
    void setRepositories(const QStringList &repositories);

    std::optional<QStringList> tags(const QString &repository) const;
    void setTags(const QString &repository, const QStringList &tags);

    std::optional<Artifact> artifact(const QString &repository, const QString &tag) const;
    void setArtifact(const QString &repository, const QString &tag, const Artifact &artifact);

private:
    mutable QMutex m_mutex;
    std::optional<QStringList> m_repositories;
    QHash<QString, QStringList> m_tags;
    QHash<QString, Artifact> m_artifacts; // "repository:tag"
};

} // namespace crsync
