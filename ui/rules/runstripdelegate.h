#pragma once

#include <QStyledItemDelegate>

namespace crsync {

// Paints RuleTableModel's recent runs as a strip of small marks, oldest on the left, newest on
// the right, each in its status's colour with a symbol (so colour is not the only sign). What
// the strip says in words is the cell's AccessibleTextRole and tooltip.
class RunStripDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace crsync
