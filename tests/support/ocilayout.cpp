#include "ocilayout.h"

#include "registryfixture.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QTemporaryFile>
#include <array>
#include <cstring>

namespace crsync::test {

namespace {

constexpr char kOciManifest[] = "application/vnd.oci.image.manifest.v1+json";
constexpr char kOciIndex[] = "application/vnd.oci.image.index.v1+json";
constexpr char kOciConfig[] = "application/vnd.oci.image.config.v1+json";
constexpr char kOciLayerTar[] = "application/vnd.oci.image.layer.v1.tar";
constexpr char kDockerManifest[] = "application/vnd.docker.distribution.manifest.v2+json";
constexpr char kDockerList[] = "application/vnd.docker.distribution.manifest.list.v2+json";
constexpr char kDockerConfig[] = "application/vnd.docker.container.image.v1+json";
constexpr char kDockerLayerGzip[] = "application/vnd.docker.image.rootfs.diff.tar.gzip";
constexpr char kHelmConfig[] = "application/vnd.cncf.helm.config.v1+json";
constexpr char kHelmChart[] = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";
constexpr char kOciEmpty[] = "application/vnd.oci.empty.v1+json";
constexpr char kRefName[] = "org.opencontainers.image.ref.name";

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject descriptor(const QByteArray &mediaType, const QByteArray &data)
{
    return QJsonObject { { QStringLiteral("mediaType"), QString::fromLatin1(mediaType) },
                         { QStringLiteral("digest"), RegistryFixture::sha256Digest(data) },
                         { QStringLiteral("size"), qint64(data.size()) } };
}

QJsonObject platformObject(const QString &platform)
{
    const QStringList parts = platform.split(QLatin1Char('/'));
    QJsonObject object { { QStringLiteral("os"), parts.value(0) },
                         { QStringLiteral("architecture"), parts.value(1) } };
    if (parts.size() > 2)
        object.insert(QStringLiteral("variant"), parts.value(2));
    return object;
}

quint32 crc32(const QByteArray &data)
{
    static const auto table = [] {
        std::array<quint32, 256> t {};
        for (quint32 i = 0; i < 256; ++i) {
            quint32 c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    quint32 crc = 0xFFFFFFFFu;
    for (const char byte : data)
        crc = table[(crc ^ quint8(byte)) & 0xFF] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}

void appendLe32(QByteArray &out, quint32 value)
{
    for (int i = 0; i < 4; ++i)
        out.append(char((value >> (8 * i)) & 0xFF));
}

// A one-file ustar archive, enough for a chart's Chart.yaml.
QByteArray tarOneFile(const QString &name, const QByteArray &content)
{
    QByteArray header(512, '\0');
    auto put = [&header](int offset, const QByteArray &value) {
        std::memcpy(header.data() + offset, value.constData(), size_t(value.size()));
    };
    put(0, name.toUtf8().left(99));
    put(100, "0000644");
    put(108, "0000000");
    put(116, "0000000");
    put(124, QByteArray::number(content.size(), 8).rightJustified(11, '0'));
    put(136, "00000000000");
    put(148, "        ");
    header[156] = '0';
    put(257,
        QByteArray("ustar\0"
                   "00",
                   8));
    unsigned sum = 0;
    for (const char byte : header)
        sum += quint8(byte);
    put(148, QByteArray::number(sum, 8).rightJustified(6, '0') + QByteArray("\0 ", 2));
    QByteArray tar = header + content;
    tar.append(QByteArray((512 - content.size() % 512) % 512, '\0'));
    tar.append(QByteArray(1024, '\0'));
    return tar;
}

} // namespace

OciLayout::OciLayout(const QString &directory) : m_dir(directory)
{
    QDir().mkpath(m_dir + QStringLiteral("/blobs/sha256"));
    QFile layout(m_dir + QStringLiteral("/oci-layout"));
    if (!layout.exists() && layout.open(QIODevice::WriteOnly))
        layout.write(R"({"imageLayoutVersion":"1.0.0"})");
    QFile index(m_dir + QStringLiteral("/index.json"));
    if (!index.exists() && index.open(QIODevice::WriteOnly))
        index.write(R"({"schemaVersion":2,"manifests":[]})");
}

QString OciLayout::directory() const
{
    return m_dir;
}

// Blobs are content-addressed, so writing one that exists is skipped.
static QString writeBlob(const QString &dir, const QByteArray &data)
{
    const QString digest = RegistryFixture::sha256Digest(data);
    const QString path = dir + QStringLiteral("/blobs/sha256/") + digest.mid(7);
    if (!QFileInfo::exists(path)) {
        QSaveFile file(path);
        if (file.open(QIODevice::WriteOnly)) {
            file.write(data);
            file.commit();
        }
    }
    return digest;
}

static OciLayout::Blob blob(const QString &dir, const QByteArray &mediaType, const QByteArray &data)
{
    return OciLayout::Blob { mediaType, data, writeBlob(dir, data) };
}

static OciLayout::Built finish(const QString &dir, const QByteArray &mediaType,
                               const QJsonObject &manifest)
{
    OciLayout::Built built;
    built.manifest = compact(manifest);
    built.mediaType = mediaType;
    built.digest = writeBlob(dir, built.manifest);
    return built;
}

static OciLayout::Built singleManifest(const QString &dir, const QByteArray &manifestType,
                                       const OciLayout::Blob &config,
                                       const QList<OciLayout::Blob> &layers)
{
    QJsonArray layerArray;
    for (const OciLayout::Blob &layer : layers)
        layerArray.append(descriptor(layer.mediaType, layer.data));
    const QJsonObject manifest { { QStringLiteral("schemaVersion"), 2 },
                                 { QStringLiteral("mediaType"), QString::fromLatin1(manifestType) },
                                 { QStringLiteral("config"),
                                   descriptor(config.mediaType, config.data) },
                                 { QStringLiteral("layers"), layerArray } };
    OciLayout::Built built = finish(dir, manifestType, manifest);
    built.blobs = QList<OciLayout::Blob> { config } + layers;
    return built;
}

static QByteArray imageConfig(const QString &platform, const QJsonArray &diffIds)
{
    QJsonObject config = platformObject(platform);
    config.insert(QStringLiteral("rootfs"),
                  QJsonObject { { QStringLiteral("type"), QStringLiteral("layers") },
                                { QStringLiteral("diff_ids"), diffIds } });
    config.insert(QStringLiteral("config"), QJsonObject {});
    return compact(config);
}

OciLayout::Built OciLayout::image(const QList<QByteArray> &layers,
                                  const QByteArray &configMediaType, const QByteArray &platform)
{
    // Layers are stored uncompressed (…layer.v1.tar) exactly as given: skopeo with
    // --preserve-digests passes them through, and the bytes stay what the test chose.
    QList<Blob> layerBlobs;
    QJsonArray diffIds;
    for (const QByteArray &data : layers) {
        layerBlobs << blob(m_dir, kOciLayerTar, data);
        diffIds.append(layerBlobs.last().digest);
    }
    const QString platformText = QString::fromLatin1(platform);
    const Blob config = blob(m_dir, configMediaType, imageConfig(platformText, diffIds));
    Built built = singleManifest(m_dir, kOciManifest, config, layerBlobs);
    built.platform = platformText;
    return built;
}

OciLayout::Built OciLayout::dockerImage(const QList<QByteArray> &layers)
{
    // Docker has no uncompressed layer type, so these really are gzip members.
    QList<Blob> layerBlobs;
    QJsonArray diffIds;
    for (const QByteArray &data : layers) {
        layerBlobs << blob(m_dir, kDockerLayerGzip, gzip(data));
        diffIds.append(RegistryFixture::sha256Digest(data));
    }
    const QString platform = QStringLiteral("linux/amd64");
    const Blob config = blob(m_dir, kDockerConfig, imageConfig(platform, diffIds));
    Built built = singleManifest(m_dir, kDockerManifest, config, layerBlobs);
    built.platform = platform;
    return built;
}

OciLayout::Built OciLayout::helmChart(const QString &name, const QString &version)
{
    const QJsonObject chart { { QStringLiteral("apiVersion"), QStringLiteral("v2") },
                              { QStringLiteral("name"), name },
                              { QStringLiteral("version"), version },
                              { QStringLiteral("description"),
                                QStringLiteral("A chart made by crsync's tests") },
                              { QStringLiteral("type"), QStringLiteral("application") } };
    const QByteArray chartYaml
        = QStringLiteral("apiVersion: v2\nname: %1\nversion: %2\ntype: application\n")
              .arg(name, version)
              .toUtf8();
    const Blob content = blob(m_dir, kHelmChart,
                              gzip(tarOneFile(name + QStringLiteral("/Chart.yaml"), chartYaml)));
    const Blob config = blob(m_dir, kHelmConfig, compact(chart));
    return singleManifest(m_dir, kOciManifest, config, { content });
}

OciLayout::Built OciLayout::otherArtifact(const QByteArray &configMediaType)
{
    const QByteArray configData = configMediaType == kOciEmpty
        ? QByteArray("{}")
        : compact(
            { { QStringLiteral("crsync.test.artifact"), QString::fromLatin1(configMediaType) } });
    const Blob config = blob(m_dir, configMediaType, configData);
    const Blob payload
        = blob(m_dir, "application/vnd.crsync.test.payload.v1+json",
               compact({ { QStringLiteral("payload"), QString::fromLatin1(configMediaType) } }));
    return singleManifest(m_dir, kOciManifest, config, { payload });
}

static OciLayout::Built makeIndex(const QString &dir, const QByteArray &mediaType,
                                  const QList<OciLayout::Built> &children)
{
    QJsonArray manifests;
    QList<OciLayout::Blob> blobs;
    QList<QString> childDigests;
    QList<QByteArray> childManifests;
    for (const OciLayout::Built &child : children) {
        // Children made by another layout are copied in, so the index is complete here.
        writeBlob(dir, child.manifest);
        for (const OciLayout::Blob &b : child.blobs)
            writeBlob(dir, b.data);
        QJsonObject entry = descriptor(child.mediaType, child.manifest);
        if (!child.platform.isEmpty())
            entry.insert(QStringLiteral("platform"), platformObject(child.platform));
        manifests.append(entry);
        blobs += child.blobs;
        childDigests << child.digest;
        childManifests << child.manifest;
    }
    const QJsonObject index { { QStringLiteral("schemaVersion"), 2 },
                              { QStringLiteral("mediaType"), QString::fromLatin1(mediaType) },
                              { QStringLiteral("manifests"), manifests } };
    OciLayout::Built built = finish(dir, mediaType, index);
    built.blobs = blobs;
    built.childDigests = childDigests;
    built.childManifests = childManifests;
    return built;
}

OciLayout::Built OciLayout::index(const QList<Built> &children)
{
    return makeIndex(m_dir, kOciIndex, children);
}

OciLayout::Built OciLayout::dockerManifestList(const QList<Built> &children)
{
    return makeIndex(m_dir, kDockerList, children);
}

void OciLayout::tag(const Built &built, const QString &ref)
{
    writeBlob(m_dir, built.manifest);
    for (const Blob &b : built.blobs)
        writeBlob(m_dir, b.data);
    for (const QByteArray &child : built.childManifests)
        writeBlob(m_dir, child);

    QFile file(m_dir + QStringLiteral("/index.json"));
    QJsonObject index;
    if (file.open(QIODevice::ReadOnly))
        index = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    QJsonArray kept;
    for (const QJsonValue &entry : index.value(QStringLiteral("manifests")).toArray()) {
        if (entry.toObject()
                .value(QStringLiteral("annotations"))
                .toObject()
                .value(QLatin1String(kRefName))
                .toString()
            != ref)
            kept.append(entry);
    }
    // skopeo 1.9's oci: transport only looks at entries with OCI media types, so Docker manifests
    // and lists are listed under their OCI equivalents here; skopeo still reads (and pushes) them
    // with their real media type, taken from the manifest's own mediaType field.
    QByteArray listed = built.mediaType;
    if (listed == kDockerManifest)
        listed = kOciManifest;
    else if (listed == kDockerList)
        listed = kOciIndex;
    QJsonObject entry = descriptor(listed, built.manifest);
    entry.insert(QStringLiteral("annotations"), QJsonObject { { QLatin1String(kRefName), ref } });
    kept.append(entry);
    index.insert(QStringLiteral("schemaVersion"), 2);
    index.insert(QStringLiteral("manifests"), kept);
    QSaveFile out(file.fileName());
    if (out.open(QIODevice::WriteOnly)) {
        out.write(compact(index));
        out.commit();
    }
}

QString OciLayout::digestOf(const QString &ref) const
{
    QFile file(m_dir + QStringLiteral("/index.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonArray manifests = QJsonDocument::fromJson(file.readAll())
                                     .object()
                                     .value(QStringLiteral("manifests"))
                                     .toArray();
    for (const QJsonValue &entry : manifests) {
        const QJsonObject object = entry.toObject();
        if (object.value(QStringLiteral("annotations"))
                .toObject()
                .value(QLatin1String(kRefName))
                .toString()
            == ref)
            return object.value(QStringLiteral("digest")).toString();
    }
    return {};
}

QByteArray OciLayout::readBlob(const QString &digest) const
{
    QFile file(m_dir + QStringLiteral("/blobs/sha256/") + digest.mid(7));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool OciLayout::pushOverHttp(const RegistryFixture &registry, const QByteArray &manifest,
                             const QString &repository, const QString &reference,
                             QString *error) const
{
    const QJsonObject object = QJsonDocument::fromJson(manifest).object();
    const QByteArray mediaType = object.value(QStringLiteral("mediaType")).toString().toLatin1();
    if (object.contains(QStringLiteral("manifests"))) {
        // Children before their index, as a registry requires.
        for (const QJsonValue &child : object.value(QStringLiteral("manifests")).toArray()) {
            const QString digest = child.toObject().value(QStringLiteral("digest")).toString();
            if (!pushOverHttp(registry, readBlob(digest), repository, digest, error))
                return false;
        }
    } else {
        QJsonArray blobs = object.value(QStringLiteral("layers")).toArray();
        blobs.prepend(object.value(QStringLiteral("config")));
        for (const QJsonValue &descriptor : blobs) {
            const QString digest = descriptor.toObject().value(QStringLiteral("digest")).toString();
            const QByteArray data = readBlob(digest);
            if (RegistryFixture::sha256Digest(data) != digest) {
                if (error)
                    *error = QStringLiteral("blob %1 is missing from the layout %2")
                                 .arg(digest, m_dir);
                return false;
            }
            if (!registry.pushBlob(repository, data, error))
                return false;
        }
    }
    return registry.pushManifest(repository, reference, mediaType, manifest, error);
}

bool OciLayout::push(const RegistryFixture &registry, const QString &ref,
                     const QString &repositoryAndTag, QString *error) const
{
    const QString expected = digestOf(ref);
    if (expected.isEmpty()) {
        if (error)
            *error = QStringLiteral("nothing is tagged '%1' in the layout %2").arg(ref, m_dir);
        return false;
    }
    const QByteArray manifest = readBlob(expected);
    if (QJsonDocument::fromJson(manifest).object().value(QStringLiteral("mediaType")).toString()
        == QLatin1String(kDockerList)) {
        // skopeo 1.9 will not write a Docker manifest list read from an oci: layout without
        // converting it to an OCI index, which --preserve-digests forbids: such lists (and their
        // children) go up with plain HTTP requests instead.
        const qsizetype at = repositoryAndTag.indexOf(QLatin1Char('@'));
        const qsizetype colon = repositoryAndTag.lastIndexOf(QLatin1Char(':'));
        const qsizetype slash = repositoryAndTag.lastIndexOf(QLatin1Char('/'));
        const qsizetype split = at >= 0 ? at : (colon > slash ? colon : -1);
        const QString repository = split >= 0 ? repositoryAndTag.left(split) : repositoryAndTag;
        const QString reference
            = split >= 0 ? repositoryAndTag.mid(split + 1) : QStringLiteral("latest");
        return pushOverHttp(registry, manifest, repository, reference, error);
    }
    QTemporaryFile digestFile;
    if (!digestFile.open()) {
        if (error)
            *error = QStringLiteral("cannot create a temporary file for skopeo's --digestfile");
        return false;
    }
    digestFile.close();
    const QStringList args = QStringList { QStringLiteral("copy"),
                                           QStringLiteral("--all"),
                                           QStringLiteral("--preserve-digests"),
                                           QStringLiteral("--quiet"),
                                           QStringLiteral("--digestfile"),
                                           digestFile.fileName() }
        + registry.skopeoArgs(QStringLiteral("dest"))
        + QStringList {
              QStringLiteral("oci:%1:%2").arg(m_dir, ref),
              QStringLiteral("docker://%1/%2").arg(registry.hostPort(), repositoryAndTag)
          };
    QByteArray err;
    const int code = RegistryFixture::runSkopeo(args, nullptr, &err);
    if (code != 0) {
        if (error)
            *error = QStringLiteral("skopeo copy oci:%1 -> %2 failed (exit %3): %4")
                         .arg(ref, repositoryAndTag)
                         .arg(code)
                         .arg(QString::fromUtf8(err).trimmed());
        return false;
    }
    QFile written(digestFile.fileName());
    const QString pushed = written.open(QIODevice::ReadOnly)
        ? QString::fromLatin1(written.readAll()).trimmed()
        : QString();
    if (pushed != expected) {
        if (error)
            *error = QStringLiteral("skopeo pushed %1 as %2, but the layout has %3")
                         .arg(ref, pushed, expected);
        return false;
    }
    return true;
}

QByteArray OciLayout::randomBytes(qint64 size, quint32 seed)
{
    QByteArray out(size, Qt::Uninitialized);
    QRandomGenerator generator(seed);
    const qint64 words = size / 4;
    generator.fillRange(reinterpret_cast<quint32 *>(out.data()), words);
    for (qint64 i = words * 4; i < size; ++i)
        out[i] = char(generator.generate() & 0xFF);
    return out;
}

QByteArray OciLayout::gzip(const QByteArray &data)
{
    // Stored (uncompressed) deflate blocks: valid gzip, byte-for-byte deterministic, no zlib.
    QByteArray out("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff", 10);
    qint64 offset = 0;
    do {
        const qint64 length = qMin<qint64>(65535, data.size() - offset);
        const bool last = offset + length >= data.size();
        out.append(char(last ? 1 : 0));
        out.append(char(length & 0xFF)).append(char(length >> 8));
        out.append(char(~length & 0xFF)).append(char((~length >> 8) & 0xFF));
        out.append(data.constData() + offset, length);
        offset += length;
    } while (offset < data.size());
    appendLe32(out, crc32(data));
    appendLe32(out, quint32(data.size() & 0xFFFFFFFF));
    return out;
}

} // namespace crsync::test
