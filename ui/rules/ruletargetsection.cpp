#include "rules/ruletargetsection.h"

#include "core/validation.h"
#include "widgets/fielderrors.h"
#include "widgets/warninglabel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace crsync {

namespace {
QString key(const char *field)
{
    return QString::fromLatin1(field);
}
} // namespace

RuleTargetSection::RuleTargetSection(const QList<Instance> &targets, qint64 sourceId,
                                     FieldErrors &errors, QWidget *parent)
    : QGroupBox(tr("Sync target"), parent), m_errors(errors)
{
    setObjectName(QStringLiteral("targetSection"));
    m_form = new QFormLayout(this);
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_crossAccount = new QCheckBox(tr("&Cross-account: the target belongs to another account"),
                                   this);
    m_crossAccount->setObjectName(QStringLiteral("crossAccountCheck"));
    m_form->addRow(m_crossAccount);

    m_instance = new QComboBox(this);
    m_instance->setObjectName(QStringLiteral("targetInstanceBox"));
    m_instance->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    QList<qint64> others;
    for (const Instance &i : targets) {
        m_instance->addItem(i.region.isEmpty() ? i.name : tr("%1 (%2)").arg(i.name, i.region), i.id);
        if (i.id != sourceId)
            others << i.id;
    }
    // The one other instance of the account is the obvious target.
    m_instance->setCurrentIndex(others.size() == 1 ? m_instance->findData(others.first()) : -1);
    m_sameAccountRows << m_errors.addRow(m_form, this, tr("Tar&get instance:"), m_instance,
                                         key(ValidationField::TargetInstance));

    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("targetUrlEdit"));
    m_url->setPlaceholderText(QStringLiteral("https://registry.example.com"));
    m_crossAccountRows << m_errors.addRow(m_form, this, tr("Target &URL:"), m_url,
                                          key(ValidationField::TargetUrl));
    m_ref = new QLineEdit(this);
    m_ref->setObjectName(QStringLiteral("targetInstanceRefEdit"));
    m_ref->setPlaceholderText(tr("the instance ID the target's owner gave you"));
    m_crossAccountRows << m_errors.addRow(m_form, this, tr("Target instance &ID:"), m_ref,
                                          key(ValidationField::TargetInstanceRef));

    m_namespace = new QLineEdit(this);
    m_namespace->setObjectName(QStringLiteral("targetNamespaceEdit"));
    m_namespace->setPlaceholderText(tr("empty = the source namespace's name; created when "
                                       "missing"));
    m_errors.addRow(m_form, this, tr("Target names&pace:"), m_namespace,
                    key(ValidationField::TargetNamespace));

    m_username = new QLineEdit(this);
    m_username->setObjectName(QStringLiteral("targetUsernameEdit"));
    m_username->setPlaceholderText(tr("a user account, not a service account"));
    m_crossAccountRows << m_errors.addRow(m_form, this, tr("Us&ername:"), m_username,
                                          key(ValidationField::TargetUsername));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("targetPasswordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    auto *passwordLayout = new QVBoxLayout;
    passwordLayout->setSpacing(2);
    passwordLayout->addWidget(m_password);
    passwordLayout->addWidget(FieldErrors::makeHint(
        tr("Use a long-lived credential: the rule stops working when it expires. Stored in the "
           "keychain on OK."),
        this));
    m_crossAccountRows << m_errors.addRow(m_form, this, tr("Pass&word:"), m_password,
                                          key(ValidationField::TargetPassword), passwordLayout);

    m_flavor = new QComboBox(this);
    m_flavor->setObjectName(QStringLiteral("targetFlavorBox"));
    m_flavor->addItem(tr("Generic (OCI distribution)"), int(Instance::Flavor::Generic));
    m_flavor->addItem(QStringLiteral("Harbor"), int(Instance::Flavor::Harbor));
    m_flavor->addItem(tr("TCR (Tencent Container Registry)"), int(Instance::Flavor::Tcr));
    m_crossAccountRows << m_errors.addRow(m_form, this, tr("&Flavor:"), m_flavor, QString());

    m_caFile = new QLineEdit(this);
    m_caFile->setObjectName(QStringLiteral("targetCaFileEdit"));
    m_caFile->setPlaceholderText(tr("optional: the PEM certificate of a private CA"));
    m_browse = new QPushButton(tr("&Browse…"), this);
    m_browse->setObjectName(QStringLiteral("targetCaFileBrowse"));
    m_browse->setAccessibleName(tr("Browse for the target's CA file"));
    auto *caLayout = new QHBoxLayout;
    caLayout->addWidget(m_caFile, 1);
    caLayout->addWidget(m_browse);
    m_crossAccountRows << m_errors.addRow(m_form, this, tr("CA fi&le:"), m_caFile,
                                          key(ValidationField::TargetCaFile), caLayout);

    m_insecure = new QCheckBox(tr("S&kip TLS certificate verification"), this);
    m_insecure->setObjectName(QStringLiteral("targetInsecureCheck"));
    m_insecureWarning = new WarningLabel(
        tr("Anyone on the network path can impersonate the target and read its password. "
           "Give the CA file instead when you can."),
        this);
    m_allowHttp = new QCheckBox(tr("&Allow plain HTTP (unencrypted)"), this);
    m_allowHttp->setObjectName(QStringLiteral("targetAllowHttpCheck"));
    m_httpWarning = new WarningLabel(
        tr("Plain HTTP sends the password and every image unencrypted. Use it only on a network "
           "you trust."),
        this);
    auto *security = new QVBoxLayout;
    for (QWidget *w : std::initializer_list<QWidget *> { m_insecure, m_insecureWarning,
                                                         m_allowHttp, m_httpWarning })
        security->addWidget(w);
    m_form->addRow(QString(), security);
    m_crossAccountRows << m_form->rowCount() - 1;

    const QList<std::pair<QLineEdit *, const char *>> edits {
        { m_url, ValidationField::TargetUrl },
        { m_ref, ValidationField::TargetInstanceRef },
        { m_namespace, ValidationField::TargetNamespace },
        { m_username, ValidationField::TargetUsername },
        { m_password, ValidationField::TargetPassword },
        { m_caFile, ValidationField::TargetCaFile },
    };
    for (const auto &[edit, field] : edits)
        connect(edit, &QLineEdit::textEdited, this,
                [this, field = key(field)] { emit fieldChanged(field); });
    connect(m_instance, &QComboBox::activated, this,
            [this] { emit fieldChanged(key(ValidationField::TargetInstance)); });
    connect(m_flavor, &QComboBox::activated, this, [this] { emit fieldChanged(QString()); });
    connect(m_crossAccount, &QCheckBox::toggled, this, [this] {
        updateRows();
        emit fieldChanged(QString());
    });
    for (QCheckBox *box : { m_insecure, m_allowHttp })
        connect(box, &QCheckBox::toggled, this, [this] {
            updateRows();
            emit fieldChanged(key(ValidationField::TargetUrl));
        });
    connect(m_browse, &QPushButton::clicked, this, &RuleTargetSection::browseCaFile);
    updateRows();
}

