#pragma once

#include "core/result.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

class QFormLayout;
class QLabel;
class QLayout;
class QWidget;

namespace crsync {

// Shows a form's problems next to the fields they belong to: each field key (ValidationField,
// "password", ...) has an input and a label under it; a problem without a field of its own goes
// to the form's general label. The input's accessible description carries the message too, so
// a screen reader says why a field is refused when it reaches it.
class FieldErrors : public QObject
{
    Q_OBJECT
public:
    explicit FieldErrors(QObject *parent = nullptr) : QObject(parent) { }

    // A hidden, word-wrapped label styled as an error, to place under an input.
    static QLabel *makeLabel(QWidget *parent, const QString &objectName);
    // A quiet, word-wrapped note for under a field (what the field expects).
    static QLabel *makeHint(const QString &text, QWidget *parent);

    // Adds a form row: the caption (its buddy and the input's accessible name), the input, or
    // `companions` holding it with what goes beside or under it, and the error label of
    // `field` (none when empty). Caption and input stay siblings (nested layouts, no wrapper
    // widget), so Qt's accessibility finds the caption as the input's label. Returns the row.
    int addRow(QFormLayout *form, QWidget *owner, const QString &caption, QWidget *input,
               const QString &field, QLayout *companions = nullptr);

    void add(const QString &field, QWidget *input, QLabel *label);
    void setGeneral(QLabel *label) { m_general = label; }

    // Replaces what is shown. Fields in `quiet` are not marked (the person has not reached
    // them yet); their problems still count.
    void show(const QList<Error> &problems, const QStringList &quiet = {});
    void clear() { show({}); }
    QString message(const QString &field) const;
    bool hasProblems() const { return !m_current.isEmpty(); }

private:
    struct Field
    {
        QPointer<QWidget> input;
        QPointer<QLabel> label;
    };
    QHash<QString, Field> m_fields;
    QPointer<QLabel> m_general;
    QList<Error> m_current;
};

} // namespace crsync
