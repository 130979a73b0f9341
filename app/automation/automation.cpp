#include "automation/automation.h"

#include "automation/eventqueue.h"
#include "automation/pollwatcher.h"
#include "automation/scheduler.h"
#include "automation/webhooklistener.h"
#include "secrets/credentialstore.h"
#include "secrets/keychainkeys.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QDir>
#include <QLockFile>
#include <QPointer>
#include <QRandomGenerator>

namespace crsync {

Automation::Automation(QString dataDir, Database &database, Engine &engine,
                       CredentialStore &keychain, QObject *parent)
    : QObject(parent), m_dataDir(std::move(dataDir)), m_database(database), m_engine(engine),
      m_keychain(keychain)
{
}

Automation::~Automation()
{
    stop();
}

void Automation::webhookSecret(Database &database, CredentialStore &keychain, bool rotate,
                               std::function<void(Result<QString>)> done)
{
    const QString key = KeychainKeys(database.keychainNamespace()).webhookSecret();
    const QString subject = QCoreApplication::translate("crsync::Automation", "the webhook secret");
    auto make = [&keychain, key, subject, done] {
        QByteArray bytes(32, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), 8);
        const QString secret = QString::fromLatin1(bytes.toHex());
        keychain.persist(key, secret, [done, secret](Result<void> stored) {
            if (!stored)
                return done(stored.error());
            done(secret);
        }, subject);
    };
    if (rotate)
        return make();
    keychain.fetch(key, [done, make](Result<QString> secret) {
        if (secret)
            return done(*secret);
        if (secret.error().kind == Error::Kind::NotFound)
            return make();
        done(secret.error());
    }, subject);
}

void Automation::start(const Options &options, std::function<void(Result<void>)> done)
{
    if (Result<void> ok = checkOptions(options); !ok)
        return done(ok.error());
    m_options = options;
    m_lock = std::make_unique<QLockFile>(QDir(m_dataDir).filePath(QStringLiteral("automation.lock")));
    m_lock->setStaleLockTime(0); // held as long as its process lives
    if (!m_lock->tryLock(0)) {
        qint64 pid = 0;
        QString host;
        QString app;
        m_lock->getLockInfo(&pid, &host, &app);
        m_lock.reset();
        return done(Error::make(Error::Kind::Conflict,
                                tr("Automatic sync for %1 already runs in process %2 on %3; only "
                                   "one process may run it per data dir. Stop that one first.")
                                    .arg(m_dataDir)
                                    .arg(pid)
                                    .arg(host)));
    }
    QPointer<Automation> self(this);
    webhookSecret(m_database, m_keychain, false, [self, options, done](Result<QString> secret) {
        if (!self)
            return;
        if (!secret) {
            self->m_lock.reset();
            return done(secret.error());
        }
        auto listener = std::make_unique<WebhookListener>(self->m_database, secret->toLatin1());
        if (!options.tlsCertificate.isEmpty()) {
            if (Result<void> tls = listener->useTls(options.tlsCertificate, options.tlsKey); !tls) {
                self->m_lock.reset();
                return done(tls.error());
            }
        }
        if (Result<void> listening = listener->listen(options.address, options.port); !listening) {
            self->m_lock.reset();
            return done(listening.error());
        }
        self->m_listener = std::move(listener);
        self->m_queue = std::make_unique<EventQueue>(self->m_database, self->m_engine);
        connect(self->m_listener.get(), &WebhookListener::logLine, self, &Automation::logLine);
        connect(self->m_queue.get(), &EventQueue::logLine, self, &Automation::logLine);
        connect(self->m_listener.get(), &WebhookListener::eventsStored, self->m_queue.get(),
                &EventQueue::eventsArrived);
        self->m_poller = std::make_unique<PollWatcher>(self->m_database, self->m_engine);
        connect(self->m_poller.get(), &PollWatcher::logLine, self, &Automation::logLine);
        connect(self->m_poller.get(), &PollWatcher::eventsStored, self->m_queue.get(),
                &EventQueue::eventsArrived);
        self->m_scheduler = std::make_unique<Scheduler>(self->m_database, self->m_engine);
        connect(self->m_scheduler.get(), &Scheduler::logLine, self, &Automation::logLine);
        emit self->logLine(tr("listening for webhooks on %1").arg(self->webhookUrl()));
        self->m_queue->start();
        self->m_poller->start();
        self->m_scheduler->start();
        done({});
    });
}

