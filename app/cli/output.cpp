#include "cli/output.h"

#include "secrets/credentialstore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace crsync::cli {

int exitCodeFor(const Error &error)
{
    switch (error.kind) {
    case Error::Kind::Invalid:
    case Error::Kind::NotFound:
    case Error::Kind::Conflict:
        return ExitInvalid;
    case Error::Kind::Auth:
    case Error::Kind::Network:
    case Error::Kind::Tls:
    case Error::Kind::Protocol:
        return ExitUnreachable;
    case Error::Kind::Storage:
        return error.code == CredentialStore::UnavailableCode ? ExitUnreachable : ExitFailure;
    default:
        return ExitFailure;
    }
}

static bool isWide(char32_t c)
{
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E)
        || (c >= 0x3041 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3)
        || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F)
        || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6)
        || (c >= 0x1F300 && c <= 0x1F64F) || (c >= 0x20000 && c <= 0x3FFFD);
}

int displayWidth(const QString &text)
{
    int width = 0;
    for (char32_t c : text.toUcs4())
        width += isWide(c) ? 2 : 1;
    return width;
}

static QString padded(const QString &text, int width)
{
    return text + QString(qMax(0, width - displayWidth(text)), QLatin1Char(' '));
}

void Table::print(QTextStream &out) const
{
    QList<int> widths;
    for (const QString &h : m_headers)
        widths << displayWidth(h);
    for (const QStringList &row : m_rows)
        for (int i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = qMax(widths[i], displayWidth(row[i]));

    auto printRow = [&](const QStringList &cells) {
        QString line;
        for (int i = 0; i < widths.size(); ++i) {
            const QString cell = cells.value(i);
            line
                += (i + 1 == widths.size()) ? cell : padded(cell, widths[i]) + QStringLiteral("  ");
        }
        // Multi-line cells (a description) would break the grid; they are flattened.
        line.replace(QLatin1Char('\n'), QLatin1Char(' '));
        out << line.trimmed() << '\n';
    };
    printRow(m_headers);
    for (const QStringList &row : m_rows)
        printRow(row);
    out.flush();
}

void printFields(QTextStream &out, const QList<QPair<QString, QString>> &fields)
{
    int width = 0;
    for (const auto &f : fields)
        width = qMax(width, displayWidth(f.first) + 1);
    for (const auto &f : fields)
        out << padded(f.first + QLatin1Char(':'), width) << "  " << f.second << '\n';
    out.flush();
}

void printJson(QTextStream &out, const QJsonValue &value)
{
    QJsonDocument doc
        = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    out << QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
    out.flush();
}

QCommandLineOption jsonOption()
{
    return QCommandLineOption(
        QStringLiteral("json"),
        QCoreApplication::translate("crsync::cli", "Print JSON instead of a table."));
}

QString yesNo(bool value)
{
    return value ? QCoreApplication::translate("crsync::cli", "yes")
                 : QCoreApplication::translate("crsync::cli", "no");
}

} // namespace crsync::cli

namespace crsync::cli {

QString errorKindName(Error::Kind kind)
{
    switch (kind) {
    case Error::Kind::Invalid:
        return QStringLiteral("invalid");
    case Error::Kind::NotFound:
        return QStringLiteral("not-found");
    case Error::Kind::Conflict:
        return QStringLiteral("conflict");
    case Error::Kind::Auth:
        return QStringLiteral("auth");
    case Error::Kind::Network:
        return QStringLiteral("network");
    case Error::Kind::Tls:
        return QStringLiteral("tls");
    case Error::Kind::Protocol:
        return QStringLiteral("protocol");
    case Error::Kind::Digest:
        return QStringLiteral("digest");
    case Error::Kind::Storage:
        return QStringLiteral("storage");
    case Error::Kind::Canceled:
        return QStringLiteral("canceled");
    case Error::Kind::Internal:
        break;
    }
    return QStringLiteral("internal");
}

QString localTime(const QDateTime &time)
{
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                          : QStringLiteral("-");
}

QString isoTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QString percent(double ratio)
{
    return QStringLiteral("%1%").arg(ratio * 100.0, 0, 'f', 1);
}

} // namespace crsync::cli
