#include "rules/ruledialog.h"

#include "core/schedule.h"
#include "core/validation.h"
#include "engine/listingcache.h"
#include "engine/previewjob.h"
#include "rules/previewpanel.h"
#include "rules/ruletargetsection.h"
#include "service/instanceservice.h"
#include "service/namespacelisting.h"
#include "service/services.h"
#include "service/syncservice.h"
#include "settings/uisettings.h"
#include "store/eventstore.h"
#include "widgets/discardchanges.h"
#include "widgets/fielderrors.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

namespace crsync {

namespace {

QString key(const char *field)
{
    return QString::fromLatin1(field);
}

// Fields whose problems do not stop a preview: it shows what the source holds whatever the
// rule is called.
bool blocksPreview(const Error &e)
{
    return e.field != QLatin1String(ValidationField::Name)
        && e.field != QLatin1String(ValidationField::Description);
}

} // namespace

RuleDialog::RuleDialog(Services &services, qint64 sourceInstanceId, std::optional<Rule> stored,
                       QWidget *parent)
    : QDialog(parent), m_services(services), m_stored(std::move(stored)),
      m_listingCache(std::make_shared<ListingCache>())
{
    setObjectName(QStringLiteral("ruleDialog"));
    setWindowTitle(m_stored ? tr("Configure rule %1").arg(m_stored->name) : tr("New rule"));
    m_errors = new FieldErrors(this);
    if (Result<Instance> source = m_services.instances().get(sourceInstanceId))
        m_source = *source;
    if (Result<QList<Instance>> all = m_services.instances().list())
        for (const Instance &i : *all)
            if (i.accountId == m_source.accountId)
                m_targets << i;

    auto *general = new QFormLayout;
    general->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    auto addRow = [this](QFormLayout *form, const QString &caption, QWidget *input,
                         const QString &field, QLayout *companions = nullptr) {
        return m_errors->addRow(form, this, caption, input, field, companions);
    };

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->setPlaceholderText(tr("lowercase letters, digits and - . _, e.g. prod-to-dr"));
    addRow(general, tr("&Name:"), m_name, key(ValidationField::Name));
    m_description = new QLineEdit(this);
    m_description->setObjectName(QStringLiteral("descriptionEdit"));
    m_description->setPlaceholderText(tr("optional; any language"));
    addRow(general, tr("&Description:"), m_description, key(ValidationField::Description));

    // 同步源
    auto *sourceBox = new QGroupBox(tr("Sync source"), this);
    auto *sourceForm = new QFormLayout(sourceBox);
    sourceForm->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_sourceLabel = new QLabel(this);
    m_sourceLabel->setObjectName(QStringLiteral("sourceInstanceLabel"));
    m_sourceLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_sourceLabel->setText(m_source.region.isEmpty()
                               ? m_source.name
                               : tr("%1 (%2)").arg(m_source.name, m_source.region));
    m_sourceLabel->setToolTip(tr("The source instance chosen on the Rules page."));
    auto *sourceCaption = new QLabel(tr("Source instance:"), this);
    sourceCaption->setBuddy(m_sourceLabel);
    sourceForm->addRow(sourceCaption, m_sourceLabel);

    m_namespace = new QComboBox(this);
    m_namespace->setObjectName(QStringLiteral("namespaceBox"));
    m_namespace->setEditable(true);
    m_namespace->setInsertPolicy(QComboBox::NoInsert);
    m_namespace->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_namespace->lineEdit()->setPlaceholderText(tr("e.g. team/apps"));
    m_namespaceNote = FieldErrors::makeHint(QString(), this);
    m_namespaceNote->setObjectName(QStringLiteral("namespaceNote"));
    auto *namespaceLayout = new QVBoxLayout;
    namespaceLayout->setSpacing(2);
    namespaceLayout->addWidget(m_namespace);
    namespaceLayout->addWidget(m_namespaceNote);
    addRow(sourceForm, tr("Na&mespace:"), m_namespace, key(ValidationField::SourceNamespace),
           namespaceLayout);

    m_repositoryFilter = new QLineEdit(this);
    m_repositoryFilter->setObjectName(QStringLiteral("repositoryFilterEdit"));
    m_repositoryFilter->setPlaceholderText(tr("regular expression; empty = every repository"));
    addRow(sourceForm, tr("&Repositories:"), m_repositoryFilter,
           key(ValidationField::RepositoryFilter));
    m_tagFilter = new QLineEdit(this);
    m_tagFilter->setObjectName(QStringLiteral("tagFilterEdit"));
    m_tagFilter->setPlaceholderText(tr("regular expression; empty = every tag"));
    auto *tagLayout = new QVBoxLayout;
    tagLayout->setSpacing(2);
    tagLayout->addWidget(m_tagFilter);
    tagLayout->addWidget(FieldErrors::makeHint(tr("Filters match the whole name: v1\\..* matches v1.0 and v1.2.3, "
                                 "not v10. Repositories are matched by their path below the "
                                 "namespace."),
                              this));
    addRow(sourceForm, tr("&Tags:"), m_tagFilter, key(ValidationField::TagFilter), tagLayout);
    m_resourceType = new QComboBox(this);
    m_resourceType->setObjectName(QStringLiteral("resourceTypeBox"));
    for (ResourceType type : { ResourceType::All, ResourceType::Image, ResourceType::Chart })
        m_resourceType->addItem(resourceTypeText(type), int(type));
    addRow(sourceForm, tr("Resource t&ype:"), m_resourceType, QString());

    // 同步目标
    m_target = new RuleTargetSection(m_targets, m_source.id, *m_errors, this);

    // 镜像覆盖
    m_overwrite = new QCheckBox(tr("&Overwrite artifacts that exist on the target with the same "
                                   "tag"),
                                this);
    m_overwrite->setObjectName(QStringLiteral("overwriteCheck"));
    auto *overwriteHint = FieldErrors::makeHint(tr("Recommended: leave this off, so a tag the target already has "
                                  "is never replaced and its history is not lost."),
                               this);

    // Signatures, attestations and SBOMs go with the artifact they describe. On for a new rule.
    m_referrers
        = new QCheckBox(tr("Copy &signatures, attestations and SBOMs with each artifact"), this);
    m_referrers->setObjectName(QStringLiteral("referrersCheck"));
    m_referrers->setChecked(Rule().withReferrers);
    auto *referrersHint = FieldErrors::makeHint(
        tr("They are copied after the artifact they describe, with the same digests, found "
           "through the registry's referrers API or cosign's tag scheme (sha256-….sig, .att, "
           ".sbom). Off: such tags are artifacts of their own, synced only with resource type "
           "All."),
        this);
    referrersHint->setObjectName(QStringLiteral("referrersHint"));

    // 定时同步: a full scan on a schedule, while automatic sync runs.
    auto *scheduleForm = new QFormLayout;
    scheduleForm->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_schedule = new QLineEdit(this);
    m_schedule->setObjectName(QStringLiteral("scheduleEdit"));
    m_schedule->setPlaceholderText(tr("e.g. every 30m, every 6h, daily 02:00; empty = no schedule"));
    m_nextRun = FieldErrors::makeHint(QString(), this);
    m_nextRun->setObjectName(QStringLiteral("nextRunLabel"));
    auto *scheduleColumn = new QVBoxLayout;
    scheduleColumn->setContentsMargins(0, 0, 0, 0);
    scheduleColumn->addWidget(m_schedule);
    scheduleColumn->addWidget(m_nextRun);
    addRow(scheduleForm, tr("Sc&hedule:"), m_schedule, QStringLiteral("schedule"), scheduleColumn);
    if (m_stored) {
        const Result<std::optional<RuleSchedule>> s = ScheduleStore(m_services.database()).get(m_stored->id);
        if (s && s->has_value()) {
            m_storedSchedule = (*s)->spec;
            m_storedLastRun = (*s)->lastRun;
        }
    }
    m_schedule->setText(m_storedSchedule);

    m_general = FieldErrors::makeLabel(this, QStringLiteral("generalError"));
    m_errors->setGeneral(m_general);

    auto *formWidget = new QWidget(this);
    auto *formLayout = new QVBoxLayout(formWidget);
    formLayout->addLayout(general);
    formLayout->addWidget(sourceBox);
    formLayout->addWidget(m_target);
    formLayout->addWidget(m_overwrite);
    formLayout->addWidget(overwriteHint);
    formLayout->addWidget(m_referrers);
    formLayout->addWidget(referrersHint);
    formLayout->addLayout(scheduleForm);
    formLayout->addWidget(m_general);
    formLayout->addStretch();
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("ruleFormScroll"));
    scroll->setWidget(formWidget);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumWidth(480);

