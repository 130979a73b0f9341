#include "rules/rulespage.h"

#include "core/rule.h"
#include "core/schedule.h"
#include "rules/ruledialog.h"
#include "rules/ruletablemodel.h"
#include "rules/runstripdelegate.h"
#include "service/instanceservice.h"
#include "service/ruleservice.h"
#include "service/services.h"
#include "service/storewatcher.h"
#include "service/syncservice.h"
#include "settings/uisettings.h"
#include "store/eventstore.h"
#include "widgets/messagebar.h"
#include "widgets/runningtasks.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QShowEvent>
#include <QSortFilterProxyModel>
#include <QStyleOptionViewItem>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace crsync {

RulesPage::RulesPage(Services &services, RunningTasks &running, QWidget *parent)
    : ConsolePage(parent), m_services(services), m_running(running)
{
    setObjectName(QStringLiteral("rulesPage"));
    m_model = new RuleTableModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);

    auto *title = new QLabel(tr("Rules"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    title->setFont(big);

    m_source = new QComboBox(this);
    m_source->setObjectName(QStringLiteral("sourceInstanceBox"));
    m_source->setMinimumContentsLength(24);
    m_source->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *sourceLabel = new QLabel(tr("Source &instance:"), this);
    sourceLabel->setBuddy(m_source);
    m_new = new QPushButton(tr("&New"), this);
    m_new->setObjectName(QStringLiteral("newRuleButton"));
    m_new->setAccessibleName(tr("New rule"));
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("ruleFilter"));
    m_filter->setPlaceholderText(tr("Filter rules"));
    m_filter->setAccessibleName(tr("Filter rules"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMaximumWidth(280);

    auto *top = new QHBoxLayout;
    top->addWidget(sourceLabel);
    top->addWidget(m_source);
    top->addWidget(m_new);
    top->addStretch();
    top->addWidget(m_filter);

    m_trigger = new QPushButton(tr("&Trigger sync"), this);
    m_trigger->setObjectName(QStringLiteral("triggerButton"));
    m_configure = new QPushButton(tr("&Configure…"), this);
    m_configure->setObjectName(QStringLiteral("configureButton"));
    m_logs = new QPushButton(tr("View &logs"), this);
    m_logs->setObjectName(QStringLiteral("viewLogsButton"));
    m_clone = new QPushButton(tr("Cl&one"), this);
    m_clone->setObjectName(QStringLiteral("cloneButton"));
    m_delete = new QPushButton(tr("&Delete…"), this);
    m_delete->setObjectName(QStringLiteral("deleteRuleButton"));
    auto *actions = new QHBoxLayout;
    for (QPushButton *b : { m_trigger, m_configure, m_logs, m_clone, m_delete })
        actions->addWidget(b);
    actions->addStretch();

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("ruleTable"));
    m_table->setAccessibleName(tr("Rules"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(RuleTableModel::Name, Qt::AscendingOrder);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->setItemDelegateForColumn(RuleTableModel::RecentRuns, new RunStripDelegate(m_table));
    // The recent runs' strip takes what is left; the other columns start at their contents'
    // width (capped, see below) and can be resized.
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(true);
    header->setSectionResizeMode(QHeaderView::Interactive);

    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("rulesEmptyState"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_addInstance = new QPushButton(tr("Go to &Instances"), this);
    m_addInstance->setObjectName(QStringLiteral("goToInstancesButton"));
    auto *emptyLayout = new QHBoxLayout;
    emptyLayout->addStretch();
    emptyLayout->addWidget(m_addInstance);
    emptyLayout->addStretch();

    m_message = new MessageBar(this);
    m_message->setObjectName(QStringLiteral("rulesMessage"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addLayout(actions);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_empty);
    layout->addLayout(emptyLayout);

    connect(m_source, &QComboBox::currentIndexChanged, this, [this] {
        UiSettings::setText(UiSettings::perDataDir(UiSettings::RulesSource, m_services.dataDir()),
                            QString::number(sourceInstanceId()));
        reloadRules();
    });
    connect(m_new, &QPushButton::clicked, this, &RulesPage::create);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_trigger, &QPushButton::clicked, this, &RulesPage::triggerSelected);
    connect(m_configure, &QPushButton::clicked, this, &RulesPage::configureSelected);
    connect(m_logs, &QPushButton::clicked, this, &RulesPage::viewLogsOfSelected);
    connect(m_clone, &QPushButton::clicked, this, &RulesPage::cloneSelected);
    connect(m_delete, &QPushButton::clicked, this, &RulesPage::deleteSelected);
    connect(m_addInstance, &QPushButton::clicked, this, &RulesPage::instancesRequested);
    connect(m_model, &RuleTableModel::enabledToggled, this, &RulesPage::toggleEnabled);
    // As in the seed's console, the rule's name opens its logs; elsewhere a row opens the form.
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (index.column() == RuleTableModel::Name)
            viewLogsOfSelected();
        else if (index.column() != RuleTableModel::Enabled)
            configureSelected();
    });
    // Space on the switch cell flips it, as a click does.
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateButtons();
        emit actionsChanged();
    });
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        if (!hasSelection())
            return;
        QMenu menu(this);
        menu.addAction(tr("Trigger sync"), this, &RulesPage::triggerSelected)->setEnabled(canTrigger());
        menu.addAction(tr("Configure…"), this, &RulesPage::configureSelected);
        menu.addAction(tr("View logs"), this, &RulesPage::viewLogsOfSelected);
        menu.addAction(tr("Clone"), this, &RulesPage::cloneSelected);
        menu.addSeparator();
        menu.addAction(tr("Delete…"), this, &RulesPage::deleteSelected);
        menu.exec(m_table->viewport()->mapToGlobal(at));
    });
    connect(&m_running, &RunningTasks::changed, this, &RulesPage::updateRunning);
    connect(&m_running, &RunningTasks::taskFinished, this, [this](qint64, qint64 ruleId) {
        m_model->setRunning(ruleId, false);
        reloadRules();
    });
    // Runs of another process on this data dir (`crsync sync` in a terminal, the daemon) reach
    // the last-run column through the store. This process's own runs come through m_running;
    // while one goes on the table is left alone, and it is read again when that run ends.
    connect(m_services.watcher(), &StoreWatcher::tasksChanged, this, [this] {
        if (isVisible() && m_running.count() == 0)
            reloadRules();
    });

    reloadSources();
    m_table->horizontalHeader()->restoreState(
        UiSettings::value(QString::fromLatin1(UiSettings::RulesHeader)));
    m_fitColumns = UiSettings::value(QString::fromLatin1(UiSettings::RulesHeader)).isEmpty();
}

void RulesPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    fitColumnsOnce();
}

// Once, when there is first a table of rules in sight to fit (not while the page shows its
// empty state, whose hidden table has no width to go by).
void RulesPage::fitColumnsOnce()
{
    if (!m_fitColumns || !isVisible() || m_table->isHidden() || m_model->rowCount() == 0)
        return;
    m_fitColumns = false;
    layout()->activate(); // the table's width as it will be shown
    fitColumns();
}

// First start: every column at its contents' width, capped, the recent runs wide enough for
// their ten marks; then, if the row is wider than the table, the columns of elided text give
// way in proportion, so that every column is in sight without a horizontal scroll.
void RulesPage::fitColumns()
{
    m_table->resizeColumnsToContents();
    for (int column = 0; column < RuleTableModel::ColumnCount; ++column)
        m_table->setColumnWidth(column, std::min(m_table->columnWidth(column), 160));
    m_table->setColumnWidth(RuleTableModel::RecentRuns,
                            m_table->itemDelegateForColumn(RuleTableModel::RecentRuns)
                                ->sizeHint(QStyleOptionViewItem(), QModelIndex()).width());
    int total = 0;
    for (int column = 0; column < RuleTableModel::ColumnCount; ++column)
        total += m_table->columnWidth(column);
    const int excess = total - m_table->viewport()->width();
    constexpr int Narrowest = 80;
    const int giving[] = { RuleTableModel::Description, RuleTableModel::Filters, RuleTableModel::Target,
                           RuleTableModel::Triggers, RuleTableModel::Namespace };
    int room = 0;
    for (int column : giving)
        room += std::max(0, m_table->columnWidth(column) - Narrowest);
    if (excess <= 0 || room == 0)
        return;
    const double share = std::min(1.0, double(excess) / room);
    for (int column : giving) {
        const int width = m_table->columnWidth(column);
        if (width > Narrowest)
            m_table->setColumnWidth(column, width - int(std::ceil((width - Narrowest) * share)));
    }
}

