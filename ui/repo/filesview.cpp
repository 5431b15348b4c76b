#include "ui/repo/filesview.h"
#include "ui/core/plaintext.h"

#include "ui/core/appcontext.h"
#include "ui/core/cachestatus.h"
#include "ui/core/format.h"
#include "ui/core/loadstatewidget.h"
#include "ui/repo/filetreemodel.h"

#include <QAction>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>

namespace hubui {

namespace {

struct Listing {
    std::string commit;
    std::vector<hub::TreeEntry> entries;
    bool recursive = false;
};

} // namespace

FilesView::FilesView(AppContext &context, QWidget *parent)
    : QWidget(parent), m_context(context), m_model(new FileTreeModel(this)), m_proxy(new QSortFilterProxyModel(this)),
      m_view(new QTreeView), m_state(new LoadStateWidget(m_view, this)), m_info(plainLabel(this)),
      m_downloadSelected(new QPushButton(tr("Download &selected"), this)),
      m_downloadAll(new QPushButton(tr("Download &whole revision"), this)), m_open(new QPushButton(tr("&Open"), this)),
      m_openFolder(new QPushButton(tr("Show in &folder"), this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(FileTreeModel::SortRole);
    m_view->setModel(m_proxy);
    m_view->setAlternatingRowColors(true);
    m_view->setUniformRowHeights(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(FileTreeModel::Name, Qt::AscendingOrder);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setAccessibleName(tr("Files"));
    m_view->header()->setSectionResizeMode(FileTreeModel::Name, QHeaderView::Stretch);
    m_view->header()->setStretchLastSection(false);
    for (int c = FileTreeModel::Size; c < FileTreeModel::ColumnCount; ++c)
        m_view->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_info->setWordWrap(true);
    m_downloadSelected->setToolTip(tr("Download the selected files and folders into the local cache"));
    m_open->setToolTip(tr("Open the selected cached file, or the cached folder, with the default application"));
    m_openFolder->setToolTip(tr("Show the folder that holds the selected cached file"));

    auto *row = new QHBoxLayout;
    row->addWidget(m_info, 1);
    row->addWidget(m_downloadSelected);
    row->addWidget(m_downloadAll);
    row->addWidget(m_open);
    row->addWidget(m_openFolder);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_state, 1);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &FilesView::updateButtons);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &FilesView::updateButtons);
    connect(m_model, &FileTreeModel::folderRequested, this, &FilesView::listFolder);
    // Download by the revision the user picked (a branch, tag or PR), not by the commit it
    // resolved to: the engine then writes refs/<name> like hf_hub_download does, so Python finds
    // the files offline by that name and a prune of unreferenced revisions does not remove them.
    connect(m_downloadSelected, &QPushButton::clicked, this, [this] { download(downloadRevision(), selectedPaths()); });
    connect(m_downloadAll, &QPushButton::clicked, this, [this] { download(downloadRevision(), {}); });
    connect(m_open, &QPushButton::clicked, this, [this] { openCached(false); });
    connect(m_openFolder, &QPushButton::clicked, this, [this] { openCached(true); });
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex &idx) {
        if (!idx.data(FileTreeModel::IsFolderRole).toBool() && idx.data(FileTreeModel::CachedRole).toBool())
            openCached(false);
    });
    connect(m_view, &QTreeView::customContextMenuRequested, this, [this](const QPoint &pos) {
        if (!m_view->indexAt(pos).isValid())
            return;
        QMenu menu(this);
        for (QPushButton *b : {m_downloadSelected, m_open, m_openFolder}) {
            QAction *a = menu.addAction(b->text(), b, &QPushButton::click);
            a->setEnabled(b->isEnabled());
        }
        menu.exec(m_view->viewport()->mapToGlobal(pos));
    });
    connect(&m_context, &AppContext::cacheChanged, this, [this](const hub::RepoRef &repo) {
        if (repo == m_repo)
            refreshCached();
    });
    connect(m_state, &LoadStateWidget::retryRequested, this, [this] { setRepo(m_repo, m_revision); });
    connect(m_state, &LoadStateWidget::cancelRequested, this, [this] {
        m_job.cancel();
        m_state->showEmpty(tr("Listing the files was cancelled. Pick a revision above to list them again."));
    });
    updateButtons();
}