void Automation::stop()
{
    if (m_scheduler)
        m_scheduler->stop();
    m_scheduler.reset();
    if (m_poller)
        m_poller->stop();
    m_poller.reset(); // its scans stop with it
    if (m_queue)
        m_queue->stop();
    m_listener.reset();
    // The queue stays until the engine's tasks are over: it hears them end and puts their
    // events back for the next start.
    if (m_lock)
        m_lock->unlock();
    m_lock.reset();
}

Result<Automation::Options> Automation::parseListen(const QString &text)
{
    Options o;
    if (text.trimmed().isEmpty())
        return o;
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    bool ok = false;
    const uint port = colon >= 0 ? text.mid(colon + 1).toUInt(&ok) : 0;
    QString host = colon >= 0 ? text.left(colon) : text;
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    if (!host.isEmpty() && !o.address.setAddress(host))
        ok = false;
    if (!ok || port > 65535)
        return Error::invalid(QStringLiteral("listen"),
                              tr("The listen address is HOST:PORT with HOST an IP address, e.g. "
                                 "127.0.0.1:8765 (\"%1\" is not).")
                                  .arg(text));
    o.port = quint16(port);
    return o;
}

Result<void> Automation::checkOptions(const Options &options)
{
    if (options.tlsCertificate.isEmpty() != options.tlsKey.isEmpty())
        return Error::invalid(QStringLiteral("tls"),
                              tr("TLS needs both a certificate file and its key file."));
    if (!options.address.isLoopback() && options.tlsCertificate.isEmpty())
        return Error::invalid(QStringLiteral("listen"),
                              tr("Listening on %1 reaches beyond this machine: give a TLS "
                                 "certificate and key (--tls-cert, --tls-key) so that the webhook "
                                 "secret never crosses the network in clear, or listen on "
                                 "127.0.0.1 behind a reverse proxy.")
                                  .arg(options.address.toString()));
    return {};
}

QString Automation::webhookUrl(const Options &options)
{
    QHostAddress a = options.address;
    if (a == QHostAddress::Any || a == QHostAddress::AnyIPv4)
        a = QHostAddress::LocalHost;
    else if (a == QHostAddress::AnyIPv6)
        a = QHostAddress::LocalHostIPv6;
    const QString host = a.protocol() == QAbstractSocket::IPv6Protocol
        ? QStringLiteral("[%1]").arg(a.toString())
        : a.toString();
    const QString scheme = options.tlsCertificate.isEmpty() ? QStringLiteral("http") : QStringLiteral("https");
    return QStringLiteral("%1://%2:%3/webhook").arg(scheme, host).arg(options.port);
}

QString Automation::registrySnippet(const QString &url, const QString &secret)
{
    return QStringLiteral("notifications:\n"
                          "  endpoints:\n"
                          "    - name: crsync\n"
                          "      url: %1\n"
                          "      headers:\n"
                          "        Authorization: [Bearer %2]\n"
                          "      timeout: 5s\n"
                          "      threshold: 5\n"
                          "      backoff: 10s\n"
                          "      ignoredmediatypes: [application/octet-stream]\n")
        .arg(url, secret);
}

QString Automation::webhookUrl() const
{
    if (!m_listener)
        return {};
    Options bound = m_options;
    bound.address = m_listener->address();
    bound.port = m_listener->port();
    return webhookUrl(bound);
}

} // namespace crsync
