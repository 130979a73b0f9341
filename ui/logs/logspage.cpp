#include "logs/logspage.h"

#include "engine/engine.h"
#include "logs/runchart.h"
#include "logs/taskitemmodel.h"
#include "logs/taskprogressdelegate.h"
#include "logs/tasktablemodel.h"
#include "service/ruleservice.h"
#include "service/services.h"
#include "service/storewatcher.h"
#include "service/syncservice.h"
#include "settings/uisettings.h"
#include "widgets/messagebar.h"
#include "widgets/runningtasks.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QScopedValueRollback>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace crsync {

namespace {

QLabel *caption(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}

} // namespace

LogsPage::LogsPage(Services &services, RunningTasks &running, QWidget *parent)
    : ConsolePage(parent), m_services(services), m_running(running)
{
    setObjectName(QStringLiteral("logsPage"));
    m_model = new TaskTableModel(services.sync(), this);

    auto *title = new QLabel(tr("Sync logs"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    title->setFont(big);

    m_rule = new QComboBox(this);
    m_rule->setObjectName(QStringLiteral("logRuleBox"));
    m_rule->setMinimumContentsLength(16);
    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("logStatusBox"));
    m_status->addItem(tr("Any status"), -1);
    for (TaskStatus s : { TaskStatus::Pending, TaskStatus::InProgress, TaskStatus::Succeeded,
                          TaskStatus::PartiallySucceeded, TaskStatus::Failed, TaskStatus::Canceled,
                          TaskStatus::Interrupted })
        m_status->addItem(taskStatusText(s), int(s));
    m_period = new QComboBox(this);
    m_period->setObjectName(QStringLiteral("logPeriodBox"));
    m_period->addItem(tr("Any time"), 0);
    m_period->addItem(tr("Last 24 hours"), 1);
    m_period->addItem(tr("Last 7 days"), 7);
    m_period->addItem(tr("Last 30 days"), 30);
    m_text = new QLineEdit(this);
    m_text->setObjectName(QStringLiteral("logFilter"));
    m_text->setPlaceholderText(tr("Task ID, rule or message"));
    m_text->setAccessibleName(tr("Filter tasks"));
    m_text->setClearButtonEnabled(true);
    auto *filters = new QHBoxLayout;
    filters->addWidget(caption(tr("R&ule:"), m_rule, this));
    filters->addWidget(m_rule);
    filters->addWidget(caption(tr("S&tatus:"), m_status, this));
    filters->addWidget(m_status);
    filters->addWidget(caption(tr("&When:"), m_period, this));
    filters->addWidget(m_period);
    filters->addStretch();
    filters->addWidget(m_text);

    m_cancel = new QPushButton(tr("&Cancel task…"), this);
    m_cancel->setObjectName(QStringLiteral("cancelTaskButton"));
    m_cancel->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_cancel->setToolTip(tr("Stop the selected running tasks (Ctrl+K)"));
    m_retry = new QPushButton(tr("&Retry failed"), this);
    m_retry->setObjectName(QStringLiteral("retryFailedButton"));
    m_export = new QPushButton(tr("E&xport CSV…"), this);
    m_export->setObjectName(QStringLiteral("exportCsvButton"));
    auto *actions = new QHBoxLayout;
    for (QPushButton *b : { m_cancel, m_retry, m_export })
        actions->addWidget(b);
    actions->addStretch();

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("taskTable"));
    m_table->setAccessibleName(tr("Sync tasks"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setSortIndicator(TaskTableModel::Id, Qt::DescendingOrder);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setItemDelegateForColumn(TaskTableModel::Status, new TaskProgressDelegate(m_table));
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_message = new MessageBar(this);
    m_message->setObjectName(QStringLiteral("logsMessage"));

    // The selected task's detail.
    auto *detail = new QWidget(this);
    m_detailTitle = new QLabel(detail);
    m_detailTitle->setObjectName(QStringLiteral("taskDetailTitle"));
    m_detailTitle->setWordWrap(true);
    m_detailTitle->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_chart = new RunChart(detail);
    m_failuresOnly = new QCheckBox(tr("&Failures only"), detail);
    m_failuresOnly->setObjectName(QStringLiteral("failuresOnlyCheck"));
    m_itemText = new QLineEdit(detail);
    m_itemText->setObjectName(QStringLiteral("itemFilter"));
    m_itemText->setPlaceholderText(tr("Repository, tag, digest or error"));
    m_itemText->setAccessibleName(tr("Filter artifacts"));
    m_itemText->setClearButtonEnabled(true);
    m_items = new TaskItemModel(this);
    m_itemFilter = new TaskItemFilter(this);
    m_itemFilter->setSourceModel(m_items);
    m_itemFilter->setFilterKeyColumn(-1);
    m_itemFilter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_itemFilter->setSortRole(TaskItemModel::SortRole);
    m_itemTable = new QTableView(detail);
    m_itemTable->setObjectName(QStringLiteral("itemTable"));
    m_itemTable->setAccessibleName(tr("Artifacts of the task"));
    m_itemTable->setModel(m_itemFilter);
    m_itemTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_itemTable->setSortingEnabled(true);
    m_itemTable->sortByColumn(-1, Qt::AscendingOrder); // the engine's order until asked
    m_itemTable->verticalHeader()->hide();
    m_itemTable->setWordWrap(false);
    m_itemTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_itemTable->horizontalHeader()->setStretchLastSection(true);
    m_errorText = new QPlainTextEdit(detail);
    m_errorText->setObjectName(QStringLiteral("itemErrorText"));
    m_errorText->setReadOnly(true);
    m_errorText->setAccessibleName(tr("Error of the selected artifact"));
    m_errorText->setPlaceholderText(tr("The full error of the selected artifact shows here."));
    m_errorText->setMaximumHeight(90);
    auto *itemBar = new QHBoxLayout;
    itemBar->addWidget(m_failuresOnly);
    itemBar->addStretch();
    itemBar->addWidget(m_itemText);
    auto *top = new QHBoxLayout;
    top->addWidget(m_detailTitle, 1);
    top->addWidget(m_chart);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addLayout(top);
    detailLayout->addLayout(itemBar);
    detailLayout->addWidget(m_itemTable, 1);
    detailLayout->addWidget(m_errorText);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("logsSplitter"));
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(detail);
    m_splitter->setStretchFactor(0, 1); // the detail's artifacts want as many rows as the tasks
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addLayout(filters);
    layout->addWidget(m_message);
    layout->addLayout(actions);
    layout->addWidget(m_splitter, 1);

    m_textDelay = new QTimer(this);
    m_textDelay->setSingleShot(true);
    m_textDelay->setInterval(250);
    connect(m_textDelay, &QTimer::timeout, this, &LogsPage::applyFilters);
    connect(m_text, &QLineEdit::textChanged, m_textDelay, qOverload<>(&QTimer::start));
    for (QComboBox *box : { m_rule, m_status, m_period })
        connect(box, &QComboBox::activated, this, &LogsPage::applyFilters);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (!m_selectingFirst)
            m_followNewest = false; // the operator chose: keep it across reloads
        showDetail();
        updateButtons();
    });
    // A reload (new tasks on top, another order) keeps the task that was selected.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this,
            [this] { m_keepSelected = selectedTaskId(); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (!m_followNewest && m_keepSelected && m_model->rowOf(m_keepSelected) >= 0)
            m_table->selectRow(m_model->rowOf(m_keepSelected));
        else
            selectFirstRow();
        showDetail();
        updateButtons();
    });
    connect(m_model, &TaskTableModel::queryFailed, this,
            [this](const QString &why) { m_message->show(MessageBar::Kind::Error, why); });
    connect(m_table->horizontalHeader(), &QHeaderView::customContextMenuRequested, this,
            [this](const QPoint &at) {
                // Columns can be hidden and shown again from the header's menu.
                QMenu menu;
                QHeaderView *header = m_table->horizontalHeader();
                for (int c = 0; c < m_model->columnCount(); ++c) {
                    QAction *a = menu.addAction(m_model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString());
                    a->setCheckable(true);
                    a->setChecked(!header->isSectionHidden(c));
                    a->setEnabled(c != TaskTableModel::Id);
                    connect(a, &QAction::toggled, header, [header, c](bool on) { header->setSectionHidden(c, !on); });
                }
                menu.exec(header->mapToGlobal(at));
            });
    connect(m_failuresOnly, &QCheckBox::toggled, m_itemFilter, &TaskItemFilter::setFailuresOnly);
    connect(m_itemText, &QLineEdit::textChanged, m_itemFilter,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_itemTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                const TaskItem *i = m_items->item(m_itemFilter->mapToSource(current).row());
                m_errorText->setPlainText(i ? i->error : QString());
            });
    connect(m_cancel, &QPushButton::clicked, this, &LogsPage::cancelSelected);
    connect(m_retry, &QPushButton::clicked, this, &LogsPage::retrySelected);
    connect(m_export, &QPushButton::clicked, this, &LogsPage::exportSelected);

    // Live: this process's engine says what runs; the store says what other processes did.
    connect(&m_running, &RunningTasks::changed, this, &LogsPage::followRunning);
    Engine &engine = m_services.engine();
    connect(&engine, &Engine::taskStarted, this, [this] {
        if (isVisible())
            m_model->reload();
    });
    // Tasks of other processes (a `crsync sync` in a terminal): the store says it moved.
    connect(m_services.watcher(), &StoreWatcher::tasksChanged, this, [this] {
        if (!isVisible())
            return;
        m_model->reload();
        if (m_detailTask)
            m_model->refreshTask(m_detailTask);
        followDetail();
    });
    connect(&engine, &Engine::taskFinished, this, [this](qint64 taskId, TaskStatus) {
        m_model->refreshTask(taskId);
        if (taskId == m_detailTask)
            showDetail();
        updateButtons();
    });

    m_table->horizontalHeader()->restoreState(UiSettings::value(QString::fromLatin1(UiSettings::LogsHeader)));
    m_itemTable->horizontalHeader()->restoreState(
        UiSettings::value(QString::fromLatin1(UiSettings::LogsItemsHeader)));
    m_splitter->restoreState(UiSettings::value(QString::fromLatin1(UiSettings::LogsSplitter)));
    reloadRules();
    applyFilters();
    showDetail();
    if (UiSettings::value(QString::fromLatin1(UiSettings::LogsHeader)).isEmpty()) {
        // First start: what the first rows need, with room for a progress bar's words and for
        // rule names longer than the first ones.
        m_table->resizeColumnsToContents();
        m_table->setColumnWidth(TaskTableModel::Status,
                                std::max(m_table->columnWidth(TaskTableModel::Status), 200));
        m_table->setColumnWidth(TaskTableModel::Rule,
                                std::max(m_table->columnWidth(TaskTableModel::Rule), 150));
    }
    if (UiSettings::value(QString::fromLatin1(UiSettings::LogsItemsHeader)).isEmpty()) {
        const QList<std::pair<int, int>> widths = {
            { TaskItemModel::Repository, 260 }, { TaskItemModel::Tag, 100 },
            { TaskItemModel::Digest, 150 },     { TaskItemModel::Kind, 70 },
            { TaskItemModel::Outcome, 120 },    { TaskItemModel::Bytes, 90 },
            { TaskItemModel::Duration, 80 },
        };
        for (const auto &[column, width] : widths)
            m_itemTable->setColumnWidth(column, width);
    }
}

