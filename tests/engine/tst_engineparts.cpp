// The engine's parts that need no registry: decisions, classification, limits, the blob
// ledger, the task state machine and the join of parallel steps.
#include "engine/artifactclassifier.h"
#include "engine/blobledger.h"
#include "engine/concurrencylimiter.h"
#include "engine/gather.h"
#include "engine/registryhealth.h"
#include "engine/tasktally.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace crsync;

class TestEngineParts : public QObject
{
    Q_OBJECT
private slots:
    void decision()
    {
        QCOMPARE(decide("sha256:a", std::nullopt, false), Decision::Copy);
        QCOMPARE(decide("sha256:a", QString("sha256:a"), false), Decision::UpToDate);
        QCOMPARE(decide("sha256:a", QString("sha256:a"), true), Decision::UpToDate);
        QCOMPARE(decide("sha256:a", QString("sha256:b"), false), Decision::ExistsNotOverwritten);
        QCOMPARE(decide("sha256:a", QString("sha256:b"), true), Decision::Copy);
    }

    void classification()
    {
        ManifestContent image;
        image.config.mediaType = mediatype::OciImageConfig;
        QCOMPARE(classifyManifest(image), ArtifactKind::Image);
        image.config.mediaType = mediatype::DockerImageConfig;
        QCOMPARE(classifyManifest(image), ArtifactKind::Image);
        ManifestContent chart;
        chart.config.mediaType = mediatype::HelmConfig;
        QCOMPARE(classifyManifest(chart), ArtifactKind::Chart);
        ManifestContent signature;
        signature.config.mediaType = "application/vnd.dev.cosign.simplesigning.v1+json";
        QCOMPARE(classifyManifest(signature), ArtifactKind::Other);

        // Cosign's own signatures and attestations carry an image config: their layers (and an
        // OCI 1.1 subject or artifactType) say they are not images.
        ManifestContent cosign;
        cosign.config.mediaType = mediatype::OciImageConfig;
        cosign.layers = { { "application/vnd.oci.image.layer.v1.tar+gzip", "sha256:1", 1, {} } };
        QCOMPARE(classifyManifest(cosign), ArtifactKind::Image);
        cosign.layers.append({ "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip", "sha256:2", 1, {} });
        QCOMPARE(classifyManifest(cosign), ArtifactKind::Image);
        cosign.layers = { { "application/vnd.dev.cosign.simplesigning.v1+json", "sha256:1", 1, {} } };
        QCOMPARE(classifyManifest(cosign), ArtifactKind::Other);
        cosign.layers = { { "application/vnd.dsse.envelope.v1+json", "sha256:1", 1, {} } };
        QCOMPARE(classifyManifest(cosign), ArtifactKind::Other);
        ManifestContent described = image;
        described.subject = "sha256:aa";
        QCOMPARE(classifyManifest(described), ArtifactKind::Other);
        described = image;
        described.artifactType = "application/spdx+json";
        QCOMPARE(classifyManifest(described), ArtifactKind::Other);

        QCOMPARE(classifyIndex({ ArtifactKind::Image, ArtifactKind::Image }), ArtifactKind::Image);
        QCOMPARE(classifyIndex({ ArtifactKind::Other, ArtifactKind::Image }), ArtifactKind::Image);
        QCOMPARE(classifyIndex({ ArtifactKind::Chart }), ArtifactKind::Chart);
        QCOMPARE(classifyIndex({ ArtifactKind::Chart, ArtifactKind::Other }), ArtifactKind::Other);
        QCOMPARE(classifyIndex({}), ArtifactKind::Other);
        QCOMPARE(artifactKindName(ArtifactKind::Chart), QString("chart"));
    }

