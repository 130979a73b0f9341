#include "registry/authsession.h"

#include "registry/clientprivate.h"
#include "registry/protocol.h"
#include "registry/registrylog.h"
#include "registry/registryrequest.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaObject>
#include <QUrlQuery>

#include <algorithm>

namespace crsync {

AuthSession::AuthSession(RegistryClient *client) : QObject(client), m_client(client) {}

QString AuthSession::scopeKey(const QStringList &scopes)
{
    QStringList sorted = scopes;
    sorted.sort();
    sorted.removeDuplicates();
    return sorted.join(QLatin1Char(' '));
}

bool AuthSession::hasCredentials() const
{
    return !m_client->endpoint().username.isEmpty() || !m_client->endpoint().password.isEmpty();
}

QByteArray AuthSession::basicAuthorization() const
{
    const QByteArray pair = m_client->endpoint().username.toUtf8() + ':'
        + m_client->endpoint().password.toUtf8();
    return "Basic " + pair.toBase64();
}

// The registry names the token service, so a registry (or whoever answers in its name) could
// send us to any host: the password goes there only encrypted, to the registry's own machine,
// or where the instance explicitly allows plain HTTP.
bool AuthSession::mayReceiveCredentials(const QUrl &realm) const
{
    const Endpoint &endpoint = m_client->endpoint();
    return realm.scheme() == QLatin1String("https")
        || realm.host().compare(endpoint.url.host(), Qt::CaseInsensitive) == 0
        || endpoint.allowHttp;
}

void AuthSession::authorize(const QStringList &scopes, QObject *context, AuthCallback callback)
{
    if (m_scheme == QLatin1String("basic")) {
        callback(hasCredentials() ? basicAuthorization() : QByteArray());
        return;
    }
    if (m_scheme != QLatin1String("bearer")) {
        callback(QByteArray()); // anonymous until the registry says otherwise
        return;
    }
    const QString key = scopeKey(scopes);
    const auto it = m_tokens.constFind(key);
    if (it != m_tokens.constEnd() && QDateTime::currentDateTimeUtc() < it->expires) {
        callback("Bearer " + it->value);
        return;
    }
    auto &waiting = m_waiting[key];
    waiting.append({QPointer<QObject>(context), std::move(callback)});
    if (waiting.size() == 1)
        fetchToken(key, scopes);
}

Result<bool> AuthSession::learn(const QByteArray &wwwAuthenticate, const QStringList &scopes,
                                const QByteArray &sentAuthorization)
{
    if (wwwAuthenticate.trimmed().isEmpty())
        return false;
    auto parsed = protocol::parseAuthChallenges(wwwAuthenticate);
    if (!parsed)
        return Error::make(Error::Kind::Protocol,
                           tr("The registry %1 asked for a login in a way crsync cannot read. %2")
                               .arg(m_client->endpoint().displayName(), parsed.error().message));
    const protocol::AuthChallenge *bearer = nullptr;
    const protocol::AuthChallenge *basic = nullptr;
    for (const auto &c : *parsed) {
        if (c.scheme == QLatin1String("bearer") && !bearer)
            bearer = &c;
        else if (c.scheme == QLatin1String("basic") && !basic)
            basic = &c;
    }
    if (bearer) {
        const QString realm = bearer->params.value(QStringLiteral("realm"));
        const QUrl realmUrl(realm);
        if (realm.isEmpty() || !realmUrl.isValid() || realmUrl.scheme().isEmpty() || realmUrl.host().isEmpty())
            return Error::make(Error::Kind::Protocol,
                               tr("The registry %1 sent a Bearer challenge without a usable realm "
                                  "(token service URL): %2")
                                   .arg(m_client->endpoint().displayName(),
                                        QString::fromLatin1(wwwAuthenticate.left(200))));
        m_scheme = QStringLiteral("bearer");
        m_realm = realm;
        m_service = bearer->params.value(QStringLiteral("service"));
        const QString key = scopeKey(scopes);
        const QStringList asked = bearer->params.value(QStringLiteral("scope"))
                                      .split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (!asked.isEmpty())
            m_challengeScopes[key] = asked;
        // The token we sent (if any) is no longer good for this scope set.
        const bool hadToken = m_tokens.remove(key) > 0 || sentAuthorization.startsWith("Bearer ");
        Q_UNUSED(hadToken);
        return true;
    }
    if (basic) {
        m_scheme = QStringLiteral("basic");
        // Sending the same credentials again cannot help.
        return hasCredentials() && !sentAuthorization.startsWith("Basic ");
    }
    return Error::make(Error::Kind::Auth,
                       tr("The registry %1 asks for an authentication scheme crsync does not "
                          "support: %2")
                           .arg(m_client->endpoint().displayName(),
                                QString::fromLatin1(wwwAuthenticate.left(200))));
}

void AuthSession::fetchToken(const QString &key, const QStringList &scopes)
{
    QStringList all = scopes + m_challengeScopes.value(key);
    all.removeDuplicates();
    QUrl url(m_realm);
    QUrlQuery query(url);
    if (!m_service.isEmpty())
        query.addQueryItem(QStringLiteral("service"), m_service);
    for (const QString &s : all)
        query.addQueryItem(QStringLiteral("scope"), s);
    url.setQuery(query);

    if (hasCredentials() && !mayReceiveCredentials(url)) {
        Error e = Error::make(
            Error::Kind::Auth,
            tr("The registry %1 names %2 as its token service, plain HTTP on another host: "
               "crsync will not send the password over plain HTTP to another host. Use a token "
               "service over HTTPS for this registry, or allow plain HTTP for this instance if "
               "the network between them is trusted.")
                .arg(m_client->endpoint().displayName(),
                     QUrl(m_realm).toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery)));
        e.code = QString::fromLatin1(PlainHttpRealmCode);
        qCWarning(lcRegistry).noquote()
            << "not sending credentials for" << m_client->endpoint().displayName()
            << "to the plain-HTTP token service" << url.authority();
        // From the event loop, like every other answer of a token fetch.
        QMetaObject::invokeMethod(
            this, [this, key, e] { deliver(key, e); }, Qt::QueuedConnection);
        return;
    }

