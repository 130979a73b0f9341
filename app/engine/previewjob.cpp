#include "engine/previewjob.h"

#include "engine/engine.h"

#include <QSet>

namespace crsync {

int Plan::count(Decision decision) const
{
    int n = 0;
    for (const ArtifactResult &a : artifacts)
        if (a.outcome != TaskItem::Outcome::Failed && !a.unchanged && a.decision == decision)
            ++n;
    return n;
}

int Plan::errors() const
{
    int n = 0;
    for (const ArtifactResult &a : artifacts)
        if (a.outcome == TaskItem::Outcome::Failed)
            ++n;
    return n;
}

qint64 Plan::bytesToCopy() const
{
    QSet<QString> counted;
    qint64 bytes = 0;
    for (const ArtifactResult &a : artifacts) {
        if (a.outcome == TaskItem::Outcome::Failed || a.unchanged || a.decision != Decision::Copy)
            continue;
        for (auto it = a.parts.cbegin(); it != a.parts.cend(); ++it) {
            if (counted.contains(it.key()))
                continue;
            counted.insert(it.key());
            bytes += it.value();
        }
    }
    return bytes;
}

PreviewJob::PreviewJob(Engine *engine, quint64 runId, Rule rule, QObject *parent)
    : QObject(parent), m_engine(engine), m_runId(runId)
{
    m_plan.rule = std::move(rule);
}

PreviewJob::~PreviewJob()
{
    if (!m_finished && m_engine)
        m_engine->stopPreview(m_runId, false);
}

void PreviewJob::cancel()
{
    if (!m_finished && m_engine)
        m_engine->stopPreview(m_runId, true);
}

void PreviewJob::complete(Plan plan)
{
    if (m_finished)
        return;
    m_finished = true;
    plan.rule = m_plan.rule;
    m_plan = std::move(plan);
    emit finished();
}

void PreviewJob::fail(const Error &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    emit finished();
}

} // namespace crsync
