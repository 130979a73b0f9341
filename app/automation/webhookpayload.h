#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace crsync {

// A manifest pushed with a tag, as a registry's notification describes it.
struct PushNotice
{
    QStringList hosts;  // where it was pushed: "host[:port]", most telling first
    QString repository; // full path at that registry
    QString tag;
    QString digest;     // may be empty (Harbor gives it, distribution does)
};

// What one POST /webhook body says: its pushes, and how many of its events did not count
// (pulls, deletes, blob uploads, pushes by digest alone).
struct WebhookPayload
{
    enum class Format { Distribution, Harbor };
    Format format = Format::Distribution;
    QList<PushNotice> pushes;
    int ignored = 0;
};

// A Docker distribution notification envelope ({"events": [...]}, the registry's
// `notifications: endpoints`) or a Harbor webhook payload ({"type": "PUSH_ARTIFACT",
// "event_data": ...}), told apart by content. Error::Kind::Invalid when the body is neither.
Result<WebhookPayload> parseWebhookPayload(const QByteArray &body);

QString webhookFormatName(WebhookPayload::Format format); // "distribution", "harbor"

} // namespace crsync
