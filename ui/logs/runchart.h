#pragma once

#include "core/task.h"

#include <QList>
#include <QWidget>

namespace crsync {

// A small picture of one rule's recent runs, oldest on the left: a bar per run, as tall as
// the run took, in the colour (and with the mark) of how it ended, so a slowdown or a run of
// failures shows at a glance. Its accessible description says the same in words.
class RunChart : public QWidget
{
    Q_OBJECT
public:
    explicit RunChart(QWidget *parent = nullptr);

    void setRuns(const QString &ruleName, QList<Task> newestFirst);
    QString summary() const { return m_summary; }

    QSize sizeHint() const override { return { 360, 84 }; }
    QSize minimumSizeHint() const override { return { 160, 56 }; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<Task> m_runs; // oldest first
    QString m_summary;
    QString m_caption; // "Recent runs of NAME"
};

} // namespace crsync
