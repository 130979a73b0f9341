// crsync instance add|list|show|edit|remove|test
#include "cli/instancecommands.h"

#include "cli/commandcontext.h"
#include "cli/commandgroups.h"
#include "cli/output.h"
#include "core/validation.h"
#include "secrets/keychainkeys.h"
#include "service/connectiontest.h"
#include "service/instanceservice.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace crsync::cli {

namespace {

// Validation field keys -> the flag a person typed.
std::map<QString, QString> flagOf(bool forEdit)
{
    return {
        { QStringLiteral("name"), forEdit ? QStringLiteral("--name") : QStringLiteral("NAME") },
        { QStringLiteral("url"), QStringLiteral("--url") },
        { QStringLiteral("accountId"), QStringLiteral("--account") },
        { QStringLiteral("region"), QStringLiteral("--region") },
        { QStringLiteral("flavor"), QStringLiteral("--flavor") },
        { QStringLiteral("caFile"), QStringLiteral("--ca-file") },
        { QStringLiteral("username"), QStringLiteral("--username") },
        { QStringLiteral("password"), QStringLiteral("--password-stdin") },
        { QStringLiteral("insecure"), QStringLiteral("--insecure") },
        { QStringLiteral("allowHttp"), QStringLiteral("--allow-http") },
    };
}

std::map<QString, QString> hints()
{
    return { { QString::fromLatin1(ValidationCode::PlainHttpNotAllowed),
               InstanceCommands::tr("(--allow-http allows it.)") },
             { QString::fromLatin1(ValidationCode::PasswordMissing),
               InstanceCommands::tr("(--password-stdin reads it from standard input.)") } };
}

QString tlsText(const Instance &i)
{
    return i.url.scheme() == QLatin1String("http") ? InstanceCommands::tr("none (http)")
        : i.insecureSkipVerify                     ? InstanceCommands::tr("not verified")
        : i.caFile.isEmpty()                       ? InstanceCommands::tr("verified")
                                                   : InstanceCommands::tr("verified (own CA)");
}

QJsonObject toJson(const Instance &i)
{
    return QJsonObject {
        { QStringLiteral("id"), i.id },
        { QStringLiteral("name"), i.name },
        { QStringLiteral("url"), i.url.toString() },
        { QStringLiteral("flavor"), flavorName(i.flavor) },
        { QStringLiteral("accountId"), i.accountId },
        { QStringLiteral("region"), i.region },
        { QStringLiteral("username"), i.username },
        { QStringLiteral("caFile"), i.caFile },
        { QStringLiteral("insecureSkipVerify"), i.insecureSkipVerify },
        { QStringLiteral("allowHttp"), i.allowHttp },
    };
}

QString credentialsName(ConnectionReport::Credentials c)
{
    switch (c) {
    case ConnectionReport::Credentials::Accepted:
        return QStringLiteral("accepted");
    case ConnectionReport::Credentials::Refused:
        return QStringLiteral("refused");
    case ConnectionReport::Credentials::Missing:
        return QStringLiteral("missing");
    case ConnectionReport::Credentials::Withheld:
        return QStringLiteral("withheld");
    case ConnectionReport::Credentials::Anonymous:
        break;
    }
    return QStringLiteral("anonymous");
}

QString opt(const char *name)
{
    return QString::fromLatin1(name);
}

} // namespace

QString InstanceCommands::jsonFieldsHelp()
{
    return tr("JSON fields (stable): id (number), name, url, flavor (generic|harbor|tcr), "
              "accountId, region, username, caFile (strings, empty when unset), "
              "insecureSkipVerify, allowHttp (booleans). The password is never printed.");
}

