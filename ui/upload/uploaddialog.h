#pragma once

#include "hub/transfer/job.h"
#include "hub/transfer/preflight.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace hubui {

class UploadPlanModel;
class UploadService;

/// Shows what an upload will do before anything is sent: each file as new, changed or unchanged
/// (skipped), LFS or regular, size and pre-flight warnings; the target branch, commit message
/// (default "Upload 3 files with HubDesk"), description and "open as a pull request"; and which
/// account acts. Before accepting it checks the branch again: if someone else committed since
/// the plan was made it says so and offers a pull request instead of overwriting.
class UploadDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UploadDialog)

public:
    /// `service` is not owned. `actingAs` = "PellelNitram (token “ci”, write access)", empty
    /// when nobody is signed in (then uploading is disabled).
    UploadDialog(UploadService *service, hub::RepoRef repo, std::vector<hub::UploadSource> sources,
                 const QString &actingAs, const QString &branch = QStringLiteral("main"), QWidget *parent = nullptr);

    /// The request to submit once accepted (branch, message, description, createPr, parentCommit).
    hub::UploadRequest request() const;
    const hub::UploadPlan &plan() const;
    static QString defaultMessage(size_t files);
    /// refs/pr/N: the upload adds a commit to pull request N.
    static bool isPullRequestRevision(const QString &revision);

    QComboBox *branchBox() const { return m_branch; }
    QLineEdit *messageEdit() const { return m_message; }
    QPlainTextEdit *descriptionEdit() const { return m_description; }
    QCheckBox *pullRequestBox() const { return m_pr; }
    QPushButton *uploadButton() const { return m_upload; }
    QPushButton *offerPrButton() const { return m_offerPr; }
    QLabel *movedLabel() const { return m_moved; }
    QLabel *summaryLabel() const { return m_summary; }
    UploadPlanModel *planModel() const { return m_model; }
    bool isPlanning() const { return m_planning; }

signals:
    void planUpdated();
    /// The branch moved since the plan; the dialog now offers a pull request.
    void branchMoved(const QString &oldHead, const QString &newHead);

private:
    void replan();
    void onPlan(const hub::UploadPlan &plan);
    void onHead(const QString &branch, const QString &commit);
    void tryAccept();
    void updateButtons();

    UploadService *m_service;
    hub::RepoRef m_repo;
    std::vector<hub::UploadSource> m_sources;
    bool m_canWrite;
    bool m_planning = false;
    bool m_checking = false;
    bool m_messageEdited = false;
    QString m_plannedBranch;
    UploadPlanModel *m_model;
    QComboBox *m_branch;
    QLineEdit *m_message;
    QPlainTextEdit *m_description;
    QCheckBox *m_pr;
    QTableView *m_table;
    QLabel *m_summary;
    QLabel *m_issues;
    QLabel *m_moved;
    QPushButton *m_offerPr;
    QPushButton *m_upload;
};

} // namespace hubui
