#include "ui/compare/comparisonwidget.h"
#include "ui/core/plaintext.h"

#include "ui/compare/changedfilesmodel.h"
#include "ui/compare/revisionfetch.h"
#include "ui/compare/valuechangemodel.h"
#include "ui/core/appcontext.h"
#include "ui/core/format.h"
#include "ui/core/loadstatewidget.h"

#include <QCheckBox>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace hubui {

namespace {

/// Hides unchanged files unless asked to show them.
class ChangedOnlyProxy final : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    bool showUnchanged = false;
    void refresh() { invalidateFilter(); }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        if (showUnchanged)
            return true;
        const auto change = sourceModel()->index(row, 0, parent).data(ChangedFilesModel::ChangeRole).toInt();
        return change != static_cast<int>(ChangedFile::Change::Unchanged);
    }
};

QTreeView *makeTable(QAbstractItemModel *model, const QString &name, QWidget *parent)
{
    auto *v = new QTreeView(parent);
    v->setModel(model);
    v->setRootIsDecorated(false);
    v->setAlternatingRowColors(true);
    v->setUniformRowHeights(true);
    v->setAccessibleName(name);
    v->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return v;
}

} // namespace

ComparisonWidget::ComparisonWidget(AppContext &context, QWidget *parent)
    : QWidget(parent), m_context(context), m_files(new ChangedFilesModel(this)), m_proxy(new ChangedOnlyProxy(this)),
      m_config(new ValueChangeModel(this)), m_card(new ValueChangeModel(this))
{
    auto *body = new QWidget;
    m_headline = plainLabel(body);
    QFont hf = m_headline->font();
    hf.setPointSizeF(hf.pointSizeF() * 1.3);
    hf.setBold(true);
    m_headline->setFont(hf);
    m_headline->setWordWrap(true);
    m_headline->setAccessibleName(tr("Comparison headline"));
    m_summary = plainLabel(body);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_showUnchanged = new QCheckBox(tr("Show unchanged files"), body);

    m_proxy->setSourceModel(m_files);
    m_proxy->setSortRole(ChangedFilesModel::SortRole);
    m_filesView = makeTable(m_proxy, tr("Changed files"), body);
    m_filesView->setSortingEnabled(true);
    m_filesView->sortByColumn(ChangedFilesModel::Path, Qt::AscendingOrder);
    m_filesView->header()->setSectionResizeMode(ChangedFilesModel::Path, QHeaderView::Stretch);
    m_filesView->header()->setStretchLastSection(false);

    m_details = new QTabWidget(body);
    auto makeDiffTab = [this](ValueChangeModel *model, QLabel *&note, const QString &name) {
        auto *w = new QWidget;
        auto *l = new QVBoxLayout(w);
        note = plainLabel(w);
        note->setWordWrap(true);
        l->addWidget(note);
        auto *table = makeTable(model, name, w);
        table->header()->setSectionResizeMode(ValueChangeModel::Before, QHeaderView::Stretch);
        table->header()->setSectionResizeMode(ValueChangeModel::After, QHeaderView::Stretch);
        table->header()->setStretchLastSection(false);
        l->addWidget(table, 1);
        return w;
    };
    m_details->addTab(makeDiffTab(m_config, m_configNote, tr("config.json changes")), tr("config.json, key by key"));
    m_details->addTab(makeDiffTab(m_card, m_cardNote, tr("Card metadata changes")), tr("Card metadata"));
    m_diff = new QPlainTextEdit(body);
    m_diff->setReadOnly(true);
    m_diff->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_diff->setAccessibleName(tr("Text difference"));
    m_diff->setPlaceholderText(
        tr("Select a changed text file (README.md, config.json…) to see what changed line by line."));
    m_details->addTab(m_diff, tr("Text diff"));

    auto *split = new QSplitter(Qt::Vertical, body);
    split->addWidget(m_filesView);
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *bl = new QVBoxLayout(body);
    bl->setContentsMargins(0, 0, 0, 0);
    bl->addWidget(m_headline);
    bl->addWidget(m_summary);
    bl->addWidget(m_showUnchanged);
    bl->addWidget(split, 1);

    m_state = new LoadStateWidget(body, this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_state);
    m_state->showEmpty(tr("Pick two revisions to compare."));

    connect(m_showUnchanged, &QCheckBox::toggled, this, [this](bool on) {
        static_cast<ChangedOnlyProxy *>(m_proxy)->showUnchanged = on;
        static_cast<ChangedOnlyProxy *>(m_proxy)->refresh();
    });
    connect(m_filesView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showTextDiffFor(current); });
    connect(m_state, &LoadStateWidget::retryRequested, this, [this] { load(m_repo, m_base, m_head); });
    connect(m_state, &LoadStateWidget::cancelRequested, this, [this] {
        cancel();
        m_state->showEmpty(tr("The comparison was cancelled."));
    });
}

