#include "ui/shell/mainwindow.h"

#include "ui/browser/repobrowserpage.h"
#include "ui/browser/repolistmodel.h"
#include "ui/community/pullrequestcounts.h"
#include "ui/core/appcontext.h"
#include "ui/core/pageregistry.h"
#include "ui/core/settings.h"
#include "ui/repo/repopage.h"

#include <QAction>
#include <QCloseEvent>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeySequence>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QVBoxLayout>

#include <algorithm>

namespace hubui {

namespace {

enum ItemRole { KindRole = Qt::UserRole + 1, ValueRole };
enum ItemKind { NamespaceItem = 1, TypeItem, PageItem, AddNamespaceItem };

QTreeWidgetItem *makeItem(QTreeWidgetItem *parent, const QString &text, int kind, const QVariant &value)
{
    auto *item = new QTreeWidgetItem(parent, {text});
    item->setData(0, KindRole, kind);
    item->setData(0, ValueRole, value);
    return item;
}

} // namespace

MainWindow::MainWindow(AppContext &context, const PageRegistry &registry, QWidget *parent)
    : QMainWindow(parent), m_context(context), m_account(new QLabel), m_sidebar(new QTreeWidget),
      m_stack(new QStackedWidget), m_browser(new RepoBrowserPage(context)), m_repoPage(new RepoPage(context))
{
    setWindowTitle(context.isSandbox() ? tr("HubDesk — sandbox Hub") : tr("HubDesk"));

    m_account->setWordWrap(true);
    m_account->setMargin(8);
    m_account->setAccessibleName(tr("Account"));
    m_sidebar->setHeaderHidden(true);
    m_sidebar->setAccessibleName(tr("Places"));
    m_sidebar->setRootIsDecorated(false);
    m_sidebar->setItemsExpandable(false);
    m_sidebar->setMinimumWidth(210);

    m_namespaces = new QTreeWidgetItem(m_sidebar, {tr("Namespaces")});
    m_browse = new QTreeWidgetItem(m_sidebar, {tr("Browse the Hub")});
    makeItem(m_browse, tr("Models"), TypeItem, static_cast<int>(hub::RepoType::Model));
    makeItem(m_browse, tr("Datasets"), TypeItem, static_cast<int>(hub::RepoType::Dataset));
    makeItem(m_browse, tr("Spaces"), TypeItem, static_cast<int>(hub::RepoType::Space));
    for (auto *top : {m_namespaces, m_browse}) {
        top->setFlags(Qt::ItemIsEnabled);
        QFont f = top->font(0);
        f.setBold(true);
        top->setFont(0, f);
    }

    m_stack->addWidget(m_browser);
    m_stack->addWidget(m_repoPage);

    // Pages contributed by part 2 (ui/cache, ui/transfers, ...), see ui/core/pageregistry.h.
    auto pages = registry.pages();
    std::stable_sort(pages.begin(), pages.end(), [](const auto &a, const auto &b) { return a.order < b.order; });
    if (!pages.empty()) {
        auto *local = new QTreeWidgetItem(m_sidebar, {tr("This computer")});
        local->setFlags(Qt::ItemIsEnabled);
        QFont f = local->font(0);
        f.setBold(true);
        local->setFont(0, f);
        for (const auto &page : pages) {
            QWidget *w = page.create(context, m_stack);
            m_stack->addWidget(w);
            auto *item = makeItem(local, page.title, PageItem, page.id);
            item->setIcon(0, page.icon);
            w->setObjectName(page.id);
        }
    }
    m_sidebar->expandAll();

    auto *fileMenu = menuBar()->addMenu(tr("&File"));
    auto *accountMenu = menuBar()->addMenu(tr("&Account"));
    auto *toolsMenu = menuBar()->addMenu(tr("&Tools"));
    auto *helpMenu = menuBar()->addMenu(tr("&Help"));
    const auto menuFor = [&](ActionMenu m) {
        switch (m) {
        case ActionMenu::File: return fileMenu;
        case ActionMenu::Account: return accountMenu;
        case ActionMenu::Help: return helpMenu;
        case ActionMenu::Tools: break;
        }
        return toolsMenu;
    };
    for (const auto &entry : registry.actions()) {
        QMenu *menu = menuFor(entry.menu);
        QAction *a = menu->addAction(entry.text);
        a->setObjectName(entry.id); // error states trigger "signin" and "settings" by this name
        if (!entry.shortcut.isEmpty())
            a->setShortcut(QKeySequence(entry.shortcut));
        connect(a, &QAction::triggered, this, [this, trigger = entry.trigger] { trigger(m_context, this); });
    }
    // The contributed places, also reachable from the menu (error states trigger
    // "show-page:cache" to send the user to the Local cache).
    if (!pages.empty()) {
        auto *goMenu = new QMenu(tr("&Go"), this);
        menuBar()->insertMenu(accountMenu->menuAction(), goMenu);
        for (const auto &page : pages) {
            QAction *a = goMenu->addAction(page.title);
            a->setObjectName(QStringLiteral("show-page:") + page.id);
            connect(a, &QAction::triggered, this, [this, id = page.id] { showPage(id); });
        }
    }
    QAction *addNs = accountMenu->addAction(tr("Add a &namespace…"));
    connect(addNs, &QAction::triggered, this, &MainWindow::addNamespace);
    QAction *refresh = fileMenu->addAction(tr("&Refresh"));
    refresh->setShortcut(QKeySequence::Refresh);
    connect(refresh, &QAction::triggered, this, [this] {
        if (m_stack->currentWidget() == m_browser)
            browse(m_type, m_author);
        else if (m_stack->currentWidget() == m_repoPage)
            m_repoPage->open(m_repoPage->repo(), m_repoPage->revision());
    });
    fileMenu->addSeparator();
    QAction *quit = fileMenu->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    auto *side = new QWidget;
    auto *sl = new QVBoxLayout(side);
    sl->setContentsMargins(0, 0, 0, 0);
    sl->addWidget(m_account);
    sl->addWidget(m_sidebar, 1);
    auto *splitter = new QSplitter;
    splitter->addWidget(side);
    splitter->addWidget(m_stack);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({230, 1000});
    setCentralWidget(splitter);

    connect(m_sidebar, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) { sidebarActivated(item); });
    connect(m_sidebar, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item) { sidebarActivated(item); });
    connect(m_browser, &RepoBrowserPage::repoActivated, this, &MainWindow::openRepo);
    connect(&m_context, &AppContext::openRepoRequested, this, &MainWindow::openRepo);
    connect(m_repoPage, &RepoPage::backRequested, this, [this] { m_stack->setCurrentWidget(m_browser); });
    connect(&m_context, &AppContext::sessionChanged, this, &MainWindow::updateSession);
    connect(pullRequestCountsFor(m_context), &PullRequestCounts::changed, this, &MainWindow::updateNamespaceCounts);
    connect(&m_context, &AppContext::downloadFinished, this, [this](const hub::JobSnapshot &job) {
        const QString repo = QString::fromStdString(job.repo.id.str());
        statusBar()->showMessage(
            job.state == hub::JobState::Done
                ? tr("Download of %1 finished.").arg(repo)
                : tr("Download of %1 did not finish: %2")
                      .arg(repo, job.error ? QString::fromStdString(job.error->message) : tr("cancelled")),
            8000);
    });

    connect(&m_context, &AppContext::transferProblem, this, [this](const QString &message) {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Transfers"), message, QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open(); // not exec(): the event loop (and the transfers) go on
    });

    resize(1280, 800);
    restoreGeometry(m_context.settings().windowGeometry());
    restoreState(m_context.settings().windowState());
    updateSession();
    for (const auto &hook : registry.windowHooks()) // part 2: status widgets, drop targets
        hook(m_context, this);
}

