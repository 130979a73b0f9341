#include "registry/protocol.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

namespace crsync::protocol {

namespace {

bool isTokenChar(char c)
{
    if (c >= 'a' && c <= 'z')
        return true;
    if (c >= 'A' && c <= 'Z')
        return true;
    if (c >= '0' && c <= '9')
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isSpace(char c) { return c == ' ' || c == '\t'; }

Error malformed(const QByteArray &header, const QString &why)
{
    return Error::make(Error::Kind::Protocol,
                       QCoreApplication::translate("crsync::protocol",
                                                   "The registry sent a malformed WWW-Authenticate "
                                                   "challenge (%1): %2")
                           .arg(why, QString::fromLatin1(header.left(200))));
}

} // namespace

Result<QList<AuthChallenge>> parseAuthChallenges(const QByteArray &header)
{
    QList<AuthChallenge> out;
    const qsizetype n = header.size();
    qsizetype i = 0;
    auto skipSpaces = [&] {
        while (i < n && isSpace(header[i]))
            ++i;
    };
    auto readToken = [&] {
        const qsizetype start = i;
        while (i < n && isTokenChar(header[i]))
            ++i;
        return header.mid(start, i - start);
    };

    while (i < n) {
        skipSpaces();
        if (i < n && header[i] == ',') {
            ++i;
            continue;
        }
        if (i >= n)
            break;
        const qsizetype tokenStart = i;
        const QByteArray token = readToken();
        if (token.isEmpty())
            return malformed(header,
                             QCoreApplication::translate("crsync::protocol",
                                                         "unexpected character at position %1")
                                 .arg(i));
        const qsizetype afterToken = i;
        skipSpaces();
        const bool isParam = i < n && header[i] == '=';
        if (!isParam) {
            // A new challenge starts with its scheme.
            out.append(AuthChallenge{QString::fromLatin1(token).toLower(), {}});
            i = afterToken;
            continue;
        }
        if (out.isEmpty())
            return malformed(header, QCoreApplication::translate("crsync::protocol",
                                                                 "a parameter comes before any scheme"));
        ++i; // '='
        skipSpaces();
        QByteArray value;
        if (i < n && header[i] == '"') {
            ++i;
            bool closed = false;
            while (i < n) {
                const char c = header[i++];
                if (c == '\\' && i < n) {
                    value.append(header[i++]);
                } else if (c == '"') {
                    closed = true;
                    break;
                } else {
                    value.append(c);
                }
            }
            if (!closed)
                return malformed(header, QCoreApplication::translate("crsync::protocol",
                                                                     "a quoted value is not closed"));
        } else {
            value = readToken();
            // token68 ("abc==") has no parameters: a trailing run of '=' belongs to it.
            while (i < n && header[i] == '=')
                value.append(header[i++]);
            if (value.isEmpty())
                return malformed(header,
                                 QCoreApplication::translate("crsync::protocol",
                                                             "the parameter %1 has no value")
                                     .arg(QString::fromLatin1(header.mid(tokenStart, afterToken - tokenStart))));
        }
        out.last().params.insert(QString::fromLatin1(token).toLower(), QString::fromUtf8(value));
        skipSpaces();
        if (i < n && header[i] != ',')
            return malformed(header,
                             QCoreApplication::translate("crsync::protocol",
                                                         "expected a comma at position %1")
                                 .arg(i));
    }
    if (out.isEmpty())
        return malformed(header, QCoreApplication::translate("crsync::protocol", "no scheme"));
    return out;
}

QUrl parseNextLink(const QByteArray &header, const QUrl &base)
{
    // Link: <url>; rel="next", <url2>; rel="prev"
    static const QRegularExpression entry(QStringLiteral(R"re(<([^>]*)>\s*((?:;\s*[^;,]+)*))re"));
    static const QRegularExpression relNext(QStringLiteral(R"re(;\s*rel\s*=\s*"?([^";]*)"?)re"),
                                            QRegularExpression::CaseInsensitiveOption);
    auto it = entry.globalMatch(QString::fromLatin1(header));
    while (it.hasNext()) {
        const auto m = it.next();
        const auto rel = relNext.match(m.captured(2));
        if (!rel.hasMatch())
            continue;
        const QStringList rels = rel.captured(1).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (rels.contains(QLatin1String("next"), Qt::CaseInsensitive))
            return base.resolved(QUrl(m.captured(1).trimmed()));
    }
    return {};
}

std::optional<qint64> parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 seconds = v.toLongLong(&ok);
    if (ok)
        return seconds < 0 ? std::nullopt : std::optional<qint64>(seconds * 1000);
    QDateTime when = QLocale::c().toDateTime(QString::fromLatin1(v),
                                             QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        when = QDateTime::fromString(QString::fromLatin1(v), Qt::RFC2822Date);
    if (!when.isValid())
        return std::nullopt;
    when.setTimeZone(QTimeZone::utc());
    return std::max<qint64>(0, now.msecsTo(when));
}

std::optional<qint64> parseUploadRange(const QByteArray &value)
{
    QByteArray v = value.trimmed();
    if (v.startsWith("bytes="))
        v = v.mid(6);
    const qsizetype dash = v.indexOf('-');
    if (dash < 0)
        return std::nullopt;
    bool ok1 = false, ok2 = false;
    const qint64 first = v.left(dash).toLongLong(&ok1);
    const qint64 last = v.mid(dash + 1).toLongLong(&ok2);
    if (!ok1 || !ok2 || first != 0 || last < 0)
        return std::nullopt;
    return last + 1;
}

QString parseOciErrors(const QByteArray &body, QString *firstCode)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return {};
    const QJsonArray errors = doc.object().value(QLatin1String("errors")).toArray();
    QStringList parts;
    for (const QJsonValue &e : errors) {
        const QJsonObject o = e.toObject();
        const QString code = o.value(QLatin1String("code")).toString();
        const QString message = o.value(QLatin1String("message")).toString();
        QString detail;
        const QJsonValue d = o.value(QLatin1String("detail"));
        if (d.isString())
            detail = d.toString();
        else if (d.isObject())
            detail = QString::fromUtf8(QJsonDocument(d.toObject()).toJson(QJsonDocument::Compact));
        else if (d.isArray())
            detail = QString::fromUtf8(QJsonDocument(d.toArray()).toJson(QJsonDocument::Compact));
        if (firstCode && firstCode->isEmpty())
            *firstCode = code;
        QString part = code.isEmpty() ? message : code + QLatin1String(": ") + message;
        if (!detail.isEmpty())
            part += QLatin1String(" (") + detail.left(300) + QLatin1Char(')');
        if (!part.isEmpty())
            parts.append(part);
    }
    return parts.join(QLatin1String("; "));
}

QString bareMediaType(const QByteArray &contentType)
{
    const qsizetype semi = contentType.indexOf(';');
    return QString::fromLatin1((semi < 0 ? contentType : contentType.left(semi)).trimmed()).toLower();
}

} // namespace crsync::protocol
