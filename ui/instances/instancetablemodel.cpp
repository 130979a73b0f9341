#include "instances/instancetablemodel.h"

#include <QColor>
#include <QIcon>

namespace crsync {

void InstanceTableModel::setInstances(QList<Instance> instances)
{
    beginResetModel();
    m_instances = std::move(instances);
    endResetModel();
}

void InstanceTableModel::setLastTest(qint64 instanceId, const QString &summary, bool ok)
{
    m_tests.insert(instanceId, Test { summary, ok });
    const int row = rowOf(instanceId);
    if (row >= 0)
        emit dataChanged(index(row, LastTest), index(row, LastTest));
}

const Instance *InstanceTableModel::instance(int row) const
{
    return row >= 0 && row < m_instances.size() ? &m_instances[row] : nullptr;
}

int InstanceTableModel::rowOf(qint64 instanceId) const
{
    for (int i = 0; i < m_instances.size(); ++i)
        if (m_instances[i].id == instanceId)
            return i;
    return -1;
}

int InstanceTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_instances.size());
}

int InstanceTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString InstanceTableModel::tlsText(const Instance &i)
{
    if (i.url.scheme() == QLatin1String("http"))
        return tr("None (plain HTTP)");
    if (i.insecureSkipVerify)
        return tr("Not verified");
    return i.caFile.isEmpty() ? tr("Verified") : tr("Verified (own CA)");
}

QVariant InstanceTableModel::data(const QModelIndex &index, int role) const
{
    const Instance *i = instance(index.row());
    if (!i)
        return {};
    if (role == IdRole)
        return i->id;
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Name:
            return i->name;
        case Url:
            return i->url.toString();
        case AccountId:
            return i->accountId;
        case Region:
            return i->region;
        case Flavor:
            switch (i->flavor) {
            case Instance::Flavor::Generic:
                return tr("Generic");
            case Instance::Flavor::Harbor:
                return QStringLiteral("Harbor");
            case Instance::Flavor::Tcr:
                return QStringLiteral("TCR");
            }
            return {};
        case Tls:
            return tlsText(*i);
        case User:
            return i->username.isEmpty() ? tr("(anonymous)") : i->username;
        case LastTest:
            return m_tests.contains(i->id) ? m_tests.value(i->id).summary : tr("Not tested yet");
        }
    }
    if (role == Qt::ForegroundRole) {
        if (index.column() == Tls && (i->insecureSkipVerify || i->url.scheme() == QLatin1String("http")))
            return QColor(0x9a, 0x5b, 0x00);
        if (index.column() == LastTest && m_tests.contains(i->id))
            return m_tests.value(i->id).ok ? QColor(0x1e, 0x8e, 0x3e) : QColor(0xc5, 0x22, 0x1f);
    }
    return {};
}

QVariant InstanceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Url:
        return tr("URL");
    case AccountId:
        return tr("Account ID");
    case Region:
        return tr("Region");
    case Flavor:
        return tr("Flavor");
    case Tls:
        return tr("TLS");
    case User:
        return tr("User");
    case LastTest:
        return tr("Last test");
    }
    return {};
}

} // namespace crsync
