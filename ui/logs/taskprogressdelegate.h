#pragma once

#include <QStyledItemDelegate>

namespace crsync {

// Paints a running task's status cell as a progress bar (artifacts done of total, with the
// cell's text on it); other cells as usual. The text a screen reader gets is the model's.
class TaskProgressDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
};

} // namespace crsync
