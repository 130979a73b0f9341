#pragma once

#include "core/instance.h"
#include "core/result.h"
#include "registry/registryclient.h"

#include <QObject>
#include <QPointer>
#include <optional>

namespace crsync {

class CredentialStore;
class KeychainKeys;

// What a registry said to crsync when asked with an instance's settings.
struct ConnectionReport
{
    enum class Credentials {
        Anonymous, // no username: nothing to accept or refuse
        Accepted,
        Refused,
        Missing, // a username whose password is not in the keychain
        Withheld, // not sent: the token service is plain HTTP on another host
    };

    Instance instance;
    bool reachable = false; // /v2/ answered
    PingInfo ping;
    Credentials credentials = Credentials::Anonymous;
    std::optional<int> repositories; // visible in the catalog; unset when it could not be listed
    QString catalogError; // why the catalog could not be listed (a 403 is no failure)
    std::optional<Error> error; // what failed; Kind::Network, Tls or Auth decide the advice

    bool ok() const { return !error.has_value(); }
    // One sentence on what to do about `error` (empty when there is none).
    QString advice() const;
};

// Tests one instance (stored, or a form's draft) the way a sync would reach it: ping /v2/,
// then list the catalog, which is the first call that logs in. Asynchronous, on the thread
// that starts it; deleting it stops it.
class ConnectionTest : public QObject
{
    Q_OBJECT
public:
    // password: typed in a form; without one a stored instance's password is read from the
    // keychain (none is needed without a username).
    ConnectionTest(Instance instance, std::optional<QString> password, CredentialStore &keychain,
                   const KeychainKeys &keys, QObject *parent = nullptr);
    void start();
    bool isFinished() const { return m_finished; }
    const ConnectionReport &report() const { return m_report; }

signals:
    void finished();

private:
    void probe(const QString &password);
    void done();

    ConnectionReport m_report;
    std::optional<QString> m_password;
    CredentialStore &m_keychain;
    QString m_key;
    QPointer<RegistryClient> m_client;
    bool m_finished = false;
};

} // namespace crsync
