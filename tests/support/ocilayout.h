#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace crsync::test {

class RegistryFixture;

// Makes test content (images, multi-arch indexes, Helm charts, other artifacts) as an OCI
// layout directory and pushes it to a fixture registry with skopeo, so the content under test is
// written by an independent client.
class OciLayout
{
public:
    struct Blob
    {
        QByteArray mediaType;
        QByteArray data;
        QString digest; // sha256:...
    };
    struct Built
    {
        QByteArray manifest; // exact bytes
        QByteArray mediaType; // manifest media type
        QString digest; // sha256 of manifest
        QList<Blob> blobs; // config + layers (for an index: of every child)
        QString platform; // "os/arch[/variant]" of an image; empty for indexes and artifacts
        QList<QString> childDigests; // for an index: its children's manifest digests, in order
        QList<QByteArray> childManifests; // for an index: its children's manifests, same order
    };

    explicit OciLayout(const QString &directory); // creates an empty oci layout there

    // An OCI image: config (configMediaType) + one layer per entry of layers.
    Built image(const QList<QByteArray> &layers,
                const QByteArray &configMediaType = "application/vnd.oci.image.config.v1+json",
                const QByteArray &platform = "linux/amd64");
    // A Docker schema 2 image (application/vnd.docker.distribution.manifest.v2+json).
    Built dockerImage(const QList<QByteArray> &layers);
    // A Helm chart as an OCI artifact (config media type application/vnd.cncf.helm.config.v1+json).
    Built helmChart(const QString &name, const QString &version);
    // An OCI index of the given images (multi-arch).
    Built index(const QList<Built> &children);
    // An artifact with some other config media type (signature / SBOM-like).
    Built otherArtifact(const QByteArray &configMediaType);
    // A Docker manifest list (application/vnd.docker.distribution.manifest.list.v2+json).
    Built dockerManifestList(const QList<Built> &children);

    // Tags `built` in the layout as `ref` (writes index.json).
    void tag(const Built &built, const QString &ref);

    // skopeo copy --all --preserve-digests oci:DIR:ref docker://HOST/repository:tag, then checks
    // that the pushed digest is the layout's. Docker manifest lists, which skopeo 1.9 cannot
    // write from a layout unchanged, are pushed with plain HTTP requests instead.
    bool push(const RegistryFixture &registry, const QString &ref, const QString &repositoryAndTag,
              QString *error = nullptr) const;

    // Deterministic pseudo-random bytes (seeded), for layers of a given size.
    static QByteArray randomBytes(qint64 size, quint32 seed);

    QString directory() const;
    // The manifest digest tagged `ref` in index.json, empty when there is none.
    QString digestOf(const QString &ref) const;
    // The gzip (RFC 1952) member holding data, deterministic (no timestamp): for layers that
    // must really be compressed, like Docker's tar.gzip ones.
    static QByteArray gzip(const QByteArray &data);

private:
    QByteArray readBlob(const QString &digest) const;
    bool pushOverHttp(const RegistryFixture &registry, const QByteArray &manifest,
                      const QString &repository, const QString &reference, QString *error) const;

    QString m_dir;
};

} // namespace crsync::test
