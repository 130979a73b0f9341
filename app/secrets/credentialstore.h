#pragma once

#include "core/result.h"

#include <QObject>
#include <QString>
#include <QUrl>
#include <functional>

namespace crsync {

struct Instance;

// Passwords and tokens in the OS keychain (Secret Service, through QtKeychain), never anywhere
// else: no plain-text fallback. Every call is asynchronous and answers through its callback on
// the thread that owns the store, never from within the call itself.
//
// Keys are namespaced so one keychain service can hold every kind of crsync secret:
//   crsync/instance/<instance id>         the password of a stored instance
//   crsync/target/<url>|<username>        cross-account target credentials, shared by every rule
//                                         naming the same target and username, so saving newer
//                                         ones replaces them for all those rules at once
class CredentialStore : public QObject
{
    Q_OBJECT
public:
    // Error::code of a keychain that is not there at all (no Secret Service on the bus), so a
    // caller can tell "install / start a keychain" from "this entry is missing".
    static inline const QString UnavailableCode = QStringLiteral("KEYCHAIN_UNAVAILABLE");

    // service = the keychain service name the entries are filed under; tests set another one
    // through CRSYNC_KEYCHAIN_SERVICE so they never touch a user's real entries.
    explicit CredentialStore(QString service = serviceFromEnvironment(), QObject *parent = nullptr);

    QString service() const { return m_service; }
    static QString serviceFromEnvironment(); // $CRSYNC_KEYCHAIN_SERVICE, else "crsync"

    static QString instanceKey(qint64 instanceId);
    static QString instanceKey(const Instance &instance);
    // The URL is reduced to scheme://host[:port] in lower case, so spellings of the same
    // target ("https://Reg.example.com/") share one entry.
    static QString targetKey(const QUrl &targetUrl, const QString &username);
    static QString normalizedTargetUrl(const QUrl &url);

    // Error::Kind::NotFound when there is no such entry; Kind::Storage (code UnavailableCode
    // when no keychain answers) otherwise.
    void fetch(const QString &key, std::function<void(Result<QString>)> done);
    // Creates or replaces the entry.
    void persist(const QString &key, const QString &secret, std::function<void(Result<void>)> done);
    // Removing an entry that is not there succeeds: the caller wanted it gone.
    void forget(const QString &key, std::function<void(Result<void>)> done);

private:
    QString m_service;
};

} // namespace crsync