void LogsPage::saveLayout()
{
    UiSettings::setValue(QString::fromLatin1(UiSettings::LogsHeader), m_table->horizontalHeader()->saveState());
    UiSettings::setValue(QString::fromLatin1(UiSettings::LogsItemsHeader),
                         m_itemTable->horizontalHeader()->saveState());
    UiSettings::setValue(QString::fromLatin1(UiSettings::LogsSplitter), m_splitter->saveState());
}

void LogsPage::refresh()
{
    reloadRules();
    m_model->reload();
    updateButtons();
}

void LogsPage::find()
{
    m_text->setFocus(Qt::ShortcutFocusReason);
    m_text->selectAll();
}

void LogsPage::reloadRules()
{
    const QVariant keep = m_rule->currentData();
    m_rule->clear();
    m_rule->addItem(tr("All rules"), QVariant());
    if (const Result<QList<Rule>> rules = m_services.rules().list())
        for (const Rule &r : *rules)
            m_rule->addItem(r.name, r.id);
    const int at = keep.isValid() ? m_rule->findData(keep) : 0;
    m_rule->setCurrentIndex(at >= 0 ? at : 0);
}

void LogsPage::applyFilters()
{
    TaskFilter filter;
    if (m_rule->currentData().isValid())
        filter.ruleId = m_rule->currentData().toLongLong();
    if (const int status = m_status->currentData().toInt(); status >= 0)
        filter.statuses = { TaskStatus(status) };
    if (const int days = m_period->currentData().toInt(); days > 0)
        filter.createdFrom = QDateTime::currentDateTimeUtc().addDays(-days);
    filter.text = m_text->text().trimmed();
    m_model->setFilter(filter);
    if (selectedTaskIds().isEmpty())
        selectFirstRow();
    showDetail();
    updateButtons();
}

