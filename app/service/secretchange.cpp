#include "service/secretchange.h"

#include "secrets/credentialstore.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcService, "crsync.service")

namespace crsync {

namespace {

// Puts the previous state of the entry back, then reports the store's error.
void restore(CredentialStore &keychain, const QString &key, const std::optional<QString> &previous,
             const QString &subject, const Error &error, std::function<void(Result<void>)> done)
{
    auto report = [key, error, done](Result<void> undone) {
        if (!undone)
            qCWarning(lcService).noquote() << "could not undo the keychain change of" << key
                                           << ":" << undone.error().message;
        done(error);
    };
    if (previous)
        keychain.persist(key, *previous, report, subject);
    else
        keychain.forget(key, report, subject);
}

} // namespace

void changeSecretThenStore(CredentialStore &keychain, const QString &key, const QString &secret,
                           const QString &subject, std::function<Result<void>()> write,
                           std::function<void(Result<void>)> done)
{
    keychain.fetch(
        key,
        [&keychain, key, secret, subject, write, done](Result<QString> held) {
            if (!held && held.error().kind != Error::Kind::NotFound)
                return done(held.error());
            const std::optional<QString> previous
                = held ? std::optional<QString>(*held) : std::nullopt;
            keychain.persist(
                key, secret,
                [&keychain, key, previous, subject, write, done](Result<void> persisted) {
                    if (!persisted)
                        return done(persisted);
                    const Result<void> written = write();
                    if (written)
                        return done(written);
                    restore(keychain, key, previous, subject, written.error(), done);
                },
                subject);
        },
        subject);
}

void forgetSecretThenStore(CredentialStore &keychain, const QString &key, const QString &subject,
                           std::function<Result<void>()> write,
                           std::function<void(Result<void>)> done)
{
    keychain.fetch(
        key,
        [&keychain, key, subject, write, done](Result<QString> held) {
            if (!held && held.error().kind != Error::Kind::NotFound)
                return done(held.error());
            const std::optional<QString> previous
                = held ? std::optional<QString>(*held) : std::nullopt;
            keychain.forget(
                key,
                [&keychain, key, previous, subject, write, done](Result<void> forgotten) {
                    if (!forgotten)
                        return done(forgotten);
                    const Result<void> written = write();
                    if (written || !previous)
                        return done(written);
                    restore(keychain, key, previous, subject, written.error(), done);
                },
                subject);
        },
        subject);
}

} // namespace crsync
