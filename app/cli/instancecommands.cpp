// crsync instance add|list|show|remove|test
#include "cli/instancecommands.h"

#include "cli/commandcontext.h"
#include "cli/commandgroups.h"
#include "cli/output.h"
#include "core/instance.h"
#include "core/validation.h"
#include "registry/registryclient.h"
#include "secrets/credentialstore.h"
#include "store/database.h"
#include "store/instancestore.h"
#include "store/rulestore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace crsync::cli {

namespace {

// Validation field keys -> the flag a person typed.
const std::map<QString, QString> &flagOf()
{
    static const std::map<QString, QString> map {
        { QStringLiteral("name"), QStringLiteral("NAME") },
        { QStringLiteral("url"), QStringLiteral("--url") },
        { QStringLiteral("accountId"), QStringLiteral("--account") },
        { QStringLiteral("region"), QStringLiteral("--region") },
        { QStringLiteral("flavor"), QStringLiteral("--flavor") },
        { QStringLiteral("caFile"), QStringLiteral("--ca-file") },
        { QStringLiteral("username"), QStringLiteral("--username") },
        { QStringLiteral("password"), QStringLiteral("--password-stdin") },
    };
    return map;
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

} // namespace

bool InstanceCommands::findInstance(CommandContext &ctx, const QString &name, Instance *instance)
{
    auto db = ctx.database();
    if (!db) {
        ctx.fail(db.error());
        return false;
    }
    auto found = InstanceStore(**db).findByName(name);
    if (!found) {
        Error e = found.error();
        if (e.kind == Error::Kind::NotFound)
            e.message = InstanceCommands::tr("There is no instance named \"%1\". \"crsync instance "
                                             "list\" shows the instances there are.")
                            .arg(name);
        ctx.fail(e);
        return false;
    }
    *instance = *found;
    return true;
}

QString InstanceCommands::jsonFieldsHelp()
{
    return tr("JSON fields (stable): id (number), name, url, flavor (generic|harbor|tcr), "
              "accountId, region, username, caFile (strings, empty when unset), "
              "insecureSkipVerify, allowHttp (booleans). The password is never printed.");
}

CommandGroup InstanceCommands::group()
{
    CommandGroup g;
    g.name = QStringLiteral("instance");
    g.summary = tr("Registry instances: add, list, show, remove, test the connection.");

    Subcommand add;
    add.name = QStringLiteral("add");
    add.positionals = { QStringLiteral("NAME") };
    add.usage = QStringLiteral("--url URL [options]");
    add.summary = tr("Add a registry instance (its password goes to the keychain).");
    add.details = tr("The password is never given on the command line: --password-stdin reads "
                     "one line from standard input (printf '%s\\n' \"$PASSWORD\" | crsync "
                     "instance add ...) and stores it in the keychain under "
                     "crsync/instance/<id>. Nothing is stored when any value is refused.");
    add.options = {
        { QStringLiteral("url"),
          tr("Registry URL, https://host[:port] (http:// needs --allow-http)."),
          QStringLiteral("URL") },
        { QStringLiteral("account"), tr("Account ID; instances sharing it are the same account."),
          QStringLiteral("ID") },
        { QStringLiteral("region"), tr("Region label."), QStringLiteral("R") },
        { QStringLiteral("flavor"), tr("generic (OCI distribution, default), harbor or tcr."),
          QStringLiteral("generic|harbor|tcr") },
        { QStringLiteral("username"), tr("User to log in as (needs --password-stdin)."),
          QStringLiteral("U") },
        { QStringLiteral("password-stdin"),
          tr("Read the password from the first line of standard input.") },
        { QStringLiteral("ca-file"), tr("Extra trusted CA certificate(s), PEM."),
          QStringLiteral("F") },
        { QStringLiteral("insecure"),
          tr("Skip TLS certificate verification (unsafe: anyone on the path can read the "
             "password).") },
        { QStringLiteral("allow-http"), tr("Allow a plain http:// URL (unencrypted).") },
    };
    add.run = &InstanceCommands::add;

    Subcommand list;
    list.name = QStringLiteral("list");
    list.summary = tr("List the instances.");
    list.details = jsonFieldsHelp() + QLatin1Char(' ') + tr("--json prints an array of them.");
    list.options = { jsonOption() };
    list.run = &InstanceCommands::list;

    Subcommand show;
    show.name = QStringLiteral("show");
    show.positionals = { QStringLiteral("NAME") };
    show.summary = tr(
        "Show one instance, the rules that use it, and whether its password is in the keychain.");
    show.details = jsonFieldsHelp() + QLatin1Char(' ')
        + tr("show adds: rules (array of rule names using the instance), "
             "passwordStored (true, false, or null when no keychain answered or no "
             "username is set).");
    show.options = { jsonOption() };
    show.run = &InstanceCommands::show;

    Subcommand remove;
    remove.name = QStringLiteral("remove");
    remove.positionals = { QStringLiteral("NAME") };
    remove.summary = tr("Remove an instance and its keychain entry (refused while rules use it).");
    remove.run = &InstanceCommands::remove;

    Subcommand test;
    test.name = QStringLiteral("test");
    test.positionals = { QStringLiteral("NAME") };
    test.summary = tr("Ping the registry with the stored credentials and report what it allows.");
    test.details = tr("Exit status 0 when the registry answered and accepted the credentials; 3 "
                      "when it could not be reached, its certificate did not verify, or it "
                      "refused the credentials.\n"
                      "JSON fields (stable): instance, url (strings), reachable (boolean), "
                      "httpStatus (number), authScheme (\"\", \"basic\", \"bearer\"), apiVersion "
                      "(string), credentials (\"accepted\", \"refused\", \"anonymous\", "
                      "\"missing\"), repositories (number, or null when the catalog is not "
                      "allowed), catalogError (string or null), error (string or null).");
    test.options = { jsonOption() };
    test.run = &InstanceCommands::test;

    g.subcommands = { add, list, show, remove, test };
    return g;
}

void InstanceCommands::add(CommandContext &ctx, const QCommandLineParser &p)
{
    Instance instance;
    instance.name = p.positionalArguments().value(0);
    QList<Error> problems;

    instance.url = normalizedRegistryUrl(p.value(QStringLiteral("url")));
    instance.allowHttp = p.isSet(QStringLiteral("allow-http"));
    instance.accountId = p.value(QStringLiteral("account"));
    instance.region = p.value(QStringLiteral("region"));
    instance.username = p.value(QStringLiteral("username"));
    instance.insecureSkipVerify = p.isSet(QStringLiteral("insecure"));
    if (p.isSet(QStringLiteral("ca-file")))
        // Stored absolute so later commands run from another directory still find it.
        instance.caFile = QFileInfo(p.value(QStringLiteral("ca-file"))).absoluteFilePath();
    if (p.isSet(QStringLiteral("flavor"))
        && !flavorFromName(p.value(QStringLiteral("flavor")), &instance.flavor))
        problems << Error::invalid(QStringLiteral("flavor"),
                                   tr("\"%1\" is not a flavor; use generic, harbor or tcr.")
                                       .arg(p.value(QStringLiteral("flavor"))));
    const bool passwordStdin = p.isSet(QStringLiteral("password-stdin"));
    if (passwordStdin && instance.username.isEmpty())
        problems << Error::invalid(QStringLiteral("password"),
                                   tr("--password-stdin needs --username: whose password is it?"));
    if (!passwordStdin && !instance.username.isEmpty())
        problems << Error::invalid(QStringLiteral("username"),
                                   tr("A username needs its password: add --password-stdin and "
                                      "give the password on standard input."));

    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    InstanceStore instances(**db);
    auto others = instances.list();
    if (!others)
        return ctx.fail(others.error());
    problems << validateInstance(instance, *others);
    if (!problems.isEmpty())
        return ctx.failInvalid(problems, flagOf());

    if (instance.insecureSkipVerify)
        ctx.printError(tr("warning: TLS verification is off for \"%1\": anyone on the network path "
                          "can impersonate the registry and read the password.")
                           .arg(instance.name));

    auto store = [&ctx, instance](const QString &password) {
        auto db = ctx.database();
        InstanceStore instances(**db);
        auto added = instances.add(instance);
        if (!added)
            return ctx.fail(added.error(), flagOf());
        const Instance stored = *added;
        auto done = [&ctx, stored] {
            ctx.out() << tr("Instance \"%1\" added: %2 (%3).")
                             .arg(stored.name, stored.url.toString(), flavorName(stored.flavor))
                      << Qt::endl;
            ctx.finish(ExitOk);
        };
        if (password.isNull())
            return done();
        ctx.credentials().persist(CredentialStore::instanceKey(stored), password,
                                  [&ctx, stored, done](Result<void> r) {
                                      if (r)
                                          return done();
                                      // The keychain refused after the row was written: take the
                                      // row back so nothing is left half-made.
                                      auto db = ctx.database();
                                      InstanceStore(**db).remove(stored.id);
                                      ctx.fail(r.error());
                                  });
    };

    if (!passwordStdin)
        return store(QString());
    auto password = ctx.readSecretLine(
        QStringLiteral("--password-stdin"),
        tr("Password for %1 at %2: ").arg(instance.username, instance.url.toString()));
    if (!password)
        return ctx.fail(password.error());
    // Ask the keychain first, so a missing keychain (the common failure) leaves the database
    // untouched: reading an entry that cannot exist yet proves it answers.
    ctx.credentials().fetch(CredentialStore::instanceKey(0),
                            [&ctx, store, secret = *password](Result<QString> probe) {
                                if (!probe && probe.error().kind != Error::Kind::NotFound)
                                    return ctx.fail(probe.error());
                                store(secret);
                            });
}

void InstanceCommands::list(CommandContext &ctx, const QCommandLineParser &p)
{
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    auto all = InstanceStore(**db).list();
    if (!all)
        return ctx.fail(all.error());
    if (p.isSet(QStringLiteral("json"))) {
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
    for (const Instance &i : *all) {
        QString tls = i.url.scheme() == QLatin1String("http") ? tr("none (http)")
            : i.insecureSkipVerify                            ? tr("not verified")
            : i.caFile.isEmpty()                              ? tr("verified")
                                                              : tr("verified (own CA)");
        table.addRow({ i.name, i.url.toString(), flavorName(i.flavor), i.accountId, i.region,
                       i.username, tls });
    }
    table.print(ctx.out());
    ctx.finish(ExitOk);
}

void InstanceCommands::show(CommandContext &ctx, const QCommandLineParser &p)
{
    Instance instance;
    if (!findInstance(ctx, p.positionalArguments().value(0), &instance))
        return;
    auto db = ctx.database();
    auto rules = InstanceStore(**db).rulesUsing(instance.id);
    if (!rules)
        return ctx.fail(rules.error());
    const bool json = p.isSet(QStringLiteral("json"));

    auto print = [&ctx, instance, rules = *rules, json](std::optional<bool> stored,
                                                        const QString &note) {
        if (json) {
            QJsonObject o = toJson(instance);
            o.insert(QStringLiteral("rules"), QJsonArray::fromStringList(rules));
            o.insert(QStringLiteral("passwordStored"), stored ? QJsonValue(*stored) : QJsonValue());
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
    ctx.credentials().fetch(CredentialStore::instanceKey(instance), [print](Result<QString> r) {
        if (r)
            return print(true, tr("stored in the keychain"));
        if (r.error().kind == Error::Kind::NotFound)
            return print(false, tr("MISSING from the keychain: remove and add the instance again"));
        print(std::nullopt, tr("unknown (%1)").arg(r.error().message));
    });
}

void InstanceCommands::remove(CommandContext &ctx, const QCommandLineParser &p)
{
    Instance instance;
    if (!findInstance(ctx, p.positionalArguments().value(0), &instance))
        return;
    auto db = ctx.database();
    auto rules = InstanceStore(**db).rulesUsing(instance.id);
    if (!rules)
        return ctx.fail(rules.error());
    if (!rules->isEmpty())
        return ctx.fail(
            Error::make(Error::Kind::Conflict,
                        tr("Instance \"%1\" is used by rule(s) %2; delete those rules or "
                           "point them at another instance first. Nothing was removed.")
                            .arg(instance.name, rules->join(QStringLiteral(", ")))));

    if (instance.username.isEmpty()) { // anonymous: nothing in the keychain
        auto removed = InstanceStore(**db).remove(instance.id);
        if (!removed)
            return ctx.fail(removed.error());
        ctx.out() << tr("Instance \"%1\" removed.").arg(instance.name) << Qt::endl;
        return ctx.finish(ExitOk);
    }
    // Keychain first (a missing keychain then changes nothing), but keep the secret in hand so
    // it can be put back if the database refuses the removal.
    const QString key = CredentialStore::instanceKey(instance);
    ctx.credentials().fetch(key, [&ctx, instance, key](Result<QString> held) {
        if (!held && held.error().kind != Error::Kind::NotFound)
            return ctx.fail(held.error());
        ctx.credentials().forget(key, [&ctx, instance, key, held](Result<void> forgotten) {
            if (!forgotten)
                return ctx.fail(forgotten.error());
            auto db = ctx.database();
            auto removed = InstanceStore(**db).remove(instance.id);
            if (!removed) {
                if (held)
                    ctx.credentials().persist(
                        key, *held,
                        [&ctx, error = removed.error()](Result<void>) { ctx.fail(error); });
                else
                    ctx.fail(removed.error());
                return;
            }
            ctx.out() << tr("Instance \"%1\" removed.").arg(instance.name) << Qt::endl;
            ctx.finish(ExitOk);
        });
    });
}

CommandGroup instanceCommands()
{
    return InstanceCommands::group();
}

} // namespace crsync::cli
