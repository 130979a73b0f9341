#pragma once

#include "registry/manifest.h"

#include <QList>
#include <QString>
#include <optional>

namespace crsync {

// What kind of artifact a manifest is, for the rule's resource type and TaskItem::kind.
enum class ArtifactKind { Image, Chart, Other };
QString artifactKindName(ArtifactKind kind); // "image", "chart", "other"

// What a sync does with one artifact once both sides are known.
enum class Decision { Copy, UpToDate, ExistsNotOverwritten };

// Image for OCI/Docker image configs, Chart for the Helm config, Other for anything else
// (signatures, SBOMs, artifacts with an artifactType and an empty config).
ArtifactKind classifyManifest(const ManifestContent &content);
// An index is an image when any child is one, a chart when every child is one, else other.
ArtifactKind classifyIndex(const QList<ArtifactKind> &children);

// targetDigest: what the target tag holds now, std::nullopt when it does not exist.
Decision decide(const QString &sourceDigest, const std::optional<QString> &targetDigest,
                bool overwrite);

} // namespace crsync
