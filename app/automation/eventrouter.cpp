#include "automation/eventrouter.h"

#include "core/instance.h"
#include "core/rulematcher.h"
#include "store/instancestore.h"
#include "store/rulestore.h"

#include <QUrl>

namespace crsync {

bool EventRouter::hostMatches(const Instance &instance, const QString &host)
{
    const QUrl url = instance.url;
    const QUrl pushed(QStringLiteral("//") + host);
    if (!pushed.isValid() || pushed.host().compare(url.host(), Qt::CaseInsensitive) != 0)
        return false;
    const int defaultPort = url.scheme() == QLatin1String("http") ? 80 : 443;
    return url.port(defaultPort) == pushed.port(defaultPort);
}

Result<EventRouter::Routed> EventRouter::route(const QList<PushNotice> &pushes,
                                               const QString &origin)
{
    Routed routed;
    if (pushes.isEmpty())
        return routed;
    const Result<QList<Instance>> instances = InstanceStore(m_db).list();
    if (!instances)
        return instances.error();
    RuleStore rules(m_db);
    for (const PushNotice &push : pushes) {
        bool covered = false;
        for (const Instance &instance : *instances) {
            const bool here = std::any_of(push.hosts.cbegin(), push.hosts.cend(),
                                          [&](const QString &h) { return hostMatches(instance, h); });
            if (!here)
                continue;
            const Result<QList<Rule>> enabled = rules.listEnabledForSource(instance.id);
            if (!enabled)
                return enabled.error();
            for (const Rule &rule : *enabled) {
                if (!RuleMatcher(rule).matches(push.repository, push.tag))
                    continue;
                PendingEvent e;
                e.origin = origin;
                e.ruleId = rule.id;
                e.repository = push.repository;
                e.tag = push.tag;
                e.digest = push.digest;
                routed.events << e;
                covered = true;
            }
        }
        if (!covered)
            ++routed.unmatched;
    }
    return routed;
}

} // namespace crsync
