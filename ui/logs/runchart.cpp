#include "logs/runchart.h"

#include "core/format.h"
#include "widgets/statusicons.h"

#include <QPainter>
#include <algorithm>

namespace crsync {

RunChart::RunChart(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("runChart"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAccessibleName(tr("Recent runs"));
}

void RunChart::setRuns(const QString &ruleName, QList<Task> newestFirst)
{
    std::reverse(newestFirst.begin(), newestFirst.end());
    m_runs = std::move(newestFirst);
    m_caption = tr("Recent runs of %1").arg(ruleName);
    setAccessibleName(m_caption);
    if (m_runs.isEmpty()) {
        m_summary = tr("%1 has not run yet.").arg(ruleName);
    } else {
        int failed = 0;
        QList<qint64> durations;
        for (const Task &t : std::as_const(m_runs)) {
            if (t.status == TaskStatus::Failed || t.status == TaskStatus::PartiallySucceeded)
                ++failed;
            durations << t.durationMs();
        }
        std::sort(durations.begin(), durations.end());
        m_summary = tr("The last %n run(s) of %1: %2 with failures; the newest took %3 "
                       "(median %4).",
                       nullptr, int(m_runs.size()))
                        .arg(ruleName)
                        .arg(failed)
                        .arg(formatDuration(m_runs.last().durationMs()),
                             formatDuration(durations.at(durations.size() / 2)));
    }
    setAccessibleDescription(m_summary);
    setToolTip(m_summary);
    update();
}

void RunChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    // A caption says what the bars are; they stand under it, newest on the right.
    const QRect whole = rect().adjusted(4, 2, -4, -4);
    p.setPen(palette().color(QPalette::PlaceholderText));
    const QFontMetrics metrics(font());
    p.drawText(whole, Qt::AlignLeft | Qt::AlignTop,
               metrics.elidedText(m_caption, Qt::ElideRight, whole.width()));
    const QRect area = whole.adjusted(0, metrics.height() + 2, 0, 0);
    p.setPen(palette().color(QPalette::Mid));
    p.drawLine(area.bottomLeft(), area.bottomRight());
    if (m_runs.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(area, Qt::AlignCenter, m_summary);
        return;
    }
    qint64 longest = 1;
    for (const Task &t : std::as_const(m_runs))
        longest = std::max(longest, t.durationMs());
    const int slot = std::max(6, area.width() / std::max<int>(30, int(m_runs.size())));
    const int width = std::max(4, slot - 3);
    int x = area.right() - int(m_runs.size()) * slot + 3;
    for (const Task &t : std::as_const(m_runs)) {
        const int height = std::max(3, int(double(t.durationMs()) / double(longest) * (area.height() - 12)));
        const QRect bar(x, area.bottom() - height, width, height);
        p.fillRect(bar, statusColor(t.status));
        // The mark under colour-blind eyes too: failed and partial runs get theirs on top.
        if (t.status != TaskStatus::Succeeded) {
            p.setPen(statusColor(t.status));
            p.drawText(QRect(x - 2, bar.top() - 12, width + 4, 12), Qt::AlignCenter,
                       statusMark(t.status));
        }
        x += slot;
    }
}

} // namespace crsync
