#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace crsync {

// A page's message line: what the last action did or why it did not, in the page rather than
// in a modal box, until it is closed or replaced. Screen readers hear it as an alert.
class MessageBar : public QFrame
{
    Q_OBJECT
public:
    enum class Kind { Information, Warning, Error };
    explicit MessageBar(QWidget *parent = nullptr);

    void show(Kind kind, const QString &text);
    QString text() const;

private:
    QLabel *m_text = nullptr;
    QToolButton *m_close = nullptr;
};

} // namespace crsync
