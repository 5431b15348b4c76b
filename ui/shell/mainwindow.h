#pragma once

#include <QMainWindow>

namespace hubui {

/// The top-level window: a sidebar of places and the page stack they switch between.
class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
};

} // namespace hubui
