#include "registry/manifest.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace crsync {

bool Descriptor::isForeign() const
{
    return mediaType == QLatin1String("application/vnd.docker.image.rootfs.foreign.diff.tar.gzip")
        || mediaType.startsWith(QLatin1String("application/vnd.oci.image.layer.nondistributable."));
}

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(crsync::Manifest)
};

Error protocolError(const Manifest &m, const QString &what)
{
    const QString name = m.digest.isEmpty() ? Text::tr("The manifest") : Text::tr("The manifest %1").arg(m.digest);
    return Error::make(Error::Kind::Protocol, Text::tr("%1 cannot be used: %2.").arg(name, what));
}

// Reads one descriptor; `where` names it in messages ("layer 2", "config").
Result<Descriptor> readDescriptor(const Manifest &m, const QJsonValue &value, const QString &where)
{
    if (!value.isObject())
        return protocolError(m, Text::tr("%1 is not a JSON object").arg(where));
    const QJsonObject o = value.toObject();
    Descriptor d;
    d.mediaType = o.value(QLatin1String("mediaType")).toString();
    d.digest = o.value(QLatin1String("digest")).toString();
    if (!isValidDigest(d.digest))
        return protocolError(m, Text::tr("%1 has no valid digest (\"%2\")").arg(where, d.digest));
    const QJsonValue size = o.value(QLatin1String("size"));
    if (!size.isDouble() || size.toDouble() < 0 || size.toDouble() != double(qint64(size.toDouble())))
        return protocolError(m, Text::tr("%1 has no valid size").arg(where));
    d.size = qint64(size.toDouble());
    const QJsonObject platform = o.value(QLatin1String("platform")).toObject();
    if (!platform.isEmpty()) {
        d.platform = platform.value(QLatin1String("os")).toString() + QLatin1Char('/')
            + platform.value(QLatin1String("architecture")).toString();
        const QString variant = platform.value(QLatin1String("variant")).toString();
        if (!variant.isEmpty())
            d.platform += QLatin1Char('/') + variant;
    }
    return d;
}

} // namespace

Result<ManifestContent> parseManifest(const Manifest &manifest)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(manifest.bytes, &err);
    if (err.error != QJsonParseError::NoError)
        return protocolError(manifest, Text::tr("it is not JSON (%1 at offset %2)").arg(err.errorString()).arg(err.offset));
    if (!doc.isObject())
        return protocolError(manifest, Text::tr("it is not a JSON object"));
    const QJsonObject root = doc.object();

    const int schemaVersion = root.value(QLatin1String("schemaVersion")).toInt(-1);
    if (schemaVersion == 1)
        return protocolError(manifest, Text::tr("Docker schema 1 manifests are not supported"));
    if (schemaVersion != 2)
        return protocolError(manifest, Text::tr("its schemaVersion is not 2"));

    QString type = manifest.mediaType;
    const QString declared = root.value(QLatin1String("mediaType")).toString();
    if (!isManifestMediaType(type))
        type = declared;

    ManifestContent content;
    content.artifactType = root.value(QLatin1String("artifactType")).toString();
    const QString subject = root.value(QLatin1String("subject")).toObject().value(QLatin1String("digest")).toString();
    if (isValidDigest(subject))
        content.subject = subject;
    const bool hasManifests = root.contains(QLatin1String("manifests"));
    content.isIndex = type == QLatin1String(mediatype::OciIndex)
        || type == QLatin1String(mediatype::DockerManifestList)
        || (!isManifestMediaType(type) && hasManifests && !root.contains(QLatin1String("layers")));

    if (content.isIndex) {
        const QJsonValue list = root.value(QLatin1String("manifests"));
        if (!list.isArray())
            return protocolError(manifest, Text::tr("the index has no \"manifests\" list"));
        const QJsonArray children = list.toArray();
        for (int i = 0; i < children.size(); ++i) {
            auto d = readDescriptor(manifest, children.at(i), Text::tr("entry %1 of \"manifests\"").arg(i + 1));
            if (!d)
                return d.error();
            content.children.append(*d);
        }
        return content;
    }

    auto config = readDescriptor(manifest, root.value(QLatin1String("config")), Text::tr("the config"));
    if (!config)
        return config.error();
    content.config = *config;
    const QJsonValue layers = root.value(QLatin1String("layers"));
    if (!layers.isArray())
        return protocolError(manifest, Text::tr("it has no \"layers\" list"));
    const QJsonArray list = layers.toArray();
    for (int i = 0; i < list.size(); ++i) {
        auto d = readDescriptor(manifest, list.at(i), Text::tr("layer %1").arg(i + 1));
        if (!d)
            return d.error();
        content.layers.append(*d);
    }
    return content;
}

bool isManifestMediaType(const QString &mediaType)
{
    return mediaType == QLatin1String(mediatype::OciManifest)
        || mediaType == QLatin1String(mediatype::OciIndex)
        || mediaType == QLatin1String(mediatype::DockerManifest)
        || mediaType == QLatin1String(mediatype::DockerManifestList);
}

QString manifestAcceptHeader()
{
    return QStringList{QLatin1String(mediatype::OciManifest), QLatin1String(mediatype::OciIndex),
                       QLatin1String(mediatype::DockerManifest),
                       QLatin1String(mediatype::DockerManifestList)}
        .join(QLatin1String(", "));
}

QString sha256Digest(const QByteArray &bytes)
{
    return QLatin1String("sha256:")
        + QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

bool isValidDigest(const QString &digest)
{
    static const QRegularExpression sha256(QStringLiteral("^sha256:[a-f0-9]{64}$"));
    static const QRegularExpression sha512(QStringLiteral("^sha512:[a-f0-9]{128}$"));
    return sha256.match(digest).hasMatch() || sha512.match(digest).hasMatch();
}

} // namespace crsync
