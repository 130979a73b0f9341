#pragma once

#include "core/instance.h"
#include "core/result.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

namespace crsync {

class CredentialStore;
class KeychainKeys;
class RegistryClient;

// The namespaces a source instance has, for a form's namespace picker: every leading part of
// the repositories its catalog lists ("team", "team/apps" for "team/apps/web"). Asynchronous on
// the thread that starts it; deleting it stops it.
class NamespaceListing : public QObject
{
    Q_OBJECT
public:
    NamespaceListing(Instance instance, CredentialStore &keychain, const KeychainKeys &keys,
                     QObject *parent = nullptr);
    void start();
    bool isFinished() const { return m_finished; }
    // After finished(): sorted, without duplicates; or why there are none.
    const Result<QStringList> &result() const { return m_result; }

    static QStringList namespacesOf(const QStringList &repositories);

signals:
    void finished();

private:
    void list(const QString &password);
    void done(Result<QStringList> result);

    Instance m_instance;
    CredentialStore &m_keychain;
    QString m_key;
    QPointer<RegistryClient> m_client;
    Result<QStringList> m_result = QStringList();
    bool m_finished = false;
};

} // namespace crsync
