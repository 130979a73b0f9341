#include "registry/registryclient.h"

#include "registry/authsession.h"
#include "registry/blobcopyjob.h"
#include "registry/clientprivate.h"
#include "registry/manifest.h"
#include "registry/protocol.h"
#include "registry/registrylog.h"
#include "registry/uploadjobs.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSslCertificate>

Q_LOGGING_CATEGORY(lcRegistry, "crsync.registry", QtInfoMsg)

namespace crsync {

using upload::apiUrl;
using upload::pullScope;
using upload::pushScope;

namespace {

bool isDigestReference(const QString &reference) { return reference.contains(QLatin1Char(':')); }

QString refText(const QString &repository, const QString &reference)
{
    return repository + (isDigestReference(reference) ? QLatin1Char('@') : QLatin1Char(':')) + reference;
}

// Digest of bytes with the algorithm `digest` names (sha256 or sha512).
QString digestLike(const QString &digest, const QByteArray &bytes)
{
    if (digest.startsWith(QLatin1String("sha512:")))
        return QLatin1String("sha512:")
            + QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha512).toHex());
    return sha256Digest(bytes);
}

} // namespace

RegistryClient::RegistryClient(Endpoint endpoint, QObject *parent)
    : QObject(parent), m_endpoint(std::move(endpoint)), m_nam(new QNetworkAccessManager(this)),
      d(std::make_unique<Private>())
{
    if (m_endpoint.url.path() == QLatin1String("/"))
        m_endpoint.url.setPath(QString());
    d->auth = new AuthSession(this);
    d->ssl = QSslConfiguration::defaultConfiguration();
    if (!m_endpoint.caFile.isEmpty()) {
        const QList<QSslCertificate> certificates = QSslCertificate::fromPath(m_endpoint.caFile, QSsl::Pem);
        if (certificates.isEmpty())
            d->sslSetupError = tr("The CA file %1 given for the registry %2 cannot be read or holds "
                                  "no PEM certificate.")
                                   .arg(m_endpoint.caFile, m_endpoint.displayName());
        else
            d->ssl.addCaCertificates(certificates);
    }
    if (m_endpoint.insecureSkipVerify) {
        qCWarning(lcRegistry).noquote() << "TLS verification is off for" << m_endpoint.displayName();
        d->ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
    }
}

RegistryClient::~RegistryClient() = default;

void RegistryClient::setTuning(const Tuning &tuning) { d->tuning = tuning; }
const Tuning &RegistryClient::tuning() const { return d->tuning; }

void RegistryClient::abortAll()
{
    const auto jobs = findChildren<RegistryJob *>(Qt::FindDirectChildrenOnly);
    for (RegistryJob *job : jobs)
        job->abort();
}

QPointer<RegistryJob> RegistryClient::ping(Callback<PingInfo> done)
{
    auto *job = new TypedJob<PingInfo>(this, std::move(done));
    RequestSpec spec;
    spec.url = apiUrl(this, QString());
    spec.authenticate = false;
    spec.acceptStatuses = {401};
    spec.what = tr("Checking the registry API");
    job->send(spec, [this, job](Response r) {
        PingInfo info;
        info.httpStatus = r.status;
        info.apiVersion = QString::fromLatin1(r.header("Docker-Distribution-API-Version"));
        if (r.status == 401) {
            auto learned = d->auth->learn(r.header("WWW-Authenticate"), {}, {});
            if (!learned)
                return job->fail(learned.error());
            info.authScheme = d->auth->scheme();
        }
        job->finish(info);
    });
    return job;
}

QPointer<RegistryJob> RegistryClient::listRepositories(int pageSize, Callback<QStringList> done)
{
    QUrl url = apiUrl(this, QStringLiteral("_catalog"));
    if (pageSize > 0)
        url.setQuery(QStringLiteral("n=%1").arg(pageSize));
    auto *job = new PagedListJob(this, url, QStringLiteral("repositories"),
                                 {QStringLiteral("registry:catalog:*")},
                                 tr("Listing the repositories"), std::move(done));
    job->start();
    return job;
}

QPointer<RegistryJob> RegistryClient::listProjectRepositories(const QString &project, int pageSize,
                                                              Callback<QStringList> done)
{
    auto *job = new HarborRepositoriesJob(this, project, pageSize, std::move(done));
    job->start();
    return job;
}

