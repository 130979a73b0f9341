#pragma once

#include "core/instance.h"
#include "core/rule.h"
#include "widgets/consolepage.h"

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace crsync {

class MessageBar;
class RuleTableModel;
class RunningTasks;
class Services;

// The Rules page (实例同步): choose the source instance, then its rules with their enabled
// switch, last run and recent outcomes, and the actions of the seed's console: New, Configure,
// Trigger sync, View logs, Clone, Delete.
class RulesPage : public ConsolePage
{
    Q_OBJECT
public:
    RulesPage(Services &services, RunningTasks &running, QWidget *parent = nullptr);

    void refresh() override;
    void find() override;
    bool canCreate() const override;
    void create() override;
    bool canDelete() const override { return hasSelection(); }
    void deleteSelected() override;

    bool hasSelection() const;
    bool canTrigger() const;
    void triggerSelected();
    void configureSelected();
    void cloneSelected();
    void viewLogsOfSelected();
    void saveLayout();

    qint64 sourceInstanceId() const;
    void selectSource(qint64 instanceId);
    qint64 selectedRuleId() const;
    void selectRule(qint64 ruleId);
    RuleTableModel *model() const { return m_model; }

signals:
    void logsRequested(qint64 ruleId, const QString &ruleName);
    void instancesRequested();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void fitColumnsOnce();
    void fitColumns();
    void reloadSources();
    void reloadRules();
    void updateRunning();
    void toggleEnabled(qint64 ruleId, bool enabled);
    void openDialog(const std::optional<Rule> &rule);
    const Rule *selected() const;
    void updateButtons();

    Services &m_services;
    RunningTasks &m_running;
    QList<Instance> m_instances;
    QComboBox *m_source = nullptr;
    QPushButton *m_new = nullptr;
    QLineEdit *m_filter = nullptr;
    QTableView *m_table = nullptr;
    RuleTableModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QLabel *m_empty = nullptr;
    QPushButton *m_addInstance = nullptr;
    MessageBar *m_message = nullptr;
    QPushButton *m_trigger = nullptr;
    QPushButton *m_configure = nullptr;
    QPushButton *m_logs = nullptr;
    QPushButton *m_clone = nullptr;
    QPushButton *m_delete = nullptr;
    bool m_fitColumns = false; // no saved layout: fit the columns to the table at the first show
};

} // namespace crsync