MainWindow::~MainWindow() = default;

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_context.settings().setWindowGeometry(saveGeometry());
    m_context.settings().setWindowState(saveState());
    QMainWindow::closeEvent(event);
}

void MainWindow::updateSession()
{
    const auto &s = m_context.session();
    QString where = s.sandbox ? tr("the sandbox Hub (%1)").arg(s.endpoint) : s.endpoint;
    QString text;
    switch (s.status) {
    case SessionState::Status::Unknown: text = tr("Connecting to %1…").arg(where); break;
    case SessionState::Status::Anonymous:
        text = tr("Not signed in · %1<br><small>Public repos only.</small>").arg(where);
        break;
    case SessionState::Status::SignedIn:
        text = tr("<b>%1</b> on %2").arg(s.user.toHtmlEscaped(), where.toHtmlEscaped());
        if (!s.tokenRole.isEmpty())
            text += tr("<br><small>Token: %1 access</small>").arg(s.tokenRole.toHtmlEscaped());
        break;
    case SessionState::Status::Rejected:
        text =
            tr("<b>Sign-in failed</b> · %1<br><small>%2</small>").arg(where.toHtmlEscaped(), s.message.toHtmlEscaped());
        break;
    case SessionState::Status::Offline:
        text = tr("<b>Offline</b> · %1<br><small>%2</small>").arg(where.toHtmlEscaped(), s.message.toHtmlEscaped());
        break;
    }
    m_account->setText(text);
    statusBar()->showMessage(s.online() ? tr("Connected to %1").arg(s.endpoint) : QString());
    rebuildNamespaces();
    if (s.status != SessionState::Status::Unknown && m_stack->currentWidget() == m_browser &&
        m_browser->model()->rowCount() == 0) {
        const QStringList ns = m_context.namespaces();
        browse(m_type, m_author.isEmpty() && !ns.isEmpty() ? ns.first() : m_author);
    }
}

