// The console's Sync logs page: live rows, cancel, tasks of another process, a task's failed
// artifacts and Retry failed, CSV, filters and sort, and 100,000 tasks opened lazily.
#include "consoletest.h"
#include "engine/engine.h"
#include "logs/logspage.h"
#include "logs/taskitemmodel.h"
#include "logs/tasktablemodel.h"
#include "store/database.h"
#include "store/taskstore.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QScrollBar>
#include <QPlainTextEdit>
#include <QSqlError>
#include <QSqlQuery>

class TestLogsPage : public ConsoleTest
{
    Q_OBJECT

private slots:
    void initTestCase() { startRegistries(); }
    void init() { openDataDir(); }
    void cleanup() { closeDataDir(); }

    void triggeredSyncMovesInPlaceAndCancels();
    void runningTaskDetailFills();
    void syncOfAnotherProcessShowsUp();
    void newestTaskSelectedUntilOnePicked();
    void failedArtifactsAndRetry();
    void csvRoundTrips();
    void filtersAndSort();
    void hundredThousandTasksOpenLazily();

private:
    qint64 slowRule(ThrottledProxy &proxy, const QString &name);
    int rowOfTask(LogsPage *page, qint64 taskId);
};

qint64 TestLogsPage::slowRule(ThrottledProxy &proxy, const QString &name)
{
    if (!addThrottledSource(proxy))
        return 0;
    return addRuleFrom(QStringLiteral("slow"), name, name);
}

int TestLogsPage::rowOfTask(LogsPage *page, qint64 taskId)
{
    return page->model()->rowOf(taskId);
}

void TestLogsPage::triggeredSyncMovesInPlaceAndCancels()
{
    addInstances();
    ThrottledProxy slow(m_source->port(), 30000); // several seconds for the namespace
    const qint64 rule = slowRule(slow, QStringLiteral("live"));
    QVERIFY(rule > 0);
    MainWindow window(*m_services);
    window.show();
    window.showPage(MainWindow::Page::Rules);
    window.rulesPage()->selectSource(instanceNamed(QStringLiteral("slow")).id);
    window.rulesPage()->selectRule(rule);
    window.rulesPage()->triggerSelected();
    window.showPage(MainWindow::Page::Logs);
    LogsPage *page = window.logsPage();
    TaskTableModel *model = page->model();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() == 1, 5000);
    const qint64 task = model->index(0, 0).data(TaskTableModel::TaskIdRole).toLongLong();

    // Moving in place: the status cell carries a progress bar and says how far it got.
    QTRY_VERIFY_WITH_TIMEOUT(model->index(0, TaskTableModel::Status).data(TaskTableModel::ProgressRole).isValid()
                                 && model->index(0, TaskTableModel::Status).data().toString().contains(QStringLiteral("of")),
                             15000);
    const QString accessible = model->index(0, TaskTableModel::Status).data(Qt::AccessibleTextRole).toString();
    QVERIFY2(accessible.startsWith(taskStatusText(TaskStatus::InProgress)), qPrintable(accessible));

    // Cancel from the page: asked first, then Canceled within seconds.
    page->selectTask(task);
    QVERIFY(page->canCancel());
    QString asked;
    whenModal([&](QWidget *box) {
        asked = box->objectName();
        clickButton(box, QStringLiteral("Stop them"));
    });
    page->cancelSelected();
    QCOMPARE(asked, QStringLiteral("cancelTasksBox"));
    QElapsedTimer stopping;
    stopping.start();
    QTRY_COMPARE_WITH_TIMEOUT(model->index(rowOfTask(page, task), TaskTableModel::Status)
                                  .data(TaskTableModel::StatusRole).toInt(),
                              int(TaskStatus::Canceled), 15000);
    qInfo("canceled after %lld ms", stopping.elapsed());
    QVERIFY2(!model->index(rowOfTask(page, task), TaskTableModel::Status).data(TaskTableModel::ProgressRole).isValid(),
             "a finished task has no progress bar");
    // Whatever arrived is whole: every tag on the target has the source's digest.
    for (const QString &repo : { QStringLiteral("app"), QStringLiteral("tool") })
        for (const QString &tag : m_target->tags(QStringLiteral("live/") + repo))
            QCOMPARE(m_target->inspectDigest(QStringLiteral("live/%1:%2").arg(repo, tag)),
                     m_digest.value(QStringLiteral("team/%1:%2").arg(repo, tag)));
}

