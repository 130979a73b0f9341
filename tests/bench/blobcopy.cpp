// crsync_blobcopy: measures crsync's streaming blob copy alone (peak memory, throughput).
//
//   crsync_blobcopy push URL REPO SIZE [SEED]          pushes SIZE pseudo-random bytes (chunked
//                                                      upload from a memory-mapped temp file),
//                                                      prints the blob's digest
//   crsync_blobcopy copy SRC_URL SRC_REPO DST_URL DST_REPO DIGEST SIZE
//                                                      streams the blob from SRC to DST
//
// Credentials, if any, come from the environment (CRSYNC_SRC_USER / CRSYNC_SRC_PASSWORD,
// CRSYNC_DST_USER / CRSYNC_DST_PASSWORD), CA files from CRSYNC_SRC_CA / CRSYNC_DST_CA; never argv.
#include "registry/registryclient.h"
#include "registry/sha256.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryFile>
#include <QTextStream>

#include <cstdio>

using namespace crsync;

namespace {

Endpoint endpoint(const QString &url, const char *side)
{
    const QByteArray prefix = QByteArray("CRSYNC_") + side + '_';
    return Endpoint{QUrl(url), qEnvironmentVariable(prefix + "USER"), qEnvironmentVariable(prefix + "PASSWORD"),
                    qEnvironmentVariable(prefix + "CA"), false};
}

int usage()
{
    std::fprintf(stderr, "usage: crsync_blobcopy push URL REPO SIZE [SEED]\n"
                         "       crsync_blobcopy copy SRC_URL SRC_REPO DST_URL DST_REPO DIGEST SIZE\n");
    return 2;
}

int push(const QStringList &args)
{
    if (args.size() < 3)
        return usage();
    const qint64 size = args[2].toLongLong();
    QRandomGenerator gen(args.value(3, QStringLiteral("1")).toUInt());
    QTemporaryFile file;
    if (!file.open())
        return 1;
    Sha256 hash;
    QByteArray block(4 << 20, Qt::Uninitialized);
    for (qint64 written = 0; written < size;) {
        const qint64 n = std::min<qint64>(block.size(), size - written);
        gen.fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
        hash.update(block.constData(), n);
        file.write(block.constData(), n);
        written += n;
    }
    file.flush();
    uchar *mapped = size > 0 ? file.map(0, size) : nullptr;
    const QByteArray data = QByteArray::fromRawData(reinterpret_cast<const char *>(mapped), size);
    const QString digest = hash.digest();

    RegistryClient client(endpoint(args[0], "DST"));
    int status = 1;
    client.uploadBlobChunked(args[1], digest, data, 64ll << 20, [&](Result<void> r) {
        if (!r)
            std::fprintf(stderr, "%s\n", qPrintable(r.error().message));
        else
            std::printf("%s\n", qPrintable(digest));
        status = r ? 0 : 1;
        QCoreApplication::exit(status);
    });
    QCoreApplication::exec();
    return status;
}

int copy(const QStringList &args)
{
    if (args.size() < 6)
        return usage();
    RegistryClient source(endpoint(args[0], "SRC"));
    RegistryClient target(endpoint(args[2], "DST"));
    // Experiments with the resume unit and read-ahead, without a rebuild.
    Tuning tuning = target.tuning();
    if (const qint64 mib = qEnvironmentVariableIntValue("CRSYNC_BENCH_CHUNK_MIB"); mib > 0)
        tuning.chunkSize = mib << 20;
    if (const qint64 kib = qEnvironmentVariableIntValue("CRSYNC_BENCH_BUFFER_KIB"); kib > 0)
        tuning.streamBufferBytes = kib << 10;
    target.setTuning(tuning);
    source.setTuning(tuning);
    const Descriptor blob{QStringLiteral("application/octet-stream"), args[4], args[5].toLongLong(), {}};
    QElapsedTimer timer;
    timer.start();
    int status = 1;
    target.copyBlobFrom(
        &source, args[1], blob, args[3],
        [&](Result<qint64> r) {
            if (!r) {
                std::fprintf(stderr, "%s\n", qPrintable(r.error().message));
            } else {
                const double seconds = timer.elapsed() / 1000.0;
                std::printf("copied %lld bytes in %.1f s (%.0f MiB/s)\n", static_cast<long long>(*r),
                            seconds, *r / 1048576.0 / std::max(seconds, 0.001));
                status = 0;
            }
            QCoreApplication::exit(status);
        },
        [](qint64 done, qint64 total) {
            std::fprintf(stderr, "\r%lld / %lld MiB", static_cast<long long>(done >> 20),
                         static_cast<long long>(total >> 20));
        });
    QCoreApplication::exec();
    std::fprintf(stderr, "\n");
    return status;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    if (args.isEmpty())
        return usage();
    const QString command = args.takeFirst();
    if (command == QLatin1String("push"))
        return push(args);
    if (command == QLatin1String("copy"))
        return copy(args);
    return usage();
}
