#include "instances/instancedialog.h"

#include "core/validation.h"
#include "instances/connectionreportview.h"
#include "service/connectiontest.h"
#include "service/instanceservice.h"
#include "service/services.h"
#include "store/eventstore.h"
#include "widgets/accessibility.h"
#include "widgets/discardchanges.h"
#include "widgets/fielderrors.h"
#include "widgets/warninglabel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace crsync {

namespace {
constexpr char PollField[] = "pollInterval";

QString key(const char *field)
{
    return QString::fromLatin1(field);
}
} // namespace

InstanceDialog::InstanceDialog(Services &services, std::optional<Instance> stored, QWidget *parent)
    : QDialog(parent), m_services(services), m_stored(std::move(stored))
{
    setObjectName(QStringLiteral("instanceDialog"));
    setWindowTitle(m_stored ? tr("Edit instance %1").arg(m_stored->name) : tr("Add instance"));
    m_errors = new FieldErrors(this);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    auto addRow = [this, form](const QString &caption, QWidget *input, const char *field,
                               QLayout *companions = nullptr) {
        m_errors->addRow(form, this, caption, input, key(field), companions);
    };

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->setPlaceholderText(tr("e.g. gz-prod"));
    addRow(tr("&Name:"), m_name, ValidationField::Name);

    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("urlEdit"));
    m_url->setPlaceholderText(QStringLiteral("https://registry.example.com:5000"));
    addRow(tr("&URL:"), m_url, ValidationField::Url);

    m_flavor = new QComboBox(this);
    m_flavor->setObjectName(QStringLiteral("flavorBox"));
    m_flavor->addItem(tr("Generic (OCI distribution)"), int(Instance::Flavor::Generic));
    m_flavor->addItem(QStringLiteral("Harbor"), int(Instance::Flavor::Harbor));
    m_flavor->addItem(tr("TCR (Tencent Container Registry)"), int(Instance::Flavor::Tcr));
    addRow(tr("&Flavor:"), m_flavor, "flavor");

    m_account = new QLineEdit(this);
    m_account->setObjectName(QStringLiteral("accountEdit"));
    m_account->setPlaceholderText(tr("instances sharing it are the same account"));
    addRow(tr("A&ccount ID:"), m_account, ValidationField::AccountId);

    m_region = new QLineEdit(this);
    m_region->setObjectName(QStringLiteral("regionEdit"));
    m_region->setPlaceholderText(tr("e.g. ap-guangzhou"));
    addRow(tr("&Region:"), m_region, ValidationField::Region);

    m_username = new QLineEdit(this);
    m_username->setObjectName(QStringLiteral("usernameEdit"));
    m_username->setPlaceholderText(tr("empty for anonymous access"));
    addRow(tr("U&sername:"), m_username, ValidationField::Username);

    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(m_stored && !m_stored->username.isEmpty()
                                       ? tr("unchanged (stored in the keychain); type to replace")
                                       : tr("stored in the keychain, never shown again"));
    addRow(tr("&Password:"), m_password, "password");

    m_caFile = new QLineEdit(this);
    m_caFile->setObjectName(QStringLiteral("caFileEdit"));
    m_caFile->setPlaceholderText(tr("optional: the PEM certificate of a private CA"));
    m_browse = new QPushButton(tr("&Browse…"), this);
    m_browse->setObjectName(QStringLiteral("caFileBrowse"));
    m_browse->setAccessibleName(tr("Browse for the CA file"));
    auto *caLayout = new QHBoxLayout;
    caLayout->addWidget(m_caFile, 1);
    caLayout->addWidget(m_browse);
    addRow(tr("CA f&ile:"), m_caFile, ValidationField::CaFile, caLayout);

    // For a registry that cannot send crsync its push events: look for new tags every N s.
    m_poll = new QSpinBox(this);
    m_poll->setObjectName(QStringLiteral("pollIntervalSpin"));
    m_poll->setRange(0, 24 * 3600);
    m_poll->setSingleStep(30);
    m_poll->setSuffix(tr(" s"));
    m_poll->setSpecialValueText(tr("Off"));
    auto *pollHint = FieldErrors::makeHint(
        tr("For a registry that cannot send push events: while automatic sync runs, the enabled "
           "rules of this source look for new or changed tags this often (at least 10 s)."),
        this);
    auto *pollColumn = new QVBoxLayout;
    pollColumn->setContentsMargins(0, 0, 0, 0);
    pollColumn->addWidget(m_poll, 0, Qt::AlignLeft);
    pollColumn->addWidget(pollHint);
    addRow(tr("P&oll every:"), m_poll, PollField, pollColumn);

    m_insecure = new QCheckBox(tr("S&kip TLS certificate verification"), this);
    m_insecure->setObjectName(QStringLiteral("insecureCheck"));
    m_insecureWarning = new WarningLabel(
        tr("Anyone on the network path can impersonate this registry and read its password. "
           "Give the CA file instead when you can."),
        this);
    m_insecureWarning->setObjectName(QStringLiteral("insecureWarning"));
    m_allowHttp = new QCheckBox(tr("Allow plain &HTTP (unencrypted)"), this);
    m_allowHttp->setObjectName(QStringLiteral("allowHttpCheck"));
    m_httpWarning = new WarningLabel(
        tr("Plain HTTP sends the password and every image unencrypted. Use it only on a network "
           "you trust."),
        this);
    m_httpWarning->setObjectName(QStringLiteral("httpWarning"));
    auto *tlsBox = new QGroupBox(tr("Security"), this);
    auto *tlsLayout = new QVBoxLayout(tlsBox);
    tlsLayout->addWidget(m_insecure);
    tlsLayout->addWidget(m_insecureWarning);
    tlsLayout->addWidget(m_allowHttp);
    tlsLayout->addWidget(m_httpWarning);

    m_test = new QPushButton(tr("&Test connection"), this);
    m_test->setObjectName(QStringLiteral("testConnectionButton"));
    m_report = new ConnectionReportView(this);
    m_report->setObjectName(QStringLiteral("dialogReport"));
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test, 0, Qt::AlignTop);
    testRow->addWidget(m_report, 1);

    m_general = FieldErrors::makeLabel(this, QStringLiteral("generalError"));
    m_errors->setGeneral(m_general);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(m_stored ? tr("Save") : tr("Add"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &InstanceDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &InstanceDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(tlsBox);
    layout->addLayout(testRow);
    layout->addWidget(m_general);
    layout->addStretch();
    layout->addWidget(m_buttons);

    if (m_stored) {
        m_name->setText(m_stored->name);
        m_url->setText(m_stored->url.toString());
        m_flavor->setCurrentIndex(m_flavor->findData(int(m_stored->flavor)));
        m_account->setText(m_stored->accountId);
        m_region->setText(m_stored->region);
        m_username->setText(m_stored->username);
        m_caFile->setText(m_stored->caFile);
        m_insecure->setChecked(m_stored->insecureSkipVerify);
        m_allowHttp->setChecked(m_stored->allowHttp);
        const Result<int> poll = PollStore(m_services.database()).interval(m_stored->id);
        m_storedPoll = poll ? *poll : 0;
        m_poll->setValue(m_storedPoll);
    }
    const QList<std::pair<QLineEdit *, const char *>> edits {
        { m_name, ValidationField::Name },       { m_url, ValidationField::Url },
        { m_account, ValidationField::AccountId }, { m_region, ValidationField::Region },
        { m_username, ValidationField::Username }, { m_password, "password" },
        { m_caFile, ValidationField::CaFile },
    };
    for (const auto &[edit, field] : edits) {
        connect(edit, &QLineEdit::textEdited, this, [this, field = key(field)] {
            m_touched.insert(field);
            validate();
        });
    }
    for (QCheckBox *box : { m_insecure, m_allowHttp })
        connect(box, &QCheckBox::toggled, this, [this] {
            m_touched.insert(key(ValidationField::Url));
            validate();
        });
    connect(m_flavor, &QComboBox::currentIndexChanged, this, &InstanceDialog::validate);
    connect(m_poll, &QSpinBox::valueChanged, this, [this] {
        m_touched.insert(key(PollField));
        validate();
    });
    connect(m_browse, &QPushButton::clicked, this, &InstanceDialog::browseCaFile);
    connect(m_test, &QPushButton::clicked, this, &InstanceDialog::testConnection);
    m_baseline = draft(); // what Cancel compares with: the form as it opened
    validate();
    resize(640, sizeHint().height());
}

InstanceDialog::~InstanceDialog() = default;

Instance InstanceDialog::draft() const
{
    Instance i = m_stored.value_or(Instance {});
    i.name = m_name->text().trimmed();
    i.url = normalizedRegistryUrl(m_url->text());
    i.flavor = Instance::Flavor(m_flavor->currentData().toInt());
    i.accountId = m_account->text().trimmed();
    i.region = m_region->text().trimmed();
    i.username = m_username->text().trimmed();
    i.caFile = m_caFile->text().trimmed().isEmpty()
        ? QString()
        : QFileInfo(m_caFile->text().trimmed()).absoluteFilePath();
    i.insecureSkipVerify = m_insecure->isChecked();
    i.allowHttp = m_allowHttp->isChecked();
    return i;
}

std::optional<QString> InstanceDialog::typedPassword() const
{
    if (m_password->text().isEmpty())
        return std::nullopt;
    return m_password->text();
}

void InstanceDialog::validate()
{
    const Instance i = draft();
    m_insecureWarning->setVisible(m_insecure->isChecked());
    m_httpWarning->setVisible(m_allowHttp->isChecked());
    QList<Error> problems = validateRegistryUrlText(m_url->text(), i.allowHttp);
    QStringList typedUrl;
    if (!problems.isEmpty())
        typedUrl << key(ValidationField::Url);
    for (const Error &e : m_services.instances().check(i, typedPassword().has_value(), m_stored))
        if (!typedUrl.contains(e.field))
            problems << e;
    if (m_poll->value() > 0 && m_poll->value() < 10)
        problems << Error::invalid(key(PollField),
                                   tr("Poll at least every 10 s, or turn polling off with 0."));
    // Fields the person has not reached yet keep quiet; OK stays off until all is well.
    QStringList quiet;
    for (const QString &field : { key(ValidationField::Name), key(ValidationField::Url),
                                  key(ValidationField::AccountId), key(ValidationField::Region),
                                  key(ValidationField::Username), QStringLiteral("password"),
                                  key(ValidationField::CaFile), key(PollField) })
        if (!m_touched.contains(field))
            quiet << field;
    m_errors->show(problems, quiet);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problems.isEmpty() && !m_saving);
    m_test->setEnabled(!m_running && validateRegistryUrlText(m_url->text(), i.allowHttp).isEmpty()
                       && validateCaFile(i.caFile).isEmpty());
}

