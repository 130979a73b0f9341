#include "secrets/credentialstore.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>
#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcSecrets, "crsync.secrets")

namespace crsync {

namespace {

// libsecret reports a missing or dead Secret Service as a generic D-Bus/GIO error; these are the
// fragments that mean "no keychain at all" rather than "this entry has a problem".
bool looksUnavailable(QKeychain::Error code, const QString &text)
{
    if (code == QKeychain::NoBackendAvailable || code == QKeychain::NotImplemented)
        return true;
    if (code != QKeychain::OtherError)
        return false;
    static const char *const hints[] = {
        "org.freedesktop.secrets",
        "org.freedesktop.DBus",
        "ServiceUnknown",
        "NoReply",
        "D-Bus",
        "DBus",
        "dbus",
        "autolaunch",
        "Could not connect",
        "Connection refused",
        "No such file or directory",
        "not provided by any .service",
        "Timeout was reached",
    };
    for (const char *hint : hints)
        if (text.contains(QLatin1String(hint), Qt::CaseInsensitive))
            return true;
    return false;
}

// The service is there but its default collection is missing or locked and no prompt could be
// shown (no desktop session).
bool looksLocked(const QString &text)
{
    static const char *const hints[]
        = { "/org/freedesktop/secrets/collection", "locked", "prompt" };
    for (const char *hint : hints)
        if (text.contains(QLatin1String(hint), Qt::CaseInsensitive))
            return true;
    return false;
}

} // namespace

CredentialStore::CredentialStore(QString service, QObject *parent)
    : QObject(parent), m_service(std::move(service))
{
}

QString CredentialStore::serviceFromEnvironment()
{
    const QString fromEnv = qEnvironmentVariable("CRSYNC_KEYCHAIN_SERVICE").trimmed();
    return fromEnv.isEmpty() ? QStringLiteral("crsync") : fromEnv;
}

// Turns a finished keychain job into an Error that says what to do. The secret itself is never
// part of a message or a log line; the key is (it names an instance or target, not a password).
static Error keychainError(const CredentialStore *store, const QKeychain::Job *job,
                           const QString &action, const QString &subject)
{
    const QString detail = job->errorString();
    const QString what = subject.isEmpty() ? QStringLiteral("\"%1\"").arg(job->key()) : subject;
    if (looksUnavailable(job->error(), detail)) {
        Error e = Error::make(
            Error::Kind::Storage,
            CredentialStore::tr("No keychain is available to %1 %2: crsync keeps passwords "
                                "only in a Secret Service keychain, and none answered on the "
                                "D-Bus session bus (%3). Install and start gnome-keyring or "
                                "KWallet, or run crsync inside a desktop session; on a headless "
                                "machine start a session bus with an unlocked keyring (for "
                                "example dbus-run-session with gnome-keyring-daemon --unlock). "
                                "Nothing was stored in plain text.")
                .arg(action, what, detail));
        e.code = CredentialStore::UnavailableCode;
        return e;
    }
    if (job->error() == QKeychain::AccessDenied || looksLocked(detail)) {
        // A Secret Service answered but has no usable (unlocked) keyring, and could not ask
        // for one: typical of a headless session where gnome-keyring was started without
        // --unlock.
        Error e = Error::make(
            Error::Kind::Storage,
            CredentialStore::tr("The keychain could not %1 %2: it has no unlocked keyring "
                                "(%3). Unlock the default keyring (log in to the desktop session, "
                                "or start gnome-keyring-daemon with --unlock on a headless "
                                "machine) and try again. Nothing was stored in plain text.")
                .arg(action, what, detail));
        e.code = CredentialStore::UnavailableCode;
        return e;
    }
    if (job->error() == QKeychain::EntryNotFound)
        return Error::make(Error::Kind::NotFound,
                           CredentialStore::tr("The keychain (service \"%1\") does not hold %2.")
                               .arg(store->service(), what));
    if (job->error() == QKeychain::AccessDeniedByUser)
        return Error::make(Error::Kind::Storage,
                           CredentialStore::tr("The keychain refused to %1 %2 (%3). Unlock "
                                               "the keyring (log in to the desktop session or "
                                               "unlock it in your keyring manager) and try again.")
                               .arg(action, what, detail));
    return Error::make(Error::Kind::Storage,
                       CredentialStore::tr("The keychain could not %1 %2: %3")
                           .arg(action, what, detail));
}

// Jobs have no parent: a store destroyed while the Secret Service still works on one of its
// jobs (a window closed, a test's data dir gone) must not delete that job under libsecret's
// pending callback. The job deletes itself when it finished; the callbacks are connected with
// the store as context, so they never run once it is gone.
template<typename JobT> static JobT *makeJob(CredentialStore *store, const QString &key)
{
    auto *job = new JobT(store->service(), nullptr);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // a secret goes to the keychain or nowhere
    job->setKey(key);
    return job;
}

void CredentialStore::fetch(const QString &key, std::function<void(Result<QString>)> done,
                            const QString &subject)
{
    auto *job = makeJob<QKeychain::ReadPasswordJob>(this, key);
    connect(
        job, &QKeychain::Job::finished, this,
        [this, subject, done = std::move(done)](QKeychain::Job *j) {
            auto *read = static_cast<QKeychain::ReadPasswordJob *>(j);
            if (read->error() != QKeychain::NoError) {
                qCDebug(lcSecrets) << "fetch" << read->key() << "failed:" << read->errorString();
                done(keychainError(this, read, tr("read"), subject));
                return;
            }
            qCDebug(lcSecrets) << "fetched" << read->key();
            done(read->textData());
        });
    job->start(); // QtKeychain starts the job from the event loop, so done never runs in here
}

void CredentialStore::checkWritable(const QString &probeKey, const QString &subject,
                                    std::function<void(Result<void>)> done)
{
    auto *job = makeJob<QKeychain::ReadPasswordJob>(this, probeKey);
    connect(job, &QKeychain::Job::finished, this,
            [this, subject, done = std::move(done)](QKeychain::Job *j) {
                if (j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound)
                    return done({});
                qCDebug(lcSecrets) << "probe" << j->key() << "failed:" << j->errorString();
                done(keychainError(this, j, tr("store"), subject));
            });
    job->start();
}

void CredentialStore::persist(const QString &key, const QString &secret,
                              std::function<void(Result<void>)> done, const QString &subject)
{
    auto *job = makeJob<QKeychain::WritePasswordJob>(this, key);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this,
            [this, subject, done = std::move(done)](QKeychain::Job *j) {
                if (j->error() != QKeychain::NoError) {
                    qCDebug(lcSecrets) << "persist" << j->key() << "failed:" << j->errorString();
                    done(keychainError(this, j, tr("store"), subject));
                    return;
                }
                qCDebug(lcSecrets) << "persisted" << j->key();
                done({});
            });
    job->start();
}

void CredentialStore::forget(const QString &key, std::function<void(Result<void>)> done,
                             const QString &subject)
{
    auto *job = makeJob<QKeychain::DeletePasswordJob>(this, key);
    connect(job, &QKeychain::Job::finished, this,
            [this, subject, done = std::move(done)](QKeychain::Job *j) {
                if (j->error() != QKeychain::NoError && j->error() != QKeychain::EntryNotFound) {
                    qCDebug(lcSecrets) << "forget" << j->key() << "failed:" << j->errorString();
                    done(keychainError(this, j, tr("remove"), subject));
                    return;
                }
                qCDebug(lcSecrets) << "forgot" << j->key();
                done({});
            });
    job->start();
}

} // namespace crsync