void LogsPage::showRule(qint64 ruleId, const QString &)
{
    reloadRules();
    const int at = m_rule->findData(ruleId);
    m_rule->setCurrentIndex(at >= 0 ? at : 0);
    m_status->setCurrentIndex(0);
    m_period->setCurrentIndex(0);
    m_text->clear();
    m_textDelay->stop();
    applyFilters();
}

void LogsPage::showTask(qint64 taskId)
{
    m_rule->setCurrentIndex(0);
    m_status->setCurrentIndex(0);
    m_period->setCurrentIndex(0);
    m_text->setText(QString::number(taskId));
    m_textDelay->stop();
    applyFilters();
    selectTask(taskId);
}

void LogsPage::selectFirstRow()
{
    if (m_model->rowCount() == 0)
        return;
    const QScopedValueRollback<bool> automatic(m_selectingFirst, true);
    m_table->selectRow(0);
    m_followNewest = true;
}

qint64 LogsPage::selectedTaskId() const
{
    const QList<qint64> ids = selectedTaskIds();
    return ids.size() == 1 ? ids.first() : 0;
}

QList<qint64> LogsPage::selectedTaskIds() const
{
    QList<qint64> ids;
    for (const QModelIndex &row : m_table->selectionModel()->selectedRows())
        ids << row.data(TaskTableModel::TaskIdRole).toLongLong();
    return ids;
}