QPointer<RegistryJob> RegistryClient::ensureProject(const QString &project, Callback<bool> done)
{
    auto *job = new HarborProjectJob(this, project, std::move(done));
    job->start();
    return job;
}

QPointer<RegistryJob> RegistryClient::listTags(const QString &repository, int pageSize,
                                               Callback<QStringList> done)
{
    QUrl url = apiUrl(this, repository + QLatin1String("/tags/list"));
    if (pageSize > 0)
        url.setQuery(QStringLiteral("n=%1").arg(pageSize));
    auto *job = new PagedListJob(this, url, QStringLiteral("tags"), {pullScope(repository)},
                                 tr("Listing the tags of the repository %1").arg(repository),
                                 std::move(done));
    job->start();
    return job;
}

QPointer<RegistryJob> RegistryClient::getManifest(const QString &repository,
                                                  const QString &reference, Callback<Manifest> done)
{
    auto *job = new TypedJob<Manifest>(this, std::move(done));
    RequestSpec spec;
    spec.url = apiUrl(this, repository + QLatin1String("/manifests/") + reference);
    spec.headers = {{"Accept", manifestAcceptHeader().toLatin1()}};
    spec.scopes = {pullScope(repository)};
    spec.maxBodyBytes = 4 << 20;
    spec.what = tr("Reading the manifest %1").arg(refText(repository, reference));
    job->send(spec, [this, job, repository, reference](Response r) {
        Manifest m;
        m.bytes = r.body;
        m.mediaType = protocol::bareMediaType(r.header("Content-Type"));
        if (!isManifestMediaType(m.mediaType)) {
            const QString declared = QJsonDocument::fromJson(m.bytes).object().value(QLatin1String("mediaType")).toString();
            if (isManifestMediaType(declared))
                m.mediaType = declared;
        }
        m.digest = sha256Digest(m.bytes);
        QJsonParseError jsonError;
        if (!QJsonDocument::fromJson(m.bytes, &jsonError).isObject())
            return job->fail(Error::make(Error::Kind::Protocol,
                                         tr("The manifest %1 on the registry %2 is not a JSON "
                                            "document (%3); crsync cannot copy it.")
                                             .arg(refText(repository, reference),
                                                  endpoint().displayName(),
                                                  jsonError.error == QJsonParseError::NoError
                                                      ? tr("not an object")
                                                      : jsonError.errorString())));
        const QString reported = QString::fromLatin1(r.header("Docker-Content-Digest")).trimmed();
        const QString expected = isDigestReference(reference) ? reference : reported;
        if (!expected.isEmpty() && digestLike(expected, m.bytes) != expected)
            return job->fail(Error::make(Error::Kind::Digest,
                                         tr("The manifest %1 read from the registry %2 does not "
                                            "match its digest: expected %3, got %4.")
                                             .arg(refText(repository, reference),
                                                  endpoint().displayName(), expected,
                                                  digestLike(expected, m.bytes))));
        if (expected.startsWith(QLatin1String("sha512:")))
            m.digest = expected;
        job->finish(m);
    });
    return job;
}

QPointer<RegistryJob> RegistryClient::headManifest(const QString &repository,
                                                   const QString &reference,
                                                   Callback<std::optional<ManifestHead>> done)
{
    auto *job = new TypedJob<std::optional<ManifestHead>>(this, std::move(done));
    RequestSpec spec;
    spec.method = "HEAD";
    spec.url = apiUrl(this, repository + QLatin1String("/manifests/") + reference);
    spec.headers = {{"Accept", manifestAcceptHeader().toLatin1()}};
    spec.scopes = {pullScope(repository)};
    spec.acceptStatuses = {404};
    spec.what = tr("Looking up the manifest %1").arg(refText(repository, reference));
    job->send(spec, [this, job, repository, reference](Response r) {
        if (r.status == 404)
            return job->finish(std::optional<ManifestHead>());
        ManifestHead head;
        head.digest = QString::fromLatin1(r.header("Docker-Content-Digest")).trimmed();
        head.mediaType = protocol::bareMediaType(r.header("Content-Type"));
        head.size = r.header("Content-Length").toLongLong();
        if (!head.digest.isEmpty())
            return job->finish(std::optional<ManifestHead>(head));
        // No digest header: read the manifest and hash it ourselves.
        QPointer<RegistryJob> inner = getManifest(repository, reference, [job](Result<Manifest> m) {
            if (!m)
                return job->fail(m.error());
            job->finish(std::optional<ManifestHead>(
                ManifestHead{m->digest, m->mediaType, qint64(m->bytes.size())}));
        });
        connect(job, &QObject::destroyed, inner, [inner] {
            if (inner)
                inner->abort();
        });
    });
    return job;
}

