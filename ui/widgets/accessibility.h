#pragma once

#include <QComboBox>
#include <QLineEdit>
#include <QRegularExpression>
#include <QString>
#include <QWidget>

namespace crsync {

// Gives a form field the accessible name of its caption ("&Name:" -> "Name"). Qt finds a
// buddy's name only when label and field share a parent; a field wrapped with its error label
// in a cell of its own does not, so a screen reader would announce it without a name.
inline void nameAfterCaption(QWidget *field, QString caption)
{
    caption.replace(QLatin1String("&&"), QStringLiteral("\x01"));
    caption.remove(QLatin1Char('&'));
    caption.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    // CJK mnemonics are written "名称(&N)：": the "(N)" goes with the ampersand.
    static const QRegularExpression cjkMnemonic(QStringLiteral("\\([A-Za-z0-9]\\)"));
    caption.remove(cjkMnemonic);
    while (caption.endsWith(QLatin1Char(':')) || caption.endsWith(QChar(0xFF1A)))
        caption.chop(1);
    field->setAccessibleName(caption.trimmed());
    // An editable combo box's line edit is a field of its own for a screen reader.
    if (auto *combo = qobject_cast<QComboBox *>(field); combo && combo->lineEdit())
        combo->lineEdit()->setAccessibleName(caption.trimmed());
}

} // namespace crsync
