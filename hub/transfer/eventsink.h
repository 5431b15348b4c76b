#pragma once
// How the transfer engine tells the rest of the program what happens to its jobs.

#include "hub/transfer/job.h"

namespace hub {

/// Receives job updates from a TransferEngine.
///
/// Threading: every method is called on the engine's worker thread, one call at a time, never
/// while the engine holds a lock the caller could need (calling back into the engine is allowed).
/// Implementations must return quickly; the Qt adapter re-posts to the GUI thread.
class EventSink {
public:
    virtual ~EventSink() = default;
    /// A job was submitted. (Jobs restored from the journal are in TransferEngine::jobs() as soon
    /// as the engine is constructed, before any sink can be set.)
    virtual void jobAdded(const JobSnapshot &job) = 0;
    /// State, progress or error changed. Progress-only changes arrive at most ~5 times a second.
    virtual void jobChanged(const JobSnapshot &job) = 0;
    /// The job was removed (TransferEngine::remove).
    virtual void jobRemoved(JobId id) = 0;
    /// Something the user should know that is not about one job: the saved list of transfers
    /// could not be read (it was set aside) or cannot be saved (transfers run on, but would not
    /// resume after a restart). A problem found while the engine started is delivered to the
    /// first sink that is set. A sink that ignores it hides a real failure from the user.
    virtual void engineProblem(const HubError &problem) = 0;
};

} // namespace hub
