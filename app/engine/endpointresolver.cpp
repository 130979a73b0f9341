#include "engine/endpointresolver.h"

#include "engine/credentialprovider.h"
#include "secrets/keychainkeys.h"
#include "store/database.h"
#include "store/instancestore.h"

#include <QCoreApplication>
#include <QPointer>
#include <QTimer>

namespace crsync {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(crsync::EndpointResolver)
};

Endpoint endpointOf(const Instance &instance)
{
    Endpoint e;
    e.url = instance.url;
    e.username = instance.username;
    e.caFile = instance.caFile;
    e.insecureSkipVerify = instance.insecureSkipVerify;
    e.allowHttp = instance.allowHttp;
    e.harborApi = instance.flavor == Instance::Flavor::Harbor || instance.flavor == Instance::Flavor::Tcr;
    return e;
}
} // namespace

// One resolve() in progress: which password comes next, and how to say it is missing.
struct EndpointResolver::Fetch
{
    struct Secret
    {
        Endpoint *endpoint = nullptr;
        QString key;
        std::optional<QString> typed;
        QString subject; // "the password of instance "src""
        QString howToStore; // a sentence: where to store it again
    };
    RuleEndpoints endpoints;
    QList<Secret> secrets;
    int next = 0;
    QPointer<QObject> context;
    bool hasContext = false;
    std::function<void(Result<RuleEndpoints>)> done;

    bool contextGone() const { return hasContext && !context; }
};

Result<RuleEndpoints> EndpointResolver::endpoints(const Rule &rule) const
{
    InstanceStore instances(m_database);
    const Result<Instance> source = instances.get(rule.sourceInstanceId);
    if (!source)
        return source.error();
    RuleEndpoints ends;
    ends.source = endpointOf(*source);
    ends.sourceName = source->name;
    if (rule.crossAccount) {
        ends.targetName = rule.targetUrl.toString();
        ends.target.url = rule.targetUrl;
        ends.target.username = rule.targetUsername;
        ends.target.caFile = rule.targetCaFile;
        ends.target.insecureSkipVerify = rule.targetInsecureSkipVerify;
        ends.target.allowHttp = rule.targetAllowHttp;
        return ends;
    }
    const Result<Instance> target = instances.get(rule.targetInstanceId);
    if (!target)
        return target.error();
    ends.target = endpointOf(*target);
    ends.targetName = target->name;
    return ends;
}

void EndpointResolver::resolve(const Rule &rule, const PasswordOverrides &overrides,
                               QObject *context,
                               std::function<void(Result<RuleEndpoints>)> done) const
{
    auto fetch = std::make_shared<Fetch>();
    fetch->context = context;
    fetch->hasContext = context != nullptr;
    fetch->done = std::move(done);
    Result<RuleEndpoints> ends = endpoints(rule);
    if (!ends) {
        QTimer::singleShot(0, context ? context : QCoreApplication::instance(),
                           [fetch, error = ends.error()] { fetch->done(error); });
        return;
    }
    fetch->endpoints = *ends;
    const KeychainKeys keys(m_database.keychainNamespace());
    if (!fetch->endpoints.source.username.isEmpty()) {
        Fetch::Secret s;
        s.endpoint = &fetch->endpoints.source;
        s.key = keys.instance(rule.sourceInstanceId);
        s.typed = overrides.source;
        const QString name = fetch->endpoints.sourceName;
        s.subject = Text::tr("the password of instance \"%1\" (user %2)")
                        .arg(name, fetch->endpoints.source.username);
        s.howToStore = Text::tr("Store it again with \"crsync instance edit %1 --password-stdin\" "
                                "or in the instance's form in the console.")
                           .arg(name);
        fetch->secrets << s;
    }
    if (!fetch->endpoints.target.username.isEmpty()) {
        Fetch::Secret s;
        s.endpoint = &fetch->endpoints.target;
        s.typed = overrides.target;
        if (rule.crossAccount) {
            s.key = keys.target(rule.targetUrl, rule.targetUsername);
            s.subject = Text::tr("the password of user %1 at the cross-account target %2")
                            .arg(rule.targetUsername, rule.targetUrl.toString());
            s.howToStore = Text::tr("Store it again with \"crsync rule edit %1 "
                                    "--target-password-stdin\" or in the rule's form in the "
                                    "console.")
                               .arg(rule.name);
        } else {
            s.key = keys.instance(rule.targetInstanceId);
            const QString name = fetch->endpoints.targetName;
            s.subject = Text::tr("the password of instance \"%1\" (user %2)")
                            .arg(name, fetch->endpoints.target.username);
            s.howToStore = Text::tr("Store it again with \"crsync instance edit %1 "
                                    "--password-stdin\" or in the instance's form in the console.")
                               .arg(name);
        }
        fetch->secrets << s;
    }
    // Answered later even when nothing is to be read, so callers never see it from within.
    QTimer::singleShot(0, context ? context : QCoreApplication::instance(),
                       [this, fetch] { fetchNext(fetch); });
}

void EndpointResolver::fetchNext(std::shared_ptr<Fetch> fetch) const
{
    if (fetch->contextGone())
        return;
    while (fetch->next < fetch->secrets.size()) {
        Fetch::Secret &secret = fetch->secrets[fetch->next];
        if (secret.typed) {
            secret.endpoint->password = *secret.typed;
            ++fetch->next;
            continue;
        }
        if (!m_credentials) {
            ++fetch->next;
            continue;
        }
        m_credentials->fetchSecret(secret.key, [this, fetch](Result<QString> value) {
            if (fetch->contextGone())
                return;
            Fetch::Secret &secret = fetch->secrets[fetch->next];
            if (!value) {
                Error error = value.error();
                error.message = Text::tr("Could not read %1 from the keychain: %2 %3")
                                    .arg(secret.subject, value.error().message, secret.howToStore);
                if (error.kind == Error::Kind::NotFound)
                    error.kind = Error::Kind::Auth;
                fetch->done(error);
                return;
            }
            secret.endpoint->password = *value;
            ++fetch->next;
            fetchNext(fetch);
        });
        return;
    }
    fetch->done(fetch->endpoints);
}

} // namespace crsync
