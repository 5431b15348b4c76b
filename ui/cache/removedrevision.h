#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace hubui {

/// One revision a deletion removed from the cache: enough to say what went and to download it
/// again. Kept in the settings so the list survives a restart.
struct RemovedRevision {
    QString repoKey; ///< "model/owner/name"
    QString commit;  ///< 40 hex
    QStringList refs;
    qint64 bytes = 0; ///< exclusive bytes the deletion freed for this revision
    QDateTime removedAt;

    /// Serialises a list to/from JSON (for the settings facade).
    static QByteArray toJson(const QList<RemovedRevision> &list);
    static QList<RemovedRevision> fromJson(const QByteArray &json);
};

} // namespace hubui

Q_DECLARE_METATYPE(hubui::RemovedRevision)
