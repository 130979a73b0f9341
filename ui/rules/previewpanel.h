#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QTreeView;

namespace crsync {

class PreviewJob;
class PreviewModel;

// The rule form's live preview: how many repositories and tags of the source match right now,
// what a sync would do with each, progress while a large namespace is scanned, and a clear
// message when the source cannot be reached.
class PreviewPanel : public QWidget
{
    Q_OBJECT
public:
    explicit PreviewPanel(QWidget *parent = nullptr);

    // Follows this job (the panel does not own it); the previous one is forgotten.
    void follow(PreviewJob *job);
    // No preview runs: why (the form is not complete yet, ...).
    void showIdle(const QString &text);
    void showWaiting(); // a change was typed: a new preview starts in a moment

    PreviewModel *model() const { return m_model; }
    QString summary() const;
    QString status() const;

private:
    void updateSummary();
    void finished();

    QPointer<PreviewJob> m_job;
    PreviewModel *m_model = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QTreeView *m_tree = nullptr;
    int m_repositoriesListed = 0;
};

} // namespace crsync