    m_preview = new PreviewPanel(this);
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("ruleDialogSplitter"));
    m_splitter->addWidget(scroll);
    m_splitter->addWidget(m_preview);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(m_stored ? tr("Save") : tr("Create"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RuleDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &RuleDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_buttons);

    m_previewTimer = new QTimer(this);
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(PreviewDelayMs);
    connect(m_previewTimer, &QTimer::timeout, this, &RuleDialog::startPreview);
    m_passwordTimer = new QTimer(this);
    m_passwordTimer->setSingleShot(true);
    m_passwordTimer->setInterval(PreviewDelayMs);
    connect(m_passwordTimer, &QTimer::timeout, this, &RuleDialog::checkStoredPassword);

    if (m_stored)
        load(*m_stored);

    const QList<std::pair<QLineEdit *, const char *>> edits {
        { m_name, ValidationField::Name },
        { m_description, ValidationField::Description },
        { m_namespace->lineEdit(), ValidationField::SourceNamespace },
        { m_repositoryFilter, ValidationField::RepositoryFilter },
        { m_tagFilter, ValidationField::TagFilter },
    };
    for (const auto &[edit, field] : edits)
        connect(edit, &QLineEdit::textEdited, this,
                [this, field = key(field)] { fieldChanged(field); });
    connect(m_namespace, &QComboBox::activated, this,
            [this] { fieldChanged(key(ValidationField::SourceNamespace)); });
    connect(m_resourceType, &QComboBox::activated, this, [this] { fieldChanged(QString()); });
    connect(m_target, &RuleTargetSection::fieldChanged, this, &RuleDialog::fieldChanged);
    connect(m_overwrite, &QCheckBox::toggled, this, [this] { fieldChanged(QString()); });
    // The preview lists referrer tags as artifacts only when they are not copied with theirs.
    connect(m_referrers, &QCheckBox::toggled, this, [this] { fieldChanged(QString()); });
    connect(m_schedule, &QLineEdit::textEdited, this, [this] {
        m_touched.insert(QStringLiteral("schedule"));
        validate();
    });

    m_baseline = draft(); // what Cancel compares with: the form as it opened
    validate();
    listNamespaces();
    if (m_stored) {
        checkStoredPassword();
        startPreview();
    } else {
        m_preview->showIdle(tr("Choose a namespace and a target to see what a sync would take."));
    }

    QSettings settings;
    if (!restoreGeometry(settings.value(QLatin1String(UiSettings::RuleDialogGeometry)).toByteArray()))
        resize(1200, 760);
    if (!m_splitter->restoreState(
            settings.value(QLatin1String(UiSettings::RuleDialogSplitter)).toByteArray()))
        m_splitter->setSizes({ 620, 580 });
    m_name->setFocus();
}

