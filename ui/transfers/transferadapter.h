#pragma once

#include "ui/transfers/transferjobinfo.h"

#include "hub/transfer/engine.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <memory>

namespace hubui {

class TransferModel;

/// The one bridge between the transfer engine's worker thread and Qt (house-style rule 11):
/// engine events arrive on the worker thread, are copied into TransferJobInfo values there and
/// re-posted to this object's (GUI) thread, where they update TransferModel and emit signals.
/// Commands (pause, resume, ...) go straight to the engine, whose calls are thread-safe and quick.
class TransferAdapter final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TransferAdapter)

public:
    using RegisterSink = std::function<void(std::shared_ptr<hub::EventSink>)>;
    /// Returns the current engine. The app may replace its engine (a new token restarts it),
    /// so the adapter never keeps a reference.
    using EngineAccess = std::function<hub::TransferEngine &()>;

    /// `registerSink` hands the adapter's sink to whoever owns the engine's single sink slot
    /// (AppContext::addTransferSink, or TransferEngine::setEventSink in tests); jobs already in
    /// the engine (restored from the journal) are loaded right after, marked resumedFromJournal.
    TransferAdapter(EngineAccess engine, const RegisterSink &registerSink, QObject *parent = nullptr);
    /// For a fixed engine that outlives the adapter (tests, CLI-like tools).
    TransferAdapter(hub::TransferEngine &engine, const RegisterSink &registerSink, QObject *parent = nullptr);
    ~TransferAdapter() override;

    TransferModel *model() const { return m_model; }
    hub::TransferEngine &engine() { return m_engine(); }

    hub::Expected<hub::JobId> submit(hub::DownloadRequest request);
    hub::Expected<hub::JobId> submit(hub::UploadRequest request);
    void pause(quint64 id);
    void resume(quint64 id);
    void cancel(quint64 id);
    void retry(quint64 id);
    void remove(quint64 id);
    /// Forgets every finished job in the engine and the model.
    void clearFinished();

    /// Converts an engine snapshot (any thread).
    static TransferJobInfo toInfo(const hub::JobSnapshot &job);

signals:
    void jobUpdated(const hubui::TransferJobInfo &job);
    /// A job reached Done, Failed or Cancelled (once per run; again after a retry).
    void jobFinished(const hubui::TransferJobInfo &job);
    /// The engine's saved list of transfers cannot be read or written (a sentence for the user).
    void engineProblem(const QString &message);

private:
    class Sink;
    void apply(TransferJobInfo job);
    void drop(quint64 id);

    EngineAccess m_engine;
    TransferModel *m_model;
    std::shared_ptr<Sink> m_sink;
    QHash<quint64, QDateTime> m_startedAt;
};

} // namespace hubui
