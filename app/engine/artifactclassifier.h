#pragma once

#include "engine/artifactresult.h"
#include "registry/manifest.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace crsync {

// Image for OCI/Docker image configs, Chart for the Helm config, Other for anything else
// (signatures, SBOMs, artifacts with an artifactType and an empty config).
ArtifactKind classifyManifest(const ManifestContent &content);
// An index is an image when any child is one, a chart when every child is one, else other.
ArtifactKind classifyIndex(const QList<ArtifactKind> &children);

// Cosign's tag scheme (sha256-HEX.sig, .att, .sbom) and the OCI referrers tag (sha256-HEX):
// tags that describe the manifest sha256:HEX rather than name an artifact of their own.
// *subject, when given, receives that digest.
bool isReferrerTag(const QString &tag, QString *subject = nullptr);
// The tags under which those schemes keep what refers to `digest`.
QStringList referrerTagsOf(const QString &digest);

// targetDigest: what the target tag holds now, std::nullopt when it does not exist.
Decision decide(const QString &sourceDigest, const std::optional<QString> &targetDigest,
                bool overwrite);

} // namespace crsync