RuleDialog::~RuleDialog()
{
    if (m_previewJob)
        m_previewJob->cancel();
}

void RuleDialog::load(const Rule &rule)
{
    m_name->setText(rule.name);
    m_description->setText(rule.description);
    m_namespace->setEditText(rule.sourceNamespace);
    m_repositoryFilter->setText(rule.repositoryFilter);
    m_tagFilter->setText(rule.tagFilter);
    m_resourceType->setCurrentIndex(m_resourceType->findData(int(rule.resourceType)));
    m_target->load(rule);
    m_overwrite->setChecked(rule.overwrite);
    m_referrers->setChecked(rule.withReferrers);
}

Rule RuleDialog::draft() const
{
    Rule r = m_stored.value_or(Rule {});
    r.name = m_name->text().trimmed();
    r.description = m_description->text().trimmed();
    r.sourceInstanceId = m_source.id;
    r.sourceNamespace = m_namespace->currentText().trimmed();
    r.repositoryFilter = m_repositoryFilter->text().trimmed();
    r.tagFilter = m_tagFilter->text().trimmed();
    r.resourceType = ResourceType(m_resourceType->currentData().toInt());
    r.overwrite = m_overwrite->isChecked();
    r.withReferrers = m_referrers->isChecked();
    m_target->applyTo(r);
    return r;
}

