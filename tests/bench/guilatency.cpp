// GUI latency benchmark (driven by tests/bench/run-gui-bench; see README.md).
//
//   crsync_guilatency sync --data-dir DIR --rule NAME [--interval-ms N] [--idle-ms N]
//       The whole window with the Sync logs page in front runs the rule, as an operator's click
//       would. Meanwhile a precise timer on the GUI thread notes how late each of its ticks
//       comes: the time the event loop was held up by something else (models, painting, signals
//       from the engine). Prints one JSON object: lateness max/p99/p50 over the sync, the same
//       over an idle stretch before it (the floor of the machine), ticks, the task's status.
//
//   crsync_guilatency open --tasks N [--repeat N] [--work-dir DIR]
//       Fills a fresh data dir with N finished tasks (tests/support/tasklogfiller), then, N
//       times, makes the window with the logs page in front and times it until the task table
//       has painted its first rows. Prints JSON: every time, the median and the rows fetched.
#include "core/task.h"
#include "engine/engine.h"
#include "engine/enginesettings.h"
#include "logs/logspage.h"
#include "logs/tasktablemodel.h"
#include "mainwindow.h"
#include "service/ruleservice.h"
#include "service/services.h"
#include "service/syncservice.h"
#include "store/database.h"
#include "tasklogfiller.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <ctime>
#include <cstdio>
#include <memory>

using namespace crsync;

namespace {

// Tells which event held the loop up: every top-level dispatch longer than the threshold goes
// to stderr with its receiver, the event's type and when it happened.
class TracingApplication : public QApplication
{
public:
    using QApplication::QApplication;
    int thresholdNs = 0;
    QElapsedTimer clock;

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (thresholdNs <= 0 || QThread::currentThread() != thread()) // the GUI thread's only
            return QApplication::notify(receiver, event);
        if (m_depth > 0) { // within a slow dispatch, the paints that made it slow
            if (event->type() != QEvent::Paint)
                return QApplication::notify(receiver, event);
            const qint64 start = clock.nsecsElapsed();
            const bool result = QApplication::notify(receiver, event);
            const qint64 took = clock.nsecsElapsed() - start;
            if (took > thresholdNs / 5)
                m_paints += QByteArray::number(took / 1e6, 'f', 1) + " ms "
                    + nameOf(receiver) + "; ";
            return result;
        }
        m_paints.clear();
        ++m_depth;
        const qint64 start = clock.nsecsElapsed();
        const qint64 cpuStart = threadCpuNs();
        const QEvent::Type type = event->type(); // the event may be gone afterwards
        const QByteArray what = nameOf(receiver);
        const bool result = QApplication::notify(receiver, event);
        const qint64 took = clock.nsecsElapsed() - start;
        const qint64 cpu = threadCpuNs() - cpuStart;
        --m_depth;
        if (took > thresholdNs)
            fprintf(stderr, "slow event: %.1f ms (%.1f ms on the CPU) at %.3f s: type %d to %s%s%s\n",
                    took / 1e6, cpu / 1e6, start / 1e9, int(type), what.constData(), m_paints.isEmpty() ? "" : "; paints: ",
                    m_paints.constData());
        return result;
    }

private:
    static qint64 threadCpuNs()
    {
        timespec t {};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
        return qint64(t.tv_sec) * 1000000000 + t.tv_nsec;
    }

    // Class and object name, and for a scroll area's viewport the view's.
    static QByteArray nameOf(QObject *object)
    {
        QByteArray name = object->metaObject()->className() + QByteArray(" ") + object->objectName().toUtf8();
        if (object->objectName() == QLatin1String("qt_scrollarea_viewport") && object->parent())
            name += " of " + nameOf(object->parent());
        return name;
    }

    int m_depth = 0;
    QByteArray m_paints;
};

int fail(const QString &message)
{
    fprintf(stderr, "crsync_guilatency: %s\n", qPrintable(message));
    return 3;
}