void TestLogsPage::runningTaskDetailFills()
{
    // One artifact at a time through a slow link, so they finish one after the other.
    closeDataDir();
    m_dataDir = std::make_unique<QTemporaryDir>();
    EngineSettings oneAtATime;
    oneAtATime.maxArtifactsInFlight = 1;
    auto services = Services::open(m_dataDir->path(), oneAtATime);
    QVERIFY(services);
    m_services = std::move(services).value();
    addInstances();
    ThrottledProxy slow(m_source->port(), 60000);
    const qint64 rule = slowRule(slow, QStringLiteral("detail"));
    QVERIFY(rule > 0);
    MainWindow window(*m_services);
    window.show();
    window.showPage(MainWindow::Page::Logs);
    LogsPage *page = window.logsPage();
    const Result<qint64> task = m_services->sync().trigger(rule);
    QVERIFY(task);
    QTRY_COMPARE(page->selectedTaskId(), *task);

    // The artifacts done so far show under the running task, and the title says how far it got.
    auto status = [&] {
        return page->model()->index(rowOfTask(page, *task), TaskTableModel::Status)
            .data(TaskTableModel::StatusRole).toInt();
    };
    auto running = [&] {
        return status() == int(TaskStatus::Pending) || status() == int(TaskStatus::InProgress);
    };
    QTRY_VERIFY_WITH_TIMEOUT(page->itemModel()->rowCount() > 0 || !running(), 30000);
    QVERIFY2(running(), "the task was still running when its first artifacts showed");
    const int early = page->itemModel()->rowCount();
    auto *title = window.findChild<QLabel *>(QStringLiteral("taskDetailTitle"));
    QVERIFY2(title->text().contains(QLatin1String("Running:")), qPrintable(title->text()));
    qInfo("%d artifact(s) shown while the task ran: %s", early, qPrintable(title->text()));

    // When it ends, the detail is the whole task, each artifact once.
    QTRY_COMPARE_WITH_TIMEOUT(status(), int(TaskStatus::Succeeded), 60000);
    const Result<QList<TaskItem>> stored = m_services->sync().items(*task);
    QVERIFY(stored);
    QTRY_COMPARE(page->itemModel()->rowCount(), int(stored->size()));
    QVERIFY2(!title->text().contains(QLatin1String("Running:")), qPrintable(title->text()));
}