void RuleTargetSection::load(const Rule &rule)
{
    m_crossAccount->setChecked(rule.crossAccount);
    m_instance->setCurrentIndex(m_instance->findData(rule.targetInstanceId));
    m_url->setText(rule.targetUrl.toString());
    m_ref->setText(rule.targetInstanceRef);
    m_namespace->setText(rule.targetNamespace);
    m_username->setText(rule.targetUsername);
    m_flavor->setCurrentIndex(m_flavor->findData(int(rule.targetFlavor)));
    m_caFile->setText(rule.targetCaFile);
    m_insecure->setChecked(rule.targetInsecureSkipVerify);
    m_allowHttp->setChecked(rule.targetAllowHttp);
    updateRows();
}

void RuleTargetSection::applyTo(Rule &r) const
{
    r.crossAccount = m_crossAccount->isChecked();
    r.targetNamespace = m_namespace->text().trimmed();
    if (!r.crossAccount) {
        r.targetInstanceId = m_instance->currentIndex() < 0 ? 0 : m_instance->currentData().toLongLong();
        r.targetUrl = QUrl();
        r.targetInstanceRef.clear();
        r.targetUsername.clear();
        r.targetCaFile.clear();
        r.targetInsecureSkipVerify = false;
        r.targetAllowHttp = false;
        r.targetFlavor = Instance::Flavor::Generic;
        return;
    }
    r.targetInstanceId = 0;
    r.targetUrl = normalizedRegistryUrl(m_url->text());
    r.targetInstanceRef = m_ref->text().trimmed();
    r.targetUsername = m_username->text().trimmed();
    r.targetFlavor = Instance::Flavor(m_flavor->currentData().toInt());
    const QString ca = m_caFile->text().trimmed();
    r.targetCaFile = ca.isEmpty() ? QString() : QFileInfo(ca).absoluteFilePath();
    r.targetInsecureSkipVerify = m_insecure->isChecked();
    r.targetAllowHttp = m_allowHttp->isChecked();
}

bool RuleTargetSection::isCrossAccount() const
{
    return m_crossAccount->isChecked();
}

QString RuleTargetSection::typedUrl() const
{
    return m_url->text();
}

std::optional<QString> RuleTargetSection::typedPassword() const
{
    if (!m_crossAccount->isChecked() || m_password->text().isEmpty())
        return std::nullopt;
    return m_password->text();
}

void RuleTargetSection::setPasswordStored(bool stored)
{
    m_password->setPlaceholderText(stored ? tr("unchanged (stored in the keychain); type to replace")
                                          : QString());
}

void RuleTargetSection::updateRows()
{
    const bool cross = m_crossAccount->isChecked();
    for (int row : std::as_const(m_sameAccountRows))
        m_form->setRowVisible(row, !cross);
    for (int row : std::as_const(m_crossAccountRows))
        m_form->setRowVisible(row, cross);
    m_insecureWarning->setVisible(cross && m_insecure->isChecked());
    m_httpWarning->setVisible(cross && m_allowHttp->isChecked());
}

void RuleTargetSection::browseCaFile()
{
    const QString file = QFileDialog::getOpenFileName(
        this, tr("CA certificate"), QFileInfo(m_caFile->text()).path(),
        tr("Certificates (*.pem *.crt *.cer);;All files (*)"));
    if (file.isEmpty())
        return;
    m_caFile->setText(file);
    emit fieldChanged(key(ValidationField::TargetCaFile));
}

} // namespace crsync