void LogsPage::selectTask(qint64 taskId)
{
    int row = m_model->rowOf(taskId);
    while (row < 0 && m_model->canFetchMore({})) {
        m_model->fetchMore({});
        row = m_model->rowOf(taskId);
    }
    if (row < 0)
        return;
    m_table->selectRow(row);
    m_table->scrollTo(m_model->index(row, 0));
}

void LogsPage::showDetail()
{
    const qint64 id = selectedTaskId();
    m_detailTask = id;
    const int row = m_model->rowOf(id);
    const Task *task = m_model->task(row);
    if (!task) {
        m_items->setItems({});
        m_errorText->clear();
        m_detailTitle->setText(m_model->totalCount() == 0
                                   ? tr("No tasks match. A sync started from the Rules page, "
                                        "the command line or a schedule shows up here.")
                                   : tr("Select a task to see its artifacts."));
        m_chart->setRuns(QString(), {});
        m_chart->hide();
        return;
    }
    const Result<QList<TaskItem>> items = m_services.sync().items(id);
    m_items->setItems(items ? *items : QList<TaskItem>());
    m_detailRead.start();
    showDetailTitle(*task);
    TaskFilter ofRule;
    ofRule.ruleId = task->ruleId;
    ofRule.limit = 30;
    const Result<QList<Task>> runs = m_services.sync().tasks(ofRule);
    m_chart->setRuns(task->ruleName, runs ? *runs : QList<Task>());
    m_chart->show();
    m_errorText->clear();
}

void LogsPage::showDetailTitle(const Task &task)
{
    QString text;
    if (task.status == TaskStatus::Pending || task.status == TaskStatus::InProgress) {
        // Running: the artifacts done so far are those the table shows; of how many, this
        // process's engine knows live, another process's task has the counter it stored.
        const int done = m_items->rowCount();
        int total = task.artifactsTotal;
        for (const RunningTasks::Entry &e : m_running.entries())
            if (e.taskId == task.id)
                total = e.total;
        int failed = 0;
        for (const TaskItem &i : m_items->items())
            failed += i.outcome == TaskItem::Outcome::Failed;
        text = tr("Task %1 of rule %2, %3: %4 → %5. Running: %6 of %n artifact(s) done so far, "
                  "%7 failed.", nullptr, total)
                   .arg(task.id)
                   .arg(task.ruleName, triggerText(task.trigger), task.source, task.target)
                   .arg(done)
                   .arg(failed);
    } else {
        text = tr("Task %1 of rule %2, %3: %4 → %5. %6 of %n artifact(s) copied or up to date, "
                  "%7 failed.", nullptr, task.artifactsTotal)
                   .arg(task.id)
                   .arg(task.ruleName, triggerText(task.trigger), task.source, task.target)
                   .arg(task.artifactsCopied + task.artifactsSkipped)
                   .arg(task.artifactsFailed);
    }
    if (!task.message.isEmpty())
        text += QLatin1Char('\n') + task.message;
    m_detailTitle->setText(text);
}

void LogsPage::followDetail()
{
    const Task *task = m_model->task(m_model->rowOf(m_detailTask));
    if (!task || !(task->status == TaskStatus::Pending || task->status == TaskStatus::InProgress))
        return;
    // The artifacts finished since the last look, at most once a second: the engine writes
    // them in batches, and a long task's detail never reloads what it already shows. The title
    // counts what the table shows, so it changes with it (a repaint a second, not four).
    if (m_detailRead.isValid() && m_detailRead.elapsed() < DetailIntervalMs)
        return;
    m_detailRead.start();
    const Result<QList<TaskItem>> added = m_services.sync().items(task->id, m_items->lastItemId());
    if (!added || added->isEmpty())
        return;
    m_items->appendItems(*added);
    showDetailTitle(*task);
}

