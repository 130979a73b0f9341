// crsync rule create|edit: the rule form as flags, validated as a whole before anything is
// written, then written keychain first and database second, each undone if the next fails.
#include "cli/commandcontext.h"
#include "cli/output.h"
#include "cli/rulecommands.h"
#include "core/validation.h"
#include "secrets/credentialstore.h"
#include "store/database.h"
#include "store/instancestore.h"
#include "store/rulestore.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <algorithm>
#include <memory>
#include <optional>

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

// Everything create/edit need, loaded once.
struct FormState
{
    QList<Instance> instances;
    QList<Rule> rules;
    std::optional<Rule> before; // edit: the stored rule
    Rule rule; // what will be stored
    QString typedPassword; // null unless --target-password-stdin
    std::map<QString, QString> flags = RuleCommands::flagOf(); // for messages
};

// Applies the flags that are set onto state.rule; problems are collected, not returned early,
// so one run names every bad flag.
void applyFlags(const QCommandLineParser &p, FormState &s, bool forEdit, QList<Error> &problems)
{
    Rule &r = s.rule;
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

    if (set("name"))
        r.name = value("name");
    if (set("description"))
        r.description = value("description");
    if (set("source")) {
        const Instance *source = byName(s.instances, value("source"));
        r.sourceInstanceId = source ? source->id : 0;
        if (!source)
            problems << Error::invalid(
                opt(ValidationField::SourceInstance),
                RuleCommands::tr(
                    "There is no instance named \"%1\" (see \"crsync instance list\").")
                    .arg(value("source")));
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
        problems << Error::invalid(
            QStringLiteral("type"),
            RuleCommands::tr("\"%1\" is not a resource type; use image, chart or all.")
                .arg(value("type")));

    if (set("target") && set("target-url")) {
        problems << Error::invalid(
            opt(ValidationField::TargetInstance),
            RuleCommands::tr("Give either --target (an instance of the same account) or "
                             "--target-url (cross-account), not both."));
    } else if (set("target")) {
        // Same account: the cross-account details no longer apply.
        const Instance *target = byName(s.instances, value("target"));
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
            problems << Error::invalid(
                opt(ValidationField::TargetInstance),
                RuleCommands::tr(
                    "There is no instance named \"%1\" (see \"crsync instance list\").")
                    .arg(value("target")));
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
            problems << Error::invalid(
                QStringLiteral("--") + opt(name),
                RuleCommands::tr("Only for a cross-account target (--target-url)."));
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
            problems << Error::invalid(
                QStringLiteral("targetFlavor"),
                RuleCommands::tr("\"%1\" is not a flavor; use generic, harbor or tcr.")
                    .arg(value("target-flavor")));
    }

    if (set("overwrite") && set("no-overwrite"))
        problems << Error::invalid(
            QStringLiteral("overwrite"),
            RuleCommands::tr("--overwrite and --no-overwrite contradict each other."));
    else if (set("overwrite"))
        r.overwrite = true;
    else if (forEdit && set("no-overwrite"))
        r.overwrite = false;
    if (forEdit && set("enabled") && set("disabled"))
        problems << Error::invalid(
            QStringLiteral("enabled"),
            RuleCommands::tr("--enabled and --disabled contradict each other."));
    else if (set("disabled"))
        r.enabled = false;
    else if (forEdit && set("enabled"))
        r.enabled = true;
}

// Writes the rule (state.before set: update, else add) once validation passed. With a typed
// password the keychain goes first; the entry it replaces is held so a refused database write
// can put it back. Afterwards, credentials no rule reads any more leave the keychain.
void save(CommandContext &ctx, std::shared_ptr<FormState> s)
{
    const QString newKey = RuleCommands::credentialKey(s->rule);

    auto cleanupAndReport = [&ctx, s, newKey](const Rule &stored) {
        QStringList lines;
        lines << (s->before ? RuleCommands::tr("Rule \"%1\" updated.")
                            : RuleCommands::tr("Rule \"%1\" created."))
                     .arg(stored.name);
        if (!s->typedPassword.isNull()) {
            const QStringList sharing = RuleCommands::rulesSharing(newKey, s->rules, stored.id);
            if (!sharing.isEmpty())
                lines << RuleCommands::tr(
                             "The new credentials of %1 at %2 replace the old ones for rule(s) "
                             "%3 too.")
                             .arg(stored.targetUsername, stored.targetUrl.toString(),
                                  sharing.join(QStringLiteral(", ")));
        }
        const QString oldKey = s->before ? RuleCommands::credentialKey(*s->before) : QString();
        auto finish = [&ctx, lines] {
            for (const QString &line : lines)
                ctx.out() << line << '\n';
            ctx.finish(ExitOk);
        };
        if (oldKey.isEmpty() || oldKey == newKey
            || !RuleCommands::rulesSharing(oldKey, s->rules, stored.id).isEmpty())
            return finish();
        ctx.credentials().forget(oldKey, [&ctx, finish, oldKey](Result<void> r) {
            if (!r)
                ctx.printError(
                    RuleCommands::tr(
                        "warning: the credentials no rule uses any more (%1) could not be "
                        "removed from the keychain: %2")
                        .arg(oldKey, r.error().message));
            finish();
        });
    };

    auto writeDatabase = [&ctx, s]() -> Result<Rule> {
        auto db = ctx.database();
        RuleStore rules(**db);
        if (!s->before)
            return rules.add(s->rule);
        auto updated = rules.update(s->rule);
        if (!updated)
            return updated.error();
        return s->rule;
    };

    if (s->typedPassword.isNull()) {
        auto stored = writeDatabase();
        if (!stored)
            return ctx.fail(stored.error(), s->flags);
        return cleanupAndReport(*stored);
    }

    ctx.credentials().fetch(
        newKey, [&ctx, s, newKey, writeDatabase, cleanupAndReport](Result<QString> previous) {
            if (!previous && previous.error().kind != Error::Kind::NotFound)
                return ctx.fail(previous.error());
            ctx.credentials().persist(
                newKey, s->typedPassword,
                [&ctx, s, newKey, previous, writeDatabase,
                 cleanupAndReport](Result<void> persisted) {
                    if (!persisted)
                        return ctx.fail(persisted.error());
                    auto stored = writeDatabase();
                    if (stored)
                        return cleanupAndReport(*stored);
                    auto failWith = [&ctx, s, error = stored.error()](Result<void>) {
                        ctx.fail(error, s->flags);
                    };
                    if (previous)
                        ctx.credentials().persist(newKey, *previous, failWith);
                    else
                        ctx.credentials().forget(newKey, failWith);
                });
        });
}

// Shared by create and edit once state.rule holds the flags: read the password, learn whether
// the keychain already has one, validate everything, then save.
void validateAndSave(CommandContext &ctx, std::shared_ptr<FormState> s, const QCommandLineParser &p,
                     QList<Error> problems)
{
    const bool typed = p.isSet(QStringLiteral("target-password-stdin")) && s->rule.crossAccount;

    auto finishValidation = [&ctx, s](QList<Error> problems, bool hasPassword) {
        RuleValidationContext context;
        context.instances = s->instances;
        context.rules = s->rules;
        context.hasTargetPassword = hasPassword;
        // A field already refused while reading the flags (an unknown instance name) is not
        // reported a second time as merely missing.
        QStringList refused;
        for (const Error &e : problems)
            refused << e.field;
        for (const Error &e : validateRule(s->rule, context))
            if (!refused.contains(e.field))
                problems << e;
        if (!problems.isEmpty())
            return ctx.failInvalid(problems, s->flags);
        if (s->rule.crossAccount && s->rule.targetInsecureSkipVerify)
            ctx.printError(RuleCommands::tr(
                               "warning: TLS verification is off for the target %1: anyone on the "
                               "network path can impersonate it and read the password.")
                               .arg(s->rule.targetUrl.toString()));
        save(ctx, s);
    };

    if (typed) {
        if (!problems.isEmpty()) // do not consume standard input for a command that will fail
            return finishValidation(problems, true);
        auto password
            = ctx.readSecretLine(QStringLiteral("--target-password-stdin"),
                                 RuleCommands::tr("Password for %1 at %2: ")
                                     .arg(s->rule.targetUsername, s->rule.targetUrl.toString()));
        if (!password)
            return ctx.fail(password.error(), s->flags);
        s->typedPassword = *password;
        return finishValidation(problems, true);
    }
    const QString key = RuleCommands::credentialKey(s->rule);
    if (s->before && !key.isEmpty() && key == RuleCommands::credentialKey(*s->before))
        return finishValidation(problems, true); // same credentials as when it was saved
    if (key.isEmpty() || s->rule.targetUsername.isEmpty() || !s->rule.targetUrl.isValid())
        return finishValidation(problems, false);
    // Credentials for this target and user may be stored already (another rule saved them).
    ctx.credentials().fetch(key, [&ctx, finishValidation, problems](Result<QString> r) {
        if (!r && r.error().kind != Error::Kind::NotFound)
            return ctx.fail(r.error());
        finishValidation(problems, bool(r));
    });
}

bool loadForm(CommandContext &ctx, FormState &s)
{
    auto db = ctx.database();
    if (!db) {
        ctx.fail(db.error());
        return false;
    }
    auto instances = InstanceStore(**db).list();
    auto rules = RuleStore(**db).list();
    if (!instances || !rules) {
        ctx.fail(!instances ? instances.error() : rules.error());
        return false;
    }
    s.instances = *instances;
    s.rules = *rules;
    return true;
}

} // namespace

