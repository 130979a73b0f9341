// crsync rule create|list|show|edit|enable|disable|clone|delete
#include "cli/rulecommands.h"

#include "cli/commandcontext.h"
#include "cli/commandgroups.h"
#include "cli/output.h"
#include "cli/ruleflags.h"
#include "service/instanceservice.h"
#include "service/ruleservice.h"
#include "core/schedule.h"
#include "store/eventstore.h"

#include <QCommandLineParser>
#include <QJsonArray>

namespace crsync::cli {

namespace {

QString opt(const char *name)
{
    return QString::fromLatin1(name);
}

const Instance *instanceById(const QList<Instance> &instances, qint64 id)
{
    for (const Instance &i : instances)
        if (i.id == id)
            return &i;
    return nullptr;
}

QString instanceName(const QList<Instance> &instances, qint64 id)
{
    const Instance *i = instanceById(instances, id);
    return i ? i->name : QString();
}

QString targetText(const Rule &r, const QList<Instance> &instances)
{
    if (!r.crossAccount)
        return instanceName(instances, r.targetInstanceId);
    return RuleCommands::tr("%1 as %2 (cross-account)")
        .arg(r.targetUrl.toString(), r.targetUsername);
}

} // namespace

bool RuleCommands::loadInstances(CommandContext &ctx, QList<Instance> *instances)
{
    InstanceService *service = ctx.instances();
    if (!service)
        return false;
    auto all = service->list();
    if (!all) {
        ctx.fail(all.error());
        return false;
    }
    *instances = *all;
    return true;
}

QJsonObject RuleCommands::toJson(const Rule &r, const QList<Instance> &instances)
{
    const Instance *target = r.crossAccount ? nullptr : instanceById(instances, r.targetInstanceId);
    return QJsonObject {
        { opt("id"), r.id },
        { opt("name"), r.name },
        { opt("description"), r.description },
        { opt("enabled"), r.enabled },
        { opt("source"), instanceName(instances, r.sourceInstanceId) },
        { opt("sourceNamespace"), r.sourceNamespace },
        { opt("repositoryFilter"), r.repositoryFilter },
        { opt("tagFilter"), r.tagFilter },
        { opt("resourceType"), resourceTypeName(r.resourceType) },
        { opt("crossAccount"), r.crossAccount },
        { opt("target"), target ? QJsonValue(target->name) : QJsonValue() },
        { opt("targetUrl"), (r.crossAccount ? r.targetUrl : target ? target->url : QUrl()).toString() },
        { opt("targetUsername"), r.targetUsername },
        { opt("targetFlavor"), r.crossAccount ? QJsonValue(flavorName(r.targetFlavor)) : QJsonValue() },
        { opt("targetCaFile"), r.targetCaFile },
        { opt("targetInsecureSkipVerify"), r.targetInsecureSkipVerify },
        { opt("targetAllowHttp"), r.targetAllowHttp },
        { opt("targetInstanceId"), r.targetInstanceRef },
        { opt("targetNamespace"), r.targetNamespace },
        { opt("effectiveTargetNamespace"), r.effectiveTargetNamespace() },
        { opt("overwrite"), r.overwrite },
        { opt("withReferrers"), r.withReferrers },
    };
}

QString RuleCommands::jsonFieldsHelp()
{
    return tr(
        "JSON fields (stable): id (number); name, description, source (instance name), "
        "sourceNamespace, repositoryFilter, tagFilter (empty = all), resourceType "
        "(image|chart|all) (strings); enabled, crossAccount, overwrite, withReferrers (signatures, "
        "attestations and SBOMs copied with each artifact) (booleans); target "
        "(instance name, null when cross-account); targetUrl (the target instance's URL, or "
        "the cross-account URL); targetUsername, targetCaFile, targetInstanceId (strings, "
        "empty unless cross-account); targetFlavor (string, null unless cross-account); "
        "targetInsecureSkipVerify, targetAllowHttp (booleans); targetNamespace (as given, "
        "empty = same as the source); effectiveTargetNamespace. Passwords are never printed.");
}

CommandGroup RuleCommands::group()
{
    CommandGroup g;
    g.name = opt("rule");
    g.summary = tr("Replication rules: create, list, show, edit, enable, disable, clone, delete.");

    auto named = [](const char *name, QString summary,
                    void (*run)(CommandContext &, const QCommandLineParser &)) {
        Subcommand s;
        s.name = QString::fromLatin1(name);
        s.positionals = { opt("NAME") };
        s.summary = std::move(summary);
        s.run = run;
        return s;
    };

    Subcommand create = named("create", tr("Create a rule."), &RuleCommands::create);
    create.usage = opt("--source INSTANCE --namespace NS (--target INSTANCE | --target-url URL "
                       "--target-username U --target-password-stdin) [options]");
    create.options = RuleFlags::options(false);
    create.details = tr("Every value is checked before anything is stored; a bad one is refused "
                        "with exit status 2, naming the flag. Cross-account credentials are kept "
                        "in the keychain per (target URL, username): giving a new password for "
                        "the same target and user replaces it for every rule that uses them; "
                        "when the keychain already holds them, --target-password-stdin may be "
                        "left out.");

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
    edit.usage = opt("[options]");
    edit.options = RuleFlags::options(true);
    edit.details = tr("Only the flags given change. An empty value clears an optional field "
                      "(--repo-filter \"\"). --target switches to a same-account target, "
                      "--target-url to a cross-account one. A task already running finishes "
                      "with the settings it started with.");

    Subcommand enable = named("enable", tr("Switch a rule on."), &RuleCommands::enable);
    Subcommand disable = named("disable", tr("Switch a rule off: no events, no manual sync."),
                               &RuleCommands::disable);

    Subcommand clone = named("clone", tr("Copy a rule under a new name; the copy starts disabled."),
                             &RuleCommands::clone);
    clone.usage = opt("[--name NEW_NAME]");
    clone.options = { QCommandLineOption(opt("name"),
                                         tr("Name of the copy (default: NAME-copy)."),
                                         opt("NEW_NAME")) };

    Subcommand del
        = named("delete", tr("Delete a rule (asks first unless --yes); its sync logs are kept."),
                &RuleCommands::remove);
    del.options = { QCommandLineOption(opt("yes"), tr("Do not ask for confirmation.")) };
    del.details = tr("Without --yes the command asks on the terminal; when standard input is not "
                     "a terminal it refuses (exit status 2). The rule's cross-account credentials "
                     "leave the keychain unless another rule uses the same target and username.");

    g.subcommands = { create, list, show, edit, enable, disable, clone, del };
    return g;
}

void RuleCommands::save(CommandContext &ctx, const QCommandLineParser &p, const Rule &rule,
                        QList<Error> problems, bool forEdit)
{
    RuleService *service = ctx.rules();
    if (!service)
        return;
    ctx.setHints(RuleFlags::hints());
    const auto flags = RuleFlags::flagOf(forEdit);
    const bool typed = p.isSet(opt("target-password-stdin")) && rule.crossAccount;
    // A field already refused while reading the flags (an unknown instance name) is not
    // reported a second time as merely missing; the password is checked by the service.
    QStringList refused;
    for (const Error &e : problems)
        refused << e.field;
    for (const Error &e : service->check(rule, true))
        if (!refused.contains(e.field))
            problems << e;
    if (!problems.isEmpty()) // do not consume standard input for a command that will fail
        return ctx.failInvalid(problems, flags);

    std::optional<QString> password;
    if (typed) {
        auto read = ctx.readSecretLine(opt("--target-password-stdin"),
                                       tr("Password for %1 at %2: ")
                                           .arg(rule.targetUsername, rule.targetUrl.toString()));
        if (!read)
            return ctx.fail(read.error(), flags);
        password = *read;
    }
    if (rule.crossAccount && rule.targetInsecureSkipVerify)
        ctx.printError(tr("warning: TLS verification is off for the target %1: anyone on the "
                          "network path can impersonate it and read the password.")
                           .arg(rule.targetUrl.toString()));
    service->save(rule, password, [&ctx, flags](Result<RuleService::Saved> saved) {
        if (!saved)
            return ctx.fail(saved.error(), flags);
        ctx.out() << (saved->created ? tr("Rule \"%1\" created.") : tr("Rule \"%1\" updated."))
                         .arg(saved->rule.name)
                  << '\n';
        if (!saved->sharingNewCredentials.isEmpty())
            ctx.out() << tr("The new credentials of %1 at %2 replace the old ones for rule(s) %3 "
                            "too.")
                             .arg(saved->rule.targetUsername, saved->rule.targetUrl.toString(),
                                  saved->sharingNewCredentials.join(QStringLiteral(", ")))
                      << '\n';
        for (const QString &warning : saved->warnings)
            ctx.printError(tr("warning: %1").arg(warning));
        ctx.finish(ExitOk);
    });
}

void RuleCommands::create(CommandContext &ctx, const QCommandLineParser &p)
{
    QList<Instance> instances;
    if (!loadInstances(ctx, &instances))
        return;
    Rule rule;
    rule.name = p.positionalArguments().value(0);
    QList<Error> problems;
    if (!p.isSet(opt("target")) && !p.isSet(opt("target-url")))
        problems << Error::invalid(
            opt("targetInstance"),
            tr("A target is required: --target INSTANCE (same account) or "
               "--target-url URL --target-username U --target-password-stdin (cross-account)."));
    RuleFlags::apply(p, instances, false, &rule, &problems);
    save(ctx, p, rule, problems, false);
}

void RuleCommands::edit(CommandContext &ctx, const QCommandLineParser &p)
{
    QList<Instance> instances;
    if (!loadInstances(ctx, &instances))
        return;
    RuleService *service = ctx.rules();
    if (!service)
        return;
    const Result<Rule> stored = service->find(p.positionalArguments().value(0));
    if (!stored)
        return ctx.fail(stored.error());
    Rule rule = *stored;
    QList<Error> problems;
    RuleFlags::apply(p, instances, true, &rule, &problems);
    save(ctx, p, rule, problems, true);
}

void RuleCommands::list(CommandContext &ctx, const QCommandLineParser &p)
{
    QList<Instance> instances;
    if (!loadInstances(ctx, &instances))
        return;
    RuleService *service = ctx.rules();
    if (!service)
        return;
    const Result<QList<Rule>> rules = service->list();
    if (!rules)
        return ctx.fail(rules.error());
    if (p.isSet(opt("json"))) {
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
                  tr("TARGET NS"), tr("TYPE"), tr("OVERWRITE"), tr("REFERRERS"),
                  tr("DESCRIPTION") });
    for (const Rule &r : *rules)
        table.addRow({ r.name, yesNo(r.enabled), instanceName(instances, r.sourceInstanceId),
                       r.sourceNamespace, targetText(r, instances), r.effectiveTargetNamespace(),
                       resourceTypeText(r.resourceType), yesNo(r.overwrite), yesNo(r.withReferrers),
                       r.description });
    table.print(ctx.out());
    ctx.finish(ExitOk);
}

