#include "ui/core/asyncjob.h"

namespace hubui {

QThreadPool *jobPool()
{
    // A function-local static: created on first use, waited for at exit (the jobs only hold
    // values, and every network call has timeouts).
    static QThreadPool pool;
    static const bool configured = [] {
        pool.setMaxThreadCount(6);
        return true;
    }();
    Q_UNUSED(configured);
    return &pool;
}

} // namespace hubui
