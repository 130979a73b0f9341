#pragma once

#include "automation/webhookpayload.h"
#include "core/result.h"
#include "store/eventstore.h"

#include <QList>

namespace crsync {

class Database;
struct Instance;

// Turns pushes into the events the queue keeps: each push goes to the stored instance at the
// host it was pushed to, then to every enabled rule of that instance whose namespace and
// filters cover the repository and tag (the resource type is checked by the task, once the
// manifest says what the artifact is). A push no rule covers becomes nothing.
class EventRouter
{
public:
    explicit EventRouter(Database &db) : m_db(db) { }

    struct Routed
    {
        QList<PendingEvent> events; // not stored yet
        int unmatched = 0;          // pushes of no known instance, or no rule covers them
    };
    Result<Routed> route(const QList<PushNotice> &pushes, const QString &origin);

    // Whether `host` ("reg.example.com:5000", maybe without a port) names the instance's URL.
    static bool hostMatches(const Instance &instance, const QString &host);

private:
    Database &m_db;
};

} // namespace crsync
