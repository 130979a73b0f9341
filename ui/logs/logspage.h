#pragma once

#include "core/task.h"
#include "widgets/consolepage.h"

#include <QElapsedTimer>
#include <QList>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSplitter;
class QTableView;
class QTimer;

namespace crsync {

class MessageBar;
class RunChart;
class RunningTasks;
class Services;
class TaskItemFilter;
class TaskItemModel;
class TaskTableModel;

// The sync log (同步日志): every task with the seed's columns (任务ID, 创建时间, 任务耗时, 成功比例,
// 同步仓库数, 同步状态) then rule, trigger and bytes, filtered by rule, status, time and text;
// running tasks move in place; Cancel, and under the table the selected task's artifacts with
// their errors, Retry failed, Export CSV and a picture of the rule's recent runs. Tasks other
// processes run on the same data dir show up through the store.
class LogsPage : public ConsolePage
{
    Q_OBJECT
public:
    LogsPage(Services &services, RunningTasks &running, QWidget *parent = nullptr);

    void refresh() override;
    void find() override;
    // Opened from a rule: its tasks.
    void showRule(qint64 ruleId, const QString &ruleName);
    // Opened from a notification: that task, selected, whatever the filters were.
    void showTask(qint64 taskId);
    void saveLayout();

    bool canCancel() const;
    void cancelSelected(); // asks first
    bool canRetry() const;
    void retrySelected();
    void exportSelected();

    TaskTableModel *model() const { return m_model; }
    TaskItemModel *itemModel() const { return m_items; }
    qint64 selectedTaskId() const;
    void selectTask(qint64 taskId);

private:
    void reloadRules();
    void applyFilters();
    void showDetail();
    void showDetailTitle(const Task &task);
    void followDetail(); // the selected task, while it runs
    void followRunning();
    QList<qint64> selectedTaskIds() const;
    void selectFirstRow();
    void updateButtons();

    Services &m_services;
    RunningTasks &m_running;
    TaskTableModel *m_model = nullptr;
    TaskItemModel *m_items = nullptr;
    TaskItemFilter *m_itemFilter = nullptr;
    QComboBox *m_rule = nullptr;
    QComboBox *m_status = nullptr;
    QComboBox *m_period = nullptr;
    QLineEdit *m_text = nullptr;
    QTableView *m_table = nullptr;
    MessageBar *m_message = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_export = nullptr;
    QSplitter *m_splitter = nullptr;
    QLabel *m_detailTitle = nullptr;
    RunChart *m_chart = nullptr;
    QCheckBox *m_failuresOnly = nullptr;
    QLineEdit *m_itemText = nullptr;
    QTableView *m_itemTable = nullptr;
    QPlainTextEdit *m_errorText = nullptr;
    QTimer *m_textDelay = nullptr;
    qint64 m_detailTask = 0;
    QElapsedTimer m_detailRead; // when the detail's artifacts were last read
    static constexpr int DetailIntervalMs = 1000;
    qint64 m_keepSelected = 0; // across a model reset
    // Until the operator picks a task, the first row (the newest) stays selected as tasks
    // arrive; a task chosen by hand stays selected instead.
    bool m_followNewest = true;
    bool m_selectingFirst = false;
};

} // namespace crsync
