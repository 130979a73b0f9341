// crsync rule list|show|enable|disable|delete, and the group's table of subcommands.
#include "cli/rulecommands.h"

#include "cli/commandcontext.h"
#include "cli/commandgroups.h"
#include "cli/output.h"
#include "core/validation.h"
#include "secrets/credentialstore.h"
#include "store/database.h"
#include "store/instancestore.h"
#include "store/rulestore.h"
#include "store/taskstore.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <memory>

namespace crsync::cli {

namespace {

QString instanceName(const QList<Instance> &instances, qint64 id)
{
    for (const Instance &i : instances)
        if (i.id == id)
            return i.name;
    return {};
}

QUrl instanceUrl(const QList<Instance> &instances, qint64 id)
{
    for (const Instance &i : instances)
        if (i.id == id)
            return i.url;
    return {};
}

QString targetText(const Rule &r, const QList<Instance> &instances)
{
    if (!r.crossAccount)
        return instanceName(instances, r.targetInstanceId);
    return RuleCommands::tr("%1 as %2 (cross-account)")
        .arg(r.targetUrl.toString(), r.targetUsername);
}

bool loadInstances(CommandContext &ctx, QList<Instance> *instances)
{
    auto db = ctx.database();
    if (!db) {
        ctx.fail(db.error());
        return false;
    }
    auto all = InstanceStore(**db).list();
    if (!all) {
        ctx.fail(all.error());
        return false;
    }
    *instances = *all;
    return true;
}

} // namespace

const std::map<QString, QString> &RuleCommands::flagOf()
{
    static const std::map<QString, QString> map {
        { QString::fromLatin1(ValidationField::Name), QStringLiteral("NAME") },
        { QString::fromLatin1(ValidationField::Description), QStringLiteral("--description") },
        { QString::fromLatin1(ValidationField::SourceInstance), QStringLiteral("--source") },
        { QString::fromLatin1(ValidationField::SourceNamespace), QStringLiteral("--namespace") },
        { QString::fromLatin1(ValidationField::RepositoryFilter), QStringLiteral("--repo-filter") },
        { QString::fromLatin1(ValidationField::TagFilter), QStringLiteral("--tag-filter") },
        { QString::fromLatin1(ValidationField::TargetInstance), QStringLiteral("--target") },
        { QString::fromLatin1(ValidationField::TargetUrl), QStringLiteral("--target-url") },
        { QString::fromLatin1(ValidationField::TargetUsername),
          QStringLiteral("--target-username") },
        { QString::fromLatin1(ValidationField::TargetPassword),
          QStringLiteral("--target-password-stdin") },
        { QString::fromLatin1(ValidationField::TargetCaFile), QStringLiteral("--target-ca-file") },
        { QString::fromLatin1(ValidationField::TargetInstanceRef),
          QStringLiteral("--target-instance-id") },
        { QString::fromLatin1(ValidationField::TargetNamespace),
          QStringLiteral("--target-namespace") },
        { QStringLiteral("targetFlavor"), QStringLiteral("--target-flavor") },
        { QStringLiteral("type"), QStringLiteral("--type") },
        { QStringLiteral("overwrite"), QStringLiteral("--overwrite") },
        { QStringLiteral("enabled"), QStringLiteral("--enabled") },
    };
    return map;
}

QString RuleCommands::credentialKey(const Rule &rule)
{
    if (!rule.crossAccount || rule.targetUsername.isEmpty() || rule.targetUrl.isEmpty())
        return {};
    return CredentialStore::targetKey(rule.targetUrl, rule.targetUsername);
}

QStringList RuleCommands::rulesSharing(const QString &key, const QList<Rule> &rules, qint64 except)
{
    QStringList names;
    if (key.isEmpty())
        return names;
    for (const Rule &r : rules)
        if (r.id != except && credentialKey(r) == key)
            names << r.name;
    return names;
}

QJsonObject RuleCommands::toJson(const Rule &r, const QList<Instance> &instances)
{
    const QString target = r.crossAccount ? QString() : instanceName(instances, r.targetInstanceId);
    return QJsonObject {
        { QStringLiteral("id"), r.id },
        { QStringLiteral("name"), r.name },
        { QStringLiteral("description"), r.description },
        { QStringLiteral("enabled"), r.enabled },
        { QStringLiteral("source"), instanceName(instances, r.sourceInstanceId) },
        { QStringLiteral("sourceNamespace"), r.sourceNamespace },
        { QStringLiteral("repositoryFilter"), r.repositoryFilter },
        { QStringLiteral("tagFilter"), r.tagFilter },
        { QStringLiteral("resourceType"), resourceTypeName(r.resourceType) },
        { QStringLiteral("crossAccount"), r.crossAccount },
        { QStringLiteral("target"), r.crossAccount ? QJsonValue() : QJsonValue(target) },
        { QStringLiteral("targetUrl"),
          (r.crossAccount ? r.targetUrl : instanceUrl(instances, r.targetInstanceId)).toString() },
        { QStringLiteral("targetUsername"), r.targetUsername },
        { QStringLiteral("targetFlavor"),
          r.crossAccount ? QJsonValue(flavorName(r.targetFlavor)) : QJsonValue() },
        { QStringLiteral("targetCaFile"), r.targetCaFile },
        { QStringLiteral("targetInsecureSkipVerify"), r.targetInsecureSkipVerify },
        { QStringLiteral("targetAllowHttp"), r.targetAllowHttp },
        { QStringLiteral("targetInstanceId"), r.targetInstanceRef },
        { QStringLiteral("targetNamespace"), r.targetNamespace },
        { QStringLiteral("effectiveTargetNamespace"), r.effectiveTargetNamespace() },
        { QStringLiteral("overwrite"), r.overwrite },
    };
}

QString RuleCommands::jsonFieldsHelp()
{
    return tr(
        "JSON fields (stable): id (number); name, description, source (instance name), "
        "sourceNamespace, repositoryFilter, tagFilter (empty = all), resourceType "
        "(image|chart|all) (strings); enabled, crossAccount, overwrite (booleans); target "
        "(instance name, null when cross-account); targetUrl (the target instance's URL, or "
        "the cross-account URL); targetUsername, targetCaFile, targetInstanceId (strings, "
        "empty unless cross-account); targetFlavor (string, null unless cross-account); "
        "targetInsecureSkipVerify, targetAllowHttp (booleans); targetNamespace (as given, "
        "empty = same as the source); effectiveTargetNamespace. Passwords are never printed.");
}

bool RuleCommands::findRule(CommandContext &ctx, const QString &name, Rule *rule)
{
    auto db = ctx.database();
    if (!db) {
        ctx.fail(db.error());
        return false;
    }
    auto found = RuleStore(**db).findByName(name);
    if (!found) {
        Error e = found.error();
        if (e.kind == Error::Kind::NotFound)
            e.message = tr("There is no rule named \"%1\". \"crsync rule list\" shows the rules "
                           "there are.")
                            .arg(name);
        ctx.fail(e);
        return false;
    }
    *rule = *found;
    return true;
}

CommandGroup RuleCommands::group()
{
    CommandGroup g;
    g.name = QStringLiteral("rule");
    g.summary = tr("Replication rules: create, list, show, edit, enable, disable, delete.");

    auto named = [](const char *name, QString summary,
                    void (*run)(CommandContext &, const QCommandLineParser &)) {
        Subcommand s;
        s.name = QString::fromLatin1(name);
        s.positionals = { QStringLiteral("NAME") };
        s.summary = std::move(summary);
        s.run = run;
        return s;
    };

    Subcommand create = named("create", tr("Create a rule."), &RuleCommands::create);
    create.usage
        = QStringLiteral("--source INSTANCE --namespace NS (--target INSTANCE | --target-url URL "
                         "--target-username U --target-password-stdin) [options]");
    create.options = formOptions(false);
    create.details
        = tr("Every value is checked before anything is stored; a bad one is refused "
             "with exit status 2, naming the flag. Cross-account credentials are kept in "
             "the keychain per (target URL, username) as crsync/target/<url>|<user>: "
             "giving a new password for the same target and user replaces it for every "
             "rule that uses them; when the keychain already holds them, "
             "--target-password-stdin may be left out.");

    Subcommand list = named("list", tr("List the rules."), &RuleCommands::list);
    list.positionals.clear();
    list.options = { jsonOption() };
    list.details = jsonFieldsHelp() + QLatin1Char(' ') + tr("--json prints an array of them.");

    Subcommand show = named("show", tr("Show one rule."), &RuleCommands::show);
    show.options = { jsonOption() };
    show.details = jsonFieldsHelp() + QLatin1Char(' ')
        + tr("show adds: sharedCredentialsWith (names of other rules using the same "
             "cross-account credentials).");

    Subcommand edit = named("edit",
                            tr("Change any field of a rule (same flags as create, plus --name, "
                               "--no-overwrite, --enabled)."),
                            &RuleCommands::edit);
    edit.usage = QStringLiteral("[options]");
    edit.options = formOptions(true);
    edit.details = tr("Only the flags given change. An empty value clears an optional field "
                      "(--repo-filter \"\"). --target switches to a same-account target, "
                      "--target-url to a cross-account one. A task already running finishes "
                      "with the settings it started with.");

    Subcommand enable = named("enable", tr("Switch a rule on."), &RuleCommands::enable);
    Subcommand disable = named("disable", tr("Switch a rule off: no events, no manual sync."),
                               &RuleCommands::disable);

    Subcommand del
        = named("delete", tr("Delete a rule (asks first unless --yes); its sync logs are kept."),
                &RuleCommands::remove);
    del.options = { QCommandLineOption(QStringLiteral("yes"), tr("Do not ask for confirmation.")) };
    del.details = tr("Without --yes the command asks on the terminal; when standard input is not "
                     "a terminal it refuses (exit status 2). The rule's cross-account credentials "
                     "leave the keychain unless another rule uses the same target and username.");

    g.subcommands = { create, list, show, edit, enable, disable, del };
    return g;
}

void RuleCommands::list(CommandContext &ctx, const QCommandLineParser &p)
{
    QList<Instance> instances;
    if (!loadInstances(ctx, &instances))
        return;
    auto db = ctx.database();
    auto rules = RuleStore(**db).list();
    if (!rules)
        return ctx.fail(rules.error());
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const Rule &r : *rules)
            array << toJson(r, instances);
        printJson(ctx.out(), array);
        return ctx.finish(ExitOk);
    }
    if (rules->isEmpty()) {
        ctx.out() << tr("No rules yet. Create one with \"crsync rule create\".") << Qt::endl;
        return ctx.finish(ExitOk);
    }
    Table table({ tr("NAME"), tr("ENABLED"), tr("SOURCE"), tr("NAMESPACE"), tr("TARGET"),
                  tr("TARGET NS"), tr("TYPE"), tr("OVERWRITE"), tr("DESCRIPTION") });
    for (const Rule &r : *rules)
        table.addRow({ r.name, yesNo(r.enabled), instanceName(instances, r.sourceInstanceId),
                       r.sourceNamespace, targetText(r, instances), r.effectiveTargetNamespace(),
                       resourceTypeName(r.resourceType), yesNo(r.overwrite), r.description });
    table.print(ctx.out());
    ctx.finish(ExitOk);
}