void InstanceDialog::browseCaFile()
{
    const QString file = QFileDialog::getOpenFileName(
        this, tr("CA certificate"), QFileInfo(m_caFile->text()).path(),
        tr("Certificates (*.pem *.crt *.cer);;All files (*)"));
    if (file.isEmpty())
        return;
    m_caFile->setText(file);
    m_touched.insert(key(ValidationField::CaFile));
    validate();
}

void InstanceDialog::testConnection()
{
    if (m_running)
        return;
    Instance i = draft();
    if (i.name.isEmpty())
        i.name = i.url.host();
    m_report->showRunning(i.url.toString());
    // The typed password wins; without one an edited instance is tested with the stored one.
    m_running = m_services.instances().test(i, typedPassword(), this);
    connect(m_running, &ConnectionTest::finished, this, [this, test = m_running] {
        const ConnectionReport report = test->report();
        m_report->showReport(report);
        emit tested(m_stored ? m_stored->id : 0, ConnectionReportView::summary(report),
                    report.ok());
        test->deleteLater();
        m_running = nullptr; // done: the button comes back at once
        validate();
    });
    validate();
}

bool InstanceDialog::hasChanges() const
{
    if (typedPassword() || m_poll->value() != m_storedPoll)
        return true;
    return !(draft() == m_baseline);
}

