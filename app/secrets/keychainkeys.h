#pragma once

#include <QString>
#include <QUrl>

namespace crsync {

// The names of one data dir's entries in the keychain. Every key starts with the data dir's
// own namespace (Database::keychainNamespace()), so a demo, a test and a second profile on one
// keychain never read or overwrite each other's passwords:
//   crsync/<ns>/instance/<instance id>     the password of a stored instance
//   crsync/<ns>/target/<url>|<username>    cross-account target credentials, shared by every
//                                          rule of the data dir naming the same target and
//                                          username, so newer ones replace them for all of them
class KeychainKeys
{
public:
    explicit KeychainKeys(QString keychainNamespace) : m_ns(std::move(keychainNamespace)) { }

    QString instance(qint64 instanceId) const;
    // The URL is reduced to scheme://host[:port] in lower case, so spellings of the same
    // target ("https://Reg.example.com/") share one entry.
    QString target(const QUrl &targetUrl, const QString &username) const;
    // The shared secret registries send to the webhook listener (Authorization: Bearer ...).
    QString webhookSecret() const;
    // An entry that is never written: reading it proves the keychain answers.
    QString probe() const;

    // Where crsync kept secrets before namespaces (shared by every data dir); read once to move
    // them (service/keychainmigration.cpp).
    static QString legacyInstance(qint64 instanceId);
    static QString legacyTarget(const QUrl &targetUrl, const QString &username);

    static QString normalizedTargetUrl(const QUrl &url);

private:
    QString m_ns;
};

} // namespace crsync
