#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>
#include <variant>

namespace crsync {

// Why an operation failed, in words a person can act on, plus enough structure for code to
// decide (retry, exit status, which form field to mark).
struct Error
{
    enum class Kind {
        Invalid,      // bad input: a field, a flag, a regex (exit status 2)
        NotFound,     // repository, tag, manifest, blob, rule, instance does not exist
        Conflict,     // already exists / already running
        Auth,         // credentials refused or missing (exit status 3)
        Network,      // unreachable, reset, timed out (exit status 3)
        Tls,          // certificate did not verify (exit status 3)
        Protocol,     // the registry answered something we cannot use
        Digest,       // bytes do not match their digest
        Storage,      // database or keychain problem
        Canceled,
        Internal,
    };

    Kind kind = Kind::Internal;
    QString message;    // complete sentence(s) for people
    QString field;      // for Kind::Invalid: the field the message belongs next to
    int httpStatus = 0; // 0 when no HTTP answer was involved
    QString code;       // a registry error code (MANIFEST_UNKNOWN, ...), or one of ours
    // Kind::Invalid for a whole form: every problem, each with its field; `message` joins them.
    QList<Error> problems;

    static Error invalid(QString field, QString message)
    {
        return Error{Kind::Invalid, std::move(message), std::move(field), 0, {}, {}};
    }
    static Error make(Kind kind, QString message)
    {
        return Error{kind, std::move(message), {}, 0, {}, {}};
    }
    // One Invalid error holding every problem of a validation (at least one).
    static Error invalidForm(QList<Error> problems)
    {
        QStringList lines;
        for (const Error &p : problems)
            lines << p.message;
        Error e = invalid(problems.value(0).field, lines.join(QLatin1Char('\n')));
        e.problems = std::move(problems);
        return e;
    }
    // The problems of a form error, or the error itself as the only one.
    QList<Error> allProblems() const { return problems.isEmpty() ? QList<Error>{*this} : problems; }
};

// A value or an Error; functions return it instead of throwing across Qt.
template<typename T>
class Result
{
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_data(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_data); }
    T &value() & { return std::get<0>(m_data); }
    // By value on temporaries, so `for (auto &x : *store.list())` does not dangle.
    T value() && { return std::get<0>(std::move(m_data)); }
    const T &operator*() const & { return value(); }
    T operator*() && { return std::get<0>(std::move(m_data)); }
    const T *operator->() const { return &value(); }

    const Error &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

template<>
class Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

} // namespace crsync
