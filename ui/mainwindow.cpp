#include "mainwindow.h"

#include "automation/automation.h"
#include "engine/engine.h"
#include "instances/instancespage.h"
#include "logs/logspage.h"
#include "rules/rulespage.h"
#include "service/services.h"
#include "service/syncservice.h"
#include "settings/settingsdialog.h"
#include "settings/uisettings.h"
#include "widgets/runningtasks.h"

#include <QPushButton>
#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QToolBar>

namespace crsync {

MainWindow::MainWindow(Services &services, QWidget *parent)
    : QMainWindow(parent), m_services(services)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("crsync — registry replication"));
    m_running = new RunningTasks(services.engine(), services.sync(), this);

    m_rules = new RulesPage(services, *m_running, this);
    m_logs = new LogsPage(services, *m_running, this);
    m_instances = new InstancesPage(services, this);

    m_navigation = new QListWidget(this);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setAccessibleName(tr("Pages"));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
    const QStyle *s = style();
    auto *rulesItem = new QListWidgetItem(s->standardIcon(QStyle::SP_BrowserReload), tr("Rules"));
    auto *logsItem = new QListWidgetItem(s->standardIcon(QStyle::SP_FileDialogDetailedView),
                                         tr("Sync logs"));
    auto *instancesItem
        = new QListWidgetItem(s->standardIcon(QStyle::SP_DriveNetIcon), tr("Instances"));
    for (QListWidgetItem *item : { rulesItem, logsItem, instancesItem })
        m_navigation->addItem(item);
    m_navigation->setFixedWidth(std::max(150, m_navigation->sizeHintForColumn(0) + 32));

    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("pages"));
    m_stack->addWidget(m_rules);
    m_stack->addWidget(m_logs);
    m_stack->addWidget(m_instances);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigation);
    auto *line = new QFrame(central);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    layout->addWidget(line);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        m_stack->setCurrentIndex(row);
        current()->refresh();
        updateActions();
    });
    for (ConsolePage *page : { static_cast<ConsolePage *>(m_rules),
                               static_cast<ConsolePage *>(m_logs),
                               static_cast<ConsolePage *>(m_instances) })
        connect(page, &ConsolePage::actionsChanged, this, &MainWindow::updateActions);
    connect(m_rules, &RulesPage::logsRequested, this, &MainWindow::showLogsOfRule);
    connect(m_rules, &RulesPage::instancesRequested, this, [this] { showPage(Page::Instances); });
    // A new or changed instance changes which sources the rules page offers.
    connect(m_instances, &InstancesPage::instancesChanged, m_rules, &RulesPage::refresh);

    createActions();
    createMenus();

    auto *status = new RunningTasksLabel(*m_running, this);
    statusBar()->addPermanentWidget(status, 1);
    statusBar()->setObjectName(QStringLiteral("statusBar"));
    m_automationLabel = new QLabel(this);
    m_automationLabel->setObjectName(QStringLiteral("automationLabel"));
    m_automationLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addPermanentWidget(m_automationLabel);

    resize(1280, 760);
    restoreGeometry(UiSettings::value(QString::fromLatin1(UiSettings::WindowGeometry)));
    restoreState(UiSettings::value(QString::fromLatin1(UiSettings::WindowState)));
    const int last = UiSettings::text(QString::fromLatin1(UiSettings::LastPage)).toInt();
    m_navigation->setCurrentRow(last >= 0 && last < m_stack->count() ? last : 0);

    connect(&m_services.engine(), &Engine::taskFinished, this, &MainWindow::notifyFinished);
    applyAutomationSettings();

    // Secrets an older crsync stored under keys without the data dir's namespace move once.
    m_services.prepareKeychain([this, guard = QPointer(this)](Result<int> moved) {
        if (!guard)
            return;
        if (!moved)
            statusBar()->showMessage(moved.error().message);
        else if (*moved > 0)
            statusBar()->showMessage(
                tr("%n password(s) moved to this data dir's keychain entries.", nullptr, *moved),
                10000);
    });
}

MainWindow::~MainWindow() = default;

Automation *MainWindow::automation() const
{
    return m_automation && m_automation->isRunning() ? m_automation : nullptr;
}

