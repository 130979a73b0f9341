#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace crsync {

class Automation;
class Services;

// The Settings dialog: the window's language (system / English / 中文), where this console
// keeps its data and secrets, and automatic sync: on or off, the listener's address, and what a
// registry needs to notify crsync (the webhook URL, the secret, a docker-registry snippet, the
// Harbor webhook fields).
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    // `running`: the window's automatic sync when it runs (its URL is then the one shown).
    SettingsDialog(Services &services, Automation *running, QWidget *parent = nullptr);

    void accept() override;
    bool automationChanged() const { return m_automationChanged; }

private:
    void showSecret(const QString &secret);
    void updateWebhookText();
    void rotateSecret();

    Services &m_services;
    Automation *m_running;
    QComboBox *m_language = nullptr;
    QCheckBox *m_automatic = nullptr;
    QLineEdit *m_listen = nullptr;
    QLabel *m_listenError = nullptr;
    QLineEdit *m_url = nullptr;
    QLineEdit *m_secret = nullptr;
    QPushButton *m_showSecret = nullptr;
    QPlainTextEdit *m_snippet = nullptr;
    QString m_secretText;
    bool m_automationChanged = false;
};

} // namespace crsync