void print(const QJsonObject &result)
{
    fprintf(stdout, "%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    fflush(stdout);
}

// Ticks of a precise timer; each tick's lateness is how much longer than the interval it took
// since the one before.
class LatenessProbe : public QObject
{
public:
    explicit LatenessProbe(int intervalMs)
        : m_intervalNs(qint64(intervalMs) * 1000000)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(intervalMs);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            const qint64 late = std::max<qint64>(0, now - m_lastNs - m_intervalNs);
            m_latenessNs.append(late);
            if (late > 16000000)
                m_lateTicks.append(QJsonArray{ double(m_lastNs / 1000000) / 1000.0, double(late / 1000) / 1000.0 });
            m_lastNs = now;
        });
    }
    void start()
    {
        m_latenessNs.clear();
        m_lateTicks = QJsonArray();
        m_clock.start();
        m_lastNs = 0;
        m_timer.start();
    }
    QJsonObject stop()
    {
        m_timer.stop();
        QList<qint64> sorted = m_latenessNs;
        std::sort(sorted.begin(), sorted.end());
        auto ms = [](qint64 ns) { return double(ns / 1000) / 1000.0; };
        auto quantile = [&](double q) {
            return sorted.isEmpty() ? 0.0 : ms(sorted.at(std::min<qsizetype>(sorted.size() - 1, qsizetype(q * sorted.size()))));
        };
        int over16 = 0;
        for (qint64 ns : sorted)
            over16 += ns > 16000000;
        return QJsonObject{
            { QStringLiteral("ticks"), int(sorted.size()) },
            { QStringLiteral("duration_ms"), ms(m_clock.nsecsElapsed()) },
            { QStringLiteral("max_ms"), sorted.isEmpty() ? 0.0 : ms(sorted.last()) },
            { QStringLiteral("p99_ms"), quantile(0.99) },
            { QStringLiteral("p50_ms"), quantile(0.5) },
            { QStringLiteral("ticks_over_16ms"), over16 },
            { QStringLiteral("late_ticks"), m_lateTicks }, // [seconds after the start, ms late]
        };
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_intervalNs;
    qint64 m_lastNs = 0;
    QList<qint64> m_latenessNs;
    QJsonArray m_lateTicks;
};

