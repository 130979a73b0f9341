#pragma once

#include "core/instance.h"
#include "core/rule.h"

#include <QGroupBox>
#include <QList>
#include <optional>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLineEdit;
class QPushButton;

namespace crsync {

class FieldErrors;
class WarningLabel;

// The rule form's 同步目标 group: the cross-account switch; off, a target instance of the
// same account; on, the target's URL, instance ID, username, password, flavor and TLS
// choices (each risky one with its warning); the target namespace either way. Its fields'
// problems show through the form's FieldErrors.
class RuleTargetSection : public QGroupBox
{
    Q_OBJECT
public:
    // targets: the instances of the source's account; sourceId: the rule's source instance.
    RuleTargetSection(const QList<Instance> &targets, qint64 sourceId, FieldErrors &errors,
                      QWidget *parent = nullptr);

    void load(const Rule &rule);
    void applyTo(Rule &rule) const; // the target fields of `rule` from the form
    bool isCrossAccount() const;
    QString typedUrl() const; // the target URL as typed (cross account)
    // The cross-account password typed now; none when empty or same account.
    std::optional<QString> typedPassword() const;
    // Whether the keychain holds the password of the target and user named now.
    void setPasswordStored(bool stored);

signals:
    // A field changed (its ValidationField key; empty for one without a key of its own).
    void fieldChanged(const QString &field);

private:
    void updateRows();
    void browseCaFile();

    FieldErrors &m_errors;
    QFormLayout *m_form = nullptr;
    QCheckBox *m_crossAccount = nullptr;
    QComboBox *m_instance = nullptr;
    QLineEdit *m_url = nullptr;
    QLineEdit *m_ref = nullptr;
    QLineEdit *m_namespace = nullptr;
    QLineEdit *m_username = nullptr;
    QLineEdit *m_password = nullptr;
    QComboBox *m_flavor = nullptr;
    QLineEdit *m_caFile = nullptr;
    QPushButton *m_browse = nullptr;
    QCheckBox *m_insecure = nullptr;
    WarningLabel *m_insecureWarning = nullptr;
    QCheckBox *m_allowHttp = nullptr;
    WarningLabel *m_httpWarning = nullptr;
    QList<int> m_sameAccountRows; // rows of m_form
    QList<int> m_crossAccountRows;
};

} // namespace crsync
