#pragma once

#include "core/instance.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace crsync {

// The instances of the data dir for the Instances page, with the last connection test of each
// (this session's).
class InstanceTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Url, AccountId, Region, Flavor, Tls, User, LastTest, ColumnCount };
    static constexpr int IdRole = Qt::UserRole + 1;

    using QAbstractTableModel::QAbstractTableModel;

    void setInstances(QList<Instance> instances);
    void setLastTest(qint64 instanceId, const QString &summary, bool ok);
    const Instance *instance(int row) const;
    int rowOf(qint64 instanceId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString tlsText(const Instance &instance);

private:
    struct Test
    {
        QString summary;
        bool ok = false;
    };
    QList<Instance> m_instances;
    QHash<qint64, Test> m_tests;
};

} // namespace crsync