void waitMs(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

int runSync(const QString &dataDir, const QString &ruleName, int intervalMs, int idleMs)
{
    // The engine settings the window makes (app/main.cpp).
    Result<std::unique_ptr<Services>> services = Services::open(dataDir, EngineSettings::fromEnvironment());
    if (!services)
        return fail(services.error().message);
    Result<Rule> rule = (*services)->rules().find(ruleName);
    if (!rule)
        return fail(rule.error().message);

    MainWindow window(**services);
    window.resize(1280, 800);
    window.showPage(MainWindow::Page::Logs);
    window.show();
    waitMs(500); // shown and painted, the first page of the log read

    LatenessProbe probe(intervalMs);
    probe.start();
    waitMs(idleMs);
    const QJsonObject idle = probe.stop();

    qint64 task = 0;
    TaskStatus status = TaskStatus::Pending;
    QEventLoop finished;
    QObject::connect(&(*services)->engine(), &Engine::taskFinished, &finished,
                     [&](qint64 id, TaskStatus s) {
                         if (id == task) {
                             status = s;
                             finished.quit();
                         }
                     });
    QElapsedTimer wall;
    wall.start();
    probe.start();
    fprintf(stderr, "the sync starts at %.3f s\n",
            static_cast<TracingApplication *>(qApp)->clock.nsecsElapsed() / 1e9);
    const Result<qint64> started = (*services)->sync().trigger(rule->id);
    if (!started)
        return fail(started.error().message);
    task = *started;
    finished.exec();
    const QJsonObject during = probe.stop();
    const qint64 wallMs = wall.elapsed();

    const TaskTableModel *model = window.logsPage()->model();
    QJsonObject result{
        { QStringLiteral("mode"), QStringLiteral("sync") },
        { QStringLiteral("platform"), QGuiApplication::platformName() },
        { QStringLiteral("interval_ms"), intervalMs },
        { QStringLiteral("task"), task },
        { QStringLiteral("status"), taskStatusName(status) },
        { QStringLiteral("sync_ms"), wallMs },
        { QStringLiteral("log_rows"), model->rowCount() },
        { QStringLiteral("during"), during },
        { QStringLiteral("idle"), idle },
    };
    print(result);
    return status == TaskStatus::Succeeded ? 0 : 1;
}

// Notes when the view's viewport has finished its first paint.
class FirstPaint : public QObject
{
public:
    explicit FirstPaint(QEventLoop &loop) : m_loop(loop) { }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_seen) {
            m_seen = true;
            QTimer::singleShot(0, &m_loop, &QEventLoop::quit); // after this paint is done
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QEventLoop &m_loop;
    bool m_seen = false;
};

int runOpen(int tasks, int repeat, const QString &workDir)
{
    std::unique_ptr<QTemporaryDir> temporary;
    QString dataDir = workDir;
    if (dataDir.isEmpty()) {
        temporary = std::make_unique<QTemporaryDir>();
        if (!temporary->isValid())
            return fail(QStringLiteral("cannot make a temporary directory"));
        dataDir = temporary->path();
    }
    QElapsedTimer fillClock;
    fillClock.start();
    {
        Result<std::unique_ptr<Services>> services = Services::open(dataDir, EngineSettings::fromEnvironment());
        if (!services)
            return fail(services.error().message);
        const Result<test::TaskLogFill> fill = test::fillTaskLog((*services)->database(), tasks);
        if (!fill)
            return fail(fill.error().message);
    }
    const qint64 fillMs = fillClock.elapsed();

    QJsonArray times;
    QList<double> sorted;
    int rows = 0;
    int total = 0;
    for (int run = 0; run < repeat; ++run) {
        QElapsedTimer clock;
        clock.start();
        Result<std::unique_ptr<Services>> services = Services::open(dataDir, EngineSettings::fromEnvironment());
        if (!services)
            return fail(services.error().message);
        const double servicesMs = clock.nsecsElapsed() / 1e6;
        MainWindow window(**services);
        window.resize(1280, 800);
        window.showPage(MainWindow::Page::Logs);
        auto *table = window.logsPage()->findChild<QTableView *>(QStringLiteral("taskTable"));
        if (!table)
            return fail(QStringLiteral("the logs page has no task table"));
        QEventLoop painted;
        FirstPaint watch(painted);
        table->viewport()->installEventFilter(&watch);
        QTimer::singleShot(10000, &painted, &QEventLoop::quit);
        window.show();
        painted.exec();
        const double ms = clock.nsecsElapsed() / 1e6;
        times.append(QJsonObject{ { QStringLiteral("window_ms"), ms },
                                  { QStringLiteral("services_ms"), servicesMs } });
        sorted.append(ms);
        rows = window.logsPage()->model()->rowCount();
        total = window.logsPage()->model()->totalCount();
        table->viewport()->removeEventFilter(&watch);
    }
    std::sort(sorted.begin(), sorted.end());
    print(QJsonObject{
        { QStringLiteral("mode"), QStringLiteral("open") },
        { QStringLiteral("platform"), QGuiApplication::platformName() },
        { QStringLiteral("tasks"), total },
        { QStringLiteral("fill_ms"), fillMs },
        { QStringLiteral("rows_fetched"), rows },
        { QStringLiteral("runs"), times },
        { QStringLiteral("median_ms"), sorted.at(sorted.size() / 2) },
        { QStringLiteral("max_ms"), sorted.last() },
    });
    return total == tasks ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    TracingApplication app(argc, argv);
    app.clock.start();
    QCoreApplication::setOrganizationName(QStringLiteral("crsync"));
    QCoreApplication::setApplicationName(QStringLiteral("crsync"));
    QStandardPaths::setTestModeEnabled(true); // the window's layout settings stay out of ~/.config

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("How long the console's GUI thread is held up."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("mode"), QStringLiteral("sync or open"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"), QStringLiteral("sync: the data dir"), QStringLiteral("DIR"));
    const QCommandLineOption rule(QStringLiteral("rule"), QStringLiteral("sync: the rule to run"), QStringLiteral("NAME"));
    const QCommandLineOption interval(QStringLiteral("interval-ms"), QStringLiteral("sync: the probe's tick"), QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption idle(QStringLiteral("idle-ms"), QStringLiteral("sync: idle stretch measured first"), QStringLiteral("N"), QStringLiteral("2000"));
    const QCommandLineOption tasks(QStringLiteral("tasks"), QStringLiteral("open: tasks in the store"), QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption repeat(QStringLiteral("repeat"), QStringLiteral("open: times"), QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption trace(QStringLiteral("trace-ms"), QStringLiteral("report to stderr every event that takes longer"), QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption workDir(QStringLiteral("work-dir"), QStringLiteral("open: data dir to fill (default: a temporary one)"), QStringLiteral("DIR"));
    parser.addOptions({ dataDir, rule, interval, idle, tasks, repeat, trace, workDir });
    parser.process(app);
    app.thresholdNs = parser.value(trace).toInt() * 1000000;

    const QString mode = parser.positionalArguments().value(0);
    if (mode == QLatin1String("sync")) {
        if (!parser.isSet(dataDir) || !parser.isSet(rule))
            return fail(QStringLiteral("sync needs --data-dir and --rule"));
        return runSync(parser.value(dataDir), parser.value(rule),
                       std::max(1, parser.value(interval).toInt()), parser.value(idle).toInt());
    }
    if (mode == QLatin1String("open"))
        return runOpen(parser.value(tasks).toInt(), std::max(1, parser.value(repeat).toInt()),
                       parser.value(workDir));
    return fail(QStringLiteral("the mode is sync or open (--help)"));
}
