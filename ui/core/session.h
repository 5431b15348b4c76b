#pragma once

#include <QString>
#include <QStringList>

namespace hubui {

/// Who HubDesk talks to and as whom: what the sidebar's header shows.
struct SessionState {
    enum class Status {
        Unknown,   ///< not asked yet / asking
        Anonymous, ///< no token: public repos only
        SignedIn,  ///< whoami answered
        Rejected,  ///< the Hub refused the token (expired or revoked)
        Offline,   ///< the Hub cannot be reached (or HF_HUB_OFFLINE is set): cache only
    };
    Status status = Status::Unknown;
    QString endpoint;     ///< "https://huggingface.co", "http://127.0.0.1:PORT"
    QString user;         ///< signed-in user name
    QString fullName;     ///< display name
    QStringList orgs;     ///< organisation names
    QString tokenRole;    ///< "read", "write", "fineGrained"
    QString message;      ///< plain-language reason for Rejected / Offline
    bool sandbox = false; ///< talking to the built-in sandbox Hub

    bool online() const { return status == Status::Anonymous || status == Status::SignedIn; }
};

} // namespace hubui
