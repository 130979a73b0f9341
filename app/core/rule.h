#pragma once

#include "core/instance.h"

#include <QString>
#include <QUrl>

namespace crsync {

enum class ResourceType { Image, Chart, All };

QString resourceTypeName(ResourceType type);
bool resourceTypeFromName(const QString &name, ResourceType *type);
QString resourceTypeText(ResourceType type); // translated, for people

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
    bool targetAllowHttp = false;          // cross account: explicit opt-in for plain HTTP
    QString targetCaFile;                  // cross account: extra CA certificate(s), PEM
    bool targetInsecureSkipVerify = false; // cross account: explicit, warned opt-in
    Instance::Flavor targetFlavor = Instance::Flavor::Generic; // cross account
    QString targetNamespace;     // empty = same name as the source namespace

    bool overwrite = false;
    // Signatures, attestations and SBOMs that refer to a copied artifact (OCI referrers API or
    // the sha256-<hex>[.sig|.att|.sbom] tag scheme) go with it, after it; their tags are then not
    // artifacts of their own. On for new rules; rules stored before the option have it off.
    bool withReferrers = true;
    bool enabled = true;

    QString effectiveTargetNamespace() const
    {
        return targetNamespace.isEmpty() ? sourceNamespace : targetNamespace;
    }

    // The cross-account target as an Instance value (id 0, named after the URL's authority), so
    // code that reaches an instance can reach it the same way. Meaningless when !crossAccount.
    Instance crossAccountTarget() const;

    bool operator==(const Rule &) const = default;
};

} // namespace crsync
