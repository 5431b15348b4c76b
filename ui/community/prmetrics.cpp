#include "ui/community/prmetrics.h"

#include "ui/core/appcontext.h"
#include "ui/core/format.h"
#include "ui/core/loadstatewidget.h"
#include "ui/core/plaintext.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>

namespace hubui {

namespace {

struct CardPair {
    std::string before;
    std::string after;
    bool beforeMissing = false;
    bool afterMissing = false;
};

// Cards larger than this are not model cards a person wrote; the Metrics tab stops there too.
constexpr size_t kMaxCardBytes = size_t{1} << 20;

QString number(double v)
{
    // As many digits as the values need (0.912, 12.5), without exponent noise.
    return QLocale().toString(v, 'g', 6);
}

} // namespace

MetricChangeModel::MetricChangeModel(QObject *parent) : QAbstractTableModel(parent) {}

int MetricChangeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_changes.size());
}

int MetricChangeModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString MetricChangeModel::changeText(const hub::MetricChange &c)
{
    using K = hub::MetricChange::Kind;
    switch (c.kind) {
    case K::Unchanged: return tr("unchanged");
    case K::Added: return tr("new");
    case K::Removed: return tr("removed");
    case K::Rewritten: return tr("changed");
    case K::Changed: {
        const QString sign = c.delta > 0 ? QStringLiteral("+") : QStringLiteral("\u2212");
        QString text = sign + number(std::abs(c.delta));
        if (c.before && *c.before != 0)
            text +=
                QStringLiteral(" (%1%2 %)").arg(sign, QLocale().toString(std::abs(c.delta / *c.before) * 100, 'f', 1));
        return text;
    }
    }
    return {};
}

QVariant MetricChangeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const hub::MetricChange &c = m_changes[static_cast<size_t>(index.row())];
    if (role == KindRole)
        return static_cast<int>(c.kind);
    if (role == DeltaRole)
        return c.kind == hub::MetricChange::Kind::Changed ? QVariant(c.delta) : QVariant();
    const auto value = [](const std::string &text) { return text.empty() ? QStringLiteral("—") : qstr(text); };
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Metric: return qstr(c.metric);
        case Dataset: return qstr(c.dataset);
        case Before: return value(c.beforeText);
        case After: return value(c.afterText);
        case Change: return changeText(c);
        default: return {};
        }
    }
    if (role == Qt::AccessibleTextRole || role == Qt::ToolTipRole) {
        if (index.column() == Before || index.column() == After || index.column() == Change) {
            const QString before = c.beforeText.empty() ? tr("no value") : qstr(c.beforeText);
            const QString after = c.afterText.empty() ? tr("no value") : qstr(c.afterText);
            return tr("%1: %2 on %3, %4 in this pull request (%5)")
                .arg(qstr(c.label), before, m_beforeLabel, after, changeText(c));
        }
        return {};
    }
    if (role == Qt::TextAlignmentRole && (index.column() == Before || index.column() == After))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::FontRole && index.column() == Change && c.kind != hub::MetricChange::Kind::Unchanged) {
        QFont f;
        f.setBold(true);
        return f;
    }
    return {};
}

QVariant MetricChangeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return {};
    switch (section) {
    case Metric: return tr("Metric");
    case Dataset: return tr("Dataset");
    case Before: return m_beforeLabel;
    case After: return m_afterLabel;
    case Change: return tr("Change");
    default: return {};
    }
}

void MetricChangeModel::setChanges(std::vector<hub::MetricChange> changes, const QString &beforeLabel,
                                   const QString &afterLabel)
{
    beginResetModel();
    m_changes = std::move(changes);
    m_beforeLabel = beforeLabel;
    m_afterLabel = afterLabel;
    endResetModel();
}

