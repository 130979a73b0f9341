#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QUrl>

#include <optional>

// Pure parsers for the header and body formats of the distribution protocol, kept apart from the
// network code so they can be tested on their own.
namespace crsync::protocol {

// One challenge of a WWW-Authenticate header (RFC 7235): scheme in lower case, parameter names
// in lower case, values unquoted.
struct AuthChallenge
{
    QString scheme;
    QMap<QString, QString> params;
};

// Parses every challenge of a WWW-Authenticate value (several may share one header, and quoted
// values may contain commas). Fails with a Protocol error saying what is malformed.
Result<QList<AuthChallenge>> parseAuthChallenges(const QByteArray &header);

// The target of the rel="next" link of a Link header, resolved against base; empty when none.
QUrl parseNextLink(const QByteArray &header, const QUrl &base);

// Retry-After as a delay in milliseconds (delta-seconds or an HTTP date); nullopt when absent or
// unreadable.
std::optional<qint64> parseRetryAfter(const QByteArray &value, const QDateTime &now);

// The registry-held upload size from a Range header "0-<last>" (last + 1); nullopt when unreadable.
// Note "0-0" is ambiguous (zero or one byte); callers treat it with care.
std::optional<qint64> parseUploadRange(const QByteArray &value);

// Joins the entries of an OCI error body {"errors":[{code,message,detail}]} into one line; the
// first code goes to *firstCode. Empty when the body is not such a document.
QString parseOciErrors(const QByteArray &body, QString *firstCode = nullptr);

// The media type of a Content-Type value, without parameters, lower case.
QString bareMediaType(const QByteArray &contentType);

} // namespace crsync::protocol