std::optional<QString> RuleDialog::typedPassword() const
{
    return m_target->typedPassword();
}

void RuleDialog::fieldChanged(const QString &field)
{
    if (!field.isEmpty())
        m_touched.insert(field);
    if (field == QLatin1String(ValidationField::TargetUrl)
        || field == QLatin1String(ValidationField::TargetUsername) || field.isEmpty())
        m_passwordTimer->start();
    validate();
    // Only what changes the answer restarts the preview.
    if (field != QLatin1String(ValidationField::Name)
        && field != QLatin1String(ValidationField::Description))
        schedulePreview();
}

QList<Error> RuleDialog::problems() const
{
    const Rule r = draft();
    QList<Error> found;
    bool urlTyped = false;
    if (r.crossAccount) {
        found = validateRegistryUrlText(m_target->typedUrl(), r.targetAllowHttp,
                                        ValidationField::TargetUrl);
        urlTyped = !found.isEmpty();
    }
    const bool hasPassword = typedPassword().has_value()
        || (m_passwordStored && m_passwordCheckedFor == m_services.rules().credentialKey(r));
    for (const Error &e : m_services.rules().check(r, hasPassword))
        if (!(urlTyped && e.field == QLatin1String(ValidationField::TargetUrl)))
            found << e;
    if (const QString schedule = m_schedule->text().trimmed(); !schedule.isEmpty())
        if (const Result<Schedule> parsed = Schedule::parse(schedule); !parsed)
            found << parsed.error();
    return found;
}

void RuleDialog::validate()
{
    const QList<Error> found = problems();
    QStringList quiet;
    for (const char *field :
         { ValidationField::Name, ValidationField::Description, ValidationField::SourceNamespace,
           ValidationField::RepositoryFilter, ValidationField::TagFilter,
           ValidationField::TargetInstance, ValidationField::TargetUrl,
           ValidationField::TargetInstanceRef, ValidationField::TargetNamespace,
           ValidationField::TargetUsername, ValidationField::TargetPassword,
           ValidationField::TargetCaFile })
        if (!m_touched.contains(key(field)))
            quiet << key(field);
    if (!m_touched.contains(QStringLiteral("schedule")))
        quiet << QStringLiteral("schedule");
    m_errors->show(found, quiet);
    showNextRun();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(found.isEmpty() && !m_saving);
}

void RuleDialog::schedulePreview()
{
    if (m_previewJob) {
        m_previewJob->cancel();
        m_previewJob = nullptr;
    }
    m_preview->showWaiting();
    m_previewTimer->start();
}

void RuleDialog::startPreview()
{
    if (m_previewJob) {
        m_previewJob->cancel();
        m_previewJob = nullptr;
    }
    const Rule r = draft();
    QList<Error> blocking;
    for (const Error &e : problems())
        if (blocksPreview(e))
            blocking << e;
    if (r.sourceNamespace.isEmpty()) {
        m_preview->showIdle(tr("Choose a namespace to see what a sync would take."));
        return;
    }
    if (!blocking.isEmpty()) {
        m_preview->showIdle(tr("The preview starts when the form is complete: %1")
                                .arg(blocking.first().message));
        return;
    }
    PreviewOptions options;
    options.passwords.target = typedPassword();
    options.listing = m_listingCache;
    m_previewJob = m_services.sync().preview(r, options, this);
    m_preview->follow(m_previewJob);
    connect(m_previewJob, &PreviewJob::finished, m_previewJob, &QObject::deleteLater);
}

void RuleDialog::listNamespaces()
{
    if (m_source.id == 0)
        return;
    m_namespaceNote->setText(tr("Listing the namespaces of %1…").arg(m_source.name));
    m_listing = m_services.instances().namespaces(m_source, this);
    connect(m_listing, &NamespaceListing::finished, this, [this, listing = m_listing] {
        listing->deleteLater();
        const Result<QStringList> &result = listing->result();
        if (!result) {
            m_namespaceNote->setText(tr("The namespaces could not be listed (%1); type the "
                                        "namespace.")
                                         .arg(result.error().message));
            return;
        }
        const QString typed = m_namespace->currentText();
        m_namespace->addItems(*result);
        m_namespace->setEditText(typed);
        m_namespaceNote->setText(result->isEmpty()
                                     ? tr("%1 lists no repositories yet; type the namespace.")
                                           .arg(m_source.name)
                                     : tr("%n namespace(s) on %1; pick one or type it.", nullptr,
                                          int(result->size()))
                                           .arg(m_source.name));
    });
    m_listing->start();
}