void TestLogsPage::syncOfAnotherProcessShowsUp()
{
    addInstances();
    const qint64 rule = addRule(QStringLiteral("terminal"), QStringLiteral("v1"));
    QVERIFY(rule > 0);
    MainWindow window(*m_services);
    window.show();
    window.showPage(MainWindow::Page::Logs);
    LogsPage *page = window.logsPage();
    QCOMPARE(page->model()->rowCount(), 0);

    // `crsync sync` in a terminal, on the same data dir and keychain.
    QProcess cli;
    cli.start(qEnvironmentVariable("CRSYNC_BINARY"),
              { QStringLiteral("--data-dir"), m_dataDir->path(), QStringLiteral("sync"),
                QStringLiteral("terminal"), QStringLiteral("--wait") });
    QVERIFY(cli.waitForStarted());
    QElapsedTimer seen;
    seen.start();
    QTRY_VERIFY_WITH_TIMEOUT(page->model()->rowCount() == 1, 10000);
    qInfo("the other process's task showed after %lld ms", seen.elapsed());
    QTRY_COMPARE_WITH_TIMEOUT(page->model()->index(0, TaskTableModel::Status).data(TaskTableModel::StatusRole).toInt(),
                              int(TaskStatus::Succeeded), 30000);
    QTRY_COMPARE(cli.state(), QProcess::NotRunning);
    QCOMPARE(cli.exitCode(), 0);
    QCOMPARE(page->model()->index(0, TaskTableModel::Rule).data().toString(), QStringLiteral("terminal"));
    QCOMPARE(m_target->inspectDigest(QStringLiteral("mirror-terminal/app:v1")), m_digest.value(QStringLiteral("team/app:v1")));

    // The rules page's run columns follow the other process too: a second run in the terminal
    // makes its recent runs read two, without a refresh.
    window.showPage(MainWindow::Page::Rules);
    window.rulesPage()->selectSource(instanceNamed(QStringLiteral("src")).id);
    RuleTableModel *rules = window.rulesPage()->model();
    QCOMPARE(rules->rowCount(), 1);
    const QModelIndex recent = rules->index(0, RuleTableModel::RecentRuns);
    QTRY_VERIFY2(recent.data(Qt::AccessibleTextRole).toString().contains(QLatin1String("1 ")),
                 qPrintable(recent.data(Qt::AccessibleTextRole).toString()));
    cli.start(qEnvironmentVariable("CRSYNC_BINARY"),
              { QStringLiteral("--data-dir"), m_dataDir->path(), QStringLiteral("sync"),
                QStringLiteral("terminal"), QStringLiteral("--wait") });
    QVERIFY(cli.waitForFinished(30000));
    QCOMPARE(cli.exitCode(), 0);
    seen.restart();
    QTRY_VERIFY2_WITH_TIMEOUT(
        rules->index(0, RuleTableModel::RecentRuns).data(Qt::AccessibleTextRole).toString().contains(QLatin1String("2 ")),
        qPrintable(rules->index(0, RuleTableModel::RecentRuns).data(Qt::AccessibleTextRole).toString()), 2000);
    qInfo("the rules page counted the second run %lld ms after the process ended", seen.elapsed());
}

void TestLogsPage::newestTaskSelectedUntilOnePicked()
{
    addInstances();
    const qint64 rule = addRule(QStringLiteral("often"), QStringLiteral("v1"));
    QVERIFY(rule > 0);
    MainWindow window(*m_services);
    window.show();
    window.showPage(MainWindow::Page::Logs);
    LogsPage *page = window.logsPage();
    auto syncOnce = [&] {
        QSignalSpy finished(&m_services->engine(), &Engine::taskFinished);
        const Result<qint64> task = m_services->sync().trigger(rule);
        if (!task || !finished.wait(30000))
            return qint64(0);
        QTest::qWait(50); // the page hears of the new task first, as in the window
        return *task;
    };

    // Nobody picked a task: the newest is the one shown, run after run.
    const qint64 first = syncOnce();
    QVERIFY(first > 0);
    QTRY_COMPARE(page->selectedTaskId(), first);
    const qint64 second = syncOnce();
    QVERIFY(second > first);
    QTRY_COMPARE(page->selectedTaskId(), second);

    // Once the operator picks one, a new task does not take the selection away.
    page->selectTask(first);
    const qint64 third = syncOnce();
    QVERIFY(third > second);
    QTRY_COMPARE(page->model()->index(0, 0).data(TaskTableModel::TaskIdRole).toLongLong(), third);
    QCOMPARE(page->selectedTaskId(), first);
}