QList<QCommandLineOption> InstanceCommands::formOptions(bool forEdit)
{
    QList<QCommandLineOption> options {
        { opt("url"), tr("Registry URL, https://host[:port] (http:// needs --allow-http)."),
          opt("URL") },
        { opt("account"), tr("Account ID; instances sharing it are the same account."),
          opt("ID") },
        { opt("region"), tr("Region label."), opt("R") },
        { opt("flavor"), tr("generic (OCI distribution, default), harbor or tcr."),
          opt("generic|harbor|tcr") },
        { opt("username"),
          forEdit ? tr("User to log in as (needs --password-stdin); \"\" for anonymous access.")
                  : tr("User to log in as (needs --password-stdin)."),
          opt("U") },
        { opt("password-stdin"), tr("Read the password from the first line of standard input.") },
        { opt("ca-file"),
          forEdit ? tr("Extra trusted CA certificate(s), PEM; \"\" removes it.")
                  : tr("Extra trusted CA certificate(s), PEM."),
          opt("F") },
        { opt("insecure"),
          tr("Skip TLS certificate verification (unsafe: anyone on the path can read the "
             "password).") },
        { opt("allow-http"), tr("Allow a plain http:// URL (unencrypted).") },
    };
    if (forEdit) {
        options << QCommandLineOption(opt("name"), tr("Rename the instance."), opt("NEW_NAME"))
                << QCommandLineOption(opt("verify-tls"), tr("Verify TLS certificates again."))
                << QCommandLineOption(opt("no-allow-http"), tr("Refuse plain http:// again."));
    }
    return options;
}

void InstanceCommands::applyFlags(const QCommandLineParser &p, bool forEdit, Instance *instance,
                                  QList<Error> *problems)
{
    auto set = [&p](const char *name) { return p.isSet(opt(name)); };
    auto value = [&p](const char *name) { return p.value(opt(name)); };
    if (forEdit && set("name"))
        instance->name = value("name");
    if (set("insecure") && forEdit && set("verify-tls"))
        *problems << Error::invalid(opt("insecure"),
                                    tr("--insecure and --verify-tls contradict each other."));
    else if (set("insecure"))
        instance->insecureSkipVerify = true;
    else if (forEdit && set("verify-tls"))
        instance->insecureSkipVerify = false;
    if (set("allow-http") && forEdit && set("no-allow-http"))
        *problems << Error::invalid(opt("allowHttp"),
                                    tr("--allow-http and --no-allow-http contradict each other."));
    else if (set("allow-http"))
        instance->allowHttp = true;
    else if (forEdit && set("no-allow-http"))
        instance->allowHttp = false;
    if (set("url")) {
        // The text as typed gets the precise complaint; the parsed URL is checked again with
        // everything else.
        const QList<Error> typed = validateRegistryUrlText(value("url"), instance->allowHttp);
        if (!typed.isEmpty())
            *problems << typed;
        instance->url = normalizedRegistryUrl(value("url"));
    }
    if (set("account"))
        instance->accountId = value("account");
    if (set("region"))
        instance->region = value("region");
    if (set("username"))
        instance->username = value("username");
    if (set("ca-file"))
        // Stored absolute so later commands run from another directory still find it.
        instance->caFile
            = value("ca-file").isEmpty() ? QString() : QFileInfo(value("ca-file")).absoluteFilePath();
    if (set("flavor") && !flavorFromName(value("flavor"), &instance->flavor))
        *problems << Error::invalid(opt("flavor"),
                                    tr("\"%1\" is not a flavor; use generic, harbor or tcr.")
                                        .arg(value("flavor")));
}

bool InstanceCommands::readPassword(CommandContext &ctx, const QCommandLineParser &p,
                                    const Instance &instance, std::optional<QString> *password)
{
    if (!p.isSet(opt("password-stdin")))
        return true;
    auto typed = ctx.readSecretLine(
        opt("--password-stdin"),
        tr("Password for %1 at %2: ").arg(instance.username, instance.url.toString()));
    if (!typed) {
        ctx.fail(typed.error());
        return false;
    }
    *password = *typed;
    return true;
}

