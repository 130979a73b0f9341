#include "settings/settingsdialog.h"

#include "secrets/credentialstore.h"
#include "service/services.h"
#include "settings/uisettings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QMessageBox>
#include <QVBoxLayout>

namespace crsync {

SettingsDialog::SettingsDialog(Services &services, QWidget *parent) : QDialog(parent)
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

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch();
    layout->addWidget(buttons);
    resize(520, sizeHint().height());
}

void SettingsDialog::accept()
{
    const auto chosen = UiSettings::Language(m_language->currentData().toInt());
    if (chosen != UiSettings::language())
        UiSettings::setLanguage(chosen);
    QDialog::accept();
}

} // namespace crsync
