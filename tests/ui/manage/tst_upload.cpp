// Drag-and-drop upload against the in-process sandbox Hub: three dropped files (one LFS) end up
// in a commit byte for byte; a branch someone else moved after the dialog opened gets the pull
// request offer instead of an overwrite.

#include "transfer/transfer_fixture.h"
#include "ui/transfers/transferadapter.h"
#include "ui/upload/uploadcontroller.h"
#include "ui/upload/uploaddialog.h"
#include "ui/upload/uploaddropfilter.h"
#include "ui/upload/uploadplanmodel.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QUrl>

using namespace hubui;
using namespace transfertest;
namespace demo = hub::sandbox::demo;

class TestUpload final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void dropThreeFiles_commitHasThemByteForByte();
    void branchMovedAfterTheDialogOpened_offersPullRequest();

private:
    QStringList makeFiles(const QTemporaryDir &dir, const std::string &note);
    UploadDialog *dropOnto(UploadController &controller, const hub::RepoRef &target, const QStringList &paths);

    std::unique_ptr<hub::sandbox::Server> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<hub::TransferEngine> m_engine;
    std::unique_ptr<TransferAdapter> m_adapter;
    std::unique_ptr<UploadController> m_controller;
    std::unique_ptr<QWidget> m_window = std::make_unique<QWidget>();
    std::map<std::string, std::string> m_contents; // path in repo -> bytes
};

void TestUpload::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_server = startSandbox();
    m_dir = std::make_unique<QTemporaryDir>();
    m_engine = std::make_unique<hub::TransferEngine>(engineOptions(*m_server, *m_dir, demo::kDemoOwnerToken));
    m_adapter = std::make_unique<TransferAdapter>(
        *m_engine, [this](std::shared_ptr<hub::EventSink> s) { m_engine->setEventSink(s); });
    m_controller = std::make_unique<UploadController>(
        m_adapter.get(), [this] { return clientConfig(*m_server, demo::kDemoOwnerToken); },
        [] { return QStringLiteral("PellelNitram (token “demo”, write access)"); });
}

void TestUpload::cleanupTestCase()
{
    m_window.reset();
    m_controller.reset();
    m_adapter.reset();
    m_engine.reset();
    m_server.reset();
}

QStringList TestUpload::makeFiles(const QTemporaryDir &dir, const std::string &note)
{
    const fs::path root = dir.path().toStdString();
    std::string weights(300 * 1024, '\0');
    for (size_t i = 0; i < weights.size(); ++i)
        weights[i] = static_cast<char>((i * 7919 + note.size()) % 256);
    m_contents = {{"notes.txt", note},
                  {"config.json", "{\"model_name\": \"carbune\", \"threshold\": 0.42}\n"},
                  {"weights.onnx", weights}};
    QStringList paths;
    for (const auto &[name, content] : m_contents) {
        writeFile(root / name, content);
        paths << QString::fromStdString((root / name).string());
    }
    return paths;
}

UploadDialog *TestUpload::dropOnto(UploadController &controller, const hub::RepoRef &target, const QStringList &paths)
{
    // A real drop event on a widget with the filter, as when files are dragged from a file manager.
    // The window stays alive: it parents the dialog.
    QWidget &filesTab = *m_window;
    UploadDropFilter filter(&controller, [target]() -> std::optional<hub::RepoRef> { return target; });
    filter.attach(&filesTab);
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString &p : paths)
        urls << QUrl::fromLocalFile(p);
    mime.setUrls(urls);
    QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&filesTab, &enter);
    if (!enter.isAccepted())
        return nullptr;
    QDropEvent drop(QPointF(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&filesTab, &drop);
    const auto dialogs = QApplication::topLevelWidgets();
    for (QWidget *w : dialogs) {
        if (auto *d = qobject_cast<UploadDialog *>(w); d && d->isVisible())
            return d;
    }
    return nullptr;
}