QList<QCommandLineOption> RuleCommands::formOptions(bool forEdit)
{
    QList<QCommandLineOption> options {
        { QStringLiteral("source"), tr("Source instance (name)."), QStringLiteral("INSTANCE") },
        { QStringLiteral("namespace"), tr("Source namespace (exactly one)."),
          QStringLiteral("NS") },
        { QStringLiteral("repo-filter"),
          tr("Regex matched against the whole repository path below the namespace; empty = all."),
          QStringLiteral("RE") },
        { QStringLiteral("tag-filter"), tr("Regex matched against the whole tag; empty = all."),
          QStringLiteral("RE") },
        { QStringLiteral("type"), tr("Resource type: image, chart or all (default all)."),
          QStringLiteral("image|chart|all") },
        { QStringLiteral("target"), tr("Target instance of the same account (name)."),
          QStringLiteral("INSTANCE") },
        { QStringLiteral("target-namespace"),
          tr("Target namespace; empty = the source namespace's name."), QStringLiteral("NS") },
        { QStringLiteral("overwrite"), tr("Replace target tags that exist with another digest.") },
        { QStringLiteral("disabled"), tr("Store the rule switched off.") },
        { QStringLiteral("description"), tr("Free text."), QStringLiteral("TEXT") },
        { QStringLiteral("target-url"),
          tr("Cross-account: URL of the target registry (instead of --target)."),
          QStringLiteral("URL") },
        { QStringLiteral("target-username"),
          tr("Cross-account: a user-level account at the target (no robot$/tcr$ service "
             "accounts)."),
          QStringLiteral("U") },
        { QStringLiteral("target-password-stdin"),
          tr("Cross-account: read the target password from the first line of standard input.") },
        { QStringLiteral("target-flavor"), tr("Cross-account: generic, harbor or tcr."),
          QStringLiteral("FLAVOR") },
        { QStringLiteral("target-ca-file"),
          tr("Cross-account: extra trusted CA certificate(s), PEM."), QStringLiteral("F") },
        { QStringLiteral("target-insecure"), tr("Cross-account: skip TLS verification (unsafe).") },
        { QStringLiteral("target-allow-http"),
          tr("Cross-account: allow a plain http:// target URL.") },
        { QStringLiteral("target-instance-id"),
          tr("Cross-account: the target's instance ID as its owner gave it."),
          QStringLiteral("ID") },
    };
    if (forEdit) {
        options << QCommandLineOption(QStringLiteral("name"), tr("Rename the rule."),
                                      QStringLiteral("NEW_NAME"))
                << QCommandLineOption(QStringLiteral("no-overwrite"),
                                      tr("Leave existing target tags alone."))
                << QCommandLineOption(QStringLiteral("enabled"), tr("Switch the rule on."));
    }
    return options;
}

void RuleCommands::create(CommandContext &ctx, const QCommandLineParser &p)
{
    auto s = std::make_shared<FormState>();
    if (!loadForm(ctx, *s))
        return;
    s->rule.name = p.positionalArguments().value(0);
    QList<Error> problems;
    if (!p.isSet(QStringLiteral("target")) && !p.isSet(QStringLiteral("target-url")))
        problems << Error::invalid(
            opt(ValidationField::TargetInstance),
            tr("A target is required: --target INSTANCE (same account) or "
               "--target-url URL --target-username U --target-password-stdin (cross-account)."));
    applyFlags(p, *s, false, problems);
    validateAndSave(ctx, s, p, problems);
}

void RuleCommands::edit(CommandContext &ctx, const QCommandLineParser &p)
{
    auto s = std::make_shared<FormState>();
    Rule rule;
    if (!findRule(ctx, p.positionalArguments().value(0), &rule) || !loadForm(ctx, *s))
        return;
    s->before = rule;
    s->rule = rule;
    s->flags[QStringLiteral("name")] = QStringLiteral("--name"); // NAME is the rule being edited
    QList<Error> problems;
    applyFlags(p, *s, true, problems);
    validateAndSave(ctx, s, p, problems);
}

} // namespace crsync::cli
