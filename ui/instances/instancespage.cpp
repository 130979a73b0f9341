#include "instances/instancespage.h"

#include "instances/connectionreportview.h"
#include "instances/instancedialog.h"
#include "instances/instancetablemodel.h"
#include "service/connectiontest.h"
#include "service/instanceservice.h"
#include "service/services.h"
#include "settings/uisettings.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace crsync {

InstancesPage::InstancesPage(Services &services, QWidget *parent)
    : ConsolePage(parent), m_services(services)
{
    setObjectName(QStringLiteral("instancesPage"));
    m_model = new InstanceTableModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);

    auto *title = new QLabel(tr("Instances"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    title->setFont(big);

    m_add = new QPushButton(tr("&Add instance…"), this);
    m_add->setObjectName(QStringLiteral("addInstanceButton"));
    m_edit = new QPushButton(tr("&Edit…"), this);
    m_edit->setObjectName(QStringLiteral("editInstanceButton"));
    m_test = new QPushButton(tr("&Test connection"), this);
    m_test->setObjectName(QStringLiteral("testInstanceButton"));
    m_remove = new QPushButton(tr("Re&move…"), this);
    m_remove->setObjectName(QStringLiteral("removeInstanceButton"));
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("instanceFilter"));
    m_filter->setPlaceholderText(tr("Filter instances"));
    m_filter->setAccessibleName(tr("Filter instances"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMaximumWidth(280);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_test);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    buttons->addWidget(m_filter);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("instanceTable"));
    m_table->setAccessibleName(tr("Instances"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(InstanceTableModel::Name, Qt::AscendingOrder);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);

    auto *reportBox = new QGroupBox(tr("Connection test"), this);
    m_report = new ConnectionReportView(reportBox);
    m_report->setObjectName(QStringLiteral("instanceReport"));
    auto *reportLayout = new QVBoxLayout(reportBox);
    reportLayout->addWidget(m_report);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
    layout->addWidget(reportBox);

    connect(m_add, &QPushButton::clicked, this, &InstancesPage::create);
    connect(m_edit, &QPushButton::clicked, this, &InstancesPage::editSelected);
    connect(m_test, &QPushButton::clicked, this, &InstancesPage::testSelected);
    connect(m_remove, &QPushButton::clicked, this, &InstancesPage::deleteSelected);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_table, &QTableView::activated, this, &InstancesPage::editSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateButtons();
        m_report->clear();
        emit actionsChanged();
    });

    refresh();
    m_table->horizontalHeader()->restoreState(
        UiSettings::value(QString::fromLatin1(UiSettings::InstancesHeader)));
    m_table->resizeColumnsToContents();
    updateButtons();
}

void InstancesPage::saveLayout()
{
    UiSettings::setValue(QString::fromLatin1(UiSettings::InstancesHeader),
                         m_table->horizontalHeader()->saveState());
}

void InstancesPage::refresh()
{
    const qint64 selected = selectedId();
    const Result<QList<Instance>> all = m_services.instances().list();
    if (!all) {
        QMessageBox::warning(this, tr("Instances"), all.error().message);
        return;
    }
    m_model->setInstances(*all);
    const int row = m_model->rowOf(selected);
    if (row >= 0)
        m_table->selectRow(m_proxy->mapFromSource(m_model->index(row, 0)).row());
    else if (m_proxy->rowCount() > 0)
        m_table->selectRow(0);
    updateButtons();
}

void InstancesPage::find()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

qint64 InstancesPage::selectedId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return 0;
    return rows.first().data(InstanceTableModel::IdRole).toLongLong();
}

bool InstancesPage::canDelete() const
{
    return selectedId() != 0;
}

void InstancesPage::updateButtons()
{
    const bool selected = selectedId() != 0;
    m_edit->setEnabled(selected);
    m_test->setEnabled(selected && !m_running);
    m_remove->setEnabled(selected);
}

void InstancesPage::create()
{
    openDialog(nullptr);
}

void InstancesPage::editSelected()
{
    const int row = m_model->rowOf(selectedId());
    if (const Instance *instance = m_model->instance(row))
        openDialog(instance);
}

void InstancesPage::openDialog(const Instance *instance)
{
    InstanceDialog dialog(m_services, instance ? std::optional<Instance>(*instance) : std::nullopt,
                          this);
    connect(&dialog, &InstanceDialog::tested, this,
            [this](qint64 id, const QString &summary, bool ok) {
                if (id)
                    m_model->setLastTest(id, summary, ok);
            });
    if (dialog.exec() != QDialog::Accepted)
        return;
    refresh();
    const int row = m_model->rowOf(dialog.savedId());
    if (row >= 0)
        m_table->selectRow(m_proxy->mapFromSource(m_model->index(row, 0)).row());
    emit instancesChanged();
}

void InstancesPage::testSelected()
{
    const int row = m_model->rowOf(selectedId());
    const Instance *instance = m_model->instance(row);
    if (!instance || m_running)
        return;
    m_report->showRunning(instance->name);
    m_running = m_services.instances().test(*instance, std::nullopt, this);
    const qint64 id = instance->id;
    connect(m_running, &ConnectionTest::finished, this, [this, id, test = m_running] {
        const ConnectionReport report = test->report();
        m_model->setLastTest(id, ConnectionReportView::summary(report), report.ok());
        if (selectedId() == id)
            m_report->showReport(report);
        test->deleteLater();
        m_running = nullptr;
        updateButtons();
    });
    updateButtons();
}

void InstancesPage::deleteSelected()
{
    const int row = m_model->rowOf(selectedId());
    const Instance *found = m_model->instance(row);
    if (!found)
        return;
    const Instance instance = *found;
    const Result<QStringList> rules = m_services.instances().rulesUsing(instance.id);
    if (rules && !rules->isEmpty()) {
        QMessageBox::information(
            this, tr("Remove instance"),
            tr("Instance \"%1\" is used by the rule(s) %2. Delete those rules or point them at "
               "another instance first; nothing was removed.")
                .arg(instance.name, rules->join(QStringLiteral(", "))));
        return;
    }
    QMessageBox ask(QMessageBox::Question, tr("Remove instance"),
                    instance.username.isEmpty()
                        ? tr("Remove instance \"%1\"?").arg(instance.name)
                        : tr("Remove instance \"%1\"? Its password leaves the keychain.")
                              .arg(instance.name),
                    QMessageBox::Cancel, this);
    ask.setObjectName(QStringLiteral("removeInstanceBox"));
    QAbstractButton *yes = ask.addButton(tr("Remove"), QMessageBox::DestructiveRole);
    ask.setDefaultButton(QMessageBox::Cancel);
    ask.exec();
    if (ask.clickedButton() != yes)
        return;
    setEnabled(false);
    m_services.instances().remove(instance.id, [this, name = instance.name](Result<void> removed) {
        setEnabled(true);
        if (!removed)
            QMessageBox::warning(this, tr("Remove instance"), removed.error().message);
        refresh();
        emit instancesChanged();
    });
}

} // namespace crsync
