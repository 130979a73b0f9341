#include "rules/runstripdelegate.h"

#include "rules/ruletablemodel.h"
#include "widgets/statusicons.h"

#include <QApplication>
#include <QPainter>

namespace crsync {

namespace {
constexpr int Mark = 14;
constexpr int Gap = 3;
} // namespace

void RunStripDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QVariantList statuses = index.data(RuleTableModel::RecentStatusesRole).toList();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QFont small = option.font;
    small.setPixelSize(10);
    small.setBold(true);
    painter->setFont(small);
    int x = option.rect.left() + 4;
    const int y = option.rect.center().y() - Mark / 2;
    for (auto it = statuses.crbegin(); it != statuses.crend(); ++it) { // oldest first
        const auto status = TaskStatus(it->toInt());
        const QRect box(x, y, Mark, Mark);
        painter->setPen(Qt::NoPen);
        painter->setBrush(statusColor(status));
        painter->drawRoundedRect(box, 2, 2);
        painter->setPen(Qt::white);
        painter->drawText(box, Qt::AlignCenter, statusMark(status));
        x += Mark + Gap;
    }
    painter->restore();
}

QSize RunStripDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QSize base = QStyledItemDelegate::sizeHint(option, index);
    return QSize(8 + RuleTableModel::RecentRunCount * (Mark + Gap), std::max(base.height(), Mark + 6));
}

} // namespace crsync