void RuleDialog::checkStoredPassword()
{
    const Rule r = draft();
    const QString credential = m_services.rules().credentialKey(r);
    if (credential.isEmpty() || r.targetUsername.isEmpty()) {
        m_passwordStored = false;
        m_passwordCheckedFor.clear();
        validate();
        return;
    }
    m_services.rules().targetPasswordStored(r, [this, guard = QPointer(this), credential](
                                                   Result<bool> stored) {
        // An answer for credentials the form no longer names is of no use.
        if (!guard || credential != m_services.rules().credentialKey(draft()))
            return;
        const bool changed = m_passwordCheckedFor != credential
            || m_passwordStored != (stored && *stored);
        m_passwordStored = stored && *stored;
        m_passwordCheckedFor = credential;
        m_target->setPasswordStored(m_passwordStored);
        validate();
        if (changed && !typedPassword())
            schedulePreview(); // the preview may go ahead now (or must stop)
    });
}

bool RuleDialog::hasChanges() const
{
    return typedPassword().has_value() || !(draft() == m_baseline)
        || m_schedule->text().trimmed() != m_storedSchedule;
}

void RuleDialog::showNextRun()
{
    const Result<Schedule> s = Schedule::parse(m_schedule->text());
    if (m_schedule->text().trimmed().isEmpty() || !s) {
        m_nextRun->setText(tr("Runs when synced by hand, by a push event or by a poll."));
        return;
    }
    // An unchanged schedule counts from its last run, as the scheduler does; a new one from now.
    const QDateTime lastRun = s->toString() == m_storedSchedule ? m_storedLastRun : QDateTime();
    const QDateTime next = s->nextRun(lastRun, QDateTime::currentDateTimeUtc());
    m_nextRun->setText(tr("%1; the next run at %2, while automatic sync runs.")
                           .arg(s->describe(), QLocale().toString(next.toLocalTime(), QLocale::ShortFormat)));
}

void RuleDialog::setBusy(bool busy)
{
    m_saving = busy;
    m_splitter->widget(0)->setEnabled(!busy);
    validate();
}

void RuleDialog::saveLayout()
{
    QSettings settings;
    settings.setValue(QLatin1String(UiSettings::RuleDialogGeometry), saveGeometry());
    settings.setValue(QLatin1String(UiSettings::RuleDialogSplitter), m_splitter->saveState());
}

void RuleDialog::accept()
{
    if (m_saving)
        return;
    // Everything counts now, also the fields never touched.
    for (const char *field : { ValidationField::Name, ValidationField::SourceNamespace,
                               ValidationField::TargetInstance, ValidationField::TargetUrl,
                               ValidationField::TargetInstanceRef,
                               ValidationField::TargetUsername, ValidationField::TargetPassword })
        m_touched.insert(key(field));
    validate();
    if (m_errors->hasProblems())
        return;
    setBusy(true);
    m_services.rules().save(draft(), typedPassword(),
                            [this, guard = QPointer(this)](Result<RuleService::Saved> saved) {
                                if (!guard)
                                    return;
                                setBusy(false);
                                if (!saved) {
                                    m_errors->show(saved.error().allProblems());
                                    return;
                                }
                                m_saved = *saved;
                                // The schedule is kept next to the rule, once the rule has its id.
                                const Result<Schedule> s = Schedule::parse(m_schedule->text());
                                const QString spec = s ? s->toString() : QString();
                                if (spec != m_storedSchedule)
                                    if (Result<void> set = ScheduleStore(m_services.database()).set(saved->rule.id, spec); !set)
                                        m_saved.warnings << set.error().message;
                                saveLayout();
                                QDialog::accept();
                            });
}

void RuleDialog::reject()
{
    if (m_saving)
        return;
    if (hasChanges() && !confirmDiscard(this, tr("Discard the changes to this rule?")))
        return;
    saveLayout();
    QDialog::reject();
}

} // namespace crsync
