#pragma once

#include <QMainWindow>

namespace crsync {

// The console's main window.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
};

} // namespace crsync
