#include "ui/cache/removeddialog.h"

#include "ui/cache/removedlistmodel.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace hubui {

RemovedDialog::RemovedDialog(RemovedListModel *model, QWidget *parent)
    : QDialog(parent), m_model(model), m_view(new QTableView(this)),
      m_download(new QPushButton(tr("&Download again"), this)), m_forget(new QPushButton(tr("&Forget"), this))
{
    setWindowTitle(tr("Removed from the cache"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(RemovedListModel::Repo, QHeaderView::Stretch);
    m_view->setAccessibleName(tr("Removed revisions"));
    m_download->setAccessibleName(tr("Download again"));
    m_forget->setAccessibleName(tr("Forget"));

    auto *intro = new QLabel(tr("Revisions deleted from the cache. Select one to download it again."), this);
    intro->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_download, QDialogButtonBox::ActionRole);
    buttons->addButton(m_forget, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto update = [this] {
        const bool one = m_view->selectionModel()->hasSelection();
        m_download->setEnabled(one);
        m_forget->setEnabled(one);
    };
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, update);
    connect(m_model, &QAbstractItemModel::modelReset, this, update);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, update);
    connect(m_download, &QPushButton::clicked, this, [this] {
        const QModelIndex idx = m_view->currentIndex();
        if (idx.isValid())
            emit downloadRequested(idx.data(RemovedListModel::RepoKeyRole).toString(),
                                   idx.data(RemovedListModel::CommitRole).toString());
    });
    connect(m_view, &QTableView::activated, m_download, &QPushButton::click);
    connect(m_forget, &QPushButton::clicked, this, [this] {
        const QModelIndex idx = m_view->currentIndex();
        if (idx.isValid())
            emit forgetRequested(idx.row());
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    update();
    resize(720, 360);
}

} // namespace hubui