void MainWindow::applyAutomationSettings()
{
    stopAutomation();
    if (UiSettings::automaticSync())
        startAutomation();
    else
        showAutomationState(tr("Automatic sync: off"),
                            tr("New pushes are not synced by themselves; turn it on in File → "
                               "Settings, or run \"crsync daemon\"."));
}

void MainWindow::showAutomationState(const QString &text, const QString &details)
{
    if (m_tray)
        m_tray->setToolTip(tr("crsync — %1").arg(text));
    m_automationLabel->setText(text);
    m_automationLabel->setToolTip(details);
    m_automationLabel->setAccessibleName(text);
    m_automationLabel->setAccessibleDescription(details);
}

void MainWindow::startAutomation()
{
    const Result<Automation::Options> options
        = Automation::parseListen(UiSettings::text(QString::fromLatin1(UiSettings::WebhookListen)));
    auto *automation = new Automation(m_services.dataDir(), m_services.database(), m_services.engine(),
                                      m_services.keychain(), this);
    m_automation = automation;
    showAutomationState(tr("Automatic sync: starting…"), QString());
    automation->start(options ? *options : Automation::Options(),
                      [this, automation, guard = QPointer(this)](Result<void> started) {
        if (!guard || m_automation != automation)
            return;
        if (!started) {
            // Another process (the daemon) may hold it: then pushes are synced all the same.
            showAutomationState(tr("Automatic sync: not in this window"), started.error().message);
            statusBar()->showMessage(started.error().message, 15000);
            return;
        }
        showAutomationState(tr("Automatic sync: on"),
                            tr("Registries post their pushes to %1 (File → Settings shows the "
                               "secret and a configuration snippet).")
                                .arg(automation->webhookUrl()));
    });
}

void MainWindow::stopAutomation()
{
    if (!m_automation)
        return;
    m_automation->stop();
    m_automation->deleteLater(); // its queue hears the engine's last tasks end first
    m_automation = nullptr;
}

ConsolePage *MainWindow::current() const
{
    return static_cast<ConsolePage *>(m_stack->currentWidget());
}

void MainWindow::showPage(Page page)
{
    m_navigation->setCurrentRow(int(page));
}

MainWindow::Page MainWindow::currentPage() const
{
    return Page(m_stack->currentIndex());
}