FilesView::~FilesView()
{
    m_job.cancel();
    m_cacheJob.cancel();
    for (const auto &j : m_folderJobs)
        j.cancel();
}

void FilesView::setRepo(const hub::RepoRef &repo, const QString &revision)
{
    m_job.cancel();
    for (const auto &j : m_folderJobs)
        j.cancel();
    m_folderJobs.clear();
    ++m_generation;
    m_folderSizesUnavailable = false; // asked again once per repo opened
    m_repo = repo;
    m_revision = revision;
    m_commit.clear();
    m_model->clear();
    updateButtons();
    m_state->showLoading(tr("Listing the files of %1…").arg(revision));
    m_job = m_context.runHub(
        this,
        [repo, rev = revision.toStdString()](hub::HubClient &client) -> hub::Expected<Listing> {
            auto info = client.repoInfo(repo, rev);
            if (!info)
                return info.error();
            // The sibling count says how big the tree is: list a small one whole, a big one lazily.
            hub::TreeQuery q;
            q.revision = info->sha;
            q.recursive = info->siblings.size() <= kWholeTreeFiles;
            auto tree = client.tree(repo, q);
            if (!tree)
                return tree.error();
            return Listing{info->sha, std::move(*tree), q.recursive};
        },
        [this](hub::Expected<Listing> answer) {
            if (!answer) {
                m_state->showError(answer.error());
                return;
            }
            m_commit = qstr(answer->commit);
            const bool lazy = !answer->recursive;
            m_model->setEntries(std::move(answer->entries), answer->recursive);
            if (lazy)
                fetchFolderSizes(QString());
            if (m_model->rowCount() == 0)
                m_state->showEmpty(tr("This revision has no files. Pick another revision above, or upload files "
                                      "to this repo."));
            else
                m_state->showContent();
            updateButtons();
            refreshCached();
            emit loaded();
        });
}

void FilesView::listFolder(const QString &path)
{
    if (m_commit.isEmpty())
        return;
    const quint64 generation = m_generation;
    m_folderJobs.push_back(m_context.runHub(
        this,
        [repo = m_repo, commit = m_commit.toStdString(), folder = path.toStdString()](hub::HubClient &client) {
            hub::TreeQuery q;
            q.revision = commit;
            q.path = folder;
            return client.tree(repo, q);
        },
        [this, path, generation](hub::Expected<std::vector<hub::TreeEntry>> answer) {
            if (generation != m_generation)
                return;
            if (answer) {
                m_model->setFolderEntries(path, std::move(*answer));
                fetchFolderSizes(path);
            } else {
                m_model->setFolderFailed(path);
                m_info->setText(tr("Could not list %1: %2 Close and open the folder to try again.")
                                    .arg(path, qstr(answer.error().message)));
            }
            std::erase_if(m_folderJobs, [](const JobHandle &j) { return !j.isRunning(); });
            updateButtons();
            emit folderLoaded(path);
        }));
}

void FilesView::fetchFolderSizes(const QString &path)
{
    if (m_commit.isEmpty() || m_folderSizesUnavailable)
        return;
    std::vector<std::string> folders;
    for (const QString &f : m_model->foldersWithoutSize(path))
        folders.push_back(f.toStdString());
    if (folders.empty())
        return;
    using Sizes = std::vector<std::pair<std::string, uint64_t>>;
    struct Answer {
        Sizes sizes;
        bool unavailable = false;
    };
    const quint64 generation = m_generation;
    m_folderJobs.push_back(m_context.runHub(
        this,
        [repo = m_repo, commit = m_commit.toStdString(), folders = std::move(folders)](hub::HubClient &client) {
            Answer a;
            for (const auto &folder : folders) {
                auto size = client.folderSize(repo, commit, folder);
                if (size) {
                    a.sizes.emplace_back(folder, *size);
                } else {
                    // The folder was just listed, so any refusal (not found included) means this Hub
                    // or mirror does not serve the route as we ask: stop asking. A network problem
                    // only ends this round. Either way sizes stay "at least …".
                    const auto code = size.error().code;
                    a.unavailable = !hub::isTransient(code) && code != hub::ErrorCode::Cancelled;
                    break;
                }
            }
            return a;
        },
        [this, generation](Answer a) {
            if (generation != m_generation)
                return;
            m_folderSizesUnavailable = m_folderSizesUnavailable || a.unavailable;
            m_model->setFolderSizes(a.sizes);
            std::erase_if(m_folderJobs, [](const JobHandle &j) { return !j.isRunning(); });
            emit folderSizesAnswered(a.unavailable);
        }));
}

