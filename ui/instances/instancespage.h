#pragma once

#include "widgets/consolepage.h"

#include <QPointer>

class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace crsync {

class ConnectionReportView;
class ConnectionTest;
class InstanceTableModel;
class Services;
struct Instance;

// The Instances page (实例): the registries crsync knows, with add, edit, remove and a
// connection test that reports what the registry said.
class InstancesPage : public ConsolePage
{
    Q_OBJECT
public:
    explicit InstancesPage(Services &services, QWidget *parent = nullptr);

    void refresh() override;
    void find() override;
    bool canCreate() const override { return true; }
    void create() override;
    bool canDelete() const override;
    void deleteSelected() override;

    void editSelected();
    void testSelected();
    void saveLayout();
    qint64 selectedId() const;
    InstanceTableModel *model() const { return m_model; }

signals:
    void instancesChanged();

private:
    void openDialog(const Instance *instance);
    void updateButtons();

    Services &m_services;
    InstanceTableModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    QLineEdit *m_filter = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_test = nullptr;
    QPushButton *m_remove = nullptr;
    ConnectionReportView *m_report = nullptr;
    QPointer<ConnectionTest> m_running;
};

} // namespace crsync
