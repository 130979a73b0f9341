#include "widgets/fielderrors.h"

#include "widgets/accessibility.h"

#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <QWidget>

namespace crsync {

QLabel *FieldErrors::makeLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Dark red reads on light and on grey backgrounds; the text itself says what is wrong.
    label->setStyleSheet(QStringLiteral("color: #b3261e;"));
    label->hide();
    return label;
}

QLabel *FieldErrors::makeHint(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setEnabled(false); // the palette's disabled text: quieter than the field's own
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop); // given more height than its lines, it stays under its field
    label->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Minimum);
    return label;
}

int FieldErrors::addRow(QFormLayout *form, QWidget *owner, const QString &caption,
                        QWidget *input, const QString &field, QLayout *companions)
{
    auto *cell = new QVBoxLayout;
    cell->setSpacing(2);
    if (companions)
        cell->addLayout(companions);
    else
        cell->addWidget(input);
    if (!field.isEmpty()) {
        QLabel *error = makeLabel(owner, field + QStringLiteral("Error"));
        cell->addWidget(error);
        add(field, input, error);
    }
    auto *label = new QLabel(caption, owner);
    label->setBuddy(input);
    nameAfterCaption(input, caption);
    form->addRow(label, cell);
    return form->rowCount() - 1;
}

void FieldErrors::add(const QString &field, QWidget *input, QLabel *label)
{
    m_fields.insert(field, Field { input, label });
}

void FieldErrors::show(const QList<Error> &problems, const QStringList &quiet)
{
    m_current = problems;
    QHash<QString, QStringList> byField;
    QStringList general;
    for (const Error &p : problems) {
        if (m_fields.contains(p.field))
            byField[p.field] << p.message;
        else
            general << p.message;
    }
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        const QString text = quiet.contains(it.key()) ? QString()
                                                      : byField.value(it.key()).join(QLatin1Char('\n'));
        if (it->label) {
            it->label->setText(text);
            it->label->setVisible(!text.isEmpty());
        }
        if (it->input)
            it->input->setAccessibleDescription(text);
    }
    if (m_general) {
        m_general->setText(general.join(QLatin1Char('\n')));
        m_general->setVisible(!general.isEmpty());
    }
}

QString FieldErrors::message(const QString &field) const
{
    QStringList lines;
    for (const Error &p : m_current)
        if (p.field == field)
            lines << p.message;
    return lines.join(QLatin1Char('\n'));
}

} // namespace crsync
