#include "widgets/statusicons.h"

#include <QHash>
#include <QPainter>
#include <QPixmap>

namespace crsync {

QColor statusColor(TaskStatus status)
{
    switch (status) {
    case TaskStatus::Succeeded:
        return QColor(0x1e, 0x8e, 0x3e);
    case TaskStatus::PartiallySucceeded:
        return QColor(0xe3, 0x74, 0x00);
    case TaskStatus::Failed:
        return QColor(0xc5, 0x22, 0x1f);
    case TaskStatus::Canceled:
    case TaskStatus::Interrupted:
        return QColor(0x75, 0x75, 0x75);
    case TaskStatus::InProgress:
        return QColor(0x1a, 0x73, 0xe8);
    case TaskStatus::Pending:
        break;
    }
    return QColor(0x9e, 0x9e, 0x9e);
}

QIcon statusIcon(TaskStatus status)
{
    static QHash<int, QIcon> cache;
    const auto it = cache.constFind(int(status));
    if (it != cache.cend())
        return *it;
    QIcon icon;
    for (int size : { 12, 16, 24, 32 }) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen);
        p.setBrush(statusColor(status));
        const qreal margin = size / 6.0;
        p.drawEllipse(QRectF(margin, margin, size - 2 * margin, size - 2 * margin));
        icon.addPixmap(pixmap);
    }
    cache.insert(int(status), icon);
    return icon;
}

QString statusMark(TaskStatus status)
{
    switch (status) {
    case TaskStatus::Succeeded:
        return QStringLiteral("✓");
    case TaskStatus::PartiallySucceeded:
        return QStringLiteral("◐");
    case TaskStatus::Failed:
        return QStringLiteral("✕");
    case TaskStatus::Canceled:
    case TaskStatus::Interrupted:
        return QStringLiteral("–");
    case TaskStatus::InProgress:
        return QStringLiteral("▶");
    case TaskStatus::Pending:
        break;
    }
    return QStringLiteral("·");
}

} // namespace crsync
