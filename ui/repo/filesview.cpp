#include "ui/repo/filesview.h"

#include "ui/core/appcontext.h"
#include "ui/core/cachestatus.h"
#include "ui/core/format.h"
#include "ui/core/loadstatewidget.h"
#include "ui/repo/filelistmodel.h"

#include <QDesktopServices>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
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
};

} // namespace

FilesView::FilesView(AppContext &context, QWidget *parent)
    : QWidget(parent), m_context(context), m_model(new FileListModel(this)), m_proxy(new QSortFilterProxyModel(this)),
      m_view(new QTreeView), m_state(new LoadStateWidget(m_view, this)), m_info(new QLabel(this)),
      m_downloadSelected(new QPushButton(tr("Download &selected"), this)),
      m_downloadAll(new QPushButton(tr("Download &whole revision"), this)),
      m_open(new QPushButton(tr("&Open file"), this)), m_openFolder(new QPushButton(tr("Show in &folder"), this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(FileListModel::SortRole);
    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setAlternatingRowColors(true);
    m_view->setUniformRowHeights(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(FileListModel::Path, Qt::AscendingOrder);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAccessibleName(tr("Files"));
    m_view->header()->setSectionResizeMode(FileListModel::Path, QHeaderView::Stretch);
    m_view->header()->setStretchLastSection(false);
    for (int c = FileListModel::Size; c < FileListModel::ColumnCount; ++c)
        m_view->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);

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
    connect(m_downloadSelected, &QPushButton::clicked, this, [this] { download(m_commit, selectedPaths()); });
    connect(m_downloadAll, &QPushButton::clicked, this, [this] { download(m_commit, {}); });
    const auto openCached = [this](bool folder) {
        const QStringList paths = selectedPaths();
        if (paths.isEmpty())
            return;
        const auto dir = snapshotDir(m_context.cacheDir().toStdString(), m_repo, m_commit.toStdString());
        const QString file = QString::fromStdString((dir / paths.first().toStdString()).string());
        QDesktopServices::openUrl(QUrl::fromLocalFile(folder ? QFileInfo(file).absolutePath() : file));
    };
    connect(m_open, &QPushButton::clicked, this, [openCached] { openCached(false); });
    connect(m_openFolder, &QPushButton::clicked, this, [openCached] { openCached(true); });
    connect(m_view, &QTreeView::activated, this, [openCached, this](const QModelIndex &idx) {
        if (idx.data(FileListModel::CachedRole).toBool() ||
            m_proxy->mapToSource(idx).data(FileListModel::CachedRole).toBool())
            openCached(false);
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
}

void FilesView::setRepo(const hub::RepoRef &repo, const QString &revision)
{
    m_job.cancel();
    m_repo = repo;
    m_revision = revision;
    m_commit.clear();
    m_model->setEntries({});
    m_state->showLoading(tr("Listing the files of %1…").arg(revision));
    m_job = m_context.runHub(
        this,
        [repo, rev = revision.toStdString()](hub::HubClient &client) -> hub::Expected<Listing> {
            auto info = client.repoInfo(repo, rev);
            if (!info)
                return info.error();
            hub::TreeQuery q;
            q.revision = info->sha;
            q.recursive = true;
            auto tree = client.tree(repo, q);
            if (!tree)
                return tree.error();
            return Listing{info->sha, std::move(*tree)};
        },
        [this](hub::Expected<Listing> answer) {
            if (!answer) {
                m_state->showError(qstr(answer.error().message));
                return;
            }
            m_commit = qstr(answer->commit);
            m_model->setEntries(std::move(answer->entries));
            if (m_model->rowCount() == 0)
                m_state->showEmpty(tr("This revision has no files."));
            else
                m_state->showContent();
            refreshCached();
            emit loaded();
        });
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
    for (const QModelIndex &idx : m_view->selectionModel()->selectedRows())
        out << idx.data(FileListModel::PathRole).toString();
    return out;
}

void FilesView::updateButtons()
{
    const auto rows = m_view->selectionModel()->selectedRows();
    const bool cached = rows.size() == 1 && rows.first().data(FileListModel::CachedRole).toBool();
    m_downloadSelected->setEnabled(!rows.isEmpty() && !m_commit.isEmpty());
    m_downloadAll->setEnabled(!m_commit.isEmpty());
    m_open->setEnabled(cached);
    m_openFolder->setEnabled(cached);
    m_info->setText(m_commit.isEmpty() ? QString()
                                       : tr("%1 files at %2 · %3 in the local cache")
                                             .arg(m_model->rowCount())
                                             .arg(m_commit.left(7))
                                             .arg(m_model->cachedCount()));
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
                              ? tr("Downloading revision %1… (see Transfers)").arg(revision.left(7))
                              : tr("Downloading %n file(s)… (see Transfers)", nullptr, static_cast<int>(paths.size())))
                       : tr("Could not start the download: %1").arg(qstr(id.error().message)));
}

} // namespace hubui
