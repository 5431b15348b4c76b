#include "ui/repo/cardview.h"
#include "ui/core/plaintext.h"

#include "ui/core/appcontext.h"
#include "ui/core/format.h"
#include "ui/core/loadstatewidget.h"

#include "hub/card/cardimages.h"
#include "hub/card/cardmetadata.h"

#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTextBrowser>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>

#include <map>

namespace hubui {

namespace {

constexpr size_t kMaxImages = 12;
constexpr size_t kMaxImageBytes = 4u << 20;

struct LoadedCard {
    hub::ModelCard card;
    bool missing = false;
    std::map<std::string, std::string> images; // repo path -> bytes
};

QString imageUrl(const std::string &repoPath)
{
    return QStringLiteral("hubimg:") + QString::fromStdString(repoPath);
}

} // namespace

CardView::CardView(AppContext &context, QWidget *parent)
    : QWidget(parent), m_context(context), m_browser(new QTextBrowser), m_fields(new QStandardItemModel(this)),
      m_evals(new QStandardItemModel(this)), m_fieldsView(new QTreeView), m_evalView(new QTreeView),
      m_warnings(plainLabel())
{
    m_browser->setOpenExternalLinks(true);
    m_browser->setAccessibleName(tr("Model card"));
    m_fieldsView->setModel(m_fields);
    m_fieldsView->setRootIsDecorated(false);
    m_fieldsView->setAccessibleName(tr("Card metadata"));
    m_fieldsView->setWordWrap(true);
    m_evalView->setModel(m_evals);
    m_evalView->setRootIsDecorated(false);
    m_evalView->setAccessibleName(tr("Evaluation results"));
    m_warnings->setWordWrap(true);

    auto *side = new QWidget;
    auto *sl = new QVBoxLayout(side);
    sl->setContentsMargins(0, 0, 0, 0);
    auto *fieldsTitle = new QLabel(tr("<b>Metadata</b>"));
    auto *evalTitle = new QLabel(tr("<b>Evaluation results</b>"));
    sl->addWidget(fieldsTitle);
    sl->addWidget(m_fieldsView, 2);
    sl->addWidget(evalTitle);
    sl->addWidget(m_evalView, 1);
    sl->addWidget(m_warnings);

    auto *split = new QSplitter;
    split->addWidget(m_browser);
    split->addWidget(side);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    m_state = new LoadStateWidget(split, this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_state);

    connect(m_state, &LoadStateWidget::retryRequested, this, [this] { setRepo(m_repo, m_revision); });
    connect(m_state, &LoadStateWidget::cancelRequested, this, [this] {
        m_job.cancel();
        m_state->showEmpty(tr("Loading the card was cancelled."));
    });
}

CardView::~CardView()
{
    m_job.cancel();
}

void CardView::setRepo(const hub::RepoRef &repo, const QString &revision)
{
    m_job.cancel();
    m_repo = repo;
    m_revision = revision;
    m_state->showLoading(tr("Loading the model card at %1…").arg(revision));
    m_job = m_context.runHub(
        this,
        [repo, rev = revision.toStdString()](hub::HubClient &client) -> hub::Expected<LoadedCard> {
            LoadedCard out;
            auto text = client.fetchSmallFile(repo, rev, "README.md", size_t{2} << 20);
            if (!text) {
                if (text.error().code == hub::ErrorCode::EntryNotFound) {
                    out.missing = true;
                    return out;
                }
                return text.error();
            }
            out.card = hub::parseModelCard(*text);
            for (const auto &ref : hub::findImageReferences(out.card.body)) {
                if (ref.kind != hub::ImageRefKind::RepoRelative || out.images.count(ref.repoPath))
                    continue;
                if (out.images.size() >= kMaxImages)
                    break;
                auto bytes = client.fetchSmallFile(repo, rev, ref.repoPath, kMaxImageBytes);
                if (bytes)
                    out.images[ref.repoPath] = std::move(*bytes);
            }
            return out;
        },
        [this](hub::Expected<LoadedCard> answer) {
            if (!answer) {
                m_state->showError(answer.error());
                return;
            }
            m_fields->clear();
            m_evals->clear();
            if (answer->missing) {
                m_state->showEmpty(tr("This revision has no model card (README.md). A card tells people what the "
                                      "model does, its license and how well it works."));
                emit loaded();
                return;
            }
            const auto &card = answer->card;
            auto *doc = m_browser->document();
            for (const auto &[path, bytes] : answer->images) {
                const QImage img = QImage::fromData(QByteArray::fromStdString(bytes));
                if (!img.isNull())
                    doc->addResource(QTextDocument::ImageResource, QUrl(imageUrl(path)), img);
            }
            const std::string body =
                hub::rewriteImageTargets(card.body, [&answer](const hub::ImageRef &ref) -> std::optional<std::string> {
                    if (ref.kind == hub::ImageRefKind::RepoRelative && answer->images.count(ref.repoPath))
                        return imageUrl(ref.repoPath).toStdString();
                    return std::nullopt;
                });
            m_browser->setMarkdown(qstr(body));

            m_fields->setHorizontalHeaderLabels({tr("Field"), tr("Value")});
            for (const auto &f : card.metadata.fields) {
                if (f.key == "model-index")
                    continue;
                m_fields->appendRow({new QStandardItem(qstr(f.key)), new QStandardItem(qstr(f.display))});
            }
            // Metric and value first: they are what a reader looks for, and stay visible when the
            // side pane is narrow; the full dataset and task are in each row's tooltip.
            m_evals->setHorizontalHeaderLabels({tr("Metric"), tr("Value"), tr("Dataset"), tr("Task")});
            for (const auto &e : card.metadata.evalResults) {
                const QString task = qstr(e.taskName.empty() ? e.taskType : e.taskName);
                const QString tip =
                    tr("%1 on %2 (%3): %4").arg(qstr(e.metricLabel()), qstr(e.datasetLabel()), task, qstr(e.valueText));
                QList<QStandardItem *> row{new QStandardItem(qstr(e.metricLabel())),
                                           new QStandardItem(qstr(e.valueText)),
                                           new QStandardItem(qstr(e.datasetLabel())), new QStandardItem(task)};
                for (auto *item : row)
                    item->setToolTip(tip);
                m_evals->appendRow(row);
            }
            m_fieldsView->resizeColumnToContents(0);
            for (int c = 0; c < 3; ++c)
                m_evalView->resizeColumnToContents(c);
            QStringList warnings;
            for (const auto &w : card.warnings)
                warnings << qstr(w);
            m_warnings->setText(warnings.isEmpty() ? QString()
                                                   : tr("Problems with this card: %1").arg(warnings.join(u' ')));
            if (card.metadata.evalResults.empty()) {
                m_evals->appendRow(new QStandardItem(tr("No evaluation results in this card.")));
                m_evalView->setFirstColumnSpanned(0, {}, true); // the columns are sized for numbers
            }
            m_state->showContent();
            emit loaded();
        });
}

} // namespace hubui
