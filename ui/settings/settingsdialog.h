#pragma once

#include <QDialog>

class QComboBox;

namespace crsync {

class Services;

// The Settings dialog: the window's language (system / English / 中文), and where this console
// keeps its data and secrets.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(Services &services, QWidget *parent = nullptr);

    void accept() override;

private:
    QComboBox *m_language = nullptr;
};

} // namespace crsync
