#include "automation/webhookpayload.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QUrl>

namespace crsync {

namespace {

bool isManifestType(const QString &mediaType)
{
    // Blob uploads are announced too (application/octet-stream, layer types); only manifests
    // and indexes make an artifact.
    return mediaType.contains(QLatin1String("manifest")) || mediaType.contains(QLatin1String("image.index"))
        || mediaType.isEmpty();
}

QString authorityOf(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return {};
    return url.port() > 0 ? QStringLiteral("%1:%2").arg(url.host()).arg(url.port()) : url.host();
}

WebhookPayload parseDistribution(const QJsonArray &events)
{
    WebhookPayload payload;
    payload.format = WebhookPayload::Format::Distribution;
    for (const QJsonValue &value : events) {
        const QJsonObject event = value.toObject();
        const QJsonObject target = event.value(QLatin1String("target")).toObject();
        const QString action = event.value(QLatin1String("action")).toString();
        const QString tag = target.value(QLatin1String("tag")).toString();
        const QString repository = target.value(QLatin1String("repository")).toString();
        if (action != QLatin1String("push") || tag.isEmpty() || repository.isEmpty()
            || !isManifestType(target.value(QLatin1String("mediaType")).toString())) {
            ++payload.ignored;
            continue;
        }
        PushNotice push;
        push.repository = repository;
        push.tag = tag;
        push.digest = target.value(QLatin1String("digest")).toString();
        // The Host the pushing client used, then the registry's own idea of its URL.
        const QString host = event.value(QLatin1String("request")).toObject().value(QLatin1String("host")).toString();
        if (!host.isEmpty())
            push.hosts << host;
        const QString fromUrl = authorityOf(QUrl(target.value(QLatin1String("url")).toString()));
        if (!fromUrl.isEmpty() && !push.hosts.contains(fromUrl, Qt::CaseInsensitive))
            push.hosts << fromUrl;
        payload.pushes << push;
    }
    return payload;
}

WebhookPayload parseHarbor(const QJsonObject &root)
{
    WebhookPayload payload;
    payload.format = WebhookPayload::Format::Harbor;
    const QJsonObject data = root.value(QLatin1String("event_data")).toObject();
    const QJsonArray resources = data.value(QLatin1String("resources")).toArray();
    if (root.value(QLatin1String("type")).toString() != QLatin1String("PUSH_ARTIFACT")) {
        payload.ignored = std::max<int>(1, int(resources.size()));
        return payload;
    }
    const QJsonObject repository = data.value(QLatin1String("repository")).toObject();
    QString fullName = repository.value(QLatin1String("repo_full_name")).toString();
    if (fullName.isEmpty()) {
        const QString ns = repository.value(QLatin1String("namespace")).toString();
        const QString name = repository.value(QLatin1String("name")).toString();
        fullName = ns.isEmpty() ? name : ns + QLatin1Char('/') + name;
    }
    for (const QJsonValue &value : resources) {
        const QJsonObject resource = value.toObject();
        const QString tag = resource.value(QLatin1String("tag")).toString();
        if (tag.isEmpty() || fullName.isEmpty()) {
            ++payload.ignored;
            continue;
        }
        PushNotice push;
        push.repository = fullName;
        push.tag = tag;
        push.digest = resource.value(QLatin1String("digest")).toString();
        // "harbor.example.com/library/nginx:v1": the host is what comes before the first '/'.
        const QString url = resource.value(QLatin1String("resource_url")).toString();
        const QString host = url.section(QLatin1Char('/'), 0, 0);
        if (!host.isEmpty() && url.contains(QLatin1Char('/')))
            push.hosts << host;
        payload.pushes << push;
    }
    return payload;
}

} // namespace

QString webhookFormatName(WebhookPayload::Format format)
{
    return format == WebhookPayload::Format::Harbor ? QStringLiteral("harbor")
                                                    : QStringLiteral("distribution");
}

Result<WebhookPayload> parseWebhookPayload(const QByteArray &body)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return Error::invalid(QStringLiteral("body"),
                              QCoreApplication::translate("crsync::Webhook", "The body is not a JSON object (%1).").arg(error.errorString()));
    const QJsonObject root = doc.object();
    if (root.value(QLatin1String("events")).isArray())
        return parseDistribution(root.value(QLatin1String("events")).toArray());
    if (root.value(QLatin1String("type")).isString() && root.value(QLatin1String("event_data")).isObject())
        return parseHarbor(root);
    return Error::invalid(QStringLiteral("body"),
                          QCoreApplication::translate("crsync::Webhook",
                                                      "The body is neither a registry notification "
                                                      "envelope (\"events\") nor a Harbor webhook "
                                                      "payload (\"type\", \"event_data\")."));
}

} // namespace crsync
