#include "ui/shell/mainwindow.h"

#include <QLabel>
#include <QListWidget>
#include <QSplitter>
#include <QStatusBar>

namespace hubui {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("HubDesk"));
    auto *splitter = new QSplitter(this);
    auto *sidebar = new QListWidget(splitter);
    sidebar->setAccessibleName(tr("Places"));
    sidebar->addItems({tr("Models"), tr("Datasets"), tr("Spaces"), tr("Local cache"), tr("Transfers")});
    auto *page = new QLabel(tr("Welcome to HubDesk."), splitter);
    page->setAlignment(Qt::AlignCenter);
    splitter->setStretchFactor(1, 1);
    setCentralWidget(splitter);
    statusBar()->showMessage(tr("Not connected"));
    resize(1100, 720);
}

} // namespace hubui