void TestLogsPage::failedArtifactsAndRetry()
{
    addInstances();
    const qint64 rule = addRule(QStringLiteral("retry"), QString());
    QVERIFY(rule > 0);
    // A task as the engine records one whose push of app:v1 was refused and app:v2 arrived.
    TaskStore store(m_services->database());
    Task t;
    t.ruleId = rule;
    t.ruleName = QStringLiteral("retry");
    t.source = QStringLiteral("src/team");
    t.target = QStringLiteral("dst/mirror-retry");
    t.status = TaskStatus::Pending;
    Result<Task> created = store.create(t);
    QVERIFY(created);
    QVERIFY(store.setStatus(created->id, TaskStatus::InProgress));
    TaskItem failed;
    failed.sourceRepository = QStringLiteral("team/app");
    failed.targetRepository = QStringLiteral("mirror-retry/app");
    failed.tag = QStringLiteral("v1");
    failed.digest = m_digest.value(QStringLiteral("team/app:v1"));
    failed.kind = QStringLiteral("image");
    failed.outcome = TaskItem::Outcome::Failed;
    failed.error = QStringLiteral("The target refused the manifest (HTTP 500):\n目标仓库暂时不可用, \"quoted\", comma");
    TaskItem copied = failed;
    copied.tag = QStringLiteral("v2");
    copied.outcome = TaskItem::Outcome::Copied;
    copied.error.clear();
    copied.bytes = 1234;
    QVERIFY(store.addItems(created->id, { failed, copied }));
    QVERIFY(store.setCounters(created->id, 1, 2, 1, 0, 1, 1234));
    QVERIFY(store.setStatus(created->id, TaskStatus::PartiallySucceeded));

    MainWindow window(*m_services);
    window.show();
    window.showPage(MainWindow::Page::Logs);
    LogsPage *page = window.logsPage();
    page->selectTask(created->id);
    QCOMPARE(page->selectedTaskId(), created->id);
    QCOMPARE(page->itemModel()->rowCount(), 2);
    auto *failuresOnly = child<QCheckBox>(page, "failuresOnlyCheck");
    failuresOnly->setChecked(true);
    auto *items = child<QTableView>(page, "itemTable");
    QCOMPARE(items->model()->rowCount(), 1);
    items->setCurrentIndex(items->model()->index(0, 0));
    QCOMPARE(child<QPlainTextEdit>(page, "itemErrorText")->toPlainText(), failed.error);

    QVERIFY(page->canRetry());
    page->retrySelected();
    TaskFilter ofRule;
    ofRule.ruleId = rule;
    QTRY_COMPARE(*m_services->sync().count(ofRule), 2);
    const qint64 retry = m_services->sync().tasks(ofRule)->first().id;
    QTRY_COMPARE_WITH_TIMEOUT(m_services->sync().task(retry)->status, TaskStatus::Succeeded, 30000);
    QCOMPARE(m_services->sync().task(retry)->artifactsTotal, 1);
    QCOMPARE(m_target->inspectDigest(QStringLiteral("mirror-retry/app:v1")), m_digest.value(QStringLiteral("team/app:v1")));
    QVERIFY2(m_target->inspectDigest(QStringLiteral("mirror-retry/app:v2")).isEmpty(),
             "only what failed is retried");
    QTRY_COMPARE(page->selectedTaskId(), retry);
}

namespace {
// RFC 4180 records of a CSV text (quoted fields may hold commas, quotes and line breaks).
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
        } else if (c == QLatin1Char('\r')) {
        } else if (c == QLatin1Char('\n')) {
            row << field;
            rows << row;
            row.clear();
            field.clear();
        } else {
            field += c;
        }
    }
    return rows;
}
} // namespace

void TestLogsPage::csvRoundTrips()
{
    TaskItemModel model;
    TaskItem a;
    a.sourceRepository = QStringLiteral("团队/应用");
    a.targetRepository = QStringLiteral("mirror/应用");
    a.tag = QStringLiteral("v1,beta");
    a.digest = QStringLiteral("sha256:") + QString(64, QLatin1Char('a'));
    a.kind = QStringLiteral("chart");
    a.outcome = TaskItem::Outcome::Failed;
    a.bytes = 42;
    a.durationMs = 1500;
    a.error = QStringLiteral("第一行\n\"第二行\", with a comma");
    a.referrers = 2;
    TaskItem b = a;
    b.tag = QStringLiteral("v2");
    b.outcome = TaskItem::Outcome::Copied;
    b.error.clear();
    b.referrers = 0;
    model.setItems({ a, b });
    // The kind says what went with the artifact, only when something did; in English words
    // as the window has them (their plural forms are in crsync_en).
    QTranslator english;
    QVERIFY(english.load(QStringLiteral(CRSYNC_QM_DIR "/crsync_en.qm")));
    QCoreApplication::installTranslator(&english);
    auto uninstall = qScopeGuard([&] { QCoreApplication::removeTranslator(&english); });
    QCOMPARE(model.index(0, TaskItemModel::Kind).data().toString(),
             QStringLiteral("chart + 2 signatures/SBOMs"));
    QCOMPARE(model.index(1, TaskItemModel::Kind).data().toString(), QStringLiteral("chart"));
    const QByteArray csv = model.toCsv();
    QVERIFY(csv.endsWith("\r\n"));
    const QList<QStringList> rows = parseCsv(QString::fromUtf8(csv));
    QCOMPARE(rows.size(), 3); // header + 2
    QCOMPARE(rows[0].size(), 10);
    QCOMPARE(rows[1].value(0), a.sourceRepository);
    QCOMPARE(rows[1].value(1), a.targetRepository);
    QCOMPARE(rows[1].value(2), a.tag);
    QCOMPARE(rows[1].value(3), a.digest);
    QCOMPARE(rows[1].value(6), QStringLiteral("42"));
    QCOMPARE(rows[1].value(7), QStringLiteral("1500"));
    QCOMPARE(rows[1].value(8), a.error);
    QCOMPARE(rows[1].value(4), QStringLiteral("chart")); // the count has a column of its own
    QCOMPARE(rows[1].value(9), QStringLiteral("2"));
    QCOMPARE(rows[2].value(2), QStringLiteral("v2"));
    QCOMPARE(rows[2].value(8), QString());
    QCOMPARE(rows[2].value(9), QStringLiteral("0"));
}

