#pragma once

#include "hub/core/types.h"

#include <QMainWindow>

class QLabel;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace hubui {

class AppContext;
class PageRegistry;
class RepoBrowserPage;
class RepoPage;

/// The top-level window: a sidebar (who is signed in where, the project's namespaces, Models /
/// Datasets / Spaces, and the places part 2 contributes such as Local cache and Transfers) and a
/// QStackedWidget of pages it switches between.
///
/// Part 2's pages plug in through PageRegistry (see ui/core/pageregistry.h): each contributed
/// PageEntry becomes a sidebar item under "This computer" and a page in the stack; each
/// ActionEntry a menu action. Nothing in this file has to change for that.
class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    MainWindow(AppContext &context, const PageRegistry &registry, QWidget *parent = nullptr);
    ~MainWindow() override;

    RepoBrowserPage *browser() const { return m_browser; }
    RepoPage *repoPage() const { return m_repoPage; }
    QTreeWidget *sidebar() const { return m_sidebar; }
    QStackedWidget *pages() const { return m_stack; }

    /// Shows the repo list of `type` in `author` (empty = every namespace).
    void browse(hub::RepoType type, const QString &author);
    void openRepo(const hub::RepoRef &repo);
    /// Switches to a contributed page by its PageEntry::id; false if there is none.
    bool showPage(const QString &id);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void updateSession();
    void rebuildNamespaces();
    /// Puts the open pull request counts next to the namespaces ("PellelNitram · 1 PR").
    void updateNamespaceCounts();
    void sidebarActivated(QTreeWidgetItem *item);
    void addNamespace();

    AppContext &m_context;
    QLabel *m_account;
    QTreeWidget *m_sidebar;
    QTreeWidgetItem *m_namespaces;
    QTreeWidgetItem *m_browse;
    QStackedWidget *m_stack;
    RepoBrowserPage *m_browser;
    RepoPage *m_repoPage;
    hub::RepoType m_type = hub::RepoType::Model;
    QString m_author;
};

} // namespace hubui
