#pragma once

#include "engine/artifactresult.h"
#include "registry/manifest.h"

#include <QList>
#include <QString>
#include <optional>

namespace crsync {

// Image for OCI/Docker image configs, Chart for the Helm config, Other for anything else
// (signatures, SBOMs, artifacts with an artifactType and an empty config).
ArtifactKind classifyManifest(const ManifestContent &content);
// An index is an image when any child is one, a chart when every child is one, else other.
ArtifactKind classifyIndex(const QList<ArtifactKind> &children);

// targetDigest: what the target tag holds now, std::nullopt when it does not exist.
Decision decide(const QString &sourceDigest, const std::optional<QString> &targetDigest,
                bool overwrite);

} // namespace crsync
