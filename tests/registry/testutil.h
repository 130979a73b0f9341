#pragma once

#include "core/result.h"
#include "registry/registryclient.h"

#include <QTest>

#include <optional>

namespace crsync::test {

// Starts an asynchronous client call and waits (event loop running) for its callback.
template<typename T, typename Start>
Result<T> await(Start start, int timeoutMs = 60000)
{
    std::optional<Result<T>> out;
    start([&out](Result<T> r) { out.emplace(std::move(r)); });
    QTest::qWaitFor([&] { return out.has_value(); }, timeoutMs);
    if (!out)
        return Error::make(Error::Kind::Internal, QStringLiteral("the callback never came"));
    return std::move(*out);
}

inline const char *kindName(Error::Kind kind)
{
    static const char *names[] = {"Invalid", "NotFound", "Conflict", "Auth", "Network", "Tls",
                                  "Protocol", "Digest", "Storage", "Canceled", "Internal"};
    return names[int(kind)];
}

} // namespace crsync::test

#define EXPECT_OK(result)                                                                          \
    do {                                                                                           \
        if (!(result).ok())                                                                        \
            QFAIL(qPrintable(QStringLiteral("unexpected error (%1): %2")                            \
                                 .arg(QLatin1String(crsync::test::kindName((result).error().kind)), \
                                      (result).error().message)));                                 \
    } while (false)

#define EXPECT_ERROR(result, expectedKind)                                                         \
    do {                                                                                           \
        QVERIFY2(!(result).ok(), "expected an error");                                             \
        QVERIFY2((result).error().kind == (expectedKind),                                          \
                 qPrintable(QStringLiteral("kind %1: %2")                                          \
                                .arg(QLatin1String(crsync::test::kindName((result).error().kind)), \
                                     (result).error().message)));                                  \
    } while (false)
