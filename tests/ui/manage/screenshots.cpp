// Renders each part 2 view with realistic content to PNG files, for docs/screenshots and for
// looking at the views as a new user would. Not a test: run by hand, e.g.
//   Xvfb :98 -screen 0 1400x900x24 & DISPLAY=:98 build/tests/ui/manage/manage_screenshots /tmp/shots

#include "cache/cache_fixture.h"
#include "transfer/transfer_fixture.h"
#include "ui/cache/cachepage.h"
#include "ui/cache/cacheservice.h"
#include "ui/cache/deleteplandialog.h"
#include "ui/cache/prunedialog.h"
#include "ui/core/settings.h"
#include "ui/settings/settingsdialog.h"
#include "ui/signin/accountservice.h"
#include "ui/signin/signindialog.h"
#include "ui/transfers/transferadapter.h"
#include "ui/transfers/transfermodel.h"
#include "ui/transfers/transferspage.h"
#include "ui/upload/uploadcontroller.h"
#include "ui/upload/uploaddialog.h"

#include <QApplication>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>

using namespace hubui;
namespace demo = hub::sandbox::demo;

namespace {

QString g_out;

void save(QWidget *w, const QString &name)
{
    w->show();
    w->raise();
    for (int i = 0; i < 20; ++i)
        QTest::qWait(25);
    w->grab().save(g_out + u'/' + name);
    std::printf("%s\n", qPrintable(g_out + u'/' + name));
}

template <class D> D *lastDialog(QSignalSpy &spy)
{
    if (spy.isEmpty())
        spy.wait(10000);
    return spy.isEmpty() ? nullptr : qobject_cast<D *>(spy.takeLast().at(0).value<QDialog *>());
}

void cacheViews(const QTemporaryDir &dir)
{
    const auto root = std::filesystem::path(dir.filePath(QStringLiteral("hub")).toStdString());
    fixture::build(root);
    // Some real weight: a bigger model.onnx in a second revision-rich repo.
    fixture::Repo big{root / "models--PellelNitram--xournalpp-htr-carbune"};
    big.file(fixture::commitId('7'), "model.onnx", fixture::bytes(900000, 'k'), true);
    big.file(fixture::commitId('7'), "checkpoints/last.ckpt", fixture::bytes(2400000, 'l'), true);
    big.link(fixture::commitId('8'), "checkpoints/last.ckpt", hub::sha256Hex(fixture::bytes(2400000, 'l')));
    big.file(fixture::commitId('8'), "model.onnx", fixture::bytes(900000, 'm'), true);
    big.ref("main", fixture::commitId('8'));
    Settings settings(dir.filePath(QStringLiteral("config")));
    settings.setPinnedCommits({QString::fromStdString(fixture::kV1)});
    CacheService service(dir.filePath(QStringLiteral("hub")), QString());
    QSignalSpy scanned(&service, &CacheService::scanFinished);
    CachePage page(&service, &settings);
    page.resize(1380, 860);
    scanned.wait(10000);
    page.selectKey(QStringLiteral("model/PellelNitram/xournalpp-htr-word-detector"));
    save(&page, QStringLiteral("manage-cache.png"));

    QSignalSpy dialogs(&page, &CachePage::dialogOpened);
    page.selectKey(QString::fromStdString(fixture::kV1));
    page.deleteSelected();
    if (auto *d = lastDialog<DeletePlanDialog>(dialogs)) {
        save(d, QStringLiteral("manage-delete-plan.png"));
        d->reject();
    }
    page.pruneAssistant();
    if (auto *p = lastDialog<PruneDialog>(dialogs)) {
        QSignalSpy preview(&service, &CacheService::prunePlanReady);
        preview.wait(5000);
        save(p, QStringLiteral("manage-prune.png"));
        p->reject();
    }
}

void transferViews(hub::sandbox::Server &server, const QTemporaryDir &dir)
{
    hub::sandbox::FaultSpec slow;
    slow.pathPrefix = "/__lfs/";
    slow.bandwidthBytesPerSec = 300 * 1024;
    server.addFault(slow);
    hub::TransferEngine engine(transfertest::engineOptions(server, dir, demo::kDemoOwnerToken));
    TransferAdapter adapter(engine, [&engine](std::shared_ptr<hub::EventSink> s) { engine.setEventSink(s); });
    TransfersPage page(&adapter);
    page.resize(1300, 420);
    page.show();
    std::vector<hub::JobId> ids;
    for (const char *id : {demo::kWordDetector, demo::kSimpleHtr, demo::kCarbune}) {
        hub::DownloadRequest r;
        r.repo = transfertest::repo(id);
        ids.push_back(*adapter.submit(r));
    }
    hub::DownloadRequest examples;
    examples.repo = transfertest::repo(demo::kExamplesDataset, hub::RepoType::Dataset);
    ids.push_back(*adapter.submit(examples));
    auto finished = [&adapter](hub::JobId id) {
        const int row = adapter.model()->rowOf(id);
        return row >= 0 && adapter.model()->jobAt(row).isFinished();
    };
    QTRY_VERIFY_WITH_TIMEOUT(finished(ids[3]), 20000);
    QTest::qWait(1500);
    adapter.pause(ids[1]);
    QTest::qWait(600);
    page.selectJob(ids[0]);
    save(&page, QStringLiteral("manage-transfers.png"));
    server.clearFaults();
}

void uploadViews(hub::sandbox::Server &server, const QTemporaryDir &dir)
{
    hub::TransferEngine engine(transfertest::engineOptions(server, dir, demo::kDemoOwnerToken));
    TransferAdapter adapter(engine, [&engine](std::shared_ptr<hub::EventSink> s) { engine.setEventSink(s); });
    UploadController controller(
        &adapter, [&server] { return transfertest::clientConfig(server, demo::kDemoOwnerToken); },
        [] { return QStringLiteral("PellelNitram (write access)"); });
    const auto root = std::filesystem::path(dir.filePath(QStringLiteral("upload")).toStdString());
    transfertest::writeFile(root / "model.onnx", fixture::bytes(700000, 'w'));
    transfertest::writeFile(root / "config.json", "{\"model_name\": \"word_detector\", \"fg_cc_threshold\": 0.6}\n");
    transfertest::writeFile(root / "README.md", "---\nlicense: mit\n---\n# Word detector\n");
    QStringList paths;
    for (const char *f : {"model.onnx", "config.json", "README.md"})
        paths << QString::fromStdString((root / f).string());
    UploadDialog *dialog = controller.startUpload(transfertest::repo(demo::kWordDetector), paths, nullptr);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isPlanning(), 20000);
    save(dialog, QStringLiteral("manage-upload.png"));

