#include "cli/ruleflags.h"

#include "core/validation.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <algorithm>

namespace crsync::cli {

namespace {

QString opt(const char *name)
{
    return QString::fromLatin1(name);
}

const Instance *byName(const QList<Instance> &instances, const QString &name)
{
    for (const Instance &i : instances)
        if (i.name == name)
            return &i;
    return nullptr;
}

} // namespace

std::map<QString, QString> RuleFlags::flagOf(bool forEdit)
{
    return {
        { opt(ValidationField::Name), forEdit ? opt("--name") : opt("NAME") },
        { opt(ValidationField::Description), opt("--description") },
        { opt(ValidationField::SourceInstance), opt("--source") },
        { opt(ValidationField::SourceNamespace), opt("--namespace") },
        { opt(ValidationField::RepositoryFilter), opt("--repo-filter") },
        { opt(ValidationField::TagFilter), opt("--tag-filter") },
        { opt(ValidationField::TargetInstance), opt("--target") },
        { opt(ValidationField::TargetUrl), opt("--target-url") },
        { opt(ValidationField::TargetUsername), opt("--target-username") },
        { opt(ValidationField::TargetPassword), opt("--target-password-stdin") },
        { opt(ValidationField::TargetCaFile), opt("--target-ca-file") },
        { opt(ValidationField::TargetInstanceRef), opt("--target-instance-id") },
        { opt(ValidationField::TargetNamespace), opt("--target-namespace") },
        { opt("targetFlavor"), opt("--target-flavor") },
        { opt("type"), opt("--type") },
        { opt("overwrite"), opt("--overwrite") },
        { opt("withReferrers"), opt("--with-referrers") },
        { opt("enabled"), opt("--enabled") },
    };
}

std::map<QString, QString> RuleFlags::hints()
{
    return {
        { opt(ValidationCode::PlainHttpNotAllowed), tr("(--target-allow-http allows it.)") },
        { opt(ValidationCode::AccountMismatch),
          tr("(For a target of another account use --target-url with --target-username and "
             "--target-password-stdin.)") },
    };
}

QList<QCommandLineOption> RuleFlags::options(bool forEdit)
{
    QList<QCommandLineOption> options {
        { opt("source"), tr("Source instance (name)."), opt("INSTANCE") },
        { opt("namespace"), tr("Source namespace (exactly one)."), opt("NS") },
        { opt("repo-filter"),
          tr("Regex matched against the whole repository path below the namespace; empty = all."),
          opt("RE") },
        { opt("tag-filter"), tr("Regex matched against the whole tag; empty = all."), opt("RE") },
        { opt("type"), tr("Resource type: image, chart or all (default all)."),
          opt("image|chart|all") },
        { opt("target"), tr("Target instance of the same account (name)."), opt("INSTANCE") },
        { opt("target-namespace"), tr("Target namespace; empty = the source namespace's name."),
          opt("NS") },
        { opt("overwrite"), tr("Replace target tags that exist with another digest.") },
        { opt("with-referrers"),
          tr("Copy the signatures, attestations and SBOMs of each artifact with it (the "
             "default for a new rule).") },
        { opt("no-referrers"),
          tr("Do not copy them with it: their cosign tags (sha256-<hex>.sig, .att, .sbom) are "
             "then artifacts of their own, synced only with --type all.") },
        { opt("disabled"), tr("Store the rule switched off.") },
        { opt("description"), tr("Free text."), opt("TEXT") },
        { opt("target-url"), tr("Cross-account: URL of the target registry (instead of --target)."),
          opt("URL") },
        { opt("target-username"),
          tr("Cross-account: a user-level account at the target (no robot$/tcr$ service "
             "accounts)."),
          opt("U") },
        { opt("target-password-stdin"),
          tr("Cross-account: read the target password from the first line of standard input.") },
        { opt("target-flavor"), tr("Cross-account: generic, harbor or tcr."), opt("FLAVOR") },
        { opt("target-ca-file"), tr("Cross-account: extra trusted CA certificate(s), PEM."),
          opt("F") },
        { opt("target-insecure"), tr("Cross-account: skip TLS verification (unsafe).") },
        { opt("target-allow-http"), tr("Cross-account: allow a plain http:// target URL.") },
        { opt("target-instance-id"),
          tr("Cross-account: the target's instance ID as its owner gave it."), opt("ID") },
    };
    if (forEdit) {
        options << QCommandLineOption(opt("name"), tr("Rename the rule."), opt("NEW_NAME"))
                << QCommandLineOption(opt("no-overwrite"), tr("Leave existing target tags alone."))
                << QCommandLineOption(opt("enabled"), tr("Switch the rule on."));
    }
    return options;
}

void RuleFlags::apply(const QCommandLineParser &p, const QList<Instance> &instances, bool forEdit,
                      Rule *rule, QList<Error> *problems)
{
    Rule &r = *rule;
    static const char *const editOnly[] = { "name", "no-overwrite", "enabled" };
    auto set = [&p, forEdit](const char *name) {
        if (!forEdit
            && std::find_if(std::begin(editOnly), std::end(editOnly),
                            [name](const char *e) { return qstrcmp(e, name) == 0; })
                != std::end(editOnly))
            return false; // create does not define it
        return p.isSet(opt(name));
    };
    auto value = [&p](const char *name) { return p.value(opt(name)); };
    auto unknownInstance = [](const char *field, const QString &name) {
        return Error::invalid(
            opt(field),
            tr("There is no instance named \"%1\" (see \"crsync instance list\").").arg(name));
    };

    if (set("name"))
        r.name = value("name");
    if (set("description"))
        r.description = value("description");
    if (set("source")) {
        const Instance *source = byName(instances, value("source"));
        r.sourceInstanceId = source ? source->id : 0;
        if (!source)
            *problems << unknownInstance(ValidationField::SourceInstance, value("source"));
    }
    if (set("namespace"))
        r.sourceNamespace = value("namespace");
    if (set("repo-filter"))
        r.repositoryFilter = value("repo-filter");
    if (set("tag-filter"))
        r.tagFilter = value("tag-filter");
    if (set("target-namespace"))
        r.targetNamespace = value("target-namespace");
    if (set("type") && !resourceTypeFromName(value("type"), &r.resourceType))
        *problems << Error::invalid(
            opt("type"),
            tr("\"%1\" is not a resource type; use image, chart or all.").arg(value("type")));

    if (set("target") && set("target-url")) {
        *problems << Error::invalid(opt(ValidationField::TargetInstance),
                                    tr("Give either --target (an instance of the same account) "
                                       "or --target-url (cross-account), not both."));
    } else if (set("target")) {
        // Same account: the cross-account details no longer apply.
        const Instance *target = byName(instances, value("target"));
        r.crossAccount = false;
        r.targetInstanceId = target ? target->id : 0;
        r.targetUrl = QUrl();
        r.targetUsername.clear();
        r.targetInstanceRef.clear();
        r.targetCaFile.clear();
        r.targetAllowHttp = false;
        r.targetInsecureSkipVerify = false;
        r.targetFlavor = Instance::Flavor::Generic;
        if (!target)
            *problems << unknownInstance(ValidationField::TargetInstance, value("target"));
    } else if (set("target-url")) {
        r.crossAccount = true;
        r.targetInstanceId = 0;
        r.targetUrl = normalizedRegistryUrl(value("target-url"));
    }

    static const char *const crossOnly[]
        = { "target-username", "target-password-stdin", "target-flavor",     "target-ca-file",
            "target-insecure", "target-allow-http",     "target-instance-id" };
    for (const char *name : crossOnly) {
        if (set(name) && !r.crossAccount)
            *problems << Error::invalid(QStringLiteral("--") + opt(name),
                                        tr("Only for a cross-account target (--target-url)."));
    }
    if (r.crossAccount) {
        if (set("target-username"))
            r.targetUsername = value("target-username");
        if (set("target-instance-id"))
            r.targetInstanceRef = value("target-instance-id");
        if (set("target-ca-file"))
            r.targetCaFile = value("target-ca-file").isEmpty()
                ? QString()
                : QFileInfo(value("target-ca-file")).absoluteFilePath();
        if (set("target-allow-http"))
            r.targetAllowHttp = true;
        if (set("target-insecure"))
            r.targetInsecureSkipVerify = true;
        if (set("target-flavor") && !flavorFromName(value("target-flavor"), &r.targetFlavor))
            *problems << Error::invalid(opt("targetFlavor"),
                                        tr("\"%1\" is not a flavor; use generic, harbor or tcr.")
                                            .arg(value("target-flavor")));
        if (set("target-url")) {
            const QList<Error> typed = validateRegistryUrlText(
                value("target-url"), r.targetAllowHttp, ValidationField::TargetUrl);
            if (!typed.isEmpty())
                *problems << typed;
        }
    }

    if (set("overwrite") && set("no-overwrite"))
        *problems << Error::invalid(opt("overwrite"),
                                    tr("--overwrite and --no-overwrite contradict each other."));
    else if (set("overwrite"))
        r.overwrite = true;
    else if (forEdit && set("no-overwrite"))
        r.overwrite = false;
    if (set("with-referrers") && set("no-referrers"))
        *problems << Error::invalid(
            opt("withReferrers"), tr("--with-referrers and --no-referrers contradict each other."));
    else if (set("with-referrers"))
        r.withReferrers = true;
    else if (set("no-referrers"))
        r.withReferrers = false;
    if (forEdit && set("enabled") && set("disabled"))
        *problems << Error::invalid(opt("enabled"),
                                    tr("--enabled and --disabled contradict each other."));
    else if (set("disabled"))
        r.enabled = false;
    else if (forEdit && set("enabled"))
        r.enabled = true;
}

} // namespace crsync::cli