void TestLogsPage::filtersAndSort()
{
    addInstances();
    const qint64 rule = addRule(QStringLiteral("many"), QString());
    TaskStore store(m_services->database());
    int failedCount = 0;
    for (int i = 0; i < 300; ++i) {
        Task t;
        t.ruleId = rule;
        t.ruleName = i % 3 ? QStringLiteral("many") : QStringLiteral("other");
        t.status = TaskStatus::Pending;
        Result<Task> c = store.create(t);
        QVERIFY(c);
        QVERIFY(store.setStatus(c->id, TaskStatus::InProgress));
        QVERIFY(store.setCounters(c->id, 1, 10, i % 10, 0, 10 - i % 10, qint64(i) * 1000 + 7));
        const TaskStatus end = i % 7 == 0 ? TaskStatus::Failed : TaskStatus::PartiallySucceeded;
        failedCount += end == TaskStatus::Failed;
        QVERIFY(store.setStatus(c->id, end, i == 123 ? QStringLiteral("镜像仓库拒绝了请求") : QString()));
    }
    MainWindow window(*m_services);
    window.show();
    window.showPage(MainWindow::Page::Logs);
    LogsPage *page = window.logsPage();
    TaskTableModel *model = page->model();
    QCOMPARE(model->totalCount(), 300);
    QVERIFY2(model->rowCount() <= TaskTableModel::PageSize, "fetched a page, not everything");

    auto *status = child<QComboBox>(page, "logStatusBox");
    status->setCurrentIndex(status->findData(int(TaskStatus::Failed)));
    emit status->activated(status->currentIndex());
    QCOMPARE(model->totalCount(), failedCount);
    for (int r = 0; r < model->rowCount(); ++r)
        QCOMPARE(model->index(r, 0).data(TaskTableModel::StatusRole).toInt(), int(TaskStatus::Failed));
    status->setCurrentIndex(0);
    emit status->activated(0);

    // Text: a message in Chinese, and a task id.
    type(child<QLineEdit>(page, "logFilter"), QStringLiteral("镜像仓库"));
    QTRY_COMPARE(model->totalCount(), 1);
    type(child<QLineEdit>(page, "logFilter"), QStringLiteral("42"));
    QTRY_COMPARE(model->index(0, TaskTableModel::Id).data().toString(), QStringLiteral("42"));
    QCOMPARE(model->totalCount(), 1);
    type(child<QLineEdit>(page, "logFilter"), QString());
    QTRY_COMPARE(model->totalCount(), 300);

    // Sort by bytes, both ways, through the header.
    auto *table = child<QTableView>(page, "taskTable");
    table->sortByColumn(TaskTableModel::Bytes, Qt::AscendingOrder);
    QCOMPARE(model->task(0)->bytes, qint64(7));
    table->sortByColumn(TaskTableModel::Bytes, Qt::DescendingOrder);
    QCOMPARE(model->task(0)->bytes, qint64(299) * 1000 + 7);
    table->sortByColumn(TaskTableModel::Rule, Qt::AscendingOrder);
    QCOMPARE(model->task(0)->ruleName, QStringLiteral("many"));
}