void MainWindow::createActions()
{
    auto make = [this](const QString &text, const QString &objectName, const QKeySequence &key,
                       QStyle::StandardPixmap icon, auto slot) {
        auto *action = new QAction(style()->standardIcon(icon), text, this);
        action->setObjectName(objectName);
        if (!key.isEmpty())
            action->setShortcut(key);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    m_new = make(tr("&New rule…"), QStringLiteral("actionNew"), QKeySequence::New,
                 QStyle::SP_FileIcon, [this] {
                     if (current()->canCreate())
                         current()->create();
                 });
    m_trigger = make(tr("&Trigger sync"), QStringLiteral("actionTrigger"),
                     QKeySequence(Qt::CTRL | Qt::Key_T), QStyle::SP_MediaPlay,
                     [this] { m_rules->triggerSelected(); });
    m_configure = make(tr("&Configure…"), QStringLiteral("actionConfigure"),
                       QKeySequence(Qt::CTRL | Qt::Key_E), QStyle::SP_FileDialogContentsView,
                       [this] { m_rules->configureSelected(); });
    m_clone = make(tr("C&lone"), QStringLiteral("actionClone"), QKeySequence(Qt::CTRL | Qt::Key_D),
                   QStyle::SP_FileDialogNewFolder, [this] { m_rules->cloneSelected(); });
    m_viewLogs = make(tr("View &logs"), QStringLiteral("actionViewLogs"),
                      QKeySequence(Qt::CTRL | Qt::Key_L), QStyle::SP_FileDialogDetailedView,
                      [this] { m_rules->viewLogsOfSelected(); });
    m_delete = make(tr("&Delete…"), QStringLiteral("actionDelete"), QKeySequence::Delete,
                    QStyle::SP_TrashIcon, [this] {
                        if (current()->canDelete())
                            current()->deleteSelected();
                    });
    m_refresh = make(tr("&Refresh"), QStringLiteral("actionRefresh"), QKeySequence::Refresh,
                     QStyle::SP_BrowserReload, [this] { current()->refresh(); });
    m_find = make(tr("&Find"), QStringLiteral("actionFind"), QKeySequence::Find,
                  QStyle::SP_FileDialogContentsView, [this] { current()->find(); });
    m_settings = make(tr("&Settings…"), QStringLiteral("actionSettings"),
                      QKeySequence::Preferences, QStyle::SP_ComputerIcon,
                      &MainWindow::openSettings);
    m_quit = make(tr("&Quit"), QStringLiteral("actionQuit"), QKeySequence::Quit,
                  QStyle::SP_DialogCloseButton, [this] {
                      m_quitting = true;
                      close();
                  });
    m_find->setIcon(QIcon());
    m_pageActions = { m_trigger, m_configure, m_clone, m_viewLogs };
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_settings);
    file->addSeparator();
    file->addAction(m_quit);

    QMenu *rule = menuBar()->addMenu(tr("&Rule"));
    rule->addAction(m_new);
    rule->addAction(m_configure);
    rule->addAction(m_clone);
    rule->addSeparator();
    rule->addAction(m_delete);

    QMenu *sync = menuBar()->addMenu(tr("&Sync"));
    sync->addAction(m_trigger);
    sync->addAction(m_viewLogs);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_refresh);
    view->addAction(m_find);
    view->addSeparator();
    const QStringList pages { tr("Rules"), tr("Sync logs"), tr("Instances") };
    for (int i = 0; i < pages.size(); ++i) {
        QAction *go = view->addAction(pages[i], this, [this, i] { m_navigation->setCurrentRow(i); });
        go->setObjectName(QStringLiteral("actionPage%1").arg(i + 1));
        go->setShortcut(QKeySequence(Qt::CTRL | (Qt::Key_1 + i)));
        go->setShortcutVisibleInContextMenu(true);
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About crsync"), this, &MainWindow::about);

    QToolBar *bar = addToolBar(tr("Main toolbar"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setMovable(false);
    bar->addAction(m_new);
    bar->addAction(m_trigger);
    bar->addAction(m_refresh);
}

void MainWindow::updateActions()
{
    const bool rules = currentPage() == Page::Rules;
    const bool instances = currentPage() == Page::Instances;
    m_new->setText(instances ? tr("&New instance…") : tr("&New rule…"));
    m_new->setEnabled(current()->canCreate());
    m_delete->setEnabled(current()->canDelete());
    m_trigger->setEnabled(rules && m_rules->canTrigger());
    m_configure->setEnabled(rules && m_rules->hasSelection());
    m_clone->setEnabled(rules && m_rules->hasSelection());
    m_viewLogs->setEnabled(rules && m_rules->hasSelection());
}

void MainWindow::notifyFinished(qint64 taskId, TaskStatus status)
{
    if (status != TaskStatus::Failed && status != TaskStatus::PartiallySucceeded)
        return;
    if (isActiveWindow() && !isMinimized())
        return; // the operator sees it in the window already
    const Result<Task> task = m_services.sync().task(taskId);
    const QString rule = task ? task->ruleName : QString();
    const QString title = status == TaskStatus::Failed
        ? tr("Sync of %1 failed").arg(rule)
        : tr("Sync of %1 partly failed").arg(rule);
    const QString text = task && !task->message.isEmpty()
        ? task->message
        : tr("Task %1: %n artifact(s) failed. Click to see them.", nullptr,
             task ? task->artifactsFailed : 0)
              .arg(taskId);
    QApplication::alert(this); // the task bar asks for attention even without a tray
    if (!tray())
        return;
    m_notifiedTask = taskId;
    m_tray->showMessage(title, text, QSystemTrayIcon::Warning, 15000);
}

void MainWindow::showLogsOfRule(qint64 ruleId, const QString &ruleName)
{
    showPage(Page::Logs);
    m_logs->showRule(ruleId, ruleName);
}

void MainWindow::openSettings()
{
    SettingsDialog dialog(m_services, automation(), this);
    if (dialog.exec() == QDialog::Accepted && dialog.automationChanged())
        applyAutomationSettings();
}

QSystemTrayIcon *MainWindow::tray()
{
    if (m_tray || !QSystemTrayIcon::isSystemTrayAvailable())
        return m_tray;
    m_tray = new QSystemTrayIcon(windowIcon(), this);
    m_tray->setToolTip(tr("crsync"));
    auto *menu = new QMenu(this);
    menu->addAction(tr("Show crsync"), this, [this] {
        showNormal();
        raise();
        activateWindow();
    });
    menu->addSeparator();
    menu->addAction(tr("Quit"), this, [this] {
        m_quitting = true;
        close();
    });
    m_tray->setContextMenu(menu);
    // The icon says what goes on: automatic sync, and the tasks running.
    auto updateTip = [this] {
        const QString state = m_automationLabel->text();
        m_tray->setToolTip(m_running->count() > 0 ? tr("crsync — %1\n%2").arg(state, m_running->summary())
                                                  : tr("crsync — %1").arg(state));
    };
    connect(m_running, &RunningTasks::changed, m_tray, updateTip);
    updateTip();
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason why) {
        if (why == QSystemTrayIcon::Trigger) {
            showNormal();
            raise();
            activateWindow();
        }
    });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
        showNormal();
        raise();
        activateWindow();
        if (m_notifiedTask) {
            showPage(Page::Logs);
            m_logs->showTask(m_notifiedTask);
        }
    });
    m_tray->show();
    return m_tray;
}

