#pragma once

#include "core/instance.h"
#include "core/rule.h"
#include "service/ruleservice.h"

#include <QDateTime>
#include <QDialog>
#include <QPointer>
#include <QSet>
#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QTimer;

namespace crsync {

class FieldErrors;
class ListingCache;
class NamespaceListing;
class PreviewJob;
class PreviewPanel;
class RuleTargetSection;
class Services;

// Creates or configures a replication rule with the seed's fields in the seed's order (名称,
// 描述; 同步源: 源实例, 命名空间, 仓库名称, 版本Tag, 仓库类型; 同步目标: same or cross account;
// 镜像覆盖; then what the seed lacks: signatures and SBOMs, a schedule), checked as they are typed,
// next to a live preview of what the filters match on the source now. The cross-account password
// goes to the keychain only on OK.
class RuleDialog : public QDialog
{
    Q_OBJECT
public:
    RuleDialog(Services &services, qint64 sourceInstanceId, std::optional<Rule> stored,
               QWidget *parent = nullptr);
    ~RuleDialog() override;

    Rule draft() const;
    // After accept(): what was saved.
    const RuleService::Saved &saved() const { return m_saved; }
    PreviewPanel *preview() const { return m_preview; }

    void accept() override;
    void reject() override;

    // Milliseconds between the last change and the preview it starts.
    static constexpr int PreviewDelayMs = 400;

private:
    void load(const Rule &rule);
    void fieldChanged(const QString &field);
    void validate();
    QList<Error> problems() const;
    void schedulePreview();
    void startPreview();
    void listNamespaces();
    void checkStoredPassword();
    bool hasChanges() const;
    std::optional<QString> typedPassword() const;
    void setBusy(bool busy);
    void saveLayout();

    Services &m_services;
    std::optional<Rule> m_stored;
    Instance m_source;
    QList<Instance> m_targets; // the instances of the same account
    FieldErrors *m_errors = nullptr;

    QLineEdit *m_name = nullptr;
    QLineEdit *m_description = nullptr;
    QLabel *m_sourceLabel = nullptr;
    QComboBox *m_namespace = nullptr;
    QLabel *m_namespaceNote = nullptr;
    QLineEdit *m_repositoryFilter = nullptr;
    QLineEdit *m_tagFilter = nullptr;
    QComboBox *m_resourceType = nullptr;

    RuleTargetSection *m_target = nullptr;

    QCheckBox *m_overwrite = nullptr;
    QCheckBox *m_referrers = nullptr; // signatures, attestations and SBOMs with each artifact
    QLineEdit *m_schedule = nullptr; // "every 30m", "daily 02:00", empty = none
    QLabel *m_nextRun = nullptr;
    QString m_storedSchedule;
    QDateTime m_storedLastRun; // of the stored schedule; the next run counts from it
    void showNextRun();
    QLabel *m_general = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QSplitter *m_splitter = nullptr;
    PreviewPanel *m_preview = nullptr;

    QSet<QString> m_touched;
    QTimer *m_previewTimer = nullptr;
    QTimer *m_passwordTimer = nullptr;
    QPointer<PreviewJob> m_previewJob;
    QPointer<NamespaceListing> m_listing;
    std::shared_ptr<ListingCache> m_listingCache;
    bool m_passwordStored = false; // the keychain holds the cross-account target's password
    QString m_passwordCheckedFor;  // credential key m_passwordStored answers for
    Rule m_baseline; // the draft as the form opened
    RuleService::Saved m_saved;
    bool m_saving = false;
};

} // namespace crsync