void RuleCommands::show(CommandContext &ctx, const QCommandLineParser &p)
{
    QList<Instance> instances;
    if (!loadInstances(ctx, &instances))
        return;
    RuleService *service = ctx.rules();
    if (!service)
        return;
    const Result<Rule> found = service->find(p.positionalArguments().value(0));
    if (!found)
        return ctx.fail(found.error());
    const Rule &r = *found;
    const QStringList sharing = service->rulesSharing(service->credentialKey(r), r.id);
    if (p.isSet(opt("json"))) {
        QJsonObject o = toJson(r, instances);
        o.insert(opt("sharedCredentialsWith"), QJsonArray::fromStringList(sharing));
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
        { tr("Resource type"), resourceTypeText(r.resourceType) },
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
           << qMakePair(tr("Overwrite"), yesNo(r.overwrite))
           << qMakePair(tr("Signatures and SBOMs"), yesNo(r.withReferrers));
    // The schedule and when it next runs (while automatic sync runs).
    if (Result<Database *> db = ctx.database()) {
        const Result<std::optional<RuleSchedule>> s = ScheduleStore(**db).get(r.id);
        const Result<Schedule> schedule = s && s->has_value() ? Schedule::parse((*s)->spec)
                                                              : Result<Schedule>(Error::invalid({}, {}));
        if (schedule) {
            const QDateTime next = schedule->nextRun((*s)->lastRun, QDateTime::currentDateTimeUtc());
            fields << qMakePair(tr("Schedule"), schedule->describe())
                   << qMakePair(tr("Next scheduled run"),
                                tr("%1 (while automatic sync runs)")
                                    .arg(QLocale().toString(next.toLocalTime(), QLocale::ShortFormat)));
        } else {
            fields << qMakePair(tr("Schedule"), tr("none"));
        }
    }
    printFields(ctx.out(), fields);
    ctx.finish(ExitOk);
}

void RuleCommands::setEnabled(CommandContext &ctx, const QCommandLineParser &p, bool enabled)
{
    RuleService *service = ctx.rules();
    if (!service)
        return;
    const Result<Rule> r = service->find(p.positionalArguments().value(0));
    if (!r)
        return ctx.fail(r.error());
    if (r->enabled != enabled) {
        if (auto done = service->setEnabled(r->id, enabled); !done)
            return ctx.fail(done.error());
    }
    ctx.out() << (enabled ? tr("Rule \"%1\" is enabled.") : tr("Rule \"%1\" is disabled."))
                     .arg(r->name)
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

void RuleCommands::clone(CommandContext &ctx, const QCommandLineParser &p)
{
    RuleService *service = ctx.rules();
    if (!service)
        return;
    const Result<Rule> original = service->find(p.positionalArguments().value(0));
    if (!original)
        return ctx.fail(original.error());
    service->clone(original->id, p.value(opt("name")), [&ctx](Result<Rule> copy) {
        if (!copy)
            return ctx.fail(copy.error(), { { opt("name"), opt("--name") } });
        ctx.out() << tr("Rule \"%1\" created as a copy; it is disabled until you enable it.")
                         .arg(copy->name)
                  << Qt::endl;
        ctx.finish(ExitOk);
    });
}

void RuleCommands::remove(CommandContext &ctx, const QCommandLineParser &p)
{
    RuleService *service = ctx.rules();
    if (!service)
        return;
    const Result<Rule> rule = service->find(p.positionalArguments().value(0));
    if (!rule)
        return ctx.fail(rule.error());
    if (!p.isSet(opt("yes"))) {
        if (!ctx.stdinIsTerminal())
            return ctx.fail(
                Error::invalid(opt("yes"),
                               tr("Deleting rule \"%1\" needs confirmation, and standard input "
                                  "is not a terminal: pass --yes to delete without asking. "
                                  "Nothing was deleted.")
                                   .arg(rule->name)));
        if (!ctx.confirm(tr("Delete rule \"%1\"? Its sync logs are kept.").arg(rule->name))) {
            ctx.out() << tr("Nothing deleted.") << Qt::endl;
            return ctx.finish(ExitOk);
        }
    }
    service->remove(rule->id, [&ctx](Result<RuleService::Removed> removed) {
        if (!removed)
            return ctx.fail(removed.error());
        ctx.out() << tr("Rule \"%1\" deleted.").arg(removed->rule.name);
        if (removed->keptLogs > 0)
            ctx.out() << ' ' << tr("Its %n sync log entries are kept.", nullptr, removed->keptLogs);
        if (removed->credentialsRemoved)
            ctx.out() << ' ' << tr("Its cross-account credentials were removed from the keychain.");
        else if (!removed->credentialsKeptFor.isEmpty())
            ctx.out() << ' '
                      << tr("Its cross-account credentials stay in the keychain for rule(s) %1.")
                             .arg(removed->credentialsKeptFor.join(QStringLiteral(", ")));
        ctx.out() << Qt::endl;
        ctx.finish(ExitOk);
    });
}

CommandGroup ruleCommands()
{
    return RuleCommands::group();
}

} // namespace crsync::cli