void MainWindow::about()
{
    QMessageBox::about(this, tr("About crsync"),
                       tr("<p><b>crsync %1</b></p><p>Replicates container images and Helm charts "
                          "between registry instances.</p><p>Data directory: %2</p>")
                           .arg(QApplication::applicationVersion(),
                                m_services.dataDir().toHtmlEscaped()));
}

void MainWindow::saveLayout()
{
    UiSettings::setValue(QString::fromLatin1(UiSettings::WindowGeometry), saveGeometry());
    UiSettings::setValue(QString::fromLatin1(UiSettings::WindowState), saveState());
    UiSettings::setText(QString::fromLatin1(UiSettings::LastPage),
                        QString::number(m_stack->currentIndex()));
    m_rules->saveLayout();
    m_instances->saveLayout();
    m_logs->saveLayout();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_engineStopped) { // the engine has stopped: now the window may go
        saveLayout();
        event->accept();
        return;
    }
    if (m_stopping) { // asked again while the engine stops: it closes when that is done
        event->ignore();
        return;
    }
    // With automatic sync running and a tray to go to, closing the window keeps crsync
    // syncing in the background; Quit (Ctrl+Q, the tray's menu) ends it.
    if (!m_quitting && automation() && tray()) {
        saveLayout();
        hide();
        event->ignore();
        if (!m_toldAboutTray) {
            m_toldAboutTray = true;
            m_tray->showMessage(tr("crsync keeps syncing"),
                                tr("New pushes are still synced while the window is closed. Quit "
                                   "from this icon's menu."));
        }
        return;
    }
    const int running = m_running->count();
    if (running > 0) {
        QMessageBox box(QMessageBox::Question, tr("Syncs are running"),
                        tr("%n sync task(s) are still running. Quitting cancels them; what already "
                           "arrived stays, and syncing again completes the job.",
                           nullptr, running),
                        QMessageBox::NoButton, this);
        box.setObjectName(QStringLiteral("quitWhileRunningBox"));
        QAbstractButton *quit = box.addButton(tr("Cancel them and quit"), QMessageBox::AcceptRole);
        box.addButton(tr("Keep running"), QMessageBox::RejectRole);
        box.exec();
        if (box.clickedButton() != quit) {
            event->ignore();
            return;
        }
    }
    // The engine stops its tasks without blocking; the window closes once it says it is done.
    // First no new request and no new event task.
    stopAutomation();
    m_stopping = true;
    event->ignore();
    setEnabled(false);
    statusBar()->showMessage(tr("Stopping…"));
    connect(&m_services.engine(), &Engine::shutdownFinished, this, [this] {
        m_engineStopped = true;
        close();
    }, Qt::QueuedConnection);
    m_services.engine().shutdown(Engine::ShutdownMode::CancelRunning);
}

} // namespace crsync
