#include "mainwindow.h"

#include <QLabel>

namespace crsync {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("crsync — registry replication"));
    auto *placeholder = new QLabel(tr("Replication rules will appear here."), this);
    placeholder->setAlignment(Qt::AlignCenter);
    setCentralWidget(placeholder);
    resize(1000, 640);
}

} // namespace crsync