QPointer<RegistryJob> RegistryClient::listReferrers(const QString &repository,
                                                    const QString &digest,
                                                    Callback<std::optional<QList<Descriptor>>> done)
{
    using Answer = std::optional<QList<Descriptor>>;
    auto *job = new TypedJob<Answer>(this, std::move(done));
    auto found = std::make_shared<QList<Descriptor>>();
    auto fetch = std::make_shared<std::function<void(const QUrl &, int)>>();
    *fetch = [this, job, repository, digest, found, weakFetch = std::weak_ptr(fetch)](const QUrl &url, int page) {
        RequestSpec spec;
        spec.url = url;
        spec.headers = {{"Accept", mediatype::OciIndex}};
        spec.scopes = {pullScope(repository)};
        spec.acceptStatuses = {404, 405, 501};
        spec.maxBodyBytes = 4 << 20;
        spec.what = tr("Listing what refers to %1").arg(refText(repository, digest));
        job->send(spec, [this, job, repository, digest, found, weakFetch, url, page](Response r) {
            if (r.status == 404 || r.status == 405 || r.status == 501)
                return job->finish(page == 0 ? Answer() : Answer(*found));
            Manifest index;
            index.bytes = r.body;
            index.mediaType = QLatin1String(mediatype::OciIndex);
            const Result<ManifestContent> content = parseManifest(index);
            if (!content)
                return job->fail(Error::make(Error::Kind::Protocol,
                                             tr("The registry %1 answered the referrers of %2 "
                                                "with something other than an OCI index: %3")
                                                 .arg(endpoint().displayName(),
                                                      refText(repository, digest),
                                                      content.error().message)));
            found->append(content->children);
            const QUrl next = protocol::parseNextLink(r.header("Link"), url);
            const auto again = weakFetch.lock();
            if (next.isEmpty() || !again || page >= 100)
                return job->finish(Answer(*found));
            (*again)(next, page + 1);
        });
    };
    // The job keeps the paging function alive; the function refers to itself weakly.
    connect(job, &QObject::destroyed, this, [fetch] {});
    (*fetch)(apiUrl(this, repository + QLatin1String("/referrers/") + digest), 0);
    return job;
}

QPointer<RegistryJob> RegistryClient::putManifest(const QString &repository,
                                                  const QString &reference,
                                                  const Manifest &manifest, Callback<QString> done)
{
    auto *job = new TypedJob<QString>(this, std::move(done));
    const QString computed = sha256Digest(manifest.bytes);
    if (!manifest.digest.isEmpty() && manifest.digest.startsWith(QLatin1String("sha256:"))
        && manifest.digest != computed) {
        job->fail(Error::make(Error::Kind::Digest,
                              tr("The manifest for %1 does not match its digest (%2, its bytes "
                                 "hash to %3); it was not pushed to the registry %4.")
                                  .arg(refText(repository, reference), manifest.digest, computed,
                                       endpoint().displayName())));
        return job;
    }
    QString mediaType = manifest.mediaType;
    if (mediaType.isEmpty())
        mediaType = QJsonDocument::fromJson(manifest.bytes).object().value(QLatin1String("mediaType")).toString();
    RequestSpec spec;
    spec.method = "PUT";
    spec.url = apiUrl(this, repository + QLatin1String("/manifests/") + reference);
    spec.headers = {{"Content-Type", mediaType.toLatin1()}};
    spec.body = manifest.bytes;
    spec.scopes = {pushScope(repository)};
    spec.what = tr("Pushing the manifest %1").arg(refText(repository, reference));
    job->send(spec, [this, job, computed, repository, reference](Response r) {
        const QString reported = QString::fromLatin1(r.header("Docker-Content-Digest")).trimmed();
        if (!reported.isEmpty() && reported.startsWith(QLatin1String("sha256:")) && reported != computed)
            return job->fail(Error::make(Error::Kind::Digest,
                                         tr("The registry %1 stored the manifest %2 under the "
                                            "digest %3 instead of %4.")
                                             .arg(endpoint().displayName(),
                                                  refText(repository, reference), reported, computed)));
        job->finish(reported.isEmpty() ? computed : reported);
    });
    return job;
}

