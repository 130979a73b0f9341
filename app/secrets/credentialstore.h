#pragma once

#include "core/result.h"

#include <QObject>
#include <QString>
#include <functional>

namespace crsync {

// Passwords and tokens in the OS keychain (Secret Service, through QtKeychain), never anywhere
// else: no plain-text fallback. Every call is asynchronous and answers through its callback on
// the thread that owns the store, never from within the call itself. Keys: KeychainKeys.
//
// `subject` names the secret in messages ("the password of instance \"prod\""); without one
// the key is named. The secret itself is never part of a message or a log line.
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

    // Error::Kind::NotFound when there is no such entry; Kind::Storage (code UnavailableCode
    // when no keychain answers) otherwise.
    void fetch(const QString &key, std::function<void(Result<QString>)> done,
               const QString &subject = {});
    // Creates or replaces the entry.
    void persist(const QString &key, const QString &secret, std::function<void(Result<void>)> done,
                 const QString &subject = {});
    // Whether the keychain answers, learned by reading `probeKey` (an entry never written)
    // before `subject` is to be stored; a failure is worded as a failure to store it.
    void checkWritable(const QString &probeKey, const QString &subject,
                       std::function<void(Result<void>)> done);
    // Removing an entry that is not there succeeds: the caller wanted it gone.
    void forget(const QString &key, std::function<void(Result<void>)> done,
                const QString &subject = {});

private:
    QString m_service;
};

} // namespace crsync