void InstanceDialog::setBusy(bool busy)
{
    m_saving = busy;
    for (QWidget *w : std::initializer_list<QWidget *> { m_name, m_url, m_flavor, m_account,
                                                         m_region, m_username, m_password,
                                                         m_caFile, m_browse, m_insecure,
                                                         m_allowHttp, m_poll, m_test })
        w->setEnabled(!busy);
    validate();
}

void InstanceDialog::accept()
{
    if (m_saving)
        return;
    // Everything counts now, also the fields never touched.
    for (const char *field : { ValidationField::Name, ValidationField::Url, "password", PollField })
        m_touched.insert(key(field));
    validate();
    if (m_errors->hasProblems())
        return;
    setBusy(true);
    const Instance i = draft();
    auto done = [this, guard = QPointer(this)](Result<Instance> saved) {
        if (!guard)
            return;
        setBusy(false);
        if (!saved) {
            m_errors->show(saved.error().allProblems());
            return;
        }
        m_savedId = saved->id;
        // The poll interval is this machine's own setting, next to the instance in the store.
        if (m_poll->value() != m_storedPoll || !m_stored) {
            if (const Result<void> set = PollStore(m_services.database()).setInterval(saved->id, m_poll->value());
                !set) {
                m_errors->show({ Error::invalid(key(PollField), set.error().message) });
                return;
            }
        }
        QDialog::accept();
    };
    if (m_stored)
        m_services.instances().edit(i, typedPassword(), done);
    else
        m_services.instances().add(i, typedPassword(), done);
}

void InstanceDialog::reject()
{
    if (m_saving)
        return;
    if (hasChanges() && !confirmDiscard(this, tr("Discard the changes to this instance?")))
        return;
    QDialog::reject();
}

} // namespace crsync
