#pragma once

#include "core/instance.h"

#include <QDialog>
#include <QPointer>
#include <QSet>
#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace crsync {

class ConnectionReportView;
class ConnectionTest;
class FieldErrors;
class Services;
class WarningLabel;

// Adds or edits an instance: every field of an instance, checked as it is typed with the
// messages the command line gives, the password stored in the keychain only on OK (and kept
// as it is on an edit unless retyped), and Test connection before saving.
class InstanceDialog : public QDialog
{
    Q_OBJECT
public:
    InstanceDialog(Services &services, std::optional<Instance> stored, QWidget *parent = nullptr);
    ~InstanceDialog() override;

    // After accept(): the id of the instance saved.
    qint64 savedId() const { return m_savedId; }
    Instance draft() const;

    void accept() override;
    void reject() override;

signals:
    // A connection test of a stored instance ended (id 0 for a draft not saved yet).
    void tested(qint64 instanceId, const QString &summary, bool ok);

private:
    void validate();
    void testConnection();
    void browseCaFile();
    bool hasChanges() const;
    std::optional<QString> typedPassword() const;
    void setBusy(bool busy);

    Services &m_services;
    std::optional<Instance> m_stored;
    FieldErrors *m_errors = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_url = nullptr;
    QComboBox *m_flavor = nullptr;
    QLineEdit *m_account = nullptr;
    QLineEdit *m_region = nullptr;
    QLineEdit *m_username = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_caFile = nullptr;
    QPushButton *m_browse = nullptr;
    QCheckBox *m_insecure = nullptr;
    QCheckBox *m_allowHttp = nullptr;
    QSpinBox *m_poll = nullptr; // seconds between polls; 0 = off
    int m_storedPoll = 0;
    WarningLabel *m_insecureWarning = nullptr;
    WarningLabel *m_httpWarning = nullptr;
    QPushButton *m_test = nullptr;
    ConnectionReportView *m_report = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QLabel *m_general = nullptr;
    QSet<QString> m_touched;
    QPointer<ConnectionTest> m_running;
    Instance m_baseline; // the draft as the form opened
    qint64 m_savedId = 0;
    bool m_saving = false;
};

} // namespace crsync
