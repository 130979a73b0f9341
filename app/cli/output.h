#pragma once

#include "core/format.h"
#include "core/result.h"

#include <QCommandLineOption>
#include <QDateTime>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

class QTextStream;

namespace crsync::cli {

// Exit status of DESIGN.md section 5, as documented in `crsync --help`.
enum ExitCode {
    ExitOk = 0,
    ExitFailure = 1, // the work ran and some of it failed (or the database did)
    ExitInvalid = 2, // bad input; nothing was changed
    ExitUnreachable = 3, // a registry, or the keychain, could not be reached or refused
};

// Which exit status an error means: Invalid/NotFound/Conflict are input the user can fix (2);
// registry and keychain availability or refusal is 3; the rest is 1.
int exitCodeFor(const Error &error);

// Columns padded to the widest cell, counting East Asian wide characters as two columns so a
// Chinese description does not break the alignment.
class Table
{
public:
    explicit Table(QStringList headers) : m_headers(std::move(headers)) { }
    void addRow(QStringList cells) { m_rows << std::move(cells); }
    bool isEmpty() const { return m_rows.isEmpty(); }
    void print(QTextStream &out) const;

private:
    QStringList m_headers;
    QList<QStringList> m_rows;
};

// "Label:  value" lines with the values aligned, for `show`.
void printFields(QTextStream &out, const QList<QPair<QString, QString>> &fields);

// Indented JSON with a trailing newline; keys in the order QJsonObject keeps (sorted).
void printJson(QTextStream &out, const QJsonValue &value);

// --json, the same on every listing and show.
QCommandLineOption jsonOption();

int displayWidth(const QString &text);
QString yesNo(bool value);

// "invalid", "network", ...: the stable name of an error kind, for JSON.
QString errorKindName(Error::Kind kind);

// A local time, an ISO time (empty when unset), a percentage (sizes and durations:
// core/format.h).
QString localTime(const QDateTime &time);
QString isoTime(const QDateTime &time);
QString percent(double ratio);

} // namespace crsync::cli
