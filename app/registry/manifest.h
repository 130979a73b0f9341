#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace crsync::mediatype {
inline constexpr char OciManifest[] = "application/vnd.oci.image.manifest.v1+json";
inline constexpr char OciIndex[] = "application/vnd.oci.image.index.v1+json";
inline constexpr char DockerManifest[] = "application/vnd.docker.distribution.manifest.v2+json";
inline constexpr char DockerManifestList[] = "application/vnd.docker.distribution.manifest.list.v2+json";
inline constexpr char OciImageConfig[] = "application/vnd.oci.image.config.v1+json";
inline constexpr char DockerImageConfig[] = "application/vnd.docker.container.image.v1+json";
inline constexpr char HelmConfig[] = "application/vnd.cncf.helm.config.v1+json";
} // namespace crsync::mediatype

namespace crsync {

// A content reference inside a manifest.
struct Descriptor
{
    QString mediaType;
    QString digest; // "sha256:<hex>"
    qint64 size = 0;
    QString platform; // "linux/amd64" for index children, else empty

    // A non-distributable ("foreign") layer: clients fetch it from the URLs its descriptor
    // names (Windows base layers), so registries neither hold nor want it.
    bool isForeign() const;
};

// A manifest exactly as the registry holds it: bytes are never re-serialised, so the digest
// pushed equals the digest read.
struct Manifest
{
    QByteArray bytes;
    QString mediaType;
    QString digest; // sha256 of bytes
};

// What a manifest refers to, parsed from its JSON.
struct ManifestContent
{
    bool isIndex = false;
    QString artifactType;      // OCI artifactType, if any
    QString subject;           // digest of the manifest it refers to (OCI 1.1), if any
    Descriptor config;         // images only
    QList<Descriptor> layers;  // images only
    QList<Descriptor> children; // indexes only
};

// Parses manifest bytes; fails with a Protocol error that says what is wrong with them.
Result<ManifestContent> parseManifest(const Manifest &manifest);

bool isManifestMediaType(const QString &mediaType);
QString manifestAcceptHeader(); // all four manifest media types

QString sha256Digest(const QByteArray &bytes); // "sha256:<hex>"
bool isValidDigest(const QString &digest);

} // namespace crsync