void RulesPage::saveLayout()
{
    UiSettings::setValue(QString::fromLatin1(UiSettings::RulesHeader),
                         m_table->horizontalHeader()->saveState());
}

void RulesPage::refresh()
{
    reloadSources();
}

void RulesPage::find()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void RulesPage::reloadSources()
{
    const qint64 wanted = m_source->count()
        ? sourceInstanceId()
        : UiSettings::text(UiSettings::perDataDir(UiSettings::RulesSource, m_services.dataDir())).toLongLong();
    const Result<QList<Instance>> all = m_services.instances().list();
    m_instances = all ? *all : QList<Instance>();
    QList<Instance> sorted = m_instances;
    std::sort(sorted.begin(), sorted.end(), [](const Instance &a, const Instance &b) {
        return std::tie(a.region, a.name) < std::tie(b.region, b.name);
    });
    const QSignalBlocker block(m_source);
    m_source->clear();
    for (const Instance &i : sorted)
        m_source->addItem(i.region.isEmpty() ? i.name : tr("%1 (%2)").arg(i.name, i.region), i.id);
    const int index = m_source->findData(wanted);
    m_source->setCurrentIndex(index >= 0 ? index : 0);
    reloadRules();
}

qint64 RulesPage::sourceInstanceId() const
{
    return m_source->currentData().toLongLong();
}

void RulesPage::selectSource(qint64 instanceId)
{
    const int index = m_source->findData(instanceId);
    if (index >= 0)
        m_source->setCurrentIndex(index);
}

void RulesPage::reloadRules()
{
    const qint64 keep = selectedRuleId();
    const qint64 source = sourceInstanceId();
    const Result<QList<Rule>> rules = source ? m_services.rules().listForSource(source)
                                             : Result<QList<Rule>>(QList<Rule>());
    if (!rules) {
        m_message->show(MessageBar::Kind::Error, rules.error().message);
        return;
    }
    QList<qint64> ids;
    for (const Rule &r : *rules)
        ids << r.id;
    const Result<QHash<qint64, QList<Task>>> recent
        = m_services.sync().recentByRule(ids, RuleTableModel::RecentRunCount);
    m_model->setRules(*rules, m_instances, recent ? *recent : QHash<qint64, QList<Task>>());
    // What starts each rule's syncs besides a click (while automatic sync runs).
    QHash<qint64, QString> triggers;
    const int poll = [&] { const Result<int> n = PollStore(m_services.database()).interval(source); return n ? *n : 0; }();
    // One read of the schedules for the whole table, not one per rule.
    QHash<qint64, QString> schedules;
    if (const Result<QList<RuleSchedule>> all = ScheduleStore(m_services.database()).list())
        for (const RuleSchedule &s : *all)
            if (const Result<Schedule> parsed = Schedule::parse(s.spec))
                schedules.insert(s.ruleId, parsed->describe());
    // Every rule syncs by hand; a disabled one only so, as events, polls and schedules pass it by.
    for (const Rule &r : *rules) {
        QStringList ways;
        if (r.enabled && UiSettings::automaticSync())
            ways << tr("push events");
        if (r.enabled && poll > 0)
            ways << tr("poll every %1 s").arg(poll);
        if (r.enabled && schedules.contains(r.id))
            ways << schedules.value(r.id);
        triggers.insert(r.id, ways.isEmpty() ? tr("by hand") : ways.join(QStringLiteral(", ")));
    }
    m_model->setTriggers(triggers);
    updateRunning();
    selectRule(keep);
    if (selectedRuleId() == 0 && m_proxy->rowCount() > 0)
        m_table->selectRow(0);

    const bool noInstances = m_instances.isEmpty();
    m_table->setVisible(!noInstances);
    m_empty->setVisible(noInstances || rules->isEmpty());
    m_addInstance->setVisible(noInstances);
    if (noInstances)
        m_empty->setText(tr("crsync knows no registry yet. Add the source and target instances "
                            "first, then create a rule here."));
    else if (rules->isEmpty())
        m_empty->setText(tr("%1 has no rules yet. New creates one.").arg(m_source->currentText()));
    fitColumnsOnce();
    updateButtons();
    emit actionsChanged();
}