CommandGroup InstanceCommands::group()
{
    CommandGroup g;
    g.name = opt("instance");
    g.summary = tr("Registry instances: add, list, show, edit, remove, test the connection.");

    Subcommand add;
    add.name = opt("add");
    add.positionals = { opt("NAME") };
    add.usage = opt("--url URL [options]");
    add.summary = tr("Add a registry instance (its password goes to the keychain).");
    add.details = tr("The password is never given on the command line: --password-stdin reads "
                     "one line from standard input (printf '%s\\n' \"$PASSWORD\" | crsync "
                     "instance add ...) and stores it in the keychain. Nothing is stored when "
                     "any value is refused.");
    add.options = formOptions(false);
    add.run = &InstanceCommands::add;

    Subcommand edit;
    edit.name = opt("edit");
    edit.positionals = { opt("NAME") };
    edit.usage = opt("[options]");
    edit.summary = tr("Change any field of an instance, also while rules use it.");
    edit.details = tr("Only the flags given change. The password stays as it is unless "
                      "--password-stdin gives a new one; a new --username needs its password, "
                      "and --username \"\" switches to anonymous access (the password leaves the "
                      "keychain). Tasks already running finish with the settings they started "
                      "with.");
    edit.options = formOptions(true);
    edit.run = &InstanceCommands::edit;

    Subcommand list;
    list.name = opt("list");
    list.summary = tr("List the instances.");
    list.details = jsonFieldsHelp() + QLatin1Char(' ') + tr("--json prints an array of them.");
    list.options = { jsonOption() };
    list.run = &InstanceCommands::list;

    Subcommand show;
    show.name = opt("show");
    show.positionals = { opt("NAME") };
    show.summary = tr(
        "Show one instance, the rules that use it, and whether its password is in the keychain.");
    show.details = jsonFieldsHelp() + QLatin1Char(' ')
        + tr("show adds: rules (array of rule names using the instance), "
             "passwordStored (true, false, or null when no keychain answered or no "
             "username is set), keychainKey (the keychain entry of its password, empty without "
             "a username).");
    show.options = { jsonOption() };
    show.run = &InstanceCommands::show;

    Subcommand remove;
    remove.name = opt("remove");
    remove.positionals = { opt("NAME") };
    remove.summary = tr("Remove an instance and its keychain entry (refused while rules use it).");
    remove.run = &InstanceCommands::remove;

    Subcommand test;
    test.name = opt("test");
    test.positionals = { opt("NAME") };
    test.summary = tr("Ping the registry with the stored credentials and report what it allows.");
    test.details = tr("Exit status 0 when the registry answered and accepted the credentials; 3 "
                      "when it could not be reached, its certificate did not verify, or it "
                      "refused the credentials.\n"
                      "JSON fields (stable): instance, url (strings), reachable (boolean), "
                      "httpStatus (number), authScheme (\"\", \"basic\", \"bearer\"), apiVersion "
                      "(string), credentials (\"accepted\", \"refused\", \"anonymous\", "
                      "\"missing\"), repositories (number, or null when the catalog is not "
                      "allowed), catalogError (string or null), error (string or null), advice "
                      "(string or null: what to do about the error).");
    test.options = { jsonOption() };
    test.run = &InstanceCommands::test;

    g.subcommands = { add, list, show, edit, remove, test };
    return g;
}

void InstanceCommands::add(CommandContext &ctx, const QCommandLineParser &p)
{
    InstanceService *service = ctx.instances();
    if (!service)
        return;
    ctx.setHints(hints());
    Instance instance;
    instance.name = p.positionalArguments().value(0);
    QList<Error> problems;
    applyFlags(p, false, &instance, &problems);
    if (!p.isSet(opt("url")))
        problems << validateRegistryUrl(QUrl(), false);
    // Every problem at once, flags and form alike; a field the flags refused is not reported
    // a second time.
    QStringList refused;
    for (const Error &e : problems)
        refused << e.field;
    for (const Error &e : service->check(instance, p.isSet(opt("password-stdin"))))
        if (!refused.contains(e.field))
            problems << e;
    if (!problems.isEmpty())
        return ctx.failInvalid(problems, flagOf(false));
    std::optional<QString> password;
    if (!readPassword(ctx, p, instance, &password))
        return;
    if (instance.insecureSkipVerify)
        ctx.printError(tr("warning: TLS verification is off for \"%1\": anyone on the network path "
                          "can impersonate the registry and read the password.")
                           .arg(instance.name));
    service->add(instance, password, [&ctx](Result<Instance> added) {
        if (!added)
            return ctx.fail(added.error(), flagOf(false));
        ctx.out() << tr("Instance \"%1\" added: %2 (%3).")
                         .arg(added->name, added->url.toString(), flavorName(added->flavor))
                  << Qt::endl;
        ctx.finish(ExitOk);
    });
}

