#include "rules/previewmodel.h"

#include "core/format.h"

#include <QColor>

namespace crsync {

PreviewModel::PreviewModel(QObject *parent) : QStandardItemModel(0, ColumnCount, parent)
{
    setHorizontalHeaderLabels({ tr("Repository / tag"), tr("A sync would"), tr("Kind"), tr("Size") });
}

void PreviewModel::reset()
{
    // Rows only: the columns stay, and with them how the view sizes them.
    removeRows(0, rowCount());
    m_repositories.clear();
    m_tags.clear();
    m_actions.clear();
    m_decided = 0;
}

QString PreviewModel::actionName(const ArtifactResult &r)
{
    if (r.outcome == TaskItem::Outcome::Failed)
        return QStringLiteral("error");
    switch (r.decision) {
    case Decision::Copy:
        return QStringLiteral("copy");
    case Decision::UpToDate:
        return QStringLiteral("up-to-date");
    case Decision::ExistsNotOverwritten:
        return QStringLiteral("exists-not-overwritten");
    }
    return {};
}

QString PreviewModel::actionText(const QString &action)
{
    if (action == QLatin1String("copy"))
        return tr("copy");
    if (action == QLatin1String("up-to-date"))
        return tr("skip: up to date");
    if (action == QLatin1String("exists-not-overwritten"))
        return tr("skip: exists, no overwrite");
    if (action == QLatin1String("error"))
        return tr("error");
    return tr("deciding…");
}

QStandardItem *PreviewModel::repositoryItem(const QString &repository)
{
    if (QStandardItem *item = m_repositories.value(repository))
        return item;
    auto *item = new QStandardItem(repository);
    item->setEditable(false);
    item->setData(repository, Qt::UserRole + 2);
    QList<QStandardItem *> row { item };
    for (int c = 1; c < ColumnCount; ++c) {
        auto *cell = new QStandardItem;
        cell->setEditable(false);
        row << cell;
    }
    appendRow(row);
    m_repositories.insert(repository, item);
    return item;
}

void PreviewModel::updateRepositoryText(QStandardItem *item)
{
    const QString repository = item->data(Qt::UserRole + 2).toString();
    item->setText(tr("%1 (%n tag(s))", nullptr, item->rowCount()).arg(repository));
}

void PreviewModel::addRepositories(const QStringList &repositories)
{
    for (const QString &repository : repositories)
        updateRepositoryText(repositoryItem(repository));
}

QModelIndex PreviewModel::repositoryIndex(const QString &repository) const
{
    QStandardItem *item = m_repositories.value(repository);
    return item ? indexFromItem(item) : QModelIndex();
}

void PreviewModel::addTags(const QString &repository, const QStringList &tags)
{
    QStandardItem *parent = repositoryItem(repository);
    for (const QString &tag : tags) {
        const QString key = repository + QLatin1Char(':') + tag;
        if (m_tags.contains(key))
            continue;
        QList<QStandardItem *> row;
        for (const QString &text : { tag, actionText(QString()), QString(), QString() }) {
            auto *cell = new QStandardItem(text);
            cell->setEditable(false);
            row << cell;
        }
        parent->appendRow(row);
        m_tags.insert(key, row.first());
    }
    updateRepositoryText(parent);
}

void PreviewModel::addDecision(const ArtifactResult &r)
{
    const QString key = r.spec.sourceRepository + QLatin1Char(':') + r.spec.tag;
    if (r.excluded) { // the resource type leaves it out: no longer part of the plan
        if (QStandardItem *first = m_tags.take(key)) {
            QStandardItem *parent = first->parent();
            parent->removeRow(first->row());
            if (parent->rowCount() == 0) {
                m_repositories.remove(parent->data(Qt::UserRole + 2).toString());
                removeRow(parent->row());
            } else {
                updateRepositoryText(parent);
            }
        }
        return;
    }
    if (!m_tags.contains(key))
        addTags(r.spec.sourceRepository, { r.spec.tag });
    QStandardItem *first = m_tags.value(key);
    QStandardItem *parent = first->parent();
    const int row = first->row();
    const QString action = actionName(r);
    QStandardItem *actionItem = parent->child(row, Action);
    if (actionItem->data(ActionRole).toString().isEmpty())
        ++m_decided;
    else
        --m_actions[actionItem->data(ActionRole).toString()];
    ++m_actions[action];
    actionItem->setData(action, ActionRole);
    actionItem->setText(actionText(action));
    actionItem->setToolTip(r.error);
    actionItem->setData(action == QLatin1String("error")
                            ? QColor(0xc5, 0x22, 0x1f)
                            : action == QLatin1String("copy") ? QColor(0x1a, 0x73, 0xe8)
                                                              : QColor(0x1e, 0x8e, 0x3e),
                        Qt::ForegroundRole);
    if (!r.error.isEmpty())
        actionItem->setData(tr("error: %1").arg(r.error), Qt::AccessibleTextRole);
    parent->child(row, Kind)->setText(artifactKindText(artifactKindName(r.kind)));
    parent->child(row, Size)->setText(r.size > 0 ? formatBytes(r.size) : QString());
}

} // namespace crsync
