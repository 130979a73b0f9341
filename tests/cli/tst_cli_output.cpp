// Unit tests of the command line's output helpers and exit-status mapping.
#include "cli/output.h"
#include "secrets/credentialstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTextStream>

using namespace crsync;
using namespace crsync::cli;

class TestCliOutput : public QObject
{
    Q_OBJECT

private slots:
    void exitCodes()
    {
        QCOMPARE(exitCodeFor(Error::invalid(QStringLiteral("url"), QStringLiteral("bad"))), 2);
        QCOMPARE(exitCodeFor(Error::make(Error::Kind::NotFound, {})), 2);
        QCOMPARE(exitCodeFor(Error::make(Error::Kind::Conflict, {})), 2);
        QCOMPARE(exitCodeFor(Error::make(Error::Kind::Auth, {})), 3);
        QCOMPARE(exitCodeFor(Error::make(Error::Kind::Network, {})), 3);
        QCOMPARE(exitCodeFor(Error::make(Error::Kind::Tls, {})), 3);
        QCOMPARE(exitCodeFor(Error::make(Error::Kind::Storage, {})), 1); // the database
        Error noKeychain = Error::make(Error::Kind::Storage, {});
        noKeychain.code = CredentialStore::UnavailableCode;
        QCOMPARE(exitCodeFor(noKeychain), 3);
        QCOMPARE(exitCodeFor(Error::make(Error::Kind::Internal, {})), 1);
    }

    void displayWidthCountsWideCharacters()
    {
        QCOMPARE(displayWidth(QStringLiteral("abc")), 3);
        QCOMPARE(displayWidth(QStringLiteral("同步")), 4);
        QCOMPARE(displayWidth(QStringLiteral("a同b")), 4);
        QCOMPARE(displayWidth(QString()), 0);
    }

    void tableAlignsColumnsWithChineseText()
    {
        Table table(
            { QStringLiteral("NAME"), QStringLiteral("DESCRIPTION"), QStringLiteral("END") });
        table.addRow({ QStringLiteral("a"), QStringLiteral("同步规则"), QStringLiteral("x") });
        table.addRow(
            { QStringLiteral("long-name"), QStringLiteral("ab\ncd"), QStringLiteral("y") });
        QString text;
        QTextStream out(&text);
        table.print(out);
        const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        // Every line ends with its last column, which starts at the same display column.
        QCOMPARE(displayWidth(lines[0]) - 3, displayWidth(lines[1]) - 1);
        QCOMPARE(displayWidth(lines[1]) - 1, displayWidth(lines[2]) - 1);
        QVERIFY(lines[2].contains(QLatin1String("ab cd"))); // multi-line cells are flattened
    }

    void fieldsAreAligned()
    {
        QString text;
        QTextStream out(&text);
        printFields(out,
                    { { QStringLiteral("Name"), QStringLiteral("r1") },
                      { QStringLiteral("Target URL"), QStringLiteral("https://x") } });
        const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[0].indexOf(QLatin1String("r1")),
                 lines[1].indexOf(QLatin1String("https://x")));
    }

    void jsonIsParsable()
    {
        QString text;
        QTextStream out(&text);
        printJson(
            out, QJsonArray { QJsonObject { { QStringLiteral("name"), QStringLiteral("同步") } } });
        const QJsonArray back = QJsonDocument::fromJson(text.toUtf8()).array();
        QCOMPARE(back.first().toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("同步"));
    }
};

QTEST_GUILESS_MAIN(TestCliOutput)
#include "tst_cli_output.moc"
