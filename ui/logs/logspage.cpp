#include "logs/logspage.h"

#include "service/services.h"
#include "service/syncservice.h"

#include <QLabel>
#include <QVBoxLayout>

namespace crsync {

LogsPage::LogsPage(Services &services, QWidget *parent) : ConsolePage(parent), m_services(services)
{
    setObjectName(QStringLiteral("logsPage"));
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("logsPlaceholder"));
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
}

void LogsPage::refresh()
{
    TaskFilter filter;
    if (m_ruleId)
        filter.ruleId = m_ruleId;
    const Result<int> count = m_services.sync().count(filter);
    const int n = count ? *count : 0;
    m_text->setText(m_ruleId ? tr("Rule %1 has %n task(s) in the sync log. The log's page is "
                                  "coming; \"crsync log --rule %1\" shows them now.",
                                  nullptr, n)
                                   .arg(m_ruleName)
                             : tr("The sync log holds %n task(s). The log's page is coming; "
                                  "\"crsync log\" shows them now.",
                                  nullptr, n));
}

void LogsPage::showRule(qint64 ruleId, const QString &ruleName)
{
    m_ruleId = ruleId;
    m_ruleName = ruleName;
    refresh();
}

} // namespace crsync
