#pragma once

#include "registry/opjob.h"

#include <QTimer>

namespace crsync {

// Shared pieces of the upload protocol (POST a session, ask where it stands, cancel it).
namespace upload {

QString pullScope(const QString &repository);
QString pushScope(const QString &repository);
QUrl apiUrl(const RegistryClient *client, const QString &path);
// The Location of an answer, resolved against the request URL; empty when missing.
QUrl location(const Response &response);
QUrl withDigest(QUrl url, const QString &digest);
bool isResumable(const Error &error); // worth asking the registry where the upload stands

RequestSpec startSpec(const RegistryClient *client, const QString &repository);
RequestSpec statusSpec(const QUrl &uploadUrl, const QString &repository);
RequestSpec patchSpec(const QUrl &uploadUrl, const QString &repository, qint64 start, qint64 length);
RequestSpec finishSpec(const QUrl &uploadUrl, const QString &repository, const QString &digest,
                       const QByteArray &tail, qint64 tailStart);
// Cancels an upload session in the background (best effort, nothing waits for it).
void cancelDetached(RegistryClient *client, const QUrl &uploadUrl, const QString &repository);

} // namespace upload

// uploadBlobChunked(): POST, PATCH per chunk, PUT ?digest=, resuming after a failed PATCH from
// the offset the registry reports.
class ChunkedUploadJob : public TypedJob<void>
{
    Q_OBJECT
public:
    ChunkedUploadJob(RegistryClient *client, QString repository, QString digest, QByteArray data,
                     qint64 chunkSize, Callback<void> done);
    void start();

private:
    void openSession();
    void nextChunk();
    void recover(const Error &error);

    QString m_repository;
    QString m_digest;
    QByteArray m_data;
    qint64 m_chunkSize;
    QUrl m_uploadUrl;
    qint64 m_offset = 0;
    int m_failures = 0;
};

// uploadBlob(): POST then PUT ?digest= with the whole body. A PUT that broke may have left part of
// the body in the session, so a retry opens a fresh session instead of repeating the PUT.
class MonolithicUploadJob : public TypedJob<void>
{
    Q_OBJECT
public:
    MonolithicUploadJob(RegistryClient *client, QString repository, QString digest, QByteArray data,
                        Callback<void> done);
    // An upload session already opened for this blob (by a declined mount): the first PUT
    // goes there instead of into a fresh POST's session.
    void setSession(const QUrl &url) { m_session = url; }
    void start();

private:
    void put(const QUrl &url);

    QString m_repository;
    QString m_digest;
    QByteArray m_data;
    QUrl m_session;
    int m_failures = 0;
};

// listRepositories() / listTags(): follows Link rel="next" until the list is complete.
class PagedListJob : public TypedJob<QStringList>
{
    Q_OBJECT
public:
    PagedListJob(RegistryClient *client, QUrl first, QString key, QStringList scopes, QString what,
                 Callback<QStringList> done);
    void start() { fetch(m_first); }

private:
    void fetch(const QUrl &url);

    QUrl m_first;
    QString m_key;
    QStringList m_scopes;
    QString m_what;
    QStringList m_items;
    int m_pages = 0;
};

// listProjectRepositories(): Harbor's pages (?page=N&page_size=M) until one comes short.
class HarborRepositoriesJob : public TypedJob<QStringList>
{
    Q_OBJECT
public:
    HarborRepositoriesJob(RegistryClient *client, QString project, int pageSize,
                          Callback<QStringList> done);
    void start() { fetch(1); }

private:
    void fetch(int page);

    QString m_project;
    int m_pageSize;
    QString m_what;
    QStringList m_items;
};

// ensureProject(): is the Harbor project there? If not, create it (409: someone just did).
class HarborProjectJob : public TypedJob<bool>
{
    Q_OBJECT
public:
    HarborProjectJob(RegistryClient *client, QString project, Callback<bool> done);
    void start();

private:
    RequestSpec spec(const QByteArray &method) const;
    void create();

    QString m_project;
};

} // namespace crsync