void TestUpload::dropThreeFiles_commitHasThemByteForByte()
{
    QTemporaryDir files;
    const auto target = repo(demo::kCarbune);
    UploadDialog *dialog = dropOnto(*m_controller, target, makeFiles(files, "Trained on IAM words, 40 epochs.\n"));
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isPlanning() && dialog->plan().files.size() == 3, 30000);

    const hub::UploadPlan &plan = dialog->plan();
    QCOMPARE(plan.files.size(), size_t(3));
    QCOMPARE(plan.filesToSend, size_t(3));
    for (const auto &f : plan.files) {
        // carbune already has a config.json: it is a change, the two others are new.
        QCOMPARE(f.status, f.pathInRepo == "config.json" ? hub::UploadFileStatus::Changed : hub::UploadFileStatus::New);
        QCOMPARE(f.lfs, f.pathInRepo == "weights.onnx");
        QCOMPARE(f.size, uint64_t(m_contents[f.pathInRepo].size()));
    }
    QCOMPARE(dialog->messageEdit()->text(), QStringLiteral("Upload 3 files with HubDesk"));
    QCOMPARE(dialog->planModel()->rowCount(), 3);
    QVERIFY(dialog->uploadButton()->isEnabled());

    QSignalSpy finished(m_controller.get(), &UploadController::uploadFinished);
    QSignalSpy failed(m_controller.get(), &UploadController::uploadFailed);
    dialog->uploadButton()->click();
    QVERIFY2(finished.wait(60000), failed.isEmpty() ? "no result" : qPrintable(failed.at(0).at(1).toString()));
    const auto outcome = finished.at(0).at(0).value<UploadOutcome>();
    QVERIFY(hub::isCommitId(outcome.commit.toStdString()));
    QVERIFY(!outcome.pullRequest);
    QVERIFY(outcome.url.toString().endsWith(outcome.commit));
    QCOMPARE(outcome.files.size(), 3);

    auto head = m_server->branchHead("model", demo::kCarbune, "main");
    QVERIFY(head.ok());
    QCOMPARE(QString::fromStdString(*head), outcome.commit);
    hub::HubClient client(clientConfig(*m_server, demo::kDemoOwnerToken));
    for (const auto &[path, content] : m_contents) {
        auto bytes = client.fetchSmallFile(target, outcome.commit.toStdString(), path);
        QVERIFY2(bytes.ok(), path.c_str());
        QVERIFY2(*bytes == content, path.c_str());
    }
    auto info = client.pathsInfo(target, outcome.commit.toStdString(), {"weights.onnx"});
    QVERIFY(info.ok() && info->size() == 1);
    QVERIFY2(info->front().lfs.has_value(), "weights.onnx went through LFS");
}

void TestUpload::branchMovedAfterTheDialogOpened_offersPullRequest()
{
    QTemporaryDir files;
    const auto target = repo(demo::kCarbune);
    const auto before = m_server->branchHead("model", demo::kCarbune, "main");
    QVERIFY(before.ok());
    UploadDialog *dialog =
        dropOnto(*m_controller, target, makeFiles(files, "Retrained with augmentation, 60 epochs.\n"));
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isPlanning() && dialog->plan().files.size() == 3, 30000);
    QCOMPARE(dialog->plan().remoteHead, *before);

    // Someone else commits to main while the dialog is open.
    hub::HubClient other(clientConfig(*m_server, demo::kDemoOwnerToken));
    hub::CommitRequest change;
    change.summary = "Update README from another machine";
    change.operations = {hub::CommitOperation::addFile("README.md", "# Carbune\nChanged elsewhere.\n")};
    auto theirs = other.commit(target, change);
    QVERIFY(theirs.ok());

    QSignalSpy moved(dialog, &UploadDialog::branchMoved);
    dialog->uploadButton()->click();
    QVERIFY(moved.wait(20000));
    QVERIFY(dialog->isVisible()); // nothing was sent
    QVERIFY(dialog->movedLabel()->isVisible());
    QVERIFY(dialog->movedLabel()->text().contains(QStringLiteral("Someone else committed")));
    QVERIFY(dialog->offerPrButton()->isVisible());

    QSignalSpy finished(m_controller.get(), &UploadController::uploadFinished);
    QSignalSpy failed(m_controller.get(), &UploadController::uploadFailed);
    dialog->offerPrButton()->click();
    QVERIFY2(finished.wait(60000), failed.isEmpty() ? "no result" : qPrintable(failed.at(0).at(1).toString()));
    const auto outcome = finished.at(0).at(0).value<UploadOutcome>();
    QVERIFY(outcome.pullRequest);
    QVERIFY2(outcome.url.toString().contains(QStringLiteral("/discussions/")), qPrintable(outcome.url.toString()));
    // Their commit is still the head of main: nothing was overwritten.
    auto after = m_server->branchHead("model", demo::kCarbune, "main");
    QVERIFY(after.ok());
    QCOMPARE(*after, theirs->commitOid);
}

QTEST_MAIN(TestUpload)
#include "tst_upload.moc"
