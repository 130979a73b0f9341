#pragma once

#include "core/result.h"

#include <QHostAddress>
#include <QObject>
#include <functional>
#include <memory>

class QLockFile;

namespace crsync {

class CredentialStore;
class Database;
class Engine;
class EventQueue;
class PollWatcher;
class Scheduler;
class WebhookListener;

// Automatic sync for one data dir: the webhook listener and the event queue over the engine,
// run by `crsync daemon` and by the window. One process holds them per data dir at a time
// (<data dir>/automation.lock); a second is refused with the holder's process ID.
class Automation : public QObject
{
    Q_OBJECT
public:
    static constexpr quint16 DefaultPort = 8765;

    struct Options
    {
        QHostAddress address = QHostAddress::LocalHost;
        quint16 port = DefaultPort; // 0: any free port
        // PEM files: the listener speaks HTTPS with them. Required to listen beyond loopback,
        // where the secret would otherwise cross the network in clear.
        QString tlsCertificate;
        QString tlsKey;
    };

    Automation(QString dataDir, Database &database, Engine &engine, CredentialStore &keychain,
               QObject *parent = nullptr);
    ~Automation() override;

    // Takes the data dir's automation lock, reads (or makes) the webhook secret from the
    // keychain, listens, and starts feeding stored events to the engine. `done` hears how.
    void start(const Options &options, std::function<void(Result<void>)> done);
    // Stops listening and starting tasks; running tasks are the engine's to finish or cancel.
    void stop();
    bool isRunning() const { return m_listener != nullptr; }

    WebhookListener *listener() const { return m_listener.get(); }
    EventQueue *queue() const { return m_queue.get(); }
    PollWatcher *poller() const { return m_poller.get(); }
    Scheduler *scheduler() const { return m_scheduler.get(); }
    QString webhookUrl() const; // http://ADDRESS:PORT/webhook

    // "HOST:PORT", "[v6]:PORT" or ":PORT" (loopback); empty = the defaults. Kind::Invalid with
    // field "listen" otherwise.
    static Result<Options> parseListen(const QString &text);
    static QString webhookUrl(const Options &options); // a wildcard address reads as loopback
    // Kind::Invalid when the options would listen beyond loopback without TLS, or name only one
    // of the two TLS files.
    static Result<void> checkOptions(const Options &options);
    // The `notifications:` section of a docker-registry config.yml that posts to `url`.
    static QString registrySnippet(const QString &url, const QString &secret);

    // The webhook secret of the data dir: read, or made (32 random bytes, hex) and stored when
    // there is none or `rotate` asks for a new one.
    static void webhookSecret(Database &database, CredentialStore &keychain, bool rotate,
                              std::function<void(Result<QString>)> done);

signals:
    void logLine(const QString &line); // one line per event and task

private:
    QString m_dataDir;
    Database &m_database;
    Engine &m_engine;
    CredentialStore &m_keychain;
    std::unique_ptr<QLockFile> m_lock;
    Options m_options;
    std::unique_ptr<WebhookListener> m_listener;
    std::unique_ptr<EventQueue> m_queue;
    std::unique_ptr<PollWatcher> m_poller;
    std::unique_ptr<Scheduler> m_scheduler;
};

} // namespace crsync
