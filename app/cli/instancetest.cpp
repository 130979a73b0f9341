// crsync instance test NAME: what the registry says to us with the stored credentials.
#include "cli/commandcontext.h"
#include "cli/instancecommands.h"
#include "cli/output.h"
#include "registry/registryclient.h"
#include "secrets/credentialstore.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <memory>
#include <optional>

namespace crsync::cli {

namespace {

// What the test found, filled in as the chain goes.
struct Findings
{
    Instance instance;
    bool reachable = false;
    PingInfo ping;
    QString credentials; // accepted | refused | anonymous | missing
    std::optional<int> repositories;
    QString catalogError;
    std::optional<Error> error;
};

QJsonObject toJson(const Findings &f)
{
    auto orNull = [](const QString &s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); };
    return QJsonObject {
        { QStringLiteral("instance"), f.instance.name },
        { QStringLiteral("url"), f.instance.url.toString() },
        { QStringLiteral("reachable"), f.reachable },
        { QStringLiteral("httpStatus"), f.ping.httpStatus },
        { QStringLiteral("authScheme"), f.ping.authScheme },
        { QStringLiteral("apiVersion"), f.ping.apiVersion },
        { QStringLiteral("credentials"), f.credentials },
        { QStringLiteral("repositories"),
          f.repositories ? QJsonValue(*f.repositories) : QJsonValue() },
        { QStringLiteral("catalogError"), orNull(f.catalogError) },
        { QStringLiteral("error"), f.error ? QJsonValue(f.error->message) : QJsonValue() },
    };
}

} // namespace

void InstanceCommands::test(CommandContext &ctx, const QCommandLineParser &p)
{
    auto findings = std::make_shared<Findings>();
    if (!findInstance(ctx, p.positionalArguments().value(0), &findings->instance))
        return;
    const bool json = p.isSet(QStringLiteral("json"));

    auto report = [&ctx, findings, json] {
        const Findings &f = *findings;
        const int status = f.error ? exitCodeFor(*f.error) : ExitOk;
        if (json) {
            printJson(ctx.out(), toJson(f));
            if (f.error)
                ctx.printError(f.error->message);
            return ctx.finish(status);
        }
        QString scheme
            = f.ping.authScheme.isEmpty() ? tr("none (anonymous access)") : f.ping.authScheme;
        QString credentials = f.credentials == QLatin1String("accepted")
            ? tr("accepted (user %1)").arg(f.instance.username)
            : f.credentials == QLatin1String("refused")
            ? tr("REFUSED (user %1)").arg(f.instance.username)
            : f.credentials == QLatin1String("missing") ? tr("MISSING from the keychain")
                                                        : tr("none (anonymous)");
        QList<QPair<QString, QString>> lines {
            { tr("Instance"), f.instance.name },
            { tr("Registry"), f.instance.url.toString() },
            { tr("Reachable"),
              f.reachable
                  ? tr("yes (HTTP %1%2)")
                        .arg(f.ping.httpStatus)
                        .arg(f.ping.apiVersion.isEmpty() ? QString()
                                                         : QStringLiteral(", ") + f.ping.apiVersion)
                  : tr("no") },
        };
        if (f.reachable) {
            lines << qMakePair(tr("Authentication"), scheme);
            lines << qMakePair(tr("Credentials"), credentials);
            lines << qMakePair(tr("Repositories visible"),
                               f.repositories ? QString::number(*f.repositories)
                                              : tr("not listed (%1)").arg(f.catalogError));
        }
        printFields(ctx.out(), lines);
        if (f.error)
            ctx.printError(f.error->message);
        ctx.finish(status);
    };

    auto probe = [&ctx, findings, report](const QString &password) {
        Endpoint endpoint;
        endpoint.url = findings->instance.url;
        endpoint.username = findings->instance.username;
        endpoint.password = password;
        endpoint.caFile = findings->instance.caFile;
        endpoint.insecureSkipVerify = findings->instance.insecureSkipVerify;
        auto *client = new RegistryClient(endpoint, &ctx.network(), &ctx);
        const bool anonymous = endpoint.username.isEmpty();

        client->ping([client, findings, report, anonymous](Result<PingInfo> ping) {
            if (!ping) {
                findings->error = ping.error();
                return report();
            }
            findings->reachable = true;
            findings->ping = *ping;
            // /v2/ only says which scheme the registry wants; the catalog is the first call that
            // logs in (Basic credentials, or a Bearer token for registry:catalog:*), so it is
            // what tells accepted from refused credentials.
            client->listRepositories(100, [findings, report, anonymous](Result<QStringList> repos) {
                findings->credentials
                    = anonymous ? QStringLiteral("anonymous") : QStringLiteral("accepted");
                if (repos) {
                    findings->repositories = int(repos->size());
                    return report();
                }
                const Error &e = repos.error();
                findings->catalogError = e.message;
                // 403: logged in, but this user may not list the catalog (restricted catalogs).
                if (e.kind == Error::Kind::Auth && e.httpStatus != 403) {
                    if (!anonymous)
                        findings->credentials = QStringLiteral("refused");
                    findings->error = e;
                }
                report();
            });
        });
    };

    if (findings->instance.username.isEmpty())
        return probe(QString());
    ctx.credentials().fetch(CredentialStore::instanceKey(findings->instance),
                            [findings, probe, report](Result<QString> secret) {
                                if (secret)
                                    return probe(*secret);
                                findings->error = secret.error();
                                if (secret.error().kind == Error::Kind::NotFound) {
                                    findings->credentials = QStringLiteral("missing");
                                    // Exit status 3: the registry cannot be tested with credentials
                                    // we do not have.
                                    findings->error->kind = Error::Kind::Auth;
                                }
                                report();
                            });
}

} // namespace crsync::cli
