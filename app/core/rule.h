#pragma once

#include <QString>
#include <QUrl>

namespace crsync {

enum class ResourceType { Image, Chart, All };

QString resourceTypeName(ResourceType type);
bool resourceTypeFromName(const QString &name, ResourceType *type);

// A replication rule: what the rule form holds (DESIGN.md section 1).
struct Rule
{
    qint64 id = 0; // 0 until stored
    QString name;
    QString description;
    qint64 sourceInstanceId = 0;
    QString sourceNamespace;
    QString repositoryFilter; // full-match regex on the path below the namespace; empty = all
    QString tagFilter;        // full-match regex on the tag; empty = all
    ResourceType resourceType = ResourceType::All;

    bool crossAccount = false;
    qint64 targetInstanceId = 0; // same account: one of the stored instances
    QUrl targetUrl;              // cross account: URL of the target registry
    QString targetInstanceRef;   // cross account: the target's instance ID as its owner gave it
    QString targetUsername;      // cross account; the password is in the keychain
    QString targetNamespace;     // empty = same name as the source namespace

    bool overwrite = false;
    bool enabled = true;

    QString effectiveTargetNamespace() const
    {
        return targetNamespace.isEmpty() ? sourceNamespace : targetNamespace;
    }

    bool operator==(const Rule &) const = default;
};

} // namespace crsync
