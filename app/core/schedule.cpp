#include "core/schedule.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace crsync {

Result<Schedule> Schedule::parse(const QString &text)
{
    const QString t = text.trimmed().toLower();
    static const QRegularExpression every(QStringLiteral("^every\\s+(\\d+)\\s*(m|min|minutes?|h|hours?)$"));
    static const QRegularExpression daily(QStringLiteral("^daily\\s+(?:at\\s+)?(\\d{1,2}):(\\d{2})$"));
    // The same in Chinese, as the zh_CN form suggests: 每30分钟, 每 6 小时, 每天 02:00.
    static const QRegularExpression everyZh(QStringLiteral("^每\\s*(\\d+)\\s*(分钟|小时)$"));
    static const QRegularExpression dailyZh(QStringLiteral("^每天\\s*(\\d{1,2}):(\\d{2})$"));
    Schedule s;
    if (const QRegularExpressionMatch m = everyZh.match(t); m.hasMatch()) {
        const int n = m.captured(1).toInt();
        s.kind = Kind::Every;
        s.minutes = m.captured(2) == QStringLiteral("小时") ? n * 60 : n;
        if (s.minutes >= 5 && s.minutes <= 7 * 24 * 60)
            return s;
    } else if (const QRegularExpressionMatch d = dailyZh.match(t); d.hasMatch()) {
        s.kind = Kind::Daily;
        s.at = QTime(d.captured(1).toInt(), d.captured(2).toInt());
        if (s.at.isValid())
            return s;
    } else if (const QRegularExpressionMatch m = every.match(t); m.hasMatch()) {
        const int n = m.captured(1).toInt();
        s.kind = Kind::Every;
        s.minutes = m.captured(2).startsWith(QLatin1Char('h')) ? n * 60 : n;
        if (s.minutes >= 5 && s.minutes <= 7 * 24 * 60)
            return s;
    } else if (const QRegularExpressionMatch d = daily.match(t); d.hasMatch()) {
        s.kind = Kind::Daily;
        s.at = QTime(d.captured(1).toInt(), d.captured(2).toInt());
        if (s.at.isValid())
            return s;
    }
    return Error::invalid(QStringLiteral("schedule"),
                          QCoreApplication::translate("crsync::Schedule",
                                                      "\"%1\" is not a schedule: write \"every 30m\", "
                                                      "\"every 2h\" (5 minutes to 7 days) or \"daily 02:00\".")
                              .arg(text));
}

QString Schedule::toString() const
{
    if (kind == Kind::Daily)
        return QStringLiteral("daily %1").arg(at.toString(QStringLiteral("HH:mm")));
    return minutes % 60 == 0 ? QStringLiteral("every %1h").arg(minutes / 60)
                             : QStringLiteral("every %1m").arg(minutes);
}

QString Schedule::describe() const
{
    if (kind == Kind::Daily) {
        const QString time = at.toString(QStringLiteral("HH:mm"));
        return QCoreApplication::translate("crsync::Schedule", "daily at %1").arg(time);
    }
    const int hours = minutes / 60;
    if (minutes % 60 == 0) {
        return QCoreApplication::translate("crsync::Schedule", "every %n hour(s)", nullptr, hours);
    }
    return QCoreApplication::translate("crsync::Schedule", "every %n minute(s)", nullptr, minutes);
}

QDateTime Schedule::due(const QDateTime &lastRun, const QDateTime &now) const
{
    const QDateTime from = lastRun.isValid() ? lastRun : now;
    if (kind == Kind::Every)
        return from.addSecs(qint64(minutes) * 60);
    const QDateTime local = from.toLocalTime();
    QDateTime candidate(local.date(), at); // local time
    if (candidate <= local)
        candidate = QDateTime(local.date().addDays(1), at);
    return candidate.toUTC();
}

QDateTime Schedule::nextRun(const QDateTime &lastRun, const QDateTime &now) const
{
    return std::max(due(lastRun, now), now);
}

} // namespace crsync