QPointer<RegistryJob> RegistryClient::headBlob(const QString &repository, const QString &digest,
                                               Callback<std::optional<qint64>> done)
{
    auto *job = new TypedJob<std::optional<qint64>>(this, std::move(done));
    RequestSpec spec;
    spec.method = "HEAD";
    spec.url = apiUrl(this, repository + QLatin1String("/blobs/") + digest);
    spec.scopes = {pullScope(repository)};
    spec.acceptStatuses = {404};
    spec.what = tr("Looking up the blob %1 in %2").arg(digest, repository);
    job->send(spec, [job](Response r) {
        if (r.status == 404)
            return job->finish(std::optional<qint64>());
        job->finish(std::optional<qint64>(r.header("Content-Length").toLongLong()));
    });
    return job;
}

QPointer<RegistryJob> RegistryClient::getBlob(const QString &repository, const QString &digest,
                                              Callback<QByteArray> done)
{
    auto *job = new TypedJob<QByteArray>(this, std::move(done));
    RequestSpec spec;
    spec.url = apiUrl(this, repository + QLatin1String("/blobs/") + digest);
    spec.scopes = {pullScope(repository)};
    spec.maxBodyBytes = std::max<qint64>(64ll << 20, d->tuning.inMemoryBlobLimit);
    spec.what = tr("Reading the blob %1 from %2").arg(digest, repository);
    job->send(spec, [this, job, repository, digest](Response r) {
        const QString actual = digestLike(digest, r.body);
        if (actual != digest)
            return job->fail(Error::make(Error::Kind::Digest,
                                         tr("The blob read from the repository %1 on the registry "
                                            "%2 does not match its digest: expected %3, got %4.")
                                             .arg(repository, endpoint().displayName(), digest, actual)));
        job->finish(r.body);
    });
    return job;
}

QPointer<RegistryJob> RegistryClient::uploadBlob(const QString &repository, const QString &digest,
                                                 const QByteArray &data, Callback<void> done)
{
    auto *job = new MonolithicUploadJob(this, repository, digest, data, std::move(done));
    const QString actual = digestLike(digest, data);
    if (actual != digest) {
        job->fail(Error::make(Error::Kind::Digest,
                              tr("The blob for the repository %1 on the registry %2 does not match "
                                 "its digest (expected %3, got %4); nothing was uploaded.")
                                  .arg(repository, endpoint().displayName(), digest, actual)));
        return job;
    }
    job->start();
    return job;
}

QPointer<RegistryJob> RegistryClient::uploadBlobChunked(const QString &repository,
                                                        const QString &digest,
                                                        const QByteArray &data, qint64 chunkSize,
                                                        Callback<void> done)
{
    auto *job = new ChunkedUploadJob(this, repository, digest, data, chunkSize, std::move(done));
    const QString actual = digestLike(digest, data);
    if (actual != digest) {
        job->fail(Error::make(Error::Kind::Digest,
                              tr("The blob for the repository %1 on the registry %2 does not match "
                                 "its digest (expected %3, got %4); nothing was uploaded.")
                                  .arg(repository, endpoint().displayName(), digest, actual)));
        return job;
    }
    job->start();
    return job;
}

QPointer<RegistryJob> RegistryClient::copyBlobFrom(RegistryClient *source,
                                                   const QString &sourceRepository,
                                                   const Descriptor &blob,
                                                   const QString &targetRepository,
                                                   Callback<qint64> done, ProgressFn progress,
                                                   const QString &mountFrom)
{
    auto *job = new BlobCopyJob(this, source, sourceRepository, blob, targetRepository,
                                std::move(done), std::move(progress));
    job->setMountFrom(mountFrom);
    job->start();
    return job;
}

} // namespace crsync
