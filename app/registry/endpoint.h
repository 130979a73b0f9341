#pragma once

#include <QString>
#include <QUrl>

namespace crsync {

// How to reach and log in to one registry. The password is held in memory only.
struct Endpoint
{
    QUrl url; // scheme://host[:port], no path
    QString username;
    QString password; // empty with a username empty too = anonymous
    QString caFile;   // extra trusted CA certificate(s), PEM
    bool insecureSkipVerify = false;
    // The instance's explicit opt-in for plain HTTP: then the password may also go to a token
    // service on another host over http://.
    bool allowHttp = false;

    QString displayName() const { return url.authority(); } // used in messages
};

} // namespace crsync
