#pragma once

#include "core/task.h"

#include <QMainWindow>

class QAction;
class QLabel;
class QSystemTrayIcon;
class QListWidget;
class QStackedWidget;

namespace crsync {

class Automation;
class ConsolePage;
class InstancesPage;
class LogsPage;
class RulesPage;
class RunningTasks;
class Services;

// The console's main window: navigation between the Rules (实例同步), Sync logs (同步日志) and
// Instances (实例) pages, the menus and toolbar that act on the page in front, and a status bar
// with the tasks running. Remembers its geometry, layout and last page.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Services &services, QWidget *parent = nullptr);
    ~MainWindow() override;

    enum class Page { Rules, Logs, Instances };
    void showPage(Page page);
    Page currentPage() const;

    RulesPage *rulesPage() const { return m_rules; }
    InstancesPage *instancesPage() const { return m_instances; }
    LogsPage *logsPage() const { return m_logs; }
    RunningTasks *runningTasks() const { return m_running; }
    // Automatic sync (the webhook listener and the event queue) while the window runs, when the
    // settings have it on (the default). Null when it is off or could not start.
    Automation *automation() const;
    // Starts or stops it after a change of the settings.
    void applyAutomationSettings();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void updateActions();
    void showLogsOfRule(qint64 ruleId, const QString &ruleName);
    // A task ended Failed or PartiallySucceeded while the window is not in front: a desktop
    // notification that opens the task when clicked.
    void notifyFinished(qint64 taskId, TaskStatus status);
    void openSettings();
    void startAutomation();
    void stopAutomation();
    void showAutomationState(const QString &text, const QString &details);
    QSystemTrayIcon *tray();
    void about();
    ConsolePage *current() const;
    void saveLayout();

    Services &m_services;
    RunningTasks *m_running = nullptr;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_stack = nullptr;
    RulesPage *m_rules = nullptr;
    LogsPage *m_logs = nullptr;
    InstancesPage *m_instances = nullptr;

    QAction *m_new = nullptr;
    QAction *m_trigger = nullptr;
    QAction *m_configure = nullptr;
    QAction *m_clone = nullptr;
    QAction *m_viewLogs = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_refresh = nullptr;
    QAction *m_find = nullptr;
    QAction *m_settings = nullptr;
    QAction *m_quit = nullptr;
    QList<QAction *> m_pageActions;
    QSystemTrayIcon *m_tray = nullptr; // made on the first notification or close to the tray
    Automation *m_automation = nullptr;
    QLabel *m_automationLabel = nullptr;
    bool m_quitting = false; // Quit asked: close for real, not to the tray
    bool m_toldAboutTray = false;
    qint64 m_notifiedTask = 0;
    bool m_stopping = false;      // close asked: the engine is stopping its tasks
    bool m_engineStopped = false; // the engine said it is done: the window may close
};

} // namespace crsync
