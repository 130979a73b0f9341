#include "settings/settingsdialog.h"

#include "automation/automation.h"
#include "secrets/credentialstore.h"
#include "service/services.h"
#include "settings/uisettings.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace crsync {

namespace {

QPushButton *copyButton(QWidget *parent, const QString &what, std::function<QString()> text)
{
    auto *b = new QPushButton(SettingsDialog::tr("Copy"), parent);
    b->setAccessibleName(SettingsDialog::tr("Copy %1").arg(what));
    QObject::connect(b, &QPushButton::clicked, b, [text] { QApplication::clipboard()->setText(text()); });
    return b;
}

} // namespace

SettingsDialog::SettingsDialog(Services &services, Automation *running, QWidget *parent)
    : QDialog(parent), m_services(services), m_running(running)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    auto *form = new QFormLayout;

    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageBox"));
    m_language->addItem(tr("System language"), int(UiSettings::Language::System));
    m_language->addItem(QStringLiteral("English"), int(UiSettings::Language::English));
    m_language->addItem(QStringLiteral("中文"), int(UiSettings::Language::Chinese));
    m_language->setCurrentIndex(m_language->findData(int(UiSettings::language())));
    auto *languageLabel = new QLabel(tr("&Language:"), this);
    languageLabel->setBuddy(m_language);
    form->addRow(languageLabel, m_language);

    auto *note = new QLabel(tr("A new language applies when crsync starts again."), this);
    note->setWordWrap(true);
    form->addRow(QString(), note);

    auto *dataDir = new QLabel(services.dataDir(), this);
    dataDir->setObjectName(QStringLiteral("dataDirLabel"));
    dataDir->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    auto *dataDirLabel = new QLabel(tr("Data directory:"), this);
    dataDirLabel->setBuddy(dataDir);
    form->addRow(dataDirLabel, dataDir);

    auto *keychain = new QLabel(
        tr("Secret Service, service \"%1\"").arg(services.keychain().service()), this);
    keychain->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    auto *keychainLabel = new QLabel(tr("Passwords kept in:"), this);
    keychainLabel->setBuddy(keychain);
    form->addRow(keychainLabel, keychain);

    // Automatic sync.
    auto *automation = new QGroupBox(tr("Automatic sync"), this);
    auto *automationForm = new QFormLayout(automation);
    m_automatic = new QCheckBox(tr("&Sync new pushes by themselves while crsync runs"), automation);
    m_automatic->setObjectName(QStringLiteral("automaticSyncCheck"));
    m_automatic->setChecked(UiSettings::automaticSync());
    automationForm->addRow(m_automatic);

    m_listen = new QLineEdit(automation);
    m_listen->setObjectName(QStringLiteral("webhookListenEdit"));
    m_listen->setPlaceholderText(QStringLiteral("127.0.0.1:%1").arg(Automation::DefaultPort));
    m_listen->setText(UiSettings::text(QString::fromLatin1(UiSettings::WebhookListen)));
    auto *listenLabel = new QLabel(tr("Listen &on:"), automation);
    listenLabel->setBuddy(m_listen);
    automationForm->addRow(listenLabel, m_listen);
    m_listenError = new QLabel(automation);
    m_listenError->setObjectName(QStringLiteral("webhookListenError"));
    m_listenError->setWordWrap(true);
    m_listenError->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_listenError->hide();
    automationForm->addRow(QString(), m_listenError);

    m_url = new QLineEdit(automation);
    m_url->setObjectName(QStringLiteral("webhookUrlEdit"));
    m_url->setReadOnly(true);
    auto *urlRow = new QHBoxLayout;
    urlRow->addWidget(m_url, 1);
    urlRow->addWidget(copyButton(automation, tr("the webhook URL"), [this] { return m_url->text(); }));
    auto *urlLabel = new QLabel(tr("Webhook &URL:"), automation);
    urlLabel->setBuddy(m_url);
    automationForm->addRow(urlLabel, urlRow);

    m_secret = new QLineEdit(automation);
    m_secret->setObjectName(QStringLiteral("webhookSecretEdit"));
    m_secret->setReadOnly(true);
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(tr("reading the keychain…"));
    m_showSecret = new QPushButton(tr("S&how"), automation);
    m_showSecret->setCheckable(true);
    m_showSecret->setAccessibleName(tr("Show the webhook secret"));
    connect(m_showSecret, &QPushButton::toggled, this, [this](bool on) {
        m_secret->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
        updateWebhookText(); // the snippet shows it only when the field does
    });
    auto *rotate = new QPushButton(tr("&New secret…"), automation);
    rotate->setObjectName(QStringLiteral("rotateSecretButton"));
    connect(rotate, &QPushButton::clicked, this, &SettingsDialog::rotateSecret);
    auto *secretRow = new QHBoxLayout;
    secretRow->addWidget(m_secret, 1);
    secretRow->addWidget(m_showSecret);
    secretRow->addWidget(copyButton(automation, tr("the webhook secret"), [this] { return m_secretText; }));
    secretRow->addWidget(rotate);
    auto *secretLabel = new QLabel(tr("Se&cret:"), automation);
    secretLabel->setBuddy(m_secret);
    automationForm->addRow(secretLabel, secretRow);

    m_snippet = new QPlainTextEdit(automation);
    m_snippet->setObjectName(QStringLiteral("registrySnippet"));
    m_snippet->setReadOnly(true);
    m_snippet->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_snippet->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_snippet->setFixedHeight(m_snippet->fontMetrics().lineSpacing() * 11
                              + 2 * m_snippet->frameWidth() + 8);
    auto *snippetLabel = new QLabel(tr("docker-registry (config.yml):"), automation);
    snippetLabel->setBuddy(m_snippet);
    auto *snippetColumn = new QVBoxLayout;
    snippetColumn->addWidget(m_snippet);
    // Copied with the secret in it, whether or not it is shown.
    snippetColumn->addWidget(copyButton(automation, tr("the docker-registry configuration"),
                                        [this] { return Automation::registrySnippet(m_url->text(), m_secretText); }),
                             0, Qt::AlignRight);
    automationForm->addRow(snippetLabel, snippetColumn);
    auto *harbor = new QLabel(tr("Project → Webhooks → New webhook: notify type http, event "
                                 "\"Artifact pushed\", endpoint URL the webhook URL, auth header "
                                 "\"Bearer\" and the secret."),
                              automation);
    harbor->setWordWrap(true);
    harbor->setTextInteractionFlags(Qt::TextSelectableByMouse);
    automationForm->addRow(tr("Harbor:"), harbor);
    connect(m_listen, &QLineEdit::textChanged, this, &SettingsDialog::updateWebhookText);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(automation);
    layout->addStretch();
    layout->addWidget(buttons);
    resize(680, sizeHint().height());

    updateWebhookText();
    QPointer<SettingsDialog> self(this);
    Automation::webhookSecret(services.database(), services.keychain(), false, [self](Result<QString> s) {
        if (!self)
            return;
        if (!s) {
            self->m_secret->setPlaceholderText(s.error().message);
            return;
        }
        self->showSecret(*s);
    });
}

