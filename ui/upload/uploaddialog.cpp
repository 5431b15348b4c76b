#include "ui/upload/uploaddialog.h"
#include "ui/core/plaintext.h"

#include "ui/upload/uploadplanmodel.h"
#include "ui/upload/uploadservice.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace hubui {

namespace {
QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}
} // namespace

bool UploadDialog::isPullRequestRevision(const QString &revision)
{
    if (!revision.startsWith(QStringLiteral("refs/pr/")) || revision.size() == 8)
        return false;
    for (QChar c : revision.mid(8))
        if (!c.isDigit())
            return false;
    return true;
}

QString UploadDialog::defaultMessage(size_t files)
{
    // This text becomes the commit title on the Hub: spell the plural out, never "file(s)".
    return files == 1 ? tr("Upload 1 file with HubDesk") : tr("Upload %1 files with HubDesk").arg(files);
}

UploadDialog::UploadDialog(UploadService *service, hub::RepoRef repo, std::vector<hub::UploadSource> sources,
                           const QString &actingAs, const QString &branch, QWidget *parent)
    : QDialog(parent), m_service(service), m_repo(std::move(repo)), m_sources(std::move(sources)),
      m_canWrite(!actingAs.isEmpty()), m_model(new UploadPlanModel(this)), m_branch(new QComboBox(this)),
      m_message(new QLineEdit(this)), m_description(new QPlainTextEdit(this)),
      m_pr(new QCheckBox(tr("Open as a &pull request"), this)), m_table(new QTableView(this)),
      m_summary(plainLabel(this)), m_issues(plainLabel(this)), m_moved(plainLabel(this)),
      m_offerPr(new QPushButton(tr("Open a pull request &instead"), this)), m_upload(nullptr)
{
    const QString repoName = qs(std::string(hub::repoTypeName(m_repo.type)) + "/" + m_repo.id.str());
    setWindowTitle(tr("Upload to %1").arg(repoName));

    if (isPullRequestRevision(branch))
        setWindowTitle(tr("Add files to pull request #%1 of %2").arg(branch.mid(8), repoName));

    auto *who = plainLabel(this);
    who->setWordWrap(true);
    who->setAccessibleName(tr("Account that uploads"));
    who->setText(!m_canWrite
                     ? tr("You are not signed in. Sign in with a token that can write to %1 first.").arg(repoName)
                 : isPullRequestRevision(branch)
                     ? tr("Adding a commit to pull request #%1 of %2 as %3.").arg(branch.mid(8), repoName, actingAs)
                     : tr("Uploading to %1 as %2.").arg(repoName, actingAs));

    m_branch->setEditable(true);
    m_branch->addItem(branch);
    m_branch->setAccessibleName(tr("Target branch"));
    m_message->setAccessibleName(tr("Commit message"));
    m_message->setText(defaultMessage(m_sources.size()));
    m_description->setAccessibleName(tr("Description"));
    m_description->setPlaceholderText(tr("Optional: more about this change"));
    m_description->setTabChangesFocus(true);
    m_description->setMaximumHeight(70);

    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(UploadPlanModel::SortRole);
    m_table->setModel(proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(UploadPlanModel::Path, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(UploadPlanModel::Path, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(UploadPlanModel::Warning, QHeaderView::ResizeToContents);
    m_table->setAccessibleName(tr("Files to upload"));

    m_summary->setWordWrap(true);
    m_summary->setAccessibleName(tr("Upload summary"));
    m_issues->setWordWrap(true);
    m_issues->setAccessibleName(tr("Pre-flight problems"));
    m_issues->hide();
    m_moved->setWordWrap(true);
    m_moved->setFrameShape(QFrame::StyledPanel);
    m_moved->setMargin(6);
    m_moved->setAccessibleName(tr("Branch changed"));
    m_moved->hide();
    m_offerPr->hide();

    auto *form = new QFormLayout();
    form->addRow(tr("&Branch:"), m_branch);
    form->addRow(tr("Commit &message:"), m_message);
    form->addRow(tr("&Description:"), m_description);
    form->addRow(QString(), m_pr);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_upload = buttons->addButton(tr("&Upload"), QDialogButtonBox::AcceptRole);
    m_upload->setAccessibleName(tr("Upload"));
    m_upload->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &UploadDialog::tryAccept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *movedRow = new QHBoxLayout();
    movedRow->addWidget(m_moved, 1);
    movedRow->addWidget(m_offerPr);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(who);
    layout->addLayout(form);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_issues);
    layout->addLayout(movedRow);
    layout->addWidget(buttons);

    connect(m_message, &QLineEdit::textEdited, this, [this] {
        m_messageEdited = true;
        updateButtons();
    });
    connect(m_branch, &QComboBox::activated, this, [this] {
        if (m_branch->currentText().trimmed() != m_plannedBranch)
            replan();
    });
    connect(m_branch->lineEdit(), &QLineEdit::editingFinished, this, [this] {
        if (m_branch->currentText().trimmed() != m_plannedBranch)
            replan();
    });
    connect(m_pr, &QCheckBox::toggled, this, &UploadDialog::updateButtons);
    connect(m_offerPr, &QPushButton::clicked, this, [this] {
        m_pr->setChecked(true);
        m_moved->setText(tr("The upload will open a pull request against %1; nothing on the branch is overwritten.")
                             .arg(m_branch->currentText()));
        m_offerPr->hide();
        tryAccept();
    });
    connect(m_service, &UploadService::planReady, this, &UploadDialog::onPlan);
    connect(m_service, &UploadService::planFailed, this, [this](const QString &message) {
        m_planning = false;
        m_summary->setText(tr("Could not prepare the upload: %1").arg(message));
        updateButtons();
    });
    connect(m_service, &UploadService::branchesLoaded, this, [this](const QStringList &branches) {
        const QString current = m_branch->currentText();
        for (const QString &b : branches) {
            if (m_branch->findText(b) < 0)
                m_branch->addItem(b);
        }
        m_branch->setCurrentText(current);
    });
    connect(m_service, &UploadService::headChecked, this, &UploadDialog::onHead);
    connect(m_service, &UploadService::headCheckFailed, this, [this](const QString &message) {
        m_checking = false;
        m_summary->setText(tr("Could not check the branch: %1").arg(message));
        updateButtons();
    });

    m_service->loadBranches(m_repo);
    replan();
    resize(820, 560);
}

const hub::UploadPlan &UploadDialog::plan() const
{
    return m_model->plan();
}

hub::UploadRequest UploadDialog::request() const
{
    hub::UploadRequest r;
    r.repo = m_repo;
    r.revision = m_branch->currentText().trimmed().toStdString();
    r.sources = m_sources;
    r.message = m_message->text().trimmed().toStdString();
    r.description = m_description->toPlainText().toStdString();
    r.createPr = m_pr->isChecked();
    // Committing to the branch: refuse (412) if it moves after the check. A pull request is
    // based on whatever the head is.
    if (!r.createPr)
        r.parentCommit = m_model->plan().remoteHead;
    return r;
}

void UploadDialog::replan()
{
    m_planning = true;
    m_plannedBranch = m_branch->currentText().trimmed();
    m_moved->hide();
    m_offerPr->hide();
    m_summary->setText(tr("Checking the files against %1…").arg(m_branch->currentText()));
    updateButtons();
    hub::UploadRequest r = request();
    r.createPr = false;
    m_service->preflight(r);
}

void UploadDialog::onPlan(const hub::UploadPlan &plan)
{
    m_planning = false;
    m_model->setPlan(plan);
    size_t unchanged = 0;
    for (const auto &f : plan.files)
        unchanged += f.status == hub::UploadFileStatus::Unchanged ? 1 : 0;
    if (!m_messageEdited)
        m_message->setText(defaultMessage(plan.filesToSend));
    const QString bytes =
        QLocale().formattedDataSize(static_cast<qint64>(plan.bytesToSend), 1, QLocale::DataSizeSIFormat);
    QString summary = plan.filesToSend == 0
                          ? tr("Nothing to upload: every file is already on the Hub unchanged.")
                          : tr("%n file(s) to send (%1), %2 through LFS", nullptr, static_cast<int>(plan.filesToSend))
                                .arg(bytes)
                                .arg(plan.lfsFiles);
    if (unchanged > 0)
        summary += QStringLiteral("; ") % tr("%n unchanged file(s) skipped", nullptr, static_cast<int>(unchanged));
    if (plan.commitCount > 1)
        summary += QStringLiteral("; ") % tr("split into %1 commits").arg(plan.commitCount);
    m_summary->setText(summary % u'.');
    QStringList general;
    for (const hub::PreflightIssue &issue : plan.issues) {
        const QString prefix = issue.severity == hub::PreflightIssue::Severity::Error ? tr("Error: ") : tr("Warning: ");
        general << prefix % (issue.path.empty() ? QString() : qs(issue.path) % QStringLiteral(": ")) %
                       qs(issue.message);
    }
    m_issues->setText(general.join(u'\n'));
    m_issues->setVisible(!general.isEmpty());
    updateButtons();
    emit planUpdated();
}

void UploadDialog::tryAccept()
{
    if (m_planning || m_checking)
        return;
    m_checking = true;
    m_summary->setText(tr("Checking that nobody else changed %1…").arg(m_branch->currentText()));
    updateButtons();
    m_service->checkHead(m_repo, m_branch->currentText().trimmed());
}

void UploadDialog::onHead(const QString &branch, const QString &commit)
{
    m_checking = false;
    const QString planned = qs(m_model->plan().remoteHead);
    if (branch != m_branch->currentText().trimmed()) {
        updateButtons();
        return;
    }
    if (commit == planned || m_pr->isChecked()) {
        accept();
        return;
    }
    m_moved->setText(tr("Someone else committed to %1 since this dialog opened (it was at %2, it is now at %3). "
                        "Uploading now could overwrite their work. Open a pull request instead, or check the files "
                        "again against the new state.")
                         .arg(branch, planned.left(7), commit.left(7)));
    m_moved->show();
    m_offerPr->show();
    m_offerPr->setFocus(Qt::OtherFocusReason);
    m_summary->setText(tr("The branch moved; nothing was uploaded."));
    updateButtons();
    emit branchMoved(planned, commit);
}

void UploadDialog::updateButtons()
{
    const bool ready = !m_planning && !m_checking && m_canWrite && !m_model->plan().hasErrors() &&
                       m_model->plan().filesToSend > 0 && !m_message->text().trimmed().isEmpty();
    // Adding to an existing pull request (refs/pr/N) is a commit on it, never a new pull request.
    const bool toPullRequest = isPullRequestRevision(m_branch->currentText().trimmed());
    if (toPullRequest && m_pr->isChecked())
        m_pr->setChecked(false);
    m_pr->setVisible(!toPullRequest);
    m_upload->setEnabled(ready);
    m_upload->setText(toPullRequest       ? tr("Add to &pull request")
                      : m_pr->isChecked() ? tr("Open &pull request")
                                          : tr("&Upload"));
}

} // namespace hubui
