#pragma once

#include "ui/core/asyncjob.h"
#include "ui/core/session.h"

#include "hub/api/client.h"
#include "hub/core/types.h"
#include "hub/transfer/engine.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace hubui {

class Settings;

/// The services every page shares: settings, the Hub connection (endpoint, token, who is signed
/// in), background jobs against the Hub, and the one transfer engine.
///
/// Widgets never call the Hub or the disk themselves: they (or their models) hand a function to
/// runHub()/runJob(), which runs it on the job pool, and render the answer.
///
/// Part 2 plugs in here:
/// - the sign-in dialog calls setToken() (the sidebar refreshes through sessionChanged());
/// - the transfers adapter observes the engine with addTransferSink() (the engine accepts a single
///   sink, so AppContext owns it and fans events out) and uses transferEngine() for commands;
/// - the cache manager calls notifyCacheChanged() after deleting revisions, so cache badges update.
class AppContext final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppContext)

public:
    /// How to connect; built by the shell from settings, environment and command line.
    struct Connection {
        hub::ClientConfig client;
        QString cacheDir; ///< hub cache root ("…/huggingface/hub")
        QString stateDir; ///< transfer journal folder
        bool sandbox = false;
        int parallelTransfers = 4;
        quint64 bandwidthLimitBytesPerSec = 0;
        /// Tests: adjusts the engine's options before it starts (a slow journal disk, ...).
        std::function<void(hub::EngineOptions &)> tuneEngine;
    };

    AppContext(Settings &settings, Connection connection, QObject *parent = nullptr);
    ~AppContext() override;

    Settings &settings() { return m_settings; }

    // --- Connection --------------------------------------------------------------------------
    hub::ClientConfig clientConfig() const { return m_connection.client; }
    QString endpoint() const { return QString::fromStdString(m_connection.client.endpoint); }
    QString cacheDir() const { return m_connection.cacheDir; }
    bool isSandbox() const { return m_connection.sandbox; }
    /// Switches the token (empty = anonymous) for new Hub calls and the running transfers, and
    /// asks the Hub who that is. Returns at once: never waits on the engine's thread.
    void setToken(const QString &token);

    // --- Session -----------------------------------------------------------------------------
    const SessionState &session() const { return m_session; }
    /// Asks whoami off-thread; emits sessionChanged() when the answer is in.
    void refreshSession();
    /// The namespaces the sidebar lists: the user, their organisations, then the project ones.
    QStringList namespaces() const;

    // --- Background work ---------------------------------------------------------------------
    /// Runs `work(hub::HubClient &)` on the job pool with a fresh client for the current
    /// connection (its cancel flag wired to the returned handle), then `done(result)` on the GUI
    /// thread unless cancelled or `context` is gone.
    template <class Work, class Done> JobHandle runHub(QObject *context, Work work, Done done)
    {
        return runJob(
            context,
            [config = m_connection.client, work = std::move(work)](const std::shared_ptr<std::atomic<bool>> &cancel) {
                hub::HubClient client(config);
                client.setCancelFlag(cancel);
                return work(client);
            },
            std::move(done));
    }

    // --- Transfers ---------------------------------------------------------------------------
    /// The one transfer engine (created on first use, journal in Connection::stateDir), alive
    /// until this context is destroyed; setToken() switches its credentials in place.
    hub::TransferEngine &transferEngine();
    /// Adds an observer of transfer events (called on the engine's thread: re-post to the GUI).
    void addTransferSink(std::shared_ptr<hub::EventSink> sink);
    /// Queues a download through the engine.
    hub::Expected<hub::JobId> submitDownload(hub::DownloadRequest request);
    /// Tells every view that the cache content of `repo` changed (download done, revision deleted).
    void notifyCacheChanged(const hub::RepoRef &repo);

    // --- Navigation --------------------------------------------------------------------------
    /// Asks the main window to open this repo's page (a Local cache row, ...): emits
    /// openRepoRequested().
    void requestOpenRepo(const hub::RepoRef &repo) { emit openRepoRequested(repo); }

signals:
    void sessionChanged();
    /// The local cache of this repo changed (emitted on the GUI thread).
    void cacheChanged(const hub::RepoRef &repo);
    /// A page other than the repo list wants a repo opened (see requestOpenRepo()).
    void openRepoRequested(const hub::RepoRef &repo);
    /// A download job finished (Done, Failed or Cancelled), on the GUI thread.
    void downloadFinished(const hub::JobSnapshot &job);
    /// The transfer engine's saved list cannot be read or written (a sentence for the user), on
    /// the GUI thread.
    void transferProblem(const QString &message);

private:
    class FanOutSink;

    Settings &m_settings;
    Connection m_connection;
    SessionState m_session;
    JobHandle m_sessionJob;
    std::shared_ptr<FanOutSink> m_fanOut;
    std::unique_ptr<hub::TransferEngine> m_engine;
};

} // namespace hubui

Q_DECLARE_METATYPE(hub::RepoRef)
Q_DECLARE_METATYPE(hub::JobSnapshot)