void SettingsDialog::showSecret(const QString &secret)
{
    m_secretText = secret;
    m_secret->setText(secret);
    updateWebhookText();
}

void SettingsDialog::updateWebhookText()
{
    const Result<Automation::Options> options = Automation::parseListen(m_listen->text());
    const Result<void> usable = options ? Automation::checkOptions(*options) : Result<void>(options.error());
    m_listenError->setVisible(!usable);
    if (!usable) {
        m_listenError->setText(usable.error().message);
        return;
    }
    // The running listener's URL when it runs with these settings (port 0 picks one).
    const QString url = m_running && m_listen->text() == UiSettings::text(QString::fromLatin1(UiSettings::WebhookListen))
        ? m_running->webhookUrl()
        : Automation::webhookUrl(*options);
    m_url->setText(url);
    const bool shown = m_showSecret->isChecked() && !m_secretText.isEmpty();
    m_snippet->setPlainText(Automation::registrySnippet(url, shown ? m_secretText : tr("PASTE-THE-SECRET")));
}

void SettingsDialog::rotateSecret()
{
    QMessageBox ask(QMessageBox::Question, tr("New webhook secret"),
                    tr("Registries that send the current secret are refused from now on, until "
                       "their configuration has the new one. Make a new secret?"),
                    QMessageBox::NoButton, this);
    ask.setObjectName(QStringLiteral("rotateSecretBox"));
    QAbstractButton *yes = ask.addButton(tr("Make a new secret"), QMessageBox::AcceptRole);
    ask.addButton(QMessageBox::Cancel);
    ask.exec();
    if (ask.clickedButton() != yes)
        return;
    QPointer<SettingsDialog> self(this);
    Automation::webhookSecret(m_services.database(), m_services.keychain(), true, [self](Result<QString> s) {
        if (!self)
            return;
        if (!s) {
            QMessageBox::warning(self, tr("New webhook secret"), s.error().message);
            return;
        }
        self->showSecret(*s);
        self->m_automationChanged = true; // the running listener must take the new one
    });
}

void SettingsDialog::accept()
{
    const Result<Automation::Options> options = Automation::parseListen(m_listen->text());
    if (!options || !Automation::checkOptions(*options)) {
        m_listen->setFocus();
        return;
    }
    const auto chosen = UiSettings::Language(m_language->currentData().toInt());
    if (chosen != UiSettings::language())
        UiSettings::setLanguage(chosen);
    const QString listen = m_listen->text().trimmed();
    if (m_automatic->isChecked() != UiSettings::automaticSync()
        || listen != UiSettings::text(QString::fromLatin1(UiSettings::WebhookListen)))
        m_automationChanged = true;
    UiSettings::setAutomaticSync(m_automatic->isChecked());
    UiSettings::setText(QString::fromLatin1(UiSettings::WebhookListen), listen);
    QDialog::accept();
}

} // namespace crsync
