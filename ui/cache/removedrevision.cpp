#include "ui/cache/removedrevision.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace hubui {

QByteArray RemovedRevision::toJson(const QList<RemovedRevision> &list)
{
    QJsonArray array;
    for (const RemovedRevision &r : list) {
        array.append(QJsonObject{{QStringLiteral("repo"), r.repoKey},
                                 {QStringLiteral("commit"), r.commit},
                                 {QStringLiteral("refs"), QJsonArray::fromStringList(r.refs)},
                                 {QStringLiteral("bytes"), r.bytes},
                                 {QStringLiteral("at"), r.removedAt.toUTC().toString(Qt::ISODate)}});
    }
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QList<RemovedRevision> RemovedRevision::fromJson(const QByteArray &json)
{
    QList<RemovedRevision> list;
    const QJsonArray array = QJsonDocument::fromJson(json).array();
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        RemovedRevision r;
        r.repoKey = o.value(QStringLiteral("repo")).toString();
        r.commit = o.value(QStringLiteral("commit")).toString();
        for (const QJsonValue &ref : o.value(QStringLiteral("refs")).toArray())
            r.refs << ref.toString();
        r.bytes = o.value(QStringLiteral("bytes")).toInteger();
        r.removedAt = QDateTime::fromString(o.value(QStringLiteral("at")).toString(), Qt::ISODate);
        if (!r.repoKey.isEmpty())
            list << r;
    }
    return list;
}

} // namespace hubui
