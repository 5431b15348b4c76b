#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace hubui {

/// What the Transfers view knows about one job: a Qt-side copy of the engine's job state, made by
/// TransferAdapter on the GUI thread. A plain value, cheap to copy.
struct TransferJobInfo {
    enum class Kind { Download, Upload };
    enum class State { Queued, Running, Paused, Completed, Failed, Cancelled };

    quint64 id = 0;
    Kind kind = Kind::Download;
    State state = State::Queued;
    QString title;    ///< "model.onnx" or "Upload 3 files"
    QString repo;     ///< "model/PellelNitram/xournalpp-htr-word-detector"
    QString revision; ///< branch, tag or commit
    qint64 bytesDone = 0;
    qint64 bytesTotal = -1; ///< -1 while unknown
    int filesDone = 0;
    int filesTotal = 0;
    double bytesPerSecond = 0.0;
    QString error;            ///< plain-language sentence when Failed
    QString errorCode;        ///< machine code ("PreconditionFailed"), empty when none
    QString phase;            ///< "Hashing", "Uploading", "Committing"... (engine wording)
    QString resultPath;       ///< local file or snapshot folder of a finished download
    QUrl resultUrl;           ///< commit or pull request of a finished upload
    QString commit;           ///< resolved (download) or created (upload) commit
    bool pullRequest = false; ///< the upload opened a pull request (resultUrl points to it)
    QStringList files;        ///< uploaded paths in the repo (for the History tab link)
    QDateTime startedAt;      ///< first time the job ran (for "long job" notifications)
    QDateTime finishedAt;
    bool resumedFromJournal = false; ///< left from a previous run

    bool isActive() const { return state == State::Queued || state == State::Running; }
    bool isFinished() const { return state == State::Completed || state == State::Failed || state == State::Cancelled; }
    /// 0..1, or -1 when the total is unknown.
    double fraction() const
    {
        if (bytesTotal <= 0)
            return state == State::Completed ? 1.0 : -1.0;
        return qBound(0.0, static_cast<double>(bytesDone) / static_cast<double>(bytesTotal), 1.0);
    }
    /// Seconds left at the current speed, -1 when unknown.
    qint64 etaSeconds() const
    {
        if (state != State::Running || bytesTotal <= 0 || bytesPerSecond < 1.0)
            return -1;
        return static_cast<qint64>(static_cast<double>(bytesTotal - bytesDone) / bytesPerSecond);
    }
};

/// The number of the pull request a Hub URL points to (".../discussions/5" → 5), 0 when none.
inline int pullRequestNumberOf(const QUrl &url)
{
    const QString path = url.path();
    const qsizetype at = path.lastIndexOf(QStringLiteral("/discussions/"));
    bool ok = false;
    const int number = at >= 0 ? path.mid(at + 13).toInt(&ok) : 0;
    return ok && number > 0 ? number : 0;
}

} // namespace hubui

Q_DECLARE_METATYPE(hubui::TransferJobInfo)