    void registryHealth()
    {
        auto result = [](TaskItem::Outcome outcome, Error::Kind kind = Error::Kind::Internal,
                         int status = 0) {
            ArtifactResult r;
            r.outcome = outcome;
            r.errorKind = kind;
            r.errorStatus = status;
            r.error = QStringLiteral("connection refused");
            return r;
        };
        // Unanswered twice in a row: down.
        RegistryHealth down;
        QVERIFY(!down.record(result(TaskItem::Outcome::Failed, Error::Kind::Network)));
        QVERIFY(down.record(result(TaskItem::Outcome::Failed, Error::Kind::Network)));
        QVERIFY(down.isDown());
        QCOMPARE(down.kind(), Error::Kind::Network);
        QVERIFY(down.reason().contains(QLatin1String("connection refused")));

        // A success in between, or an answer (a 500, a 404) is no sign of a dead registry.
        RegistryHealth flaky;
        QVERIFY(!flaky.record(result(TaskItem::Outcome::Failed, Error::Kind::Network)));
        QVERIFY(!flaky.record(result(TaskItem::Outcome::Copied)));
        QVERIFY(!flaky.record(result(TaskItem::Outcome::Failed, Error::Kind::Network)));
        QVERIFY(!flaky.record(result(TaskItem::Outcome::Failed, Error::Kind::Network, 503)));
        QVERIFY(!flaky.record(result(TaskItem::Outcome::Failed, Error::Kind::NotFound, 404)));
        QVERIFY(!flaky.isDown());

        // Refused credentials: three 401s in a row; a 403 (no right on one repository) is not.
        RegistryHealth refused;
        QVERIFY(!refused.record(result(TaskItem::Outcome::Failed, Error::Kind::Auth, 401)));
        QVERIFY(!refused.record(result(TaskItem::Outcome::Failed, Error::Kind::Auth, 403)));
        QVERIFY(!refused.record(result(TaskItem::Outcome::Failed, Error::Kind::Auth, 401)));
        QVERIFY(!refused.record(result(TaskItem::Outcome::Failed, Error::Kind::Auth, 401)));
        QVERIFY(refused.record(result(TaskItem::Outcome::Failed, Error::Kind::Auth, 401)));
        QCOMPARE(refused.kind(), Error::Kind::Auth);

        // Too few artifacts to reach a limit: judged at the end, when nothing succeeded.
        RegistryHealth small;
        QVERIFY(!small.record(result(TaskItem::Outcome::Failed, Error::Kind::Auth, 401)));
        QVERIFY(!small.record(result(TaskItem::Outcome::Failed, Error::Kind::Auth, 401)));
        QVERIFY(small.judgeAtEnd());
        QCOMPARE(small.kind(), Error::Kind::Auth);
        RegistryHealth mixedEnd;
        QVERIFY(!mixedEnd.record(result(TaskItem::Outcome::Failed, Error::Kind::Auth, 401)));
        QVERIFY(!mixedEnd.record(result(TaskItem::Outcome::Failed, Error::Kind::Digest)));
        QVERIFY(!mixedEnd.judgeAtEnd()); // not the registry's fault as a whole
        RegistryHealth someDone;
        QVERIFY(!someDone.record(result(TaskItem::Outcome::Copied)));
        QVERIFY(!someDone.record(result(TaskItem::Outcome::Failed, Error::Kind::Network)));
        QVERIFY(!someDone.judgeAtEnd());

        // Canceled artifacts say nothing about the registry.
        RegistryHealth canceled;
        QVERIFY(!canceled.record(result(TaskItem::Outcome::Canceled, Error::Kind::Network)));
        QVERIFY(!canceled.record(result(TaskItem::Outcome::Canceled, Error::Kind::Network)));
    }

