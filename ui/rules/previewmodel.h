#pragma once

#include "engine/artifactresult.h"

#include <QHash>
#include <QStandardItemModel>

namespace crsync {

// What a preview found, as a tree: each repository that matches, with its matching tags under
// it and what a sync would do with each (copy, up to date, exists and not overwritten, error),
// filled in as the preview's results come.
class PreviewModel : public QStandardItemModel
{
    Q_OBJECT
public:
    enum Column { Artifact, Action, Kind, Size, ColumnCount };
    static constexpr int ActionRole = Qt::UserRole + 1; // "copy", "up-to-date", ..., "" = deciding

    explicit PreviewModel(QObject *parent = nullptr);

    void reset();
    void addRepositories(const QStringList &repositories);
    void addTags(const QString &repository, const QStringList &tags);
    void addDecision(const ArtifactResult &result);

    QModelIndex repositoryIndex(const QString &repository) const; // invalid when not listed
    int repositoryCount() const { return int(m_repositories.size()); }
    int tagCount() const { return int(m_tags.size()); }
    int decidedCount() const { return m_decided; }
    int count(const QString &action) const { return m_actions.value(action); }

    static QString actionName(const ArtifactResult &result);
    static QString actionText(const QString &action);

private:
    QStandardItem *repositoryItem(const QString &repository);
    void updateRepositoryText(QStandardItem *item);

    QHash<QString, QStandardItem *> m_repositories;
    QHash<QString, QStandardItem *> m_tags; // "repository:tag" -> the row's first item
    QHash<QString, int> m_actions;
    int m_decided = 0;
};

} // namespace crsync
