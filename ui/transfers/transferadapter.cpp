#include "ui/transfers/transferadapter.h"

#include "ui/transfers/transfermodel.h"

#include <QMetaObject>

#include <mutex>

namespace hubui {

/// Lives as long as the engine keeps it; forwards to the adapter while the adapter exists.
class TransferAdapter::Sink final : public hub::EventSink {
public:
    explicit Sink(TransferAdapter *target) : m_target(target) {}

    void detach()
    {
        std::lock_guard lock(m_mutex);
        m_target = nullptr;
    }

    void jobAdded(const hub::JobSnapshot &job) override { post(toInfo(job)); }
    void jobChanged(const hub::JobSnapshot &job) override { post(toInfo(job)); }
    void jobRemoved(hub::JobId id) override
    {
        std::lock_guard lock(m_mutex);
        if (m_target) {
            QMetaObject::invokeMethod(
                m_target, [t = m_target, id] { t->drop(id); }, Qt::QueuedConnection);
        }
    }

    void engineProblem(const hub::HubError &problem) override
    {
        std::lock_guard lock(m_mutex);
        if (m_target) {
            QMetaObject::invokeMethod(
                m_target,
                [t = m_target, message = QString::fromStdString(problem.message)] { emit t->engineProblem(message); },
                Qt::QueuedConnection);
        }
    }

private:
    void post(TransferJobInfo info)
    {
        // Holding the mutex keeps the adapter alive while the event is posted; Qt discards
        // events still queued for an object that is destroyed later.
        std::lock_guard lock(m_mutex);
        if (m_target) {
            QMetaObject::invokeMethod(
                m_target, [t = m_target, info = std::move(info)] { t->apply(info); }, Qt::QueuedConnection);
        }
    }

    std::mutex m_mutex;
    TransferAdapter *m_target;
};

TransferAdapter::TransferAdapter(hub::TransferEngine &engine, const RegisterSink &registerSink, QObject *parent)
    : TransferAdapter([&engine]() -> hub::TransferEngine & { return engine; }, registerSink, parent)
{
}

TransferAdapter::TransferAdapter(EngineAccess engine, const RegisterSink &registerSink, QObject *parent)
    : QObject(parent), m_engine(std::move(engine)), m_model(new TransferModel(this)),
      m_sink(std::make_shared<Sink>(this))
{
    registerSink(m_sink);
    for (const hub::JobSnapshot &job : m_engine().jobs()) {
        TransferJobInfo info = toInfo(job);
        info.resumedFromJournal = true;
        m_model->upsert(info);
    }
}

TransferAdapter::~TransferAdapter()
{
    m_sink->detach();
}

TransferJobInfo TransferAdapter::toInfo(const hub::JobSnapshot &job)
{
    TransferJobInfo info;
    info.id = job.id;
    info.kind = job.kind == hub::JobKind::Upload ? TransferJobInfo::Kind::Upload : TransferJobInfo::Kind::Download;
    switch (job.state) {
    case hub::JobState::Queued: info.state = TransferJobInfo::State::Queued; break;
    case hub::JobState::Running:
    case hub::JobState::Retrying: info.state = TransferJobInfo::State::Running; break;
    case hub::JobState::Paused: info.state = TransferJobInfo::State::Paused; break;
    case hub::JobState::Done: info.state = TransferJobInfo::State::Completed; break;
    case hub::JobState::Failed: info.state = TransferJobInfo::State::Failed; break;
    case hub::JobState::Cancelled: info.state = TransferJobInfo::State::Cancelled; break;
    }
    info.title = QString::fromStdString(job.title);
    info.repo = QString::fromStdString(std::string(hub::repoTypeName(job.repo.type)) + "/" + job.repo.id.str());
    info.revision = QString::fromStdString(job.revision);
    info.bytesDone = static_cast<qint64>(job.bytesDone);
    info.bytesTotal = job.bytesTotal > 0 ? static_cast<qint64>(job.bytesTotal) : -1;
    info.filesDone = static_cast<int>(job.filesDone);
    info.filesTotal = static_cast<int>(job.filesTotal);
    info.bytesPerSecond = job.bytesPerSecond;
    info.phase = QString::fromStdString(job.phase);
    if (job.error) {
        info.error = QString::fromStdString(job.error->message);
        info.errorCode = QString::fromUtf8(hub::errorCodeName(job.error->code));
        if (job.state == hub::JobState::Retrying)
            info.phase = QObject::tr("Retrying: %1").arg(info.error);
    }
    info.commit = QString::fromStdString(job.result.commit);
    info.resultPath = QString::fromStdString(job.result.location.string());
    if (!job.result.pullRequestUrl.empty()) {
        info.resultUrl = QUrl(QString::fromStdString(job.result.pullRequestUrl));
        info.pullRequest = true;
    } else if (!job.result.commitUrl.empty()) {
        info.resultUrl = QUrl(QString::fromStdString(job.result.commitUrl));
    }
    if (job.upload) {
        for (const hub::UploadSource &s : job.upload->sources)
            info.files << QString::fromStdString(s.pathInRepo);
    }
    return info;
}

void TransferAdapter::apply(TransferJobInfo job)
{
    const int row = m_model->rowOf(job.id);
    const bool wasFinished = row >= 0 && m_model->jobAt(row).isFinished();
    if (row >= 0)
        job.resumedFromJournal = m_model->jobAt(row).resumedFromJournal;
    if (!job.isFinished() && wasFinished)
        m_startedAt.remove(job.id); // retried: measure the new run
    if (job.state == TransferJobInfo::State::Running && !m_startedAt.contains(job.id))
        m_startedAt.insert(job.id, QDateTime::currentDateTimeUtc());
    job.startedAt = m_startedAt.value(job.id);
    if (job.isFinished())
        job.finishedAt = row >= 0 && wasFinished ? m_model->jobAt(row).finishedAt : QDateTime::currentDateTimeUtc();
    m_model->upsert(job);
    emit jobUpdated(job);
    if (job.isFinished() && !wasFinished)
        emit jobFinished(job);
}

void TransferAdapter::drop(quint64 id)
{
    m_startedAt.remove(id);
    m_model->remove(id);
}

hub::Expected<hub::JobId> TransferAdapter::submit(hub::DownloadRequest request)
{
    return m_engine().submit(std::move(request));
}

hub::Expected<hub::JobId> TransferAdapter::submit(hub::UploadRequest request)
{
    return m_engine().submit(std::move(request));
}

void TransferAdapter::pause(quint64 id)
{
    m_engine().pause(id);
}

void TransferAdapter::resume(quint64 id)
{
    m_engine().resume(id);
}

void TransferAdapter::cancel(quint64 id)
{
    m_engine().cancel(id);
}

void TransferAdapter::retry(quint64 id)
{
    m_engine().retry(id);
}

void TransferAdapter::remove(quint64 id)
{
    m_engine().remove(id);
}

void TransferAdapter::clearFinished()
{
    for (const TransferJobInfo &job : m_model->jobs()) {
        if (job.isFinished())
            m_engine().remove(job.id);
    }
    m_model->clearFinished();
}

} // namespace hubui
