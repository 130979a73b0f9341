#pragma once

#include <QAbstractButton>
#include <QCoreApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QString>

namespace crsync {

// Asks before a form with unsaved changes closes ("Discard" / "Keep editing"); true to discard.
inline bool confirmDiscard(QWidget *form, const QString &question)
{
    QMessageBox ask(QMessageBox::Question, form->windowTitle(), question, QMessageBox::NoButton,
                    form);
    ask.setObjectName(QStringLiteral("discardChangesBox"));
    QAbstractButton *discard = ask.addButton(
        QCoreApplication::translate("crsync::DiscardChanges", "Discard"), QMessageBox::DestructiveRole);
    ask.addButton(QCoreApplication::translate("crsync::DiscardChanges", "Keep editing"),
                  QMessageBox::RejectRole);
    ask.exec();
    return ask.clickedButton() == discard;
}

} // namespace crsync