void InstanceCommands::edit(CommandContext &ctx, const QCommandLineParser &p)
{
    InstanceService *service = ctx.instances();
    if (!service)
        return;
    ctx.setHints(hints());
    const Result<Instance> stored = service->find(p.positionalArguments().value(0));
    if (!stored)
        return ctx.fail(stored.error());
    Instance instance = *stored;
    QList<Error> problems;
    applyFlags(p, true, &instance, &problems);
    QStringList refused;
    for (const Error &e : problems)
        refused << e.field;
    for (const Error &e : service->check(instance, p.isSet(opt("password-stdin")), *stored))
        if (!refused.contains(e.field))
            problems << e;
    if (!problems.isEmpty())
        return ctx.failInvalid(problems, flagOf(true));
    std::optional<QString> password;
    if (!readPassword(ctx, p, instance, &password))
        return;
    if (instance.insecureSkipVerify && !stored->insecureSkipVerify)
        ctx.printError(tr("warning: TLS verification is off for \"%1\": anyone on the network path "
                          "can impersonate the registry and read the password.")
                           .arg(instance.name));
    service->edit(instance, password, [&ctx](Result<Instance> edited) {
        if (!edited)
            return ctx.fail(edited.error(), flagOf(true));
        ctx.out() << tr("Instance \"%1\" updated.").arg(edited->name) << Qt::endl;
        ctx.finish(ExitOk);
    });
}

void InstanceCommands::list(CommandContext &ctx, const QCommandLineParser &p)
{
    InstanceService *service = ctx.instances();
    if (!service)
        return;
    const Result<QList<Instance>> all = service->list();
    if (!all)
        return ctx.fail(all.error());
    if (p.isSet(opt("json"))) {
        QJsonArray array;
        for (const Instance &i : *all)
            array << toJson(i);
        printJson(ctx.out(), array);
        return ctx.finish(ExitOk);
    }
    if (all->isEmpty()) {
        ctx.out() << tr("No instances yet. Add one with \"crsync instance add NAME --url URL\".")
                  << Qt::endl;
        return ctx.finish(ExitOk);
    }
    Table table({ tr("NAME"), tr("URL"), tr("FLAVOR"), tr("ACCOUNT"), tr("REGION"), tr("USERNAME"),
                  tr("TLS") });
    for (const Instance &i : *all)
        table.addRow({ i.name, i.url.toString(), flavorName(i.flavor), i.accountId, i.region,
                       i.username, tlsText(i) });
    table.print(ctx.out());
    ctx.finish(ExitOk);
}

void InstanceCommands::show(CommandContext &ctx, const QCommandLineParser &p)
{
    InstanceService *service = ctx.instances();
    if (!service)
        return;
    const Result<Instance> found = service->find(p.positionalArguments().value(0));
    if (!found)
        return ctx.fail(found.error());
    const Instance instance = *found;
    const Result<QStringList> rules = service->rulesUsing(instance.id);
    if (!rules)
        return ctx.fail(rules.error());
    const bool json = p.isSet(opt("json"));
    const QString key = instance.username.isEmpty()
        ? QString()
        : KeychainKeys((*ctx.database())->keychainNamespace()).instance(instance.id);

    auto print = [&ctx, instance, rules = *rules, json, key](std::optional<bool> stored,
                                                             const QString &note) {
        if (json) {
            QJsonObject o = toJson(instance);
            o.insert(opt("rules"), QJsonArray::fromStringList(rules));
            o.insert(opt("passwordStored"), stored ? QJsonValue(*stored) : QJsonValue());
            o.insert(opt("keychainKey"), key);
            printJson(ctx.out(), o);
            return ctx.finish(ExitOk);
        }
        printFields(ctx.out(),
                    {
                        { tr("Name"), instance.name },
                        { tr("URL"), instance.url.toString() },
                        { tr("Flavor"), flavorName(instance.flavor) },
                        { tr("Account ID"), instance.accountId },
                        { tr("Region"), instance.region },
                        { tr("Username"),
                          instance.username.isEmpty() ? tr("(anonymous)") : instance.username },
                        { tr("Password"), note },
                        { tr("CA file"), instance.caFile },
                        { tr("TLS verification"),
                          instance.insecureSkipVerify ? tr("off (insecure)") : tr("on") },
                        { tr("Plain HTTP allowed"), yesNo(instance.allowHttp) },
                        { tr("Used by rules"),
                          rules.isEmpty() ? tr("(none)") : rules.join(QStringLiteral(", ")) },
                    });
        ctx.finish(ExitOk);
    };
    if (instance.username.isEmpty())
        return print(std::nullopt, tr("(none: anonymous access)"));
    service->passwordStored(instance, [print, name = instance.name](Result<bool> stored) {
        if (!stored)
            return print(std::nullopt, tr("unknown (%1)").arg(stored.error().message));
        if (*stored)
            return print(true, tr("stored in the keychain"));
        print(false, tr("MISSING from the keychain: store it with \"crsync instance edit %1 "
                        "--password-stdin\"")
                         .arg(name));
    });
}

