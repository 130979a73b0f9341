#include "engine/artifactclassifier.h"

#include <algorithm>

namespace crsync {

QString artifactKindName(ArtifactKind kind)
{
    switch (kind) {
    case ArtifactKind::Image:
        return QStringLiteral("image");
    case ArtifactKind::Chart:
        return QStringLiteral("chart");
    case ArtifactKind::Other:
        break;
    }
    return QStringLiteral("other");
}

ArtifactKind classifyManifest(const ManifestContent &content)
{
    const QString type = content.config.mediaType;
    if (type == QLatin1String(mediatype::HelmConfig))
        return ArtifactKind::Chart;
    if (type == QLatin1String(mediatype::OciImageConfig)
        || type == QLatin1String(mediatype::DockerImageConfig))
        return ArtifactKind::Image;
    return ArtifactKind::Other;
}

ArtifactKind classifyIndex(const QList<ArtifactKind> &children)
{
    if (children.isEmpty())
        return ArtifactKind::Other;
    if (children.contains(ArtifactKind::Image))
        return ArtifactKind::Image;
    if (std::all_of(children.begin(), children.end(),
                    [](ArtifactKind k) { return k == ArtifactKind::Chart; }))
        return ArtifactKind::Chart;
    return ArtifactKind::Other;
}

Decision decide(const QString &sourceDigest, const std::optional<QString> &targetDigest,
                bool overwrite)
{
    if (!targetDigest)
        return Decision::Copy;
    if (*targetDigest == sourceDigest)
        return Decision::UpToDate;
    return overwrite ? Decision::Copy : Decision::ExistsNotOverwritten;
}

} // namespace crsync
