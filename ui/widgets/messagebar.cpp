#include "widgets/messagebar.h"

#include <QAccessible>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace crsync {

MessageBar::MessageBar(QWidget *parent) : QFrame(parent)
{
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("messageText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_close = new QToolButton(this);
    m_close->setText(QStringLiteral("✕"));
    m_close->setAccessibleName(tr("Close the message"));
    m_close->setAutoRaise(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    connect(m_close, &QToolButton::clicked, this, &QWidget::hide);
    hide();
}

void MessageBar::show(Kind kind, const QString &text)
{
    const char *style = kind == Kind::Error
        ? "MessageBar { background: #fce8e6; border: 1px solid #d93025; border-radius: 3px; } "
          "QLabel { color: #5f1410; }"
        : kind == Kind::Warning
        ? "MessageBar { background: #fff4ce; border: 1px solid #e0b400; border-radius: 3px; } "
          "QLabel { color: #5c4300; }"
        : "MessageBar { background: #e8f0fe; border: 1px solid #1a73e8; border-radius: 3px; } "
          "QLabel { color: #0b3a75; }";
    setStyleSheet(QString::fromLatin1(style));
    m_text->setText(text);
    m_text->setAccessibleName(text);
    QWidget::show();
    QAccessibleEvent alert(m_text, QAccessible::Alert);
    QAccessible::updateAccessibility(&alert);
}

QString MessageBar::text() const
{
    return isHidden() ? QString() : m_text->text(); // shown, even while its page is not in front
}

} // namespace crsync