void MainWindow::rebuildNamespaces()
{
    qDeleteAll(m_namespaces->takeChildren());
    for (const QString &ns : m_context.namespaces()) {
        makeItem(m_namespaces, ns, NamespaceItem, ns); // tool tip and count: updateNamespaceCounts()
    }
    makeItem(m_namespaces, tr("Add a namespace…"), AddNamespaceItem, {});
    m_namespaces->setExpanded(true);
    updateNamespaceCounts();
    // Open pull requests are what a maintainer looks for first: count them in the background.
    if (m_context.session().online())
        for (const QString &ns : m_context.namespaces())
            pullRequestCountsFor(m_context)->count(ns);
}

void MainWindow::updateNamespaceCounts()
{
    const PullRequestCounts *counts = pullRequestCountsFor(m_context);
    for (int i = 0; i < m_namespaces->childCount(); ++i) {
        QTreeWidgetItem *item = m_namespaces->child(i);
        if (item->data(0, KindRole).toInt() != NamespaceItem)
            continue;
        const QString ns = item->data(0, ValueRole).toString();
        const int open = counts->openIn(ns);
        item->setText(0, open <= 0                  ? ns
                         : counts->isLowerBound(ns) ? tr("%1 · %n+ PR(s)", nullptr, open).arg(ns)
                                                    : tr("%1 · %n PR(s)", nullptr, open).arg(ns));
        QString tip = ns == m_context.session().user          ? tr("You")
                      : m_context.session().orgs.contains(ns) ? tr("An organisation you belong to")
                                                              : tr("A namespace you added");
        if (open > 0)
            tip += u'\n' + tr("%n open pull request(s), in %1 repo(s) of %2", nullptr, open)
                               .arg(counts->reposWithOpenIn(ns))
                               .arg(ns);
        item->setToolTip(0, tip);
        item->setData(0, Qt::AccessibleTextRole,
                      open > 0 ? tr("%1, %n open pull request(s)", nullptr, open).arg(ns) : ns);
    }
}

void MainWindow::sidebarActivated(QTreeWidgetItem *item)
{
    if (!item)
        return;
    switch (item->data(0, KindRole).toInt()) {
    case NamespaceItem: browse(m_type, item->data(0, ValueRole).toString()); break;
    case TypeItem: browse(static_cast<hub::RepoType>(item->data(0, ValueRole).toInt()), m_author); break;
    case PageItem: showPage(item->data(0, ValueRole).toString()); break;
    case AddNamespaceItem: addNamespace(); break;
    default: break;
    }
}

void MainWindow::addNamespace()
{
    bool ok = false;
    const QString ns = QInputDialog::getText(this, tr("Add a namespace"),
                                             tr("User or organisation name on the Hub (for example PellelNitram):"),
                                             QLineEdit::Normal, QString(), &ok)
                           .trimmed();
    if (!ok || ns.isEmpty())
        return;
    QStringList list = m_context.settings().projectNamespaces();
    if (!list.contains(ns))
        list << ns;
    m_context.settings().setProjectNamespaces(list);
    rebuildNamespaces();
    browse(m_type, ns);
}

void MainWindow::browse(hub::RepoType type, const QString &author)
{
    m_type = type;
    m_author = author;
    m_stack->setCurrentWidget(m_browser);
    m_browser->show(type, author);
}

void MainWindow::openRepo(const hub::RepoRef &repo)
{
    m_stack->setCurrentWidget(m_repoPage);
    const QString key = QString::fromStdString(std::string(hub::repoTypeName(repo.type)) + "/" + repo.id.str());
    const QString pinned = m_context.settings().pinnedRevision(key);
    m_repoPage->open(repo, pinned.isEmpty() ? QStringLiteral("main") : pinned);
}

bool MainWindow::showPage(const QString &id)
{
    for (int i = 0; i < m_stack->count(); ++i) {
        if (m_stack->widget(i)->objectName() == id && !id.isEmpty()) {
            m_stack->setCurrentIndex(i);
            // Reached from a menu or an error state's button: the sidebar shows where the user is.
            for (QTreeWidgetItemIterator it(m_sidebar); *it; ++it)
                if ((*it)->data(0, KindRole).toInt() == PageItem && (*it)->data(0, ValueRole).toString() == id)
                    m_sidebar->setCurrentItem(*it);
            return true;
        }
    }
    return false;
}

} // namespace hubui