    RequestSpec spec;
    spec.url = url;
    spec.authenticate = false;
    spec.followRedirects = true;
    spec.maxBodyBytes = 1 << 20;
    if (hasCredentials())
        spec.authorization = basicAuthorization();
    spec.what = tr("Getting an access token for %1 from %2")
                    .arg(all.isEmpty() ? tr("the registry") : all.join(QLatin1Char(' ')),
                         url.authority());
    auto *request = new RegistryRequest(m_client, spec, this);
    const QString registry = m_client->endpoint().displayName();
    const QString user = m_client->endpoint().username;
    request->start([this, request, key, registry, user](Result<Response> r) {
        request->deleteLater();
        if (!r) {
            Error e = r.error();
            if (e.httpStatus == 401 || e.httpStatus == 403) {
                e.kind = Error::Kind::Auth;
                e.message = user.isEmpty()
                    ? tr("The registry %1 requires a login: its token service refused anonymous "
                         "access. Set a username and password for it.")
                          .arg(registry)
                    : tr("The registry %1 refused the credentials for user %2. Check the username "
                         "and password.")
                          .arg(registry, user);
            }
            deliver(key, e);
            return;
        }
        const QJsonObject o = QJsonDocument::fromJson(r->body).object();
        QString token = o.value(QLatin1String("token")).toString();
        if (token.isEmpty())
            token = o.value(QLatin1String("access_token")).toString();
        if (token.isEmpty()) {
            deliver(key, Error::make(Error::Kind::Protocol,
                                     tr("The token service of the registry %1 answered without a "
                                        "token.")
                                         .arg(registry)));
            return;
        }
        qint64 lifetime = o.value(QLatin1String("expires_in")).toInteger(60);
        if (lifetime <= 0)
            lifetime = 60;
        // Renew a little early so a token does not expire between our check and the request.
        const qint64 margin = std::min<qint64>(10, lifetime / 4);
        m_tokens.insert(key, Token{token.toUtf8(),
                                   QDateTime::currentDateTimeUtc().addSecs(lifetime - margin)});
        qCDebug(lcRegistry) << "token for" << key << "on" << registry << "valid for" << lifetime << "s";
        deliver(key, QByteArray("Bearer " + token.toUtf8()));
    });
}

void AuthSession::deliver(const QString &key, const Result<QByteArray> &result)
{
    const auto waiting = m_waiting.take(key);
    for (const auto &[context, callback] : waiting) {
        if (context)
            callback(result);
    }
}

} // namespace crsync