void TestLogsPage::hundredThousandTasksOpenLazily()
{
    addInstances();
    const qint64 rule = addRule(QStringLiteral("busy"), QString());
    // 100,000 finished tasks and one with 10,000 items, written straight into the store.
    Result<QSqlDatabase> connection = m_services->database().connection();
    QVERIFY(connection);
    QSqlDatabase db = *connection;
    QElapsedTimer fill;
    fill.start();
    QVERIFY(db.transaction());
    QSqlQuery q(db);
    QVERIFY(q.prepare(QStringLiteral(
        "INSERT INTO tasks (rule_id, rule_name, trigger, status, created_at, started_at, finished_at, "
        "repositories, artifacts_total, artifacts_copied, artifacts_skipped, artifacts_failed, bytes) "
        "VALUES (?, 'busy', 'manual', ?, ?, ?, ?, 3, 10, 8, 1, 1, ?)")));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < 100000; ++i) {
        q.addBindValue(rule);
        q.addBindValue(i % 5 ? QStringLiteral("Succeeded") : QStringLiteral("PartiallySucceeded"));
        const qint64 at = now - qint64(100000 - i) * 60000;
        q.addBindValue(at);
        q.addBindValue(at);
        q.addBindValue(at + 1000 + i % 977);
        q.addBindValue(qint64(i) * 1024);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
    }
    const qint64 big = q.lastInsertId().toLongLong();
    QSqlQuery items(db);
    QVERIFY(items.prepare(QStringLiteral(
        "INSERT INTO task_items (task_id, source_repository, target_repository, tag, digest, kind, "
        "outcome, bytes, duration_ms, error) VALUES (?, 'team/app', 'mirror/app', ?, 'sha256:00', "
        "'image', 'copied', 10, 5, '')")));
    for (int i = 0; i < 10000; ++i) {
        items.addBindValue(big);
        items.addBindValue(QStringLiteral("t%1").arg(i));
        QVERIFY2(items.exec(), qPrintable(items.lastError().text()));
    }
    QVERIFY(db.commit());
    qInfo("filled 100000 tasks and 10000 items in %lld ms", fill.elapsed());

    // The whole window with the logs page in front: its count, its first page and the
    // detail of the newest task.
    QElapsedTimer open;
    open.start();
    MainWindow window(*m_services);
    window.showPage(MainWindow::Page::Logs);
    window.show();
    QCoreApplication::processEvents();
    const qint64 openMs = open.elapsed();
    LogsPage *page = window.logsPage();
    qInfo("the logs page opened on 100000 tasks in %lld ms (rows fetched: %d)", openMs,
          page->model()->rowCount());
    QCOMPARE(page->model()->totalCount(), 100000);
    QVERIFY2(page->model()->rowCount() <= TaskTableModel::PageSize, "only the first page is read");
    QVERIFY2(openMs < 1500, qPrintable(QString::number(openMs)));

    // Scrolling to the end reads more pages, one at a time.
    auto *table = child<QTableView>(page, "taskTable");
    const int before = page->model()->rowCount();
    table->scrollToBottom();
    QCoreApplication::processEvents();
    QTRY_VERIFY(page->model()->rowCount() > before);
    QVERIFY(page->model()->rowCount() < 100000);

    page->selectTask(big - 1); // away from the big one, then back to it
    QCOMPARE(page->itemModel()->rowCount(), 0);
    QElapsedTimer detail;
    detail.start();
    page->selectTask(big);
    const qint64 detailMs = detail.elapsed();
    qInfo("a task with 10000 items opened its detail in %lld ms", detailMs);
    QCOMPARE(page->itemModel()->rowCount(), 10000);
    QVERIFY2(detailMs < 1500, qPrintable(QString::number(detailMs)));
}

QTEST_MAIN(TestLogsPage)
#include "tst_gui_logs.moc"