    void finalStatus()
    {
        TaskTally empty;
        QCOMPARE(empty.finalStatus(false, false), TaskStatus::Succeeded);
        QCOMPARE(empty.finalStatus(true, false), TaskStatus::Canceled);
        QCOMPARE(empty.finalStatus(false, true), TaskStatus::Failed);

        TaskTally mixed;
        mixed.discovered(4);
        mixed.record(TaskItem::Outcome::Copied, 100);
        mixed.record(TaskItem::Outcome::UpToDate, 0);
        mixed.record(TaskItem::Outcome::ExistsNotOverwritten, 0);
        mixed.record(TaskItem::Outcome::Failed, 7);
        QCOMPARE(mixed.finalStatus(false, false), TaskStatus::PartiallySucceeded);
        QCOMPARE(mixed.done(), 4);
        Task task;
        mixed.applyTo(&task);
        QCOMPARE(task.artifactsTotal, 4);
        QCOMPARE(task.artifactsCopied, 1);
        QCOMPARE(task.artifactsSkipped, 2);
        QCOMPARE(task.artifactsFailed, 1);
        QCOMPARE(task.bytes, 107);
        QCOMPARE(task.successRatio(), 0.75);

        TaskTally allFailed;
        allFailed.discovered(2);
        allFailed.record(TaskItem::Outcome::Failed, 0);
        allFailed.record(TaskItem::Outcome::Failed, 0);
        QCOMPARE(allFailed.finalStatus(false, false), TaskStatus::Failed);

        TaskTally excluded;
        excluded.discovered(2);
        excluded.excluded();
        excluded.record(TaskItem::Outcome::Copied, 0);
        QCOMPARE(excluded.total(), 1);
        QCOMPARE(excluded.finalStatus(false, false), TaskStatus::Succeeded);

        // Canceled artifacts are not done.
        TaskTally canceled;
        canceled.discovered(3);
        canceled.record(TaskItem::Outcome::Copied, 0);
        canceled.record(TaskItem::Outcome::Canceled, 0);
        QCOMPARE(canceled.done(), 1);
        QCOMPARE(canceled.finalStatus(true, false), TaskStatus::Canceled);

        // A task that failed before finding anything succeeded at nothing.
        Task failedEarly;
        failedEarly.status = TaskStatus::Failed;
        QCOMPARE(failedEarly.successRatio(), 0.0);
        Task nothingToDo;
        nothingToDo.status = TaskStatus::Succeeded;
        QCOMPARE(nothingToDo.successRatio(), 1.0);
    }

    void limiterHonoursGlobalAndPerRegistryLimits()
    {
        ConcurrencyLimiter limiter(3, 2);
        QObject context;
        int grantedA = 0, grantedB = 0;
        for (int i = 0; i < 4; ++i)
            limiter.acquire({ "a", "t" }, &context, [&] { ++grantedA; });
        limiter.acquire({ "b", "u" }, &context, [&] { ++grantedB; });
        QCoreApplication::processEvents();
        // Two for a/t (per-registry limit), and b/u is not held back by the waiting a/t ones.
        QCOMPARE(grantedA, 2);
        QCOMPARE(grantedB, 1);
        QCOMPARE(limiter.inFlight(), 3);
        QCOMPARE(limiter.inFlight("a"), 2);
        QCOMPARE(limiter.waiting(), 2);

        limiter.release({ "b", "u" });
        QCoreApplication::processEvents();
        QCOMPARE(grantedA, 2); // global room, but a/t is still full
        limiter.release({ "a", "t" });
        QCoreApplication::processEvents();
        QCOMPARE(grantedA, 3);

        limiter.dropWaiters(&context);
        QCOMPARE(limiter.waiting(), 0);
        limiter.release({ "a", "t" });
        limiter.release({ "a", "t" });
        QCOMPARE(limiter.inFlight(), 0);
        QCOMPARE(limiter.inFlight("a"), 0);
    }

    void limiterSameRegistryCountsOnce()
    {
        ConcurrencyLimiter limiter(10, 1);
        QObject context;
        int granted = 0;
        limiter.acquire({ "r", "r" }, &context, [&] { ++granted; });
        QCoreApplication::processEvents();
        QCOMPARE(granted, 1);
        QCOMPARE(limiter.inFlight("r"), 1);
        limiter.release({ "r", "r" });
        QCOMPARE(limiter.inFlight("r"), 0);
    }