    hub::HubClient other(transfertest::clientConfig(server, demo::kDemoOwnerToken));
    hub::CommitRequest change;
    change.summary = "Update README.md";
    change.operations = {hub::CommitOperation::addFile("README.md", "# changed elsewhere\n")};
    (void)other.commit(transfertest::repo(demo::kWordDetector), change);
    QSignalSpy moved(dialog, &UploadDialog::branchMoved);
    dialog->uploadButton()->click();
    moved.wait(10000);
    save(dialog, QStringLiteral("manage-upload-moved.png"));
    dialog->reject();
}

void accountViews(hub::sandbox::Server &server, const QTemporaryDir &dir)
{
    const auto tokenFile = std::filesystem::path(dir.filePath(QStringLiteral("hf/token")).toStdString());
    AccountService service(transfertest::clientConfig(server), tokenFile);
    QSignalSpy in(&service, &AccountService::signedIn);
    service.signIn(QString::fromLatin1(demo::kDemoReaderToken));
    in.wait(10000);
    AccountInfo current = in.isEmpty() ? AccountInfo{} : in.at(0).at(0).value<AccountInfo>();
    service.signIn(QString::fromLatin1(demo::kDemoOwnerToken));
    in.wait(10000);
    if (in.size() > 1)
        current = in.at(1).at(0).value<AccountInfo>();
    SignInDialog dialog(&service, current);
    QTest::qWait(300);
    save(&dialog, QStringLiteral("manage-signin.png"));

    Settings settings(dir.filePath(QStringLiteral("config2")));
    SettingsDialog settingsDialog(&settings);
    save(&settingsDialog, QStringLiteral("manage-settings.png"));
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    g_out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(".");
    QTemporaryDir dir;
    qputenv("HF_HOME", dir.filePath(QStringLiteral("hf")).toLocal8Bit());
    auto server = transfertest::startSandbox();
    cacheViews(dir);
    transferViews(*server, dir);
    uploadViews(*server, dir);
    accountViews(*server, dir);
    return 0;
}
