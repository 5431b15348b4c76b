#include "ui/core/appcontext.h"

#include "ui/core/settings.h"

#include <QMetaObject>
#include <QPointer>

#include <set>

namespace hubui {

/// The engine takes one EventSink; this one forwards to every registered observer and turns
/// finished downloads into GUI-thread signals.
class AppContext::FanOutSink final : public hub::EventSink {
public:
    explicit FanOutSink(AppContext *owner) : m_owner(owner) {}

    void add(std::shared_ptr<hub::EventSink> sink)
    {
        std::vector<hub::HubError> problems;
        {
            std::lock_guard lock(m_mutex);
            m_sinks.push_back(sink);
            problems = m_problems;
        }
        // An observer added late still hears what went wrong with the engine's journal.
        for (const auto &p : problems)
            sink->engineProblem(p);
    }

    void jobAdded(const hub::JobSnapshot &job) override
    {
        for (const auto &s : sinks())
            s->jobAdded(job);
        checkFinished(job);
    }
    void jobChanged(const hub::JobSnapshot &job) override
    {
        for (const auto &s : sinks())
            s->jobChanged(job);
        checkFinished(job);
    }
    void jobRemoved(hub::JobId id) override
    {
        for (const auto &s : sinks())
            s->jobRemoved(id);
        std::lock_guard lock(m_mutex);
        m_finished.erase(id);
    }
    void engineProblem(const hub::HubError &problem) override
    {
        {
            std::lock_guard lock(m_mutex);
            m_problems.push_back(problem);
        }
        for (const auto &s : sinks())
            s->engineProblem(problem);
        QMetaObject::invokeMethod(
            m_owner,
            [owner = m_owner, message = QString::fromStdString(problem.message)] {
                emit owner->transferProblem(message);
            },
            Qt::QueuedConnection);
    }

private:
    std::vector<std::shared_ptr<hub::EventSink>> sinks()
    {
        std::lock_guard lock(m_mutex);
        return m_sinks;
    }

    void checkFinished(const hub::JobSnapshot &job)
    {
        if (job.kind != hub::JobKind::Download)
            return;
        {
            std::lock_guard lock(m_mutex);
            if (!hub::isFinalState(job.state)) {
                m_finished.erase(job.id); // retried: report its end again
                return;
            }
            if (!m_finished.insert(job.id).second)
                return;
        }
        // The engine is destroyed (and its thread joined) before the owner, so m_owner is alive.
        QMetaObject::invokeMethod(
            m_owner,
            [owner = m_owner, job] {
                emit owner->downloadFinished(job);
                if (job.state == hub::JobState::Done || job.result.filesTransferred > 0)
                    emit owner->cacheChanged(job.repo);
            },
            Qt::QueuedConnection);
    }

    AppContext *m_owner;
    std::mutex m_mutex;
    std::vector<std::shared_ptr<hub::EventSink>> m_sinks;
    std::set<hub::JobId> m_finished;
    std::vector<hub::HubError> m_problems;
};

AppContext::AppContext(Settings &settings, Connection connection, QObject *parent)
    : QObject(parent), m_settings(settings), m_connection(std::move(connection)),
      m_fanOut(std::make_shared<FanOutSink>(this))
{
    qRegisterMetaType<hub::RepoRef>();
    qRegisterMetaType<hub::JobSnapshot>();
    m_session.endpoint = endpoint();
    m_session.sandbox = m_connection.sandbox;
}

AppContext::~AppContext()
{
    m_sessionJob.cancel();
    m_engine.reset(); // joins the worker: no sink call can arrive after this
}

void AppContext::setToken(const QString &token)
{
    m_connection.client.token = token.toStdString();
    // The running engine switches credentials on its own thread; nothing here waits for it (a
    // restart would join its worker, which can be in the middle of an fsync).
    if (m_engine)
        m_engine->setToken(m_connection.client.token);
    refreshSession();
}

void AppContext::refreshSession()
{
    m_sessionJob.cancel();
    m_session = SessionState{};
    m_session.endpoint = endpoint();
    m_session.sandbox = m_connection.sandbox;
    const bool hasToken = !m_connection.client.token.empty();
    if (m_connection.client.offline) {
        m_session.status = SessionState::Status::Offline;
        m_session.message = tr("Offline mode is on (HF_HUB_OFFLINE): only the local cache is shown.");
        emit sessionChanged();
        return;
    }
    emit sessionChanged(); // "Connecting…"
    m_sessionJob = runHub(
        this,
        [hasToken](hub::HubClient &client) -> hub::Expected<hub::WhoAmI> {
            if (!hasToken) {
                // No token: probe the endpoint with a cheap public call to tell online from offline.
                hub::ListReposQuery q;
                q.limit = 1;
                auto pager = client.listRepos(q);
                auto page = pager.next();
                if (!page)
                    return page.error();
                return hub::WhoAmI{};
            }
            return client.whoami();
        },
        [this, hasToken](hub::Expected<hub::WhoAmI> answer) {
            if (answer) {
                if (!hasToken) {
                    m_session.status = SessionState::Status::Anonymous;
                } else {
                    m_session.status = SessionState::Status::SignedIn;
                    m_session.user = QString::fromStdString(answer->name);
                    m_session.fullName = QString::fromStdString(answer->fullname);
                    m_session.tokenRole = QString::fromStdString(answer->tokenRole);
                    for (const auto &org : answer->orgs)
                        m_session.orgs << QString::fromStdString(org.name);
                }
            } else {
                const auto code = answer.error().code;
                const bool rejected = code == hub::ErrorCode::Unauthorized || code == hub::ErrorCode::Forbidden;
                m_session.status = rejected ? SessionState::Status::Rejected : SessionState::Status::Offline;
                m_session.message = QString::fromStdString(answer.error().message);
            }
            emit sessionChanged();
        });
}

QStringList AppContext::namespaces() const
{
    QStringList out;
    if (!m_session.user.isEmpty())
        out << m_session.user;
    for (const QString &org : m_session.orgs)
        if (!out.contains(org))
            out << org;
    for (const QString &ns : m_settings.projectNamespaces())
        if (!out.contains(ns))
            out << ns;
    return out;
}

hub::TransferEngine &AppContext::transferEngine()
{
    if (!m_engine) {
        hub::EngineOptions options;
        options.stateDir = m_connection.stateDir.toStdString();
        options.cacheDir = m_connection.cacheDir.toStdString();
        options.clientConfig = m_connection.client;
        options.maxParallelFiles = m_connection.parallelTransfers;
        options.bandwidthLimitBytesPerSec = m_connection.bandwidthLimitBytesPerSec;
        if (m_connection.tuneEngine)
            m_connection.tuneEngine(options);
        m_engine = std::make_unique<hub::TransferEngine>(std::move(options));
        m_engine->setEventSink(m_fanOut);
    }
    return *m_engine;
}

void AppContext::addTransferSink(std::shared_ptr<hub::EventSink> sink)
{
    m_fanOut->add(std::move(sink));
}

hub::Expected<hub::JobId> AppContext::submitDownload(hub::DownloadRequest request)
{
    return transferEngine().submit(std::move(request));
}

void AppContext::notifyCacheChanged(const hub::RepoRef &repo)
{
    emit cacheChanged(repo);
}

} // namespace hubui
