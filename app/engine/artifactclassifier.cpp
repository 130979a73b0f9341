#include "engine/artifactclassifier.h"

#include <QRegularExpression>

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

namespace {
// Filesystem layers of a container image, compressed or not, distributable or not.
bool isImageLayer(const QString &mediaType)
{
    return mediaType.startsWith(QLatin1String("application/vnd.oci.image.layer."))
        || mediaType.startsWith(QLatin1String("application/vnd.docker.image.rootfs."));
}
} // namespace

// Cosign's signatures, attestations and SBOMs carry an image config, so the config alone does
// not make an image: one that describes another artifact (subject, artifactType) or whose
// layers are not filesystems (a signature payload, an in-toto envelope) is something else.
ArtifactKind classifyManifest(const ManifestContent &content)
{
    const QString type = content.config.mediaType;
    if (type == QLatin1String(mediatype::HelmConfig))
        return ArtifactKind::Chart;
    if (type != QLatin1String(mediatype::OciImageConfig)
        && type != QLatin1String(mediatype::DockerImageConfig))
        return ArtifactKind::Other;
    if (!content.subject.isEmpty() || !content.artifactType.isEmpty())
        return ArtifactKind::Other;
    if (!std::all_of(content.layers.begin(), content.layers.end(),
                     [](const Descriptor &layer) { return isImageLayer(layer.mediaType); }))
        return ArtifactKind::Other;
    return ArtifactKind::Image;
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

bool isReferrerTag(const QString &tag, QString *subject)
{
    static const QRegularExpression scheme(
        QStringLiteral("^(sha256|sha512)-([a-f0-9]{64}|[a-f0-9]{128})(\\.(sig|att|sbom))?$"));
    const QRegularExpressionMatch m = scheme.match(tag);
    if (!m.hasMatch())
        return false;
    const QString digest = m.captured(1) + QLatin1Char(':') + m.captured(2);
    if (!isValidDigest(digest))
        return false;
    if (subject)
        *subject = digest;
    return true;
}

QStringList referrerTagsOf(const QString &digest)
{
    const QString base = QString(digest).replace(QLatin1Char(':'), QLatin1Char('-'));
    return { base + QLatin1String(".sig"), base + QLatin1String(".att"),
             base + QLatin1String(".sbom"), base };
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
