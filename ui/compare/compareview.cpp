#include "ui/compare/compareview.h"

#include "ui/compare/comparisonwidget.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace hubui {

CompareView::CompareView(AppContext &context, QWidget *parent)
    : QWidget(parent), m_base(new QComboBox(this)), m_head(new QComboBox(this)),
      m_swap(new QPushButton(tr("⇄ Swap"), this)), m_go(new QPushButton(tr("&Compare"), this)),
      m_comparison(new ComparisonWidget(context, this))
{
    for (QComboBox *box : {m_base, m_head}) {
        box->setEditable(true);
        box->setInsertPolicy(QComboBox::NoInsert);
        box->setMinimumContentsLength(18);
    }
    m_base->setAccessibleName(tr("Older revision"));
    m_head->setAccessibleName(tr("Newer revision"));
    m_base->setToolTip(tr("A branch, tag, pull request (refs/pr/N) or commit id"));
    m_head->setToolTip(m_base->toolTip());
    m_swap->setAccessibleName(tr("Swap the two revisions"));
    m_go->setDefault(true);
    auto *baseLabel = new QLabel(tr("&From:"), this);
    baseLabel->setBuddy(m_base);
    auto *headLabel = new QLabel(tr("&To:"), this);
    headLabel->setBuddy(m_head);

    auto *row = new QHBoxLayout;
    row->addWidget(baseLabel);
    row->addWidget(m_base, 1);
    row->addWidget(m_swap);
    row->addWidget(headLabel);
    row->addWidget(m_head, 1);
    row->addWidget(m_go);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_comparison, 1);

    connect(m_swap, &QPushButton::clicked, this, [this] {
        const QString b = m_base->currentText();
        m_base->setCurrentText(m_head->currentText());
        m_head->setCurrentText(b);
    });
    connect(m_go, &QPushButton::clicked, this, [this] {
        const QString b = m_base->currentText().trimmed();
        const QString h = m_head->currentText().trimmed();
        if (!b.isEmpty() && !h.isEmpty())
            m_comparison->load(m_repo, b, h);
    });
}

void CompareView::setRepo(const hub::RepoRef &repo)
{
    m_repo = repo;
    m_comparison->cancel();
}

void CompareView::setRevisions(const QStringList &revisions)
{
    const QString b = m_base->currentText();
    const QString h = m_head->currentText();
    m_base->clear();
    m_head->clear();
    m_base->addItems(revisions);
    m_head->addItems(revisions);
    // A sensible default: the previous release against the newest one (callers list the
    // newest tags first, then branches and PRs).
    const QString defaultBase = revisions.size() >= 2 ? revisions.at(1) : QString();
    m_base->setCurrentText(b.isEmpty() ? defaultBase : b);
    m_head->setCurrentText(h.isEmpty() && !revisions.isEmpty() ? revisions.first() : h);
}

void CompareView::compare(const QString &base, const QString &head)
{
    m_base->setCurrentText(base);
    m_head->setCurrentText(head);
    m_comparison->load(m_repo, base, head);
}

} // namespace hubui
