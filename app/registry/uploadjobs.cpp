#include "registry/uploadjobs.h"

#include "registry/protocol.h"
#include "registry/registrylog.h"
#include "registry/retrypolicy.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

#include <algorithm>
#include <utility>

namespace crsync {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(crsync::RegistryClient)
};
} // namespace

namespace upload {

QString pullScope(const QString &repository)
{
    return QStringLiteral("repository:%1:pull").arg(repository);
}

QString pushScope(const QString &repository)
{
    return QStringLiteral("repository:%1:pull,push").arg(repository);
}

QUrl apiUrl(const RegistryClient *client, const QString &path)
{
    QUrl url = client->endpoint().url;
    url.setPath(QLatin1String("/v2/") + path);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

QUrl location(const Response &response)
{
    const QByteArray value = response.header("Location");
    if (value.isEmpty())
        return {};
    return response.url.resolved(QUrl::fromEncoded(value));
}

QUrl withDigest(QUrl url, const QString &digest)
{
    QUrlQuery query(url);
    query.removeAllQueryItems(QStringLiteral("digest"));
    query.addQueryItem(QStringLiteral("digest"), digest);
    url.setQuery(query);
    return url;
}

bool isResumable(const Error &error)
{
    return error.kind == Error::Kind::Network || error.httpStatus == 416
        || RetryPolicy::isRetryableStatus(error.httpStatus) || error.httpStatus == 401;
}

RequestSpec startSpec(const RegistryClient *client, const QString &repository)
{
    RequestSpec spec;
    spec.method = "POST";
    spec.url = apiUrl(client, repository + QLatin1String("/blobs/uploads/"));
    spec.scopes = {pushScope(repository)};
    spec.what = Text::tr("Starting a blob upload to %1").arg(repository);
    return spec;
}

RequestSpec statusSpec(const QUrl &uploadUrl, const QString &repository)
{
    RequestSpec spec;
    spec.url = uploadUrl;
    spec.scopes = {pushScope(repository)};
    spec.what = Text::tr("Asking how far the blob upload to %1 got").arg(repository);
    return spec;
}

RequestSpec patchSpec(const QUrl &uploadUrl, const QString &repository, qint64 start, qint64 length)
{
    RequestSpec spec;
    spec.method = "PATCH";
    spec.url = uploadUrl;
    spec.scopes = {pushScope(repository)};
    spec.retry = false; // a half-sent chunk is resumed from what the registry reports instead
    spec.headers = {{"Content-Type", "application/octet-stream"},
                    {"Content-Range", QByteArray::number(start) + '-' + QByteArray::number(start + length - 1)}};
    spec.what = Text::tr("Uploading bytes %1-%2 of a blob to %3").arg(start).arg(start + length - 1).arg(repository);
    return spec;
}

RequestSpec finishSpec(const QUrl &uploadUrl, const QString &repository, const QString &digest,
                       const QByteArray &tail, qint64 tailStart)
{
    RequestSpec spec;
    spec.method = "PUT";
    spec.url = withDigest(uploadUrl, digest);
    spec.scopes = {pushScope(repository)};
    spec.body = tail;
    spec.retry = tail.isEmpty();
    spec.headers = {{"Content-Type", "application/octet-stream"}};
    if (!tail.isEmpty())
        spec.headers.append({"Content-Range", QByteArray::number(tailStart) + '-'
                                                  + QByteArray::number(tailStart + tail.size() - 1)});
    spec.what = Text::tr("Committing the blob %1 in %2").arg(digest, repository);
    return spec;
}

void cancelDetached(RegistryClient *client, const QUrl &uploadUrl, const QString &repository)
{
    if (!client || uploadUrl.isEmpty())
        return;
    RequestSpec spec;
    spec.method = "DELETE";
    spec.url = uploadUrl;
    spec.scopes = {pushScope(repository)};
    spec.retry = false;
    spec.what = Text::tr("Canceling a blob upload to %1").arg(repository);
    auto *request = new RegistryRequest(client, spec, client);
    request->start([request](Result<Response>) { request->deleteLater(); });
}

} // namespace upload

ChunkedUploadJob::ChunkedUploadJob(RegistryClient *client, QString repository, QString digest,
                                   QByteArray data, qint64 chunkSize, Callback<void> done)
    : TypedJob<void>(client, std::move(done)), m_repository(std::move(repository)),
      m_digest(std::move(digest)), m_data(std::move(data)), m_chunkSize(std::max<qint64>(chunkSize, 1))
{
}

void ChunkedUploadJob::start() { openSession(); }

void ChunkedUploadJob::openSession()
{
    send(upload::startSpec(client(), m_repository), [this](Response r) {
        m_uploadUrl = upload::location(r);
        if (m_uploadUrl.isEmpty())
            return fail(Error::make(Error::Kind::Protocol,
                                    tr("The registry %1 started an upload to %2 without saying "
                                       "where to send it (no Location header).")
                                        .arg(registryName(), m_repository)));
        m_offset = 0;
        nextChunk();
    });
}

void ChunkedUploadJob::nextChunk()
{
    if (m_offset >= m_data.size()) {
        send(upload::finishSpec(m_uploadUrl, m_repository, m_digest, {}, 0),
             [this](Response) { finish(Result<void>()); });
        return;
    }
    const qint64 length = std::min<qint64>(m_chunkSize, m_data.size() - m_offset);
    RequestSpec spec = upload::patchSpec(m_uploadUrl, m_repository, m_offset, length);
    spec.body = m_data.mid(m_offset, length);
    send(
        spec,
        [this, length](Response r) {
            if (const QUrl next = upload::location(r); !next.isEmpty())
                m_uploadUrl = next;
            const auto reported = protocol::parseUploadRange(r.header("Range"));
            m_offset = reported && *reported > m_offset ? *reported : m_offset + length;
            m_failures = 0;
            nextChunk();
        },
        [this](Error e) { recover(e); });
}

void ChunkedUploadJob::recover(const Error &error)
{
    if (!upload::isResumable(error) || ++m_failures >= client()->tuning().maxAttempts)
        return fail(error);
    const qint64 delay = RetryPolicy::delayMs(client()->tuning(), m_failures, std::nullopt);
    qCInfo(lcRegistry) << "chunked upload to" << m_repository << "resuming in" << delay << "ms";
    QTimer::singleShot(delay, this, [this] {
        if (isFinished())
            return;
        send(
            upload::statusSpec(m_uploadUrl, m_repository),
            [this](Response r) {
                if (const QUrl next = upload::location(r); !next.isEmpty())
                    m_uploadUrl = next;
                const QByteArray range = r.header("Range");
                const auto reported = protocol::parseUploadRange(range);
                if (!reported || range.trimmed() == "0-0" || *reported > m_data.size()) {
                    // "0-0" may mean nothing or one byte: a fresh session is unambiguous.
                    upload::cancelDetached(client(), m_uploadUrl, m_repository);
                    return openSession();
                }
                m_offset = *reported;
                nextChunk();
            },
            [this](Error e) {
                if (e.kind == Error::Kind::NotFound)
                    return openSession(); // the session expired: start over
                recover(e);
            });
    });
}

MonolithicUploadJob::MonolithicUploadJob(RegistryClient *client, QString repository,
                                         QString digest, QByteArray data, Callback<void> done)
    : TypedJob<void>(client, std::move(done)), m_repository(std::move(repository)),
      m_digest(std::move(digest)), m_data(std::move(data))
{
}

void MonolithicUploadJob::start()
{
    if (!m_session.isEmpty())
        return put(std::exchange(m_session, QUrl()));
    send(upload::startSpec(client(), m_repository), [this](Response r) {
        const QUrl url = upload::location(r);
        if (url.isEmpty())
            return fail(Error::make(Error::Kind::Protocol,
                                    tr("The registry %1 started an upload to %2 without saying "
                                       "where to send it (no Location header).")
                                        .arg(registryName(), m_repository)));
        put(url);
    });
}

void MonolithicUploadJob::put(const QUrl &url)
{
    RequestSpec put = upload::finishSpec(url, m_repository, m_digest, m_data, 0);
    put.headers = {{"Content-Type", "application/octet-stream"}};
    send(
        put, [this](Response) { finish(Result<void>()); },
        [this, url](Error e) {
            const bool retryable = e.kind == Error::Kind::Network
                || RetryPolicy::isRetryableStatus(e.httpStatus);
            if (!retryable || ++m_failures >= client()->tuning().maxAttempts)
                return fail(e);
            upload::cancelDetached(client(), url, m_repository);
            QTimer::singleShot(RetryPolicy::delayMs(client()->tuning(), m_failures, std::nullopt),
                               this, [this] {
                                   if (!isFinished())
                                       start();
                               });
        });
}

PagedListJob::PagedListJob(RegistryClient *client, QUrl first, QString key, QStringList scopes,
                           QString what, Callback<QStringList> done)
    : TypedJob<QStringList>(client, std::move(done)), m_first(std::move(first)), m_key(std::move(key)),
      m_scopes(std::move(scopes)), m_what(std::move(what))
{
}

void PagedListJob::fetch(const QUrl &url)
{
    RequestSpec spec;
    spec.url = url;
    spec.scopes = m_scopes;
    spec.what = m_what;
    spec.headers = {{"Accept", "application/json"}};
    send(spec, [this, url](Response r) {
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(r.body, &err);
        if (err.error != QJsonParseError::NoError || !doc.isObject())
            return fail(Error::make(Error::Kind::Protocol,
                                    tr("%1 on the registry %2 failed: the answer is not a JSON "
                                       "object (%3).")
                                        .arg(m_what, registryName(), err.errorString())));
        const QJsonValue list = doc.object().value(m_key);
        if (!list.isArray() && !list.isNull() && !list.isUndefined())
            return fail(Error::make(Error::Kind::Protocol,
                                    tr("%1 on the registry %2 failed: \"%3\" is not a list.")
                                        .arg(m_what, registryName(), m_key)));
        for (const QJsonValue &v : list.toArray())
            m_items.append(v.toString());
        const QUrl next = protocol::parseNextLink(r.header("Link"), url);
        if (next.isEmpty() || next == url || ++m_pages > 100000)
            return finish(m_items);
        fetch(next);
    });
}

HarborRepositoriesJob::HarborRepositoriesJob(RegistryClient *client, QString project, int pageSize,
                                             Callback<QStringList> done)
    : TypedJob<QStringList>(client, std::move(done)), m_project(std::move(project)),
      m_pageSize(std::clamp(pageSize, 1, 100)), // Harbor serves at most 100 a page
      m_what(tr("Listing the repositories of the Harbor project %1").arg(m_project))
{
}

void HarborRepositoriesJob::fetch(int page)
{
    const Endpoint &endpoint = client()->endpoint();
    RequestSpec spec;
    spec.url = endpoint.url;
    spec.url.setPath(QStringLiteral("/api/v2.0/projects/%1/repositories")
                         .arg(QString::fromLatin1(QUrl::toPercentEncoding(m_project))));
    spec.url.setQuery(QStringLiteral("page=%1&page_size=%2").arg(page).arg(m_pageSize));
    spec.what = m_what;
    spec.headers = {{"Accept", "application/json"}};
    // The API takes the account's Basic credentials itself (no token service): sent to this
    // registry's own host only, and dropped by a redirect elsewhere.
    spec.authenticate = false;
    if (!endpoint.username.isEmpty())
        spec.authorization = "Basic " + (endpoint.username + QLatin1Char(':') + endpoint.password).toUtf8().toBase64();
    send(spec, [this, page](Response r) {
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(r.body, &err);
        if (err.error != QJsonParseError::NoError || !doc.isArray())
            return fail(Error::make(Error::Kind::Protocol,
                                    tr("%1 on the registry %2 failed: the answer is not a JSON "
                                       "list (%3). Is this instance's flavor right?")
                                        .arg(m_what, registryName(), err.errorString())));
        const QJsonArray list = doc.array();
        for (const QJsonValue &v : list) {
            const QString name = v.toObject().value(QStringLiteral("name")).toString();
            if (!name.isEmpty())
                m_items.append(name);
        }
        if (list.size() < m_pageSize || page >= 100000)
            return finish(m_items);
        fetch(page + 1);
    });
}

HarborProjectJob::HarborProjectJob(RegistryClient *client, QString project, Callback<bool> done)
    : TypedJob<bool>(client, std::move(done)), m_project(std::move(project))
{
}

RequestSpec HarborProjectJob::spec(const QByteArray &method) const
{
    const Endpoint &endpoint = client()->endpoint();
    RequestSpec spec;
    spec.method = method;
    spec.url = endpoint.url;
    spec.url.setPath(QStringLiteral("/api/v2.0/projects"));
    spec.headers = {{"Accept", "application/json"}};
    spec.authenticate = false; // Basic credentials, as for the listing
    if (!endpoint.username.isEmpty())
        spec.authorization = "Basic " + (endpoint.username + QLatin1Char(':') + endpoint.password).toUtf8().toBase64();
    return spec;
}

void HarborProjectJob::start()
{
    RequestSpec head = spec("HEAD");
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("project_name"), m_project);
    head.url.setQuery(query);
    head.what = tr("Looking for the Harbor project %1").arg(m_project);
    head.acceptStatuses = {404};
    send(head, [this](Response r) {
        if (r.status == 404)
            return create();
        finish(false);
    });
}

void HarborProjectJob::create()
{
    RequestSpec post = spec("POST");
    post.headers.append(std::make_pair(QByteArray("Content-Type"), QByteArray("application/json")));
    post.body = QJsonDocument(QJsonObject {
                                  { QStringLiteral("project_name"), m_project },
                                  { QStringLiteral("metadata"),
                                    QJsonObject { { QStringLiteral("public"), QStringLiteral("false") } } },
                              })
                    .toJson(QJsonDocument::Compact);
    post.what = tr("Creating the Harbor project %1").arg(m_project);
    post.acceptStatuses = {409};
    send(post, [this](Response r) { finish(r.status != 409); });
}

} // namespace crsync