    void limiterGrantsOnTheRequestersThread()
    {
        ConcurrencyLimiter limiter(1, 1);
        QThread thread;
        auto *context = new QObject;
        context->moveToThread(&thread);
        thread.start();
        QThread *grantedOn = nullptr;
        std::atomic<bool> granted { false };
        limiter.acquire({ "x" }, context, [&] {
            grantedOn = QThread::currentThread();
            granted = true;
        });
        QTRY_VERIFY(granted.load());
        QCOMPARE(grantedOn, &thread);
        QMetaObject::invokeMethod(
            context, [context] { delete context; }, Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
    }

    void ledgerMovesEachBlobOncePerRepository()
    {
        BlobLedger ledger;
        QObject context;
        QCOMPARE(ledger.claim("t/app", "sha256:1", &context, {}), BlobLedger::Claim::Owner);
        int waited = 0;
        bool waitedOk = false;
        QCOMPARE(ledger.claim("t/app", "sha256:1", &context,
                              [&](Result<void> r) {
                                  ++waited;
                                  waitedOk = r.ok();
                              }),
                 BlobLedger::Claim::Waiting);
        // Another repository of the target moves its own copy (or mounts it).
        QCOMPARE(ledger.claim("t/other", "sha256:1", &context, {}), BlobLedger::Claim::Owner);
        QCOMPARE(ledger.mountSource("sha256:1", "t/other"), QString());

        ledger.finish("t/app", "sha256:1", Result<void>());
        QCOMPARE(waited, 0); // queued, not synchronous
        QTRY_COMPARE(waited, 1);
        QVERIFY(waitedOk);
        QCOMPARE(ledger.claim("t/app", "sha256:1", &context, {}), BlobLedger::Claim::Present);
        QCOMPARE(ledger.mountSource("sha256:1", "t/other"), QString("t/app"));
        QCOMPARE(ledger.mountSource("sha256:1", "t/app"), QString());
    }

    void ledgerFailureLetsALaterClaimRetry()
    {
        BlobLedger ledger;
        QObject context;
        QCOMPARE(ledger.claim("t/app", "sha256:2", &context, {}), BlobLedger::Claim::Owner);
        QString error;
        ledger.claim("t/app", "sha256:2", &context,
                     [&](Result<void> r) { error = r.ok() ? QString() : r.error().message; });
        ledger.finish("t/app", "sha256:2", Error::make(Error::Kind::Digest, "bad bytes"));
        QTRY_COMPARE(error, QString("bad bytes"));
        QCOMPARE(ledger.claim("t/app", "sha256:2", &context, {}), BlobLedger::Claim::Owner);
        QCOMPARE(ledger.mountSource("sha256:2", "x"), QString());
    }

    void ledgerStreamsEachDigestOncePerTarget()
    {
        BlobLedger ledger;
        QObject context;
        QCOMPARE(ledger.claim("t/a", "sha256:3", &context, {}), BlobLedger::Claim::Owner);
        QCOMPARE(ledger.claim("t/b", "sha256:3", &context, {}), BlobLedger::Claim::Owner);
        QVERIFY(ledger.startStreaming("t/a", "sha256:3", &context, {}));
        int woke = 0;
        QVERIFY(!ledger.startStreaming("t/b", "sha256:3", &context, [&](Result<void>) { ++woke; }));
        ledger.finish("t/a", "sha256:3", Result<void>());
        QTRY_COMPARE(woke, 1);
        QCOMPARE(ledger.mountSource("sha256:3", "t/b"), QString("t/a"));
        // Nobody streams it any more: the next one goes ahead.
        QVERIFY(ledger.startStreaming("t/c", "sha256:3", &context, {}));
    }

    void gatherWaitsForEveryStepAndKeepsTheFirstError()
    {
        int calls = 0;
        QString error;
        Gather gather([&](Result<void> r) {
            ++calls;
            error = r.ok() ? QString() : r.error().message;
        });
        auto a = gather.add();
        auto b = gather.add();
        auto c = gather.add();
        a(Result<void>());
        gather.arm();
        b(Error::make(Error::Kind::Network, "first"));
        QCOMPARE(calls, 0);
        c(Error::make(Error::Kind::Network, "second"));
        QCOMPARE(calls, 1);
        QCOMPARE(error, QString("first"));

        int emptyCalls = 0;
        Gather none([&](Result<void> r) { emptyCalls += r.ok() ? 1 : 100; });
        none.arm();
        QCOMPARE(emptyCalls, 1);
    }
};

QTEST_GUILESS_MAIN(TestEngineParts)
#include "tst_engineparts.moc"