ComparisonWidget::~ComparisonWidget()
{
    cancel();
}

void ComparisonWidget::cancel()
{
    m_job.cancel();
    m_diffJob.cancel();
}

void ComparisonWidget::load(const hub::RepoRef &repo, const QString &base, const QString &head)
{
    cancel();
    m_repo = repo;
    m_base = base;
    m_head = head;
    m_result.reset();
    m_state->showLoading(base.isEmpty() ? tr("Listing the files of %1…").arg(head)
                                        : tr("Comparing %1 with %2…").arg(base, head));
    m_job = m_context.runHub(
        this,
        [repo, b = base.toStdString(), h = head.toStdString()](hub::HubClient &client) -> hub::Expected<Comparison> {
            auto pair = fetchRevisionPair(client, repo, b, h);
            if (!pair)
                return pair.error();
            return buildComparison(*pair);
        },
        [this](hub::Expected<Comparison> answer) {
            if (!answer) {
                m_state->showError(answer.error());
                return;
            }
            show(std::move(*answer));
            emit loaded();
        });
}

void ComparisonWidget::show(Comparison c)
{
    m_headline->setText(c.headline);
    QString summary;
    // A revision given as a commit id needs no "(commit)" after it: show the short id once.
    const auto label = [](const std::string &rev, const std::string &commit) {
        return rev == commit || rev.size() == 40 ? shortCommit(rev) : tr("%1 (%2)").arg(qstr(rev), shortCommit(commit));
    };
    if (!c.base.empty())
        summary += tr("%1 → %2. ").arg(label(c.base, c.baseCommit), label(c.head, c.headCommit));
    summary += tr("%n file(s) added, ", nullptr, c.added) + tr("%n removed, ", nullptr, c.removed) +
               tr("%n changed", nullptr, c.changed);
    if (c.renamed > 0)
        summary += tr(", %n renamed", nullptr, c.renamed);
    summary += tr("; size change %1.").arg(formatSizeDelta(c.totalSizeDelta));
    for (const QString &s : c.summary)
        summary += u'\n' + QStringLiteral("• ") + s;
    m_summary->setText(summary);
    m_files->setFiles(c.files);
    m_config->setChanges(c.configChanges);
    m_card->setChanges(c.cardChanges);
    m_configNote->setText(!c.configNote.isEmpty()   ? c.configNote
                          : c.configChanges.empty() ? tr("config.json is the same in both revisions.")
                                                    : tr("%n key(s) of config.json changed.", nullptr,
                                                         static_cast<int>(c.configChanges.size())));
    m_cardNote->setText(!c.cardNote.isEmpty() ? c.cardNote
                        : c.cardChanges.empty()
                            ? tr("The card's metadata is the same in both revisions.")
                            : tr("%n metadata field(s) changed.", nullptr, static_cast<int>(c.cardChanges.size())));
    m_diff->clear();
    m_result = std::move(c);
    if (m_files->rowCount() > 0 && m_result->added + m_result->removed + m_result->changed + m_result->renamed == 0)
        m_state->showEmpty(tr("Nothing changed between these two revisions."));
    else
        m_state->showContent();
}

void ComparisonWidget::showTextDiffFor(const QModelIndex &proxyIndex)
{
    m_diffJob.cancel();
    if (!proxyIndex.isValid() || !m_result)
        return;
    const auto &f = m_files->fileAt(m_proxy->mapToSource(proxyIndex).row());
    if (!isDiffableTextFile(f.path, f.lfs, std::max(f.oldSize, f.newSize))) {
        m_diff->setPlainText(
            f.lfs ? tr("%1 is stored with Git LFS (large or binary): there is no line-by-line "
                       "difference to show. Its size changed by %2.")
                        .arg(qstr(f.path), formatSizeDelta(f.sizeDelta()))
                  : tr("%1 is not a small text file: no line-by-line difference is shown.").arg(qstr(f.path)));
        emit textDiffLoaded();
        return;
    }
    m_diff->setPlainText(tr("Loading the difference of %1…").arg(qstr(f.path)));
    const std::string oldPath =
        f.change == ChangedFile::Change::Added ? std::string() : (f.oldPath.empty() ? f.path : f.oldPath);
    const std::string newPath = f.change == ChangedFile::Change::Removed ? std::string() : f.path;
    m_diffJob = m_context.runHub(
        this,
        [repo = m_repo, base = m_result->baseCommit, head = m_result->headCommit, oldPath,
         newPath](hub::HubClient &client) { return fetchTextDiff(client, repo, base, head, oldPath, newPath); },
        [this](hub::Expected<std::string> diff) {
            m_diff->setPlainText(diff ? qstr(*diff) : qstr(diff.error().message));
            emit textDiffLoaded();
        });
    m_details->setCurrentWidget(m_diff);
}

} // namespace hubui