PullRequestMetrics::PullRequestMetrics(AppContext &context, QWidget *parent)
    : QWidget(parent), m_context(context), m_model(new MetricChangeModel(this)), m_summary(plainLabel(this)),
      m_table(new QTableView)
{
    m_summary->setWordWrap(true);
    m_summary->setAccessibleName(tr("What the pull request changes in the evaluation results"));
    m_table->setModel(m_model);
    m_table->setAccessibleName(tr("Evaluation results: target branch and pull request"));
    m_table->setTabKeyNavigation(false);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    auto *body = new QWidget;
    auto *bl = new QVBoxLayout(body);
    bl->setContentsMargins(0, 0, 0, 0);
    bl->addWidget(m_summary);
    bl->addWidget(m_table, 1);
    m_state = new LoadStateWidget(body, this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_state);
    connect(m_state, &LoadStateWidget::retryRequested, this, [this] { load(m_repo, m_target, m_head, m_targetLabel); });
    connect(m_state, &LoadStateWidget::cancelRequested, this, [this] {
        m_job.cancel();
        m_state->showEmpty(tr("Reading the cards was cancelled."));
    });
}

PullRequestMetrics::~PullRequestMetrics()
{
    m_job.cancel();
}

void PullRequestMetrics::cancel()
{
    m_job.cancel();
}

void PullRequestMetrics::load(const hub::RepoRef &repo, const QString &target, const QString &head,
                              const QString &targetLabel)
{
    m_job.cancel();
    m_repo = repo;
    m_target = target;
    m_targetLabel = targetLabel.isEmpty() ? target : targetLabel;
    m_head = head;
    m_state->showLoading(tr("Reading the model card of %1 and of this pull request…").arg(m_targetLabel));
    m_job = m_context.runHub(
        this,
        [repo, target = target.toStdString(),
         head = head.toStdString()](hub::HubClient &client) -> hub::Expected<CardPair> {
            CardPair out;
            auto before = client.fetchSmallFile(repo, target, "README.md", kMaxCardBytes);
            if (before)
                out.before = std::move(*before);
            else if (before.error().code == hub::ErrorCode::EntryNotFound)
                out.beforeMissing = true;
            else
                return before.error();
            auto after = client.fetchSmallFile(repo, head, "README.md", kMaxCardBytes);
            if (after)
                out.after = std::move(*after);
            else if (after.error().code == hub::ErrorCode::EntryNotFound)
                out.afterMissing = true;
            else
                return after.error();
            return out;
        },
        [this](hub::Expected<CardPair> answer) {
            if (!answer) {
                m_state->showError(answer.error());
                return;
            }
            const hub::MetricTable table = hub::buildMetricTable(
                {{m_targetLabel.toStdString(), {}, answer->before}, {"pull request", {}, answer->after}});
            auto changes = hub::compareMetricVersions(table, 0, 1);
            int changed = 0;
            for (const auto &c : changes)
                changed += c.kind != hub::MetricChange::Kind::Unchanged;
            const int total = static_cast<int>(changes.size());
            m_model->setChanges(std::move(changes), tr("On %1").arg(m_targetLabel), tr("This pull request"));
            QString summary;
            if (total == 0)
                summary = answer->afterMissing ? tr("This pull request has no model card (README.md), so it reports "
                                                    "no evaluation results.")
                                               : tr("Neither card reports evaluation results (model-index), so there "
                                                    "is nothing to compare. The Files changed tab shows every change.");
            else if (changed == 0)
                summary = tr("The %n evaluation result(s) of the card are the same as on %1.", nullptr, total)
                              .arg(m_targetLabel);
            else
                summary = tr("%1 of %n evaluation result(s) differ from %2. Whether a change is better depends on "
                             "the metric (an error rate is better when lower).",
                             nullptr, total)
                              .arg(changed)
                              .arg(m_targetLabel);
            for (const auto &w : table.warnings)
                summary += u'\n' + qstr(w);
            m_summary->setText(summary);
            m_table->setVisible(total > 0);
            m_state->showContent();
            emit loaded();
        });
}

} // namespace hubui