void LogsPage::followRunning()
{
    for (const RunningTasks::Entry &e : m_running.entries())
        m_model->setProgress(e.taskId, e.done, e.total, e.bytes, e.rate);
    followDetail();
    updateButtons();
}

bool LogsPage::canCancel() const
{
    for (const QModelIndex &row : m_table->selectionModel()->selectedRows()) {
        const int status = row.data(TaskTableModel::StatusRole).toInt();
        if (status == int(TaskStatus::Pending) || status == int(TaskStatus::InProgress))
            return true;
    }
    return false;
}

bool LogsPage::canRetry() const
{
    const Task *task = m_model->task(m_model->rowOf(selectedTaskId()));
    return task && task->artifactsFailed > 0
        && (task->status == TaskStatus::PartiallySucceeded || task->status == TaskStatus::Failed);
}

void LogsPage::cancelSelected()
{
    QList<qint64> running;
    for (const QModelIndex &row : m_table->selectionModel()->selectedRows()) {
        const int status = row.data(TaskTableModel::StatusRole).toInt();
        if (status == int(TaskStatus::Pending) || status == int(TaskStatus::InProgress))
            running << row.data(TaskTableModel::TaskIdRole).toLongLong();
    }
    if (running.isEmpty())
        return;
    QStringList ids;
    for (qint64 id : std::as_const(running))
        ids << QString::number(id);
    QMessageBox ask(QMessageBox::Question, tr("Cancel tasks"),
                    tr("Stop %n running task(s) (%1)? What already arrived stays; syncing again "
                       "completes the job.",
                       nullptr, int(running.size()))
                        .arg(ids.join(QStringLiteral(", "))),
                    QMessageBox::NoButton, this);
    ask.setObjectName(QStringLiteral("cancelTasksBox"));
    QAbstractButton *stop = ask.addButton(tr("Stop them"), QMessageBox::AcceptRole);
    ask.addButton(tr("Keep running"), QMessageBox::RejectRole);
    ask.exec();
    if (ask.clickedButton() != stop)
        return;
    QStringList problems;
    for (qint64 id : std::as_const(running))
        if (const Result<void> r = m_services.sync().cancel(id); !r)
            problems << r.error().message;
    if (problems.isEmpty())
        m_message->show(MessageBar::Kind::Information,
                        tr("Stopping %n task(s); each ends Canceled in a moment.", nullptr,
                           int(running.size())));
    else
        m_message->show(MessageBar::Kind::Warning, problems.join(QLatin1Char('\n')));
}

void LogsPage::retrySelected()
{
    const qint64 id = selectedTaskId();
    if (!canRetry())
        return;
    const Result<qint64> started = m_services.sync().retryFailed(id);
    if (!started) {
        m_message->show(MessageBar::Kind::Error, started.error().message);
        return;
    }
    m_message->show(MessageBar::Kind::Information,
                    tr("Task %1 retries the failed artifacts of task %2.").arg(*started).arg(id));
    m_model->reload();
    selectTask(*started);
}

void LogsPage::exportSelected()
{
    const qint64 id = selectedTaskId();
    if (!id || m_items->rowCount() == 0)
        return;
    const QString file = QFileDialog::getSaveFileName(
        this, tr("Export the artifacts"),
        QDir::home().filePath(QStringLiteral("crsync-task-%1.csv").arg(id)),
        tr("CSV files (*.csv);;All files (*)"));
    if (file.isEmpty())
        return;
    QList<int> rows;
    for (int r = 0; r < m_itemFilter->rowCount(); ++r)
        rows << m_itemFilter->mapToSource(m_itemFilter->index(r, 0)).row();
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(m_items->toCsv(rows)) < 0 || !out.commit()) {
        m_message->show(MessageBar::Kind::Error,
                        tr("Could not write %1: %2").arg(QDir::toNativeSeparators(file), out.errorString()));
        return;
    }
    m_message->show(MessageBar::Kind::Information,
                    tr("%n artifact(s) written to %1.", nullptr, int(rows.size()))
                        .arg(QDir::toNativeSeparators(file)));
}

void LogsPage::updateButtons()
{
    m_cancel->setEnabled(canCancel());
    m_retry->setEnabled(canRetry());
    m_export->setEnabled(selectedTaskId() != 0 && m_items->rowCount() > 0);
    emit actionsChanged();
}

} // namespace crsync