void RulesPage::updateRunning()
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const Rule *r = m_model->rule(row);
        bool running = false;
        for (const RunningTasks::Entry &e : m_running.entries()) {
            if (e.ruleId == r->id) {
                m_model->setRunning(r->id, true, e.done, e.total);
                running = true;
            }
        }
        if (!running)
            m_model->setRunning(r->id, false);
    }
    updateButtons();
}

const Rule *RulesPage::selected() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return nullptr;
    return m_model->rule(m_proxy->mapToSource(rows.first()).row());
}

qint64 RulesPage::selectedRuleId() const
{
    const Rule *r = selected();
    return r ? r->id : 0;
}

void RulesPage::selectRule(qint64 ruleId)
{
    const int row = m_model->rowOf(ruleId);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, RuleTableModel::Name));
    m_table->selectRow(index.row());
    m_table->scrollTo(index);
}

bool RulesPage::hasSelection() const
{
    return selected() != nullptr;
}

bool RulesPage::canCreate() const
{
    return sourceInstanceId() != 0;
}

bool RulesPage::canTrigger() const
{
    const Rule *r = selected();
    return r && r->enabled && !m_running.isRunning(r->id);
}

void RulesPage::updateButtons()
{
    const Rule *r = selected();
    m_new->setEnabled(canCreate());
    m_trigger->setEnabled(canTrigger());
    if (r && !r->enabled)
        m_trigger->setToolTip(tr("The rule is disabled: enable it to sync it."));
    else if (r && m_running.isRunning(r->id))
        m_trigger->setToolTip(tr("The rule is syncing now."));
    else
        m_trigger->setToolTip(QString());
    for (QPushButton *b : { m_configure, m_logs, m_clone, m_delete })
        b->setEnabled(r != nullptr);
}

void RulesPage::toggleEnabled(qint64 ruleId, bool enabled)
{
    const Result<void> written = m_services.rules().setEnabled(ruleId, enabled);
    if (!written) {
        m_message->show(MessageBar::Kind::Error, written.error().message);
        return;
    }
    m_model->setEnabled(ruleId, enabled);
    const int row = m_model->rowOf(ruleId);
    const QString name = row >= 0 ? m_model->rule(row)->name : QString();
    m_message->show(MessageBar::Kind::Information,
                    enabled ? tr("Rule %1 is enabled.").arg(name)
                            : tr("Rule %1 is disabled: it gets no events and cannot be synced "
                                 "until it is enabled again.")
                                  .arg(name));
    updateButtons();
    emit actionsChanged();
}

void RulesPage::triggerSelected()
{
    const Rule *found = selected();
    if (!found)
        return;
    const Rule rule = *found;
    if (!rule.enabled) {
        m_message->show(MessageBar::Kind::Warning,
                        tr("Rule %1 is disabled; enable it before syncing it.").arg(rule.name));
        return;
    }
    if (const Result<std::optional<Task>> active = m_services.sync().activeTask(rule.id);
        active && active->has_value()) {
        m_message->show(MessageBar::Kind::Warning,
                        tr("Rule %1 is already syncing (task %2); nothing new was started.")
                            .arg(rule.name)
                            .arg(active->value().id));
        return;
    }
    // The seed's advice: a manual sync scans the whole namespace and loads the registries.
    TaskFilter running;
    running.statuses = { TaskStatus::Pending, TaskStatus::InProgress };
    const Result<int> others = m_services.sync().count(running);
    if (others && *others > 0) {
        QMessageBox ask(QMessageBox::Warning, tr("Trigger sync"),
                        tr("%n other sync(s) are running. A manual sync scans every repository of "
                           "the namespace that the rule matches, which takes time and puts load "
                           "on the registries while it runs; avoid triggering several rules at "
                           "once. Start rule %1 anyway?",
                           nullptr, *others)
                            .arg(rule.name),
                        QMessageBox::NoButton, this);
        ask.setObjectName(QStringLiteral("manualSyncLoadBox"));
        QAbstractButton *go = ask.addButton(tr("Start sync"), QMessageBox::AcceptRole);
        ask.addButton(QMessageBox::Cancel);
        ask.exec();
        if (ask.clickedButton() != go)
            return;
    }
    const Result<qint64> started = m_services.sync().trigger(rule.id, Trigger::Manual);
    if (!started) {
        m_message->show(MessageBar::Kind::Error, started.error().message);
        return;
    }
    m_model->setRunning(rule.id, true);
    m_message->show(MessageBar::Kind::Information,
                    tr("Task %1 of rule %2 started; the status bar follows it.")
                        .arg(*started)
                        .arg(rule.name));
    updateButtons();
    emit actionsChanged();
}

