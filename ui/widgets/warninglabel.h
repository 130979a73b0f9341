#pragma once

#include <QLabel>

namespace crsync {

// A visible warning next to a risky choice (TLS verification off, plain HTTP): amber, with a
// sign that does not depend on colour, read out by screen readers like any label.
class WarningLabel : public QLabel
{
    Q_OBJECT
public:
    WarningLabel(const QString &text, QWidget *parent = nullptr);
};

} // namespace crsync
