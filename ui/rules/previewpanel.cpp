#include "rules/previewpanel.h"

#include "core/format.h"
#include "engine/previewjob.h"
#include "rules/previewmodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace crsync {

PreviewPanel::PreviewPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("previewPanel"));
    m_model = new PreviewModel(this);
    auto *title = new QLabel(tr("Preview: what the filters match on the source now"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    title->setWordWrap(true);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("previewSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("previewStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("previewProgress"));
    m_progress->setAccessibleName(tr("Preview progress"));
    m_progress->setTextVisible(true);
    m_progress->hide();
    m_tree = new QTreeView(this);
    m_tree->setObjectName(QStringLiteral("previewTree"));
    m_tree->setAccessibleName(tr("Matching repositories and tags"));
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(PreviewModel::Artifact, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(PreviewModel::Action, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(PreviewModel::Kind, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(PreviewModel::Size, QHeaderView::ResizeToContents);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_summary);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addWidget(m_tree, 1);
}

QString PreviewPanel::summary() const
{
    return m_summary->text();
}

QString PreviewPanel::status() const
{
    return m_status->text();
}

void PreviewPanel::showIdle(const QString &text)
{
    if (m_job)
        m_job->disconnect(this);
    m_job = nullptr;
    m_model->reset();
    m_summary->clear();
    m_status->setText(text);
    m_progress->hide();
}

void PreviewPanel::showWaiting()
{
    // What the old job still sends is about filters that no longer hold.
    if (m_job)
        m_job->disconnect(this);
    m_job = nullptr;
    m_model->reset();
    m_summary->clear();
    m_progress->hide();
    m_status->setText(tr("Looking again in a moment…"));
}

void PreviewPanel::follow(PreviewJob *job)
{
    if (m_job)
        m_job->disconnect(this);
    m_job = job;
    m_model->reset();
    m_repositoriesListed = 0;
    m_summary->clear();
    m_status->setText(tr("Listing the source's repositories…"));
    m_progress->setRange(0, 0); // busy until the first tags are known
    m_progress->show();
    connect(job, &PreviewJob::repositoriesMatched, this, [this](const QStringList &repositories) {
        m_repositoriesListed = int(repositories.size());
        m_status->setText(tr("%n repository(s) match the repository filter; reading their tags…",
                             nullptr, m_repositoriesListed));
        updateSummary();
    });
    connect(job, &PreviewJob::tagsMatched, this,
            [this](const QString &repository, const QStringList &tags) {
                m_model->addTags(repository, tags);
                m_tree->expand(m_model->repositoryIndex(repository));
                updateSummary();
            });
    connect(job, &PreviewJob::artifactDecided, this, [this](const ArtifactResult &result) {
        m_model->addDecision(result);
        updateSummary();
    });
    connect(job, &PreviewJob::finished, this, &PreviewPanel::finished);
}

void PreviewPanel::updateSummary()
{
    const int tags = m_model->tagCount();
    m_summary->setText(
        tr("%1 with %2 that match.")
            .arg(tr("%n repository(s)", nullptr, m_model->repositoryCount()),
                 tr("%n tag(s)", nullptr, tags)));
    if (tags > 0) {
        m_progress->setRange(0, tags);
        m_progress->setValue(m_model->decidedCount());
        m_progress->setFormat(tr("%v of %m decided"));
    }
}

void PreviewPanel::finished()
{
    PreviewJob *job = m_job;
    m_progress->hide();
    if (!job)
        return;
    if (const std::optional<Error> &error = job->error()) {
        if (error->kind == Error::Kind::Canceled)
            return; // a newer preview follows
        m_status->setText(tr("The preview failed: %1").arg(error->message));
        return;
    }
    const Plan &plan = job->plan();
    m_summary->setText(tr("%1 with %2 that match.")
                           .arg(tr("%n repository(s)", nullptr, plan.repositories),
                                tr("%n tag(s)", nullptr, int(plan.artifacts.size()))));
    QStringList parts;
    parts << tr("%n to copy", nullptr, plan.count(Decision::Copy));
    if (plan.count(Decision::Copy) > 0)
        parts.last() += QLatin1Char(' ')
            + tr("(at most %1)").arg(formatBytes(plan.bytesToCopy()));
    parts << tr("%n up to date", nullptr, plan.count(Decision::UpToDate))
          << tr("%n existing and not overwritten", nullptr,
                plan.count(Decision::ExistsNotOverwritten));
    if (plan.errors() > 0)
        parts << tr("%n could not be decided (see the list)", nullptr, plan.errors());
    m_status->setText(tr("A sync now would: %1.").arg(parts.join(QStringLiteral(", "))));
    if (plan.artifacts.isEmpty())
        m_status->setText(tr("Nothing matches: the namespace has no repository with a tag that "
                             "passes the filters and the resource type."));
}

} // namespace crsync