void RuleCommands::show(CommandContext &ctx, const QCommandLineParser &p)
{
    Rule r;
    QList<Instance> instances;
    if (!findRule(ctx, p.positionalArguments().value(0), &r) || !loadInstances(ctx, &instances))
        return;
    auto db = ctx.database();
    auto rules = RuleStore(**db).list();
    if (!rules)
        return ctx.fail(rules.error());
    const QStringList sharing = rulesSharing(credentialKey(r), *rules, r.id);
    if (p.isSet(QStringLiteral("json"))) {
        QJsonObject o = toJson(r, instances);
        o.insert(QStringLiteral("sharedCredentialsWith"), QJsonArray::fromStringList(sharing));
        printJson(ctx.out(), o);
        return ctx.finish(ExitOk);
    }
    auto orAll = [](const QString &s) { return s.isEmpty() ? tr("(all)") : s; };
    QList<QPair<QString, QString>> fields {
        { tr("Name"), r.name },
        { tr("Description"), r.description },
        { tr("Enabled"), yesNo(r.enabled) },
        { tr("Source instance"), instanceName(instances, r.sourceInstanceId) },
        { tr("Source namespace"), r.sourceNamespace },
        { tr("Repository filter"), orAll(r.repositoryFilter) },
        { tr("Tag filter"), orAll(r.tagFilter) },
        { tr("Resource type"), resourceTypeName(r.resourceType) },
        { tr("Cross-account"), yesNo(r.crossAccount) },
    };
    if (r.crossAccount) {
        fields << qMakePair(tr("Target URL"), r.targetUrl.toString())
               << qMakePair(tr("Target username"), r.targetUsername)
               << qMakePair(tr("Target flavor"), flavorName(r.targetFlavor))
               << qMakePair(tr("Target instance ID"), r.targetInstanceRef)
               << qMakePair(tr("Target CA file"), r.targetCaFile)
               << qMakePair(tr("Target TLS verification"),
                            r.targetInsecureSkipVerify ? tr("off (insecure)") : tr("on"))
               << qMakePair(tr("Credentials shared with"),
                            sharing.isEmpty() ? tr("(no other rule)")
                                              : sharing.join(QStringLiteral(", ")));
    } else {
        fields << qMakePair(tr("Target instance"), instanceName(instances, r.targetInstanceId));
    }
    fields << qMakePair(tr("Target namespace"),
                        r.targetNamespace.isEmpty()
                            ? tr("%1 (same as the source)").arg(r.effectiveTargetNamespace())
                            : r.targetNamespace)
           << qMakePair(tr("Overwrite"), yesNo(r.overwrite));
    printFields(ctx.out(), fields);
    ctx.finish(ExitOk);
}

