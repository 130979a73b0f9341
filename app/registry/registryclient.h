#pragma once

#include "core/result.h"
#include "registry/endpoint.h"
#include "registry/manifest.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace crsync {

class AuthSession;
class RetryPolicy;

template<typename T>
using Callback = std::function<void(Result<T>)>;
using ProgressFn = std::function<void(qint64 done, qint64 total)>;

// Handle on one asynchronous registry operation. Owned by the client; deletes itself after
// completing, so callers keep it in a QPointer. abort() completes it with Error::Kind::Canceled.
class RegistryJob : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    virtual void abort() = 0;
};

// Error::code of a 401 answered to a request that carried a token the token service issued for
// it: the credentials were accepted, the registry refuses that scope (Harbor and others for a
// repository that does not exist yet).
inline constexpr char TokenRefusedCode[] = "CRSYNC_TOKEN_REFUSED";

struct PingInfo
{
    int httpStatus = 0;
    QString authScheme; // "", "basic", "bearer"
    QString apiVersion; // Docker-Distribution-API-Version header, if any
};

struct ManifestHead
{
    QString digest;
    QString mediaType;
    qint64 size = 0;
};

struct Tuning
{
    int timeoutMs = 30000;         // without a byte moving
    // Once a request's whole body is sent, while the registry stores it and has not answered
    // yet (a slow storage backend takes its time over a large chunk).
    int storeTimeoutMs = 600000;
    int maxAttempts = 5;           // per request, for 429 / 5xx / broken connections
    int backoffBaseMs = 250;       // doubled each attempt, with jitter
    int backoffMaxMs = 10000;
    qint64 inMemoryBlobLimit = 1 << 20;    // blobs up to this size are copied through memory
    // PATCH chunk for large blobs, and the resume unit. Each chunk boundary stalls the stream for
    // a round trip and makes the registry reload its hash state: 64 MiB chunks made a 1 GiB copy
    // ~25% slower than 512 MiB ones (tests/bench/blobcopy.cpp, CRSYNC_BENCH_CHUNK_MIB).
    qint64 chunkSize = 512ll << 20;
    qint64 streamBufferBytes = 1 << 20;    // read-ahead allowed per streaming copy
};

// Talks OCI distribution / Docker registry v2 to one registry, asynchronously, on the thread that
// owns it. Callbacks run on that thread, never synchronously from within the call that started
// them. Tokens are cached per scope and refreshed on 401.
// Each client has a QNetworkAccessManager of its own: Qt reuses a connection for any request to
// the same scheme/host:port, whatever its TLS settings, so a shared manager could hand a
// verifying client a connection another client opened with verification off or another CA.
// Share the client itself (one per endpoint) to share connections and tokens.
class RegistryClient : public QObject
{
    Q_OBJECT
public:
    explicit RegistryClient(Endpoint endpoint, QObject *parent = nullptr);
    ~RegistryClient() override;

    const Endpoint &endpoint() const { return m_endpoint; }
    void setTuning(const Tuning &tuning);
    const Tuning &tuning() const;

    QPointer<RegistryJob> ping(Callback<PingInfo> done);

    // Follows Link headers until the list is complete.
    QPointer<RegistryJob> listRepositories(int pageSize, Callback<QStringList> done);
    // Harbor's project API (/api/v2.0/projects/PROJECT/repositories), page by page, with the
    // endpoint's credentials as Basic auth: the repositories "project/..." a member may see.
    QPointer<RegistryJob> listProjectRepositories(const QString &project, int pageSize,
                                                  Callback<QStringList> done);
    // Makes sure the Harbor project exists (HEAD /api/v2.0/projects?project_name=P; POST to
    // create it, private, when it does not): true when it was created now.
    QPointer<RegistryJob> ensureProject(const QString &project, Callback<bool> done);
    QPointer<RegistryJob> listTags(const QString &repository, int pageSize, Callback<QStringList> done);

    // reference is a tag or a digest. The fetched bytes are checked against the digest the
    // registry reports (and against the reference when it is a digest).
    QPointer<RegistryJob> getManifest(const QString &repository, const QString &reference,
                                      Callback<Manifest> done);
    // std::nullopt when the manifest does not exist.
    QPointer<RegistryJob> headManifest(const QString &repository, const QString &reference,
                                       Callback<std::optional<ManifestHead>> done);
    // The OCI 1.1 referrers API (GET /v2/REPO/referrers/DIGEST): the descriptors of the
    // manifests whose subject is `digest`, every page. std::nullopt when the registry does not
    // offer the API (it answers 404, as the spec asks of one without it, or 405/501).
    QPointer<RegistryJob> listReferrers(const QString &repository, const QString &digest,
                                        Callback<std::optional<QList<Descriptor>>> done);
    // Pushes manifest.bytes unchanged; yields the digest the registry reports.
    QPointer<RegistryJob> putManifest(const QString &repository, const QString &reference,
                                      const Manifest &manifest, Callback<QString> done);

    // Size of the blob, or std::nullopt when the repository does not have it.
    QPointer<RegistryJob> headBlob(const QString &repository, const QString &digest,
                                   Callback<std::optional<qint64>> done);
    // Whole blob into memory, digest verified. For configs and small blobs only.
    QPointer<RegistryJob> getBlob(const QString &repository, const QString &digest,
                                  Callback<QByteArray> done);
    // Monolithic upload (POST then PUT with the body).
    QPointer<RegistryJob> uploadBlob(const QString &repository, const QString &digest,
                                     const QByteArray &data, Callback<void> done);
    // Chunked upload (POST, PATCH per chunk with Content-Range, PUT), resuming from the offset
    // the registry reports when a chunk fails.
    QPointer<RegistryJob> uploadBlobChunked(const QString &repository, const QString &digest,
                                            const QByteArray &data, qint64 chunkSize,
                                            Callback<void> done);

    // Streams a blob from source/sourceRepository into this registry's targetRepository:
    // sha256 checked as the bytes pass, memory bounded by tuning().streamBufferBytes plus one
    // network buffer, whatever the size. The blob is committed only when its digest matched.
    // Yields the number of bytes moved.
    // mountFrom: a repository of this registry that may hold the blob (targetRepository itself
    // is allowed). The upload session is then opened with a mount request, which also answers
    // "is it there already?": mounted means done with 0 bytes moved, no HEAD and no second POST;
    // declined means the registry's fresh session takes the bytes.
    QPointer<RegistryJob> copyBlobFrom(RegistryClient *source, const QString &sourceRepository,
                                       const Descriptor &blob, const QString &targetRepository,
                                       Callback<qint64> done, ProgressFn progress = {},
                                       const QString &mountFrom = {});

    // Cancels every job of this client.
    void abortAll();

private:
    friend class RegistryRequest;
    Endpoint m_endpoint;
    QNetworkAccessManager *m_nam; // owned (a child); never shared, see above
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace crsync