void RulesPage::create()
{
    if (canCreate())
        openDialog(std::nullopt);
}

void RulesPage::configureSelected()
{
    if (const Rule *r = selected())
        openDialog(*r);
}

void RulesPage::openDialog(const std::optional<Rule> &rule) // a copy: the table may reload meanwhile
{
    const qint64 source = rule ? rule->sourceInstanceId : sourceInstanceId();
    RuleDialog dialog(m_services, source, rule, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    reloadRules();
    selectRule(dialog.saved().rule.id);
    QString text = rule ? tr("Rule %1 saved.").arg(dialog.saved().rule.name)
                        : tr("Rule %1 created.").arg(dialog.saved().rule.name);
    if (!dialog.saved().sharingNewCredentials.isEmpty())
        text += QLatin1Char(' ')
            + tr("The new credentials replace the old ones for rule(s) %1 too.")
                  .arg(dialog.saved().sharingNewCredentials.join(QStringLiteral(", ")));
    for (const QString &warning : dialog.saved().warnings)
        text += QLatin1Char(' ') + warning;
    m_message->show(MessageBar::Kind::Information, text);
}

void RulesPage::cloneSelected()
{
    const Rule *r = selected();
    if (!r)
        return;
    setEnabled(false);
    m_services.rules().clone(r->id, QString(), [this](Result<Rule> copy) {
        setEnabled(true);
        if (!copy) {
            m_message->show(MessageBar::Kind::Error, copy.error().message);
            return;
        }
        reloadRules();
        selectRule(copy->id);
        m_message->show(MessageBar::Kind::Information,
                        tr("Rule %1 created as a copy; it stays disabled until you enable it.")
                            .arg(copy->name));
    });
}

void RulesPage::viewLogsOfSelected()
{
    if (const Rule *r = selected())
        emit logsRequested(r->id, r->name);
}

void RulesPage::deleteSelected()
{
    const Rule *found = selected();
    if (!found)
        return;
    const Rule rule = *found;
    TaskFilter ofRule;
    ofRule.ruleId = rule.id;
    const Result<int> logs = m_services.sync().count(ofRule);
    QStringList lines { tr("Delete rule %1?").arg(rule.name) };
    lines << tr("Its %n sync log entries stay.", nullptr, logs ? *logs : 0);
    const QString key = m_services.rules().credentialKey(rule);
    if (!key.isEmpty()) {
        const QStringList sharing = m_services.rules().rulesSharing(key, rule.id);
        lines << (sharing.isEmpty()
                      ? tr("The password of %1 at %2 leaves the keychain.")
                            .arg(rule.targetUsername, rule.targetUrl.toString())
                      : tr("The password of %1 at %2 stays in the keychain for rule(s) %3.")
                            .arg(rule.targetUsername, rule.targetUrl.toString(),
                                 sharing.join(QStringLiteral(", "))));
    }
    QMessageBox ask(QMessageBox::Question, tr("Delete rule"), lines.join(QLatin1Char('\n')),
                    QMessageBox::Cancel, this);
    ask.setObjectName(QStringLiteral("deleteRuleBox"));
    QAbstractButton *yes = ask.addButton(tr("Delete"), QMessageBox::DestructiveRole);
    ask.setDefaultButton(QMessageBox::Cancel);
    ask.exec();
    if (ask.clickedButton() != yes)
        return;
    setEnabled(false);
    m_services.rules().remove(rule.id, [this](Result<RuleService::Removed> removed) {
        setEnabled(true);
        if (!removed) {
            m_message->show(MessageBar::Kind::Error, removed.error().message);
            return;
        }
        reloadRules();
        QString text = tr("Rule %1 deleted; its %n sync log entries stay.", nullptr,
                          removed->keptLogs)
                           .arg(removed->rule.name);
        if (removed->credentialsRemoved)
            text += QLatin1Char(' ') + tr("Its cross-account password left the keychain.");
        m_message->show(MessageBar::Kind::Information, text);
    });
}

} // namespace crsync
