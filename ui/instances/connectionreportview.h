#pragma once

#include <QWidget>

class QLabel;

namespace crsync {

struct ConnectionReport;

// What a connection test found, in words: reachable or not and why, authentication, the
// repositories visible, and what to do about a problem. Selectable text, read by screen readers.
class ConnectionReportView : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionReportView(QWidget *parent = nullptr);

    void showRunning(const QString &instanceName);
    void showReport(const ConnectionReport &report);
    void clear();

    // One line for a table cell: "OK, 12 repositories", "Failed: TLS certificate".
    static QString summary(const ConnectionReport &report);
    QString text() const;

private:
    QLabel *m_text = nullptr;
};

} // namespace crsync