void InstanceCommands::remove(CommandContext &ctx, const QCommandLineParser &p)
{
    InstanceService *service = ctx.instances();
    if (!service)
        return;
    const Result<Instance> found = service->find(p.positionalArguments().value(0));
    if (!found)
        return ctx.fail(found.error());
    service->remove(found->id, [&ctx, name = found->name](Result<void> removed) {
        if (!removed)
            return ctx.fail(removed.error());
        ctx.out() << tr("Instance \"%1\" removed.").arg(name) << Qt::endl;
        ctx.finish(ExitOk);
    });
}

void InstanceCommands::test(CommandContext &ctx, const QCommandLineParser &p)
{
    InstanceService *service = ctx.instances();
    if (!service)
        return;
    const Result<Instance> found = service->find(p.positionalArguments().value(0));
    if (!found)
        return ctx.fail(found.error());
    const bool json = p.isSet(opt("json"));
    ConnectionTest *test = service->test(*found, std::nullopt, &ctx);
    QObject::connect(test, &ConnectionTest::finished, &ctx,
                     [&ctx, test, json] { printReport(ctx, test->report(), json); });
}

void InstanceCommands::printReport(CommandContext &ctx, const ConnectionReport &r, bool json)
{
    const int status = r.error ? exitCodeFor(*r.error) : ExitOk;
    if (json) {
        auto orNull = [](const QString &s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); };
        printJson(ctx.out(),
                  QJsonObject {
                      { opt("instance"), r.instance.name },
                      { opt("url"), r.instance.url.toString() },
                      { opt("reachable"), r.reachable },
                      { opt("httpStatus"), r.ping.httpStatus },
                      { opt("authScheme"), r.ping.authScheme },
                      { opt("apiVersion"), r.ping.apiVersion },
                      { opt("credentials"), credentialsName(r.credentials) },
                      { opt("repositories"),
                        r.repositories ? QJsonValue(*r.repositories) : QJsonValue() },
                      { opt("catalogError"), orNull(r.catalogError) },
                      { opt("error"), r.error ? QJsonValue(r.error->message) : QJsonValue() },
                      { opt("advice"), orNull(r.advice()) },
                  });
        if (r.error)
            ctx.printError(r.error->message);
        return ctx.finish(status);
    }
    QString credentials;
    switch (r.credentials) {
    case ConnectionReport::Credentials::Accepted:
        credentials = tr("accepted (user %1)").arg(r.instance.username);
        break;
    case ConnectionReport::Credentials::Refused:
        credentials = tr("REFUSED (user %1)").arg(r.instance.username);
        break;
    case ConnectionReport::Credentials::Missing:
        credentials = tr("MISSING from the keychain");
        break;
    case ConnectionReport::Credentials::Withheld:
        credentials = tr("NOT SENT (the token service is plain HTTP on another host)");
        break;
    case ConnectionReport::Credentials::Anonymous:
        credentials = tr("none (anonymous)");
        break;
    }
    QList<QPair<QString, QString>> lines {
        { tr("Instance"), r.instance.name },
        { tr("Registry"), r.instance.url.toString() },
        { tr("Reachable"),
          r.reachable ? tr("yes (HTTP %1%2)")
                            .arg(r.ping.httpStatus)
                            .arg(r.ping.apiVersion.isEmpty()
                                     ? QString()
                                     : QStringLiteral(", ") + r.ping.apiVersion)
                      : tr("no") },
    };
    if (r.reachable) {
        lines << qMakePair(tr("Authentication"), r.ping.authScheme.isEmpty()
                                                     ? tr("none (anonymous access)")
                                                     : r.ping.authScheme);
        lines << qMakePair(tr("Credentials"), credentials);
        lines << qMakePair(tr("Repositories visible"),
                           r.repositories ? QString::number(*r.repositories)
                                          : tr("not listed (%1)").arg(r.catalogError));
        if (!r.repositories && !r.error)
            lines << qMakePair(tr("Listing"),
                               tr("closed: rules on this source sync the repositories their "
                                  "repository filter names (e.g. web|api|worker)"));
    }
    if (r.error) {
        lines << qMakePair(tr("Problem"), r.error->message);
        lines << qMakePair(tr("What to do"), r.advice());
    }
    printFields(ctx.out(), lines);
    if (r.error)
        ctx.printError(r.error->message);
    ctx.finish(status);
}

CommandGroup instanceCommands()
{
    return InstanceCommands::group();
}

} // namespace crsync::cli
