#include "service/namespacelisting.h"

#include "registry/registryclient.h"
#include "secrets/credentialstore.h"
#include "secrets/keychainkeys.h"

#include <QSet>
#include <QTimer>

namespace crsync {

NamespaceListing::NamespaceListing(Instance instance, CredentialStore &keychain,
                                   const KeychainKeys &keys, QObject *parent)
    : QObject(parent), m_instance(std::move(instance)), m_keychain(keychain),
      m_key(keys.instance(m_instance.id))
{
}

QStringList NamespaceListing::namespacesOf(const QStringList &repositories)
{
    QSet<QString> namespaces;
    for (const QString &repository : repositories) {
        const QStringList parts = repository.split(QLatin1Char('/'));
        for (int n = 1; n < parts.size(); ++n)
            namespaces.insert(parts.mid(0, n).join(QLatin1Char('/')));
    }
    QStringList sorted(namespaces.cbegin(), namespaces.cend());
    sorted.sort();
    return sorted;
}

void NamespaceListing::start()
{
    if (m_instance.username.isEmpty()) {
        QTimer::singleShot(0, this, [this] { list(QString()); });
        return;
    }
    QPointer<NamespaceListing> self(this);
    m_keychain.fetch(
        m_key,
        [self](Result<QString> secret) {
            if (!self)
                return;
            if (!secret)
                return self->done(secret.error());
            self->list(*secret);
        },
        tr("the password of instance \"%1\"").arg(m_instance.name));
}

void NamespaceListing::list(const QString &password)
{
    Endpoint endpoint;
    endpoint.url = m_instance.url;
    endpoint.username = m_instance.username;
    endpoint.password = password;
    endpoint.caFile = m_instance.caFile;
    endpoint.insecureSkipVerify = m_instance.insecureSkipVerify;
    endpoint.allowHttp = m_instance.allowHttp;
    m_client = new RegistryClient(endpoint, this);
    m_client->listRepositories(1000, [this](Result<QStringList> repositories) {
        if (!repositories)
            return done(repositories.error());
        done(namespacesOf(*repositories));
    });
}

void NamespaceListing::done(Result<QStringList> result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_result = std::move(result);
    emit finished();
}

} // namespace crsync
