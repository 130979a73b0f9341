#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>

#include <functional>

namespace crsync {

class RegistryClient;

// How one client authenticates: learns the scheme from challenges (or the ping), sends Basic
// credentials once the registry asked for them, and fetches, caches (per scope set, until they
// expire) and refreshes Bearer tokens. Credentials go to a token service only over HTTPS, on the
// registry's own host, or with the endpoint's allowHttp.
class AuthSession : public QObject
{
    Q_OBJECT
public:
    using AuthCallback = std::function<void(Result<QByteArray>)>; // Authorization value or empty

    explicit AuthSession(RegistryClient *client);

    // The Authorization value for a request needing `scopes`; may fetch a token first. The
    // callback is not called once `context` is gone.
    void authorize(const QStringList &scopes, QObject *context, AuthCallback callback);

    // Learns from a 401 answer. Yields whether sending the request again may succeed; fails when
    // the challenge is malformed.
    Result<bool> learn(const QByteArray &wwwAuthenticate, const QStringList &scopes,
                       const QByteArray &sentAuthorization);

    QString scheme() const { return m_scheme; }
    static QString scopeKey(const QStringList &scopes);

    // Error::code of a token fetch refused because the password would go over plain HTTP to
    // another host.
    static constexpr char PlainHttpRealmCode[] = "PLAIN_HTTP_TOKEN_SERVICE";

private:
    struct Token
    {
        QByteArray value;
        QDateTime expires;
    };
    void fetchToken(const QString &key, const QStringList &scopes);
    void deliver(const QString &key, const Result<QByteArray> &result);
    QByteArray basicAuthorization() const;
    bool hasCredentials() const;
    bool mayReceiveCredentials(const QUrl &realm) const;

    RegistryClient *m_client;
    QString m_scheme; // "", "basic", "bearer"
    QString m_realm;
    QString m_service;
    QHash<QString, Token> m_tokens;
    QHash<QString, QStringList> m_challengeScopes; // extra scopes the registry asked for
    QHash<QString, QList<std::pair<QPointer<QObject>, AuthCallback>>> m_waiting;
};

} // namespace crsync