static void setEnabled(CommandContext &ctx, const QCommandLineParser &p, bool enabled)
{
    Rule r;
    if (!RuleCommands::findRule(ctx, p.positionalArguments().value(0), &r))
        return;
    if (r.enabled != enabled) {
        auto db = ctx.database();
        auto done = RuleStore(**db).setEnabled(r.id, enabled);
        if (!done)
            return ctx.fail(done.error());
    }
    ctx.out() << (enabled ? RuleCommands::tr("Rule \"%1\" is enabled.")
                          : RuleCommands::tr("Rule \"%1\" is disabled."))
                     .arg(r.name)
              << Qt::endl;
    ctx.finish(ExitOk);
}

void RuleCommands::enable(CommandContext &ctx, const QCommandLineParser &p)
{
    setEnabled(ctx, p, true);
}

void RuleCommands::disable(CommandContext &ctx, const QCommandLineParser &p)
{
    setEnabled(ctx, p, false);
}

void RuleCommands::remove(CommandContext &ctx, const QCommandLineParser &p)
{
    Rule rule;
    if (!findRule(ctx, p.positionalArguments().value(0), &rule))
        return;
    if (!p.isSet(QStringLiteral("yes"))) {
        if (!ctx.stdinIsTerminal())
            return ctx.fail(
                Error::invalid(QStringLiteral("yes"),
                               tr("Deleting rule \"%1\" needs confirmation, and standard input "
                                  "is not a terminal: pass --yes to delete without asking. "
                                  "Nothing was deleted.")
                                   .arg(rule.name)));
        if (!ctx.confirm(tr("Delete rule \"%1\"? Its sync logs are kept.").arg(rule.name))) {
            ctx.out() << tr("Nothing deleted.") << Qt::endl;
            return ctx.finish(ExitFailure);
        }
    }
    auto db = ctx.database();
    auto all = RuleStore(**db).list();
    if (!all)
        return ctx.fail(all.error());

    auto deleteRow = [&ctx, rule]() -> Result<void> {
        auto db = ctx.database();
        return RuleStore(**db).remove(rule.id);
    };
    auto report = [&ctx, rule](const QString &extra) {
        auto db = ctx.database();
        TaskFilter filter;
        filter.ruleName = rule.name;
        auto kept = TaskStore(**db).count(filter);
        ctx.out() << tr("Rule \"%1\" deleted.").arg(rule.name);
        if (kept && *kept > 0)
            ctx.out() << ' ' << tr("Its %n sync log entries are kept.", nullptr, *kept);
        if (!extra.isEmpty())
            ctx.out() << ' ' << extra;
        ctx.out() << Qt::endl;
        ctx.finish(ExitOk);
    };

    const QString key = credentialKey(rule);
    const QStringList sharing = rulesSharing(key, *all, rule.id);
    if (key.isEmpty() || !sharing.isEmpty()) {
        auto removed = deleteRow();
        if (!removed)
            return ctx.fail(removed.error());
        return report(sharing.isEmpty()
                          ? QString()
                          : tr("Its cross-account credentials stay in the keychain for rule(s) %1.")
                                .arg(sharing.join(QStringLiteral(", "))));
    }
    // Keychain first (a missing keychain then changes nothing); the secret is held so a refused
    // database delete can put it back.
    ctx.credentials().fetch(key, [&ctx, key, deleteRow, report](Result<QString> held) {
        if (!held && held.error().kind != Error::Kind::NotFound)
            return ctx.fail(held.error());
        ctx.credentials().forget(key, [&ctx, key, held, deleteRow, report](Result<void> forgotten) {
            if (!forgotten)
                return ctx.fail(forgotten.error());
            auto removed = deleteRow();
            if (removed)
                return report(tr("Its cross-account credentials were removed from the keychain."));
            if (!held)
                return ctx.fail(removed.error());
            ctx.credentials().persist(
                key, *held, [&ctx, error = removed.error()](Result<void>) { ctx.fail(error); });
        });
    });
}

CommandGroup ruleCommands()
{
    return RuleCommands::group();
}

} // namespace crsync::cli
