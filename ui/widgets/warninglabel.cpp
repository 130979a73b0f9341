#include "widgets/warninglabel.h"

namespace crsync {

WarningLabel::WarningLabel(const QString &text, QWidget *parent)
    : QLabel(QStringLiteral("⚠ ") + text, parent)
{
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setStyleSheet(QStringLiteral("QLabel { background: #fff4ce; color: #5c4300; "
                                 "border: 1px solid #e0b400; border-radius: 3px; padding: 4px; }"));
}

} // namespace crsync