void FilesView::refreshCached()
{
    if (m_commit.isEmpty())
        return;
    m_cacheJob = runJob(
        this,
        [root = std::filesystem::path(m_context.cacheDir().toStdString()), repo = m_repo,
         commit = m_commit.toStdString()](const auto &) { return cachedPathsAt(root, repo, commit); },
        [this](std::set<std::string> paths) {
            m_model->setCachedPaths(std::move(paths));
            updateButtons();
            emit cacheInfoUpdated();
        });
}

QStringList FilesView::selectedPaths() const
{
    QStringList out;
    for (const QModelIndex &idx : m_view->selectionModel()->selectedRows()) {
        const QString path = idx.data(FileTreeModel::PathRole).toString();
        out << (idx.data(FileTreeModel::IsFolderRole).toBool() ? path + QLatin1Char('/') : path);
    }
    return out;
}

QString FilesView::cachedLocalPath() const
{
    const QModelIndex idx = m_view->selectionModel()->currentIndex();
    if (!idx.isValid() || m_commit.isEmpty() || idx.data(FileTreeModel::CachedFilesRole).toInt() == 0)
        return {};
    const auto dir = snapshotDir(m_context.cacheDir().toStdString(), m_repo, m_commit.toStdString());
    return QString::fromStdString((dir / idx.data(FileTreeModel::PathRole).toString().toStdString()).string());
}

void FilesView::openCached(bool containingFolder)
{
    const QString local = cachedLocalPath();
    if (local.isEmpty())
        return;
    QDesktopServices::openUrl(QUrl::fromLocalFile(containingFolder ? QFileInfo(local).absolutePath() : local));
}

void FilesView::updateButtons()
{
    const auto rows = m_view->selectionModel()->selectedRows();
    const bool cached = !cachedLocalPath().isEmpty();
    m_downloadSelected->setEnabled(!rows.isEmpty() && !m_commit.isEmpty());
    m_downloadAll->setEnabled(!m_commit.isEmpty());
    m_open->setEnabled(cached);
    m_openFolder->setEnabled(cached);
    if (m_commit.isEmpty()) {
        m_info->clear();
        return;
    }
    const QString files = m_model->isComplete() ? tr("%n file(s)", nullptr, m_model->fileCount())
                                                : tr("%n file(s) listed so far", nullptr, m_model->fileCount());
    m_info->setText(
        tr("%1 at commit %2 · %3 in the local cache").arg(files, m_commit.left(7)).arg(m_model->cachedCount()));
    m_info->setToolTip(m_model->isComplete() ? QString()
                                             : tr("This repo has many files: each folder is listed when you open it."));
}

QString FilesView::downloadRevision() const
{
    return m_revision.isEmpty() ? m_commit : m_revision;
}

void FilesView::download(const QString &revision, const QStringList &paths)
{
    hub::DownloadRequest request;
    request.repo = m_repo;
    request.revision = revision.toStdString();
    for (const QString &p : paths)
        request.paths.push_back(p.toStdString());
    auto id = m_context.submitDownload(std::move(request));
    m_info->setText(id ? (paths.isEmpty()
                              ? tr("Downloading revision %1… (see Transfers)")
                                    .arg(revision.size() == 40 ? revision.left(7) : revision)
                              : tr("Downloading %n item(s)… (see Transfers)", nullptr, static_cast<int>(paths.size())))
                       : tr("Could not start the download: %1").arg(qstr(id.error().message)));
}

} // namespace hubui
