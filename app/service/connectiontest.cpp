#include "service/connectiontest.h"

#include "registry/authsession.h"
#include "secrets/credentialstore.h"
#include "secrets/keychainkeys.h"

#include <QTimer>

namespace crsync {

QString ConnectionReport::advice() const
{
    if (!error)
        return {};
    switch (error->kind) {
    case Error::Kind::Tls:
        return ConnectionTest::tr("The registry's certificate did not verify: give the "
                                  "certificate of the authority that signed it as the CA file, "
                                  "or check that the URL names the right host.");
    case Error::Kind::Network:
        return ConnectionTest::tr("The registry did not answer: check the URL and port, that the "
                                  "registry runs, and that no firewall or proxy is in the way.");
    case Error::Kind::Auth:
        if (credentials == Credentials::Withheld)
            return ConnectionTest::tr("The registry sends logins to a token service over plain "
                                      "HTTP on another host, and crsync does not send the "
                                      "password there: have the registry use an HTTPS token "
                                      "service, or, on a network you trust, allow plain HTTP for "
                                      "this instance.");
        return credentials == Credentials::Missing
            ? ConnectionTest::tr("The keychain has no password for this instance: type it in "
                                 "the instance's form (or \"crsync instance edit NAME "
                                 "--password-stdin\").")
            : instance.username.isEmpty()
            ? ConnectionTest::tr("The registry wants a login: give a username and its password.")
            : ConnectionTest::tr("The registry refused the username or password: check both, "
                                 "and that the account may log in to the registry.");
    case Error::Kind::Storage:
        return ConnectionTest::tr("The keychain could not be read: unlock or start it, then test "
                                  "again.");
    default:
        return ConnectionTest::tr("The registry answered something crsync did not expect: check "
                                  "that the URL is the registry's own (not its web console).");
    }
}

ConnectionTest::ConnectionTest(Instance instance, std::optional<QString> password,
                               CredentialStore &keychain, const KeychainKeys &keys,
                               QObject *parent)
    : QObject(parent), m_password(std::move(password)), m_keychain(keychain)
{
    m_report.instance = std::move(instance);
    if (m_report.instance.id != 0)
        m_key = keys.instance(m_report.instance.id);
}

void ConnectionTest::start()
{
    const Instance &instance = m_report.instance;
    if (instance.username.isEmpty() || m_password) {
        const QString password = m_password.value_or(QString());
        QTimer::singleShot(0, this, [this, password] { probe(password); });
        return;
    }
    if (m_key.isEmpty()) {
        QTimer::singleShot(0, this, [this] { probe(QString()); });
        return;
    }
    QPointer<ConnectionTest> self(this);
    m_keychain.fetch(
        m_key,
        [self](Result<QString> secret) {
            if (!self)
                return;
            if (secret)
                return self->probe(*secret);
            self->m_report.error = secret.error();
            if (secret.error().kind == Error::Kind::NotFound) {
                self->m_report.credentials = ConnectionReport::Credentials::Missing;
                // Exit status 3: the registry cannot be tested with credentials we do not have.
                self->m_report.error->kind = Error::Kind::Auth;
            }
            self->done();
        },
        tr("the password of instance \"%1\"").arg(instance.name));
}

void ConnectionTest::probe(const QString &password)
{
    Endpoint endpoint;
    endpoint.url = m_report.instance.url;
    endpoint.username = password.isEmpty() ? QString() : m_report.instance.username;
    endpoint.password = password;
    endpoint.caFile = m_report.instance.caFile;
    endpoint.insecureSkipVerify = m_report.instance.insecureSkipVerify;
    endpoint.allowHttp = m_report.instance.allowHttp;
    m_client = new RegistryClient(endpoint, this);
    const bool anonymous = endpoint.username.isEmpty();
    // A draft with a username and no password yet is asked anonymously; whether the registry
    // would accept the user stays open.
    const bool untested = anonymous && !m_report.instance.username.isEmpty();
    m_client->ping([this, anonymous, untested](Result<PingInfo> ping) {
        if (!ping) {
            m_report.error = ping.error();
            return done();
        }
        m_report.reachable = true;
        m_report.ping = *ping;
        // /v2/ only says which scheme the registry wants; the catalog is the first call that
        // logs in (Basic credentials, or a Bearer token for registry:catalog:*), so it is what
        // tells accepted from refused credentials.
        m_client->listRepositories(100, [this, anonymous,
                                         untested](Result<QStringList> repositories) {
            m_report.credentials = untested ? ConnectionReport::Credentials::Missing
                : anonymous                 ? ConnectionReport::Credentials::Anonymous
                                            : ConnectionReport::Credentials::Accepted;
            if (repositories) {
                m_report.repositories = int(repositories->size());
                return done();
            }
            const Error &e = repositories.error();
            m_report.catalogError = e.message;
            // 403: logged in, but this user may not list the catalog (restricted catalogs).
            if (e.kind == Error::Kind::Auth && e.httpStatus != 403) {
                if (e.code == QLatin1String(AuthSession::PlainHttpRealmCode))
                    m_report.credentials = ConnectionReport::Credentials::Withheld;
                else if (!anonymous)
                    m_report.credentials = ConnectionReport::Credentials::Refused;
                m_report.error = e;
            }
            done();
        });
    });
}

void ConnectionTest::done()
{
    if (m_finished)
        return;
    m_finished = true;
    emit finished();
}

} // namespace crsync
