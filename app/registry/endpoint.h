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
    // Harbor, or TCR Enterprise (built on Harbor): its repositories are listed through the
    // project API (/api/v2.0), which answers members, where /v2/_catalog answers only admins.
    bool harborApi = false;

    QString displayName() const { return url.authority(); } // used in messages
};

} // namespace crsync
