#pragma once

#include "widgets/consolepage.h"

class QLabel;

namespace crsync {

class Services;

// The sync log (同步日志). Until its own issue builds it, the page says where the log is.
class LogsPage : public ConsolePage
{
    Q_OBJECT
public:
    explicit LogsPage(Services &services, QWidget *parent = nullptr);

    void refresh() override;
    // Opened from a rule: its tasks.
    void showRule(qint64 ruleId, const QString &ruleName);

private:
    Services &m_services;
    QLabel *m_text = nullptr;
    qint64 m_ruleId = 0;
    QString m_ruleName;
};

} // namespace crsync
