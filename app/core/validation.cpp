#include "core/validation.h"

#include "core/rulematcher.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace crsync {

namespace {

constexpr int MaxDescriptionLength = 1024;
constexpr int MaxFilterLength = 1024;
constexpr int MaxNamespaceLength = 255;
constexpr qint64 MaxCaFileBytes = 1024 * 1024;

QList<Error> one(const char *field, QString message)
{
    return { Error::invalid(QString::fromLatin1(field), std::move(message)) };
}

bool hasControlCharacters(const QString &text)
{
    for (const QChar c : text)
        if (c.category() == QChar::Other_Control)
            return true;
    return false;
}

bool hasSpaceOrControl(const QString &text)
{
    for (const QChar c : text)
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return true;
    return false;
}

// Basic authentication sends "user:password", so a ':' in the user cannot be told apart.
QList<Error> checkUsername(const QString &username, const char *field)
{
    if (username.contains(QLatin1Char(':')))
        return one(field,
                   QCoreApplication::translate("crsync::Validation",
                                               "The username cannot contain \":\" (registries "
                                               "log in with \"user:password\")."));
    if (username.size() > 255 || hasSpaceOrControl(username))
        return one(field,
                   QCoreApplication::translate("crsync::Validation",
                                               "The username must have no spaces and at most 255 "
                                               "characters."));
    return {};
}

const QRegularExpression &namePattern()
{
    static const QRegularExpression re(
        QRegularExpression::anchoredPattern(QStringLiteral("[a-z0-9][a-z0-9._-]*")));
    return re;
}

// OCI distribution path grammar: components of [a-z0-9]+ joined by ".", "_", "__" or "-+",
// components separated by "/".
const QRegularExpression &repositoryPathPattern()
{
    static const QRegularExpression re(QRegularExpression::anchoredPattern(QStringLiteral(
        "[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*)*")));
    return re;
}

bool isValidHostName(const QString &host)
{
    if (host.isEmpty() || host.size() > 253)
        return false;
    if (host.contains(QLatin1Char(':')))
        return true; // an IPv6 literal: QUrl has already parsed and checked it
    static const QRegularExpression label(
        QRegularExpression::anchoredPattern(QStringLiteral("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression digits(
        QRegularExpression::anchoredPattern(QStringLiteral("[0-9]+")));
    const QStringList labels = host.split(QLatin1Char('.'));
    bool allNumeric = true;
    for (const QString &l : labels) {
        if (!label.match(l).hasMatch())
            return false;
        allNumeric = allNumeric && digits.match(l).hasMatch();
    }
    if (allNumeric) { // then it has to be a dotted IPv4 address
        if (labels.size() != 4)
            return false;
        for (const QString &l : labels)
            if (l.toInt() > 255)
                return false;
    }
    return true;
}

const Instance *findInstance(const QList<Instance> &instances, qint64 id)
{
    for (const Instance &i : instances)
        if (i.id == id)
            return &i;
    return nullptr;
}

QString accountLabel(const QString &accountId)
{
    return accountId.isEmpty()
        ? QCoreApplication::translate("crsync::Validation", "(no account ID)")
        : accountId;
}

} // namespace

QList<Error> validateName(const QString &name, const char *field)
{
    if (name.isEmpty())
        return one(field, QCoreApplication::translate("crsync::Validation", "A name is required."));
    if (name.size() > MaxNameLength)
        return one(
            field,
            QCoreApplication::translate("crsync::Validation",
                                        "The name is %1 characters long; at most %2 are allowed.")
                .arg(name.size())
                .arg(MaxNameLength));
    if (!namePattern().match(name).hasMatch())
        return one(field,
                   QCoreApplication::translate(
                       "crsync::Validation",
                       "The name \"%1\" is not allowed: use only lower-case letters a-z, "
                       "digits, \".\", \"_\" and \"-\", starting with a letter or digit.")
                       .arg(name));
    return {};
}

QUrl normalizedRegistryUrl(const QUrl &url)
{
    QUrl result = url;
    if (result.path() == QLatin1String("/"))
        result.setPath(QString());
    const int defaultPort = result.scheme() == QLatin1String("https") ? 443
        : result.scheme() == QLatin1String("http")                    ? 80
                                                                      : -1;
    if (defaultPort != -1 && result.port() == defaultPort)
        result.setPort(-1);
    return result;
}

QUrl normalizedRegistryUrl(const QString &text)
{
    return normalizedRegistryUrl(QUrl(text.trimmed()));
}

QList<Error> validateRegistryUrlText(const QString &typed, bool allowHttp, const char *field)
{
    const QString text = typed.trimmed();
    const QString example = QStringLiteral("https://registry.example.com:5000");
    if (text.isEmpty())
        return validateRegistryUrl(QUrl(), allowHttp, field);
    if (hasSpaceOrControl(text))
        return one(field,
                   QCoreApplication::translate("crsync::Validation",
                                               "A URL has no spaces; enter it like %1.")
                       .arg(example));
    static const QRegularExpression schemeAndRest(
        QStringLiteral("^([A-Za-z][A-Za-z0-9+.-]*)://([^/?#]*)(.*)$"));
    const QRegularExpressionMatch m = schemeAndRest.match(text);
    if (!m.hasMatch())
        return one(field,
                   QCoreApplication::translate("crsync::Validation",
                                               "\"%1\" has no scheme: enter it like https://%1.")
                       .arg(text));
    // The authority's port, when one is given after the host (an IPv6 literal is in brackets).
    const QString authority = m.captured(2).section(QLatin1Char('@'), -1);
    const qsizetype bracket = authority.lastIndexOf(QLatin1Char(']'));
    const qsizetype colon = authority.lastIndexOf(QLatin1Char(':'));
    if (colon >= 0 && colon > bracket) {
        const QString port = authority.mid(colon + 1);
        bool ok = false;
        const int number = port.toInt(&ok);
        if (!ok || number < 1 || number > 65535)
            return one(field,
                       QCoreApplication::translate("crsync::Validation",
                                                   "The port \"%1\" is not a number from 1 to "
                                                   "65535.")
                           .arg(port));
    }
    const QUrl url = normalizedRegistryUrl(text);
    if (!url.isValid() || url.host().isEmpty())
        return one(field,
                   QCoreApplication::translate("crsync::Validation",
                                               "\"%1\" is not a valid URL. Enter it like %2.")
                       .arg(text, example));
    return validateRegistryUrl(url, allowHttp, field);
}

QList<Error> validateRegistryUrl(const QUrl &url, bool allowHttp, const char *field)
{
    const QString example = QStringLiteral("https://registry.example.com:5000");
    if (url.isEmpty())
        return one(field,
                   QCoreApplication::translate("crsync::Validation",
                                               "The registry URL is required, for example %1.")
                       .arg(example));
    if (!url.isValid())
        return one(field,
                   QCoreApplication::translate("crsync::Validation",
                                               "This is not a valid URL. Enter it like %1.")
                       .arg(example));
    const QString scheme = url.scheme();
    if (scheme == QLatin1String("http")) {
        if (!allowHttp) {
            QList<Error> refused = one(
                field,
                QCoreApplication::translate(
                    "crsync::Validation",
                    "Plain http:// sends data and credentials unencrypted. Use "
                    "https://, or explicitly allow plain HTTP for this registry."));
            refused.first().code = QString::fromLatin1(ValidationCode::PlainHttpNotAllowed);
            return refused;
        }
    } else if (scheme != QLatin1String("https")) {
        return one(field,
                   QCoreApplication::translate(
                       "crsync::Validation",
                       "The URL must start with https:// (or http:// when plain HTTP is "
                       "explicitly allowed), like %1.")
                       .arg(example));
    }
    if (!url.userInfo().isEmpty())
        return one(field,
                   QCoreApplication::translate(
                       "crsync::Validation",
                       "Remove the user name and password from the URL: give the "
                       "username in its own field; the password goes to the keychain."));
    if (!isValidHostName(url.host(QUrl::FullyEncoded)))
        return one(field,
                   QCoreApplication::translate("crsync::Validation",
                                               "\"%1\" is not a valid host name or IP address.")
                       .arg(url.host()));
    if (!url.path().isEmpty() && url.path() != QLatin1String("/"))
        return one(
            field,
            QCoreApplication::translate("crsync::Validation",
                                        "A registry URL has no path: remove \"%1\" and give only "
                                        "scheme://host[:port].")
                .arg(url.path()));
    if (url.hasQuery() || url.hasFragment())
        return one(field,
                   QCoreApplication::translate("crsync::Validation",
                                               "A registry URL has no query or fragment: give only "
                                               "scheme://host[:port]."));
    return {};
}

QList<Error> validateNamespace(const QString &ns, const char *field)
{
    if (ns.isEmpty())
        return one(field,
                   QCoreApplication::translate("crsync::Validation", "A namespace is required."));
    if (ns.contains(QLatin1Char('*')) || ns.contains(QLatin1Char(',')) || hasSpaceOrControl(ns))
        return one(field,
                   QCoreApplication::translate("crsync::Validation",
                                               "Give exactly one namespace; lists, wildcards and "
                                               "\"all namespaces\" are not supported."));
    if (ns.size() > MaxNamespaceLength)
        return one(
            field,
            QCoreApplication::translate("crsync::Validation",
                                        "The namespace is %1 characters long; at most %2 are "
                                        "allowed.")
                .arg(ns.size())
                .arg(MaxNamespaceLength));
    if (!repositoryPathPattern().match(ns).hasMatch())
        return one(field,
                   QCoreApplication::translate(
                       "crsync::Validation",
                       "\"%1\" is not a valid namespace: use lower-case letters and "
                       "digits, separated by single \".\", \"_\", \"__\" or \"-\", like "
                       "\"library\" or \"team/apps\".")
                       .arg(ns));
    return {};
}

QList<Error> validateFilter(const QString &pattern, const char *field)
{
    if (pattern.isEmpty())
        return {};
    if (pattern.size() > MaxFilterLength)
        return one(
            field,
            QCoreApplication::translate("crsync::Validation",
                                        "The filter is %1 characters long; at most %2 are allowed.")
                .arg(pattern.size())
                .arg(MaxFilterLength));
    // The pattern alone must compile: wrapped in the anchoring group, a stray ")(" could
    // otherwise balance out and change what the filter means.
    const QRegularExpression raw(pattern);
    if (!raw.isValid())
        return one(field,
                   QCoreApplication::translate(
                       "crsync::Validation",
                       "\"%1\" is not a valid regular expression: %2 at position %3.")
                       .arg(pattern, raw.errorString())
                       .arg(raw.patternErrorOffset()));
    const QRegularExpression anchored = compileFilter(pattern);
    if (!anchored.isValid())
        return one(field,
                   QCoreApplication::translate("crsync::Validation",
                                               "\"%1\" cannot be used as a whole-name filter: %2.")
                       .arg(pattern, anchored.errorString()));
    return {};
}

QList<Error> validateCaFile(const QString &path, const char *field)
{
    if (path.isEmpty())
        return {};
    const QFileInfo info(path);
    if (!info.exists())
        return one(
            field,
            QCoreApplication::translate("crsync::Validation", "The CA file \"%1\" does not exist.")
                .arg(path));
    if (!info.isFile())
        return one(
            field,
            QCoreApplication::translate("crsync::Validation", "\"%1\" is not a file.").arg(path));
    QFile file(path);
    if (!info.isReadable() || !file.open(QIODevice::ReadOnly))
        return one(
            field,
            QCoreApplication::translate("crsync::Validation",
                                        "The CA file \"%1\" cannot be read; check its permissions.")
                .arg(path));
    const QByteArray head = file.read(MaxCaFileBytes);
    if (!head.contains("-----BEGIN CERTIFICATE-----"))
        return one(field,
                   QCoreApplication::translate("crsync::Validation",
                                               "The CA file \"%1\" holds no PEM certificate (a "
                                               "\"-----BEGIN CERTIFICATE-----\" block).")
                       .arg(path));
    return {};
}

bool isServiceAccountName(const QString &username)
{
    const QString u = username.trimmed();
    for (const char *prefix : { "robot$", "robot%24", "tcr$", "tcr%24" })
        if (u.startsWith(QLatin1String(prefix), Qt::CaseInsensitive))
            return true;
    return false;
}

QList<Error> validateCrossAccountUsername(const QString &username, const char *field)
{
    if (username.isEmpty())
        return one(
            field,
            QCoreApplication::translate("crsync::Validation",
                                        "Cross-account replication needs the target's username."));
    if (isServiceAccountName(username))
        return one(
            field,
            QCoreApplication::translate("crsync::Validation",
                                        "\"%1\" is a service account (robot$... or tcr$...). "
                                        "Cross-account replication needs a user-level account of "
                                        "the target; give a user's name and password.")
                .arg(username));
    return checkUsername(username, field);
}

QList<Error> validateInstance(const Instance &instance, const QList<Instance> &others)
{
    QList<Error> errors = validateName(instance.name, ValidationField::Name);
    if (errors.isEmpty()) {
        for (const Instance &other : others) {
            if (other.id != instance.id && other.name == instance.name) {
                errors += one(
                    ValidationField::Name,
                    QCoreApplication::translate("crsync::Validation",
                                                "An instance named \"%1\" already exists; choose "
                                                "another name.")
                        .arg(instance.name));
                break;
            }
        }
    }
    errors += validateRegistryUrl(instance.url, instance.allowHttp, ValidationField::Url);
    if (instance.accountId.size() > 64 || hasSpaceOrControl(instance.accountId))
        errors
            += one(ValidationField::AccountId,
                   QCoreApplication::translate("crsync::Validation",
                                               "The account ID must have no spaces and at most 64 "
                                               "characters."));
    if (instance.region.size() > 64 || hasControlCharacters(instance.region))
        errors += one(
            ValidationField::Region,
            QCoreApplication::translate("crsync::Validation",
                                        "The region must be one line of at most 64 characters."));
    errors += validateCaFile(instance.caFile, ValidationField::CaFile);
    errors += checkUsername(instance.username, ValidationField::Username);
    return errors;
}

QList<Error> validateRule(const Rule &rule, const RuleValidationContext &context)
{
    QList<Error> errors = validateName(rule.name, ValidationField::Name);
    if (errors.isEmpty()) {
        for (const Rule &other : context.rules) {
            if (other.id != rule.id && other.name == rule.name) {
                errors += one(ValidationField::Name,
                              QCoreApplication::translate(
                                  "crsync::Validation",
                                  "A rule named \"%1\" already exists; choose another "
                                  "name.")
                                  .arg(rule.name));
                break;
            }
        }
    }
    if (rule.description.size() > MaxDescriptionLength)
        errors += one(
            ValidationField::Description,
            QCoreApplication::translate("crsync::Validation",
                                        "The description is %1 characters long; at most %2 are "
                                        "allowed.")
                .arg(rule.description.size())
                .arg(MaxDescriptionLength));

    const Instance *source = nullptr;
    if (rule.sourceInstanceId == 0) {
        errors += one(
            ValidationField::SourceInstance,
            QCoreApplication::translate("crsync::Validation", "Choose the source instance."));
    } else if (!(source = findInstance(context.instances, rule.sourceInstanceId))) {
        errors += one(
            ValidationField::SourceInstance,
            QCoreApplication::translate(
                "crsync::Validation", "The source instance (id %1) does not exist; choose another.")
                .arg(rule.sourceInstanceId));
    }
    if (rule.sourceNamespace.isEmpty())
        errors += one(
            ValidationField::SourceNamespace,
            QCoreApplication::translate("crsync::Validation", "The source namespace is required."));
    else
        errors += validateNamespace(rule.sourceNamespace, ValidationField::SourceNamespace);
    errors += validateFilter(rule.repositoryFilter, ValidationField::RepositoryFilter);
    errors += validateFilter(rule.tagFilter, ValidationField::TagFilter);

    const bool sameNamespace = rule.effectiveTargetNamespace() == rule.sourceNamespace;
    const QString loopMessage = QCoreApplication::translate(
        "crsync::Validation",
        "The target is the source itself with the same namespace; choose another "
        "target or target namespace.");
    if (!rule.crossAccount) {
        const Instance *target = nullptr;
        if (rule.targetInstanceId == 0) {
            errors += one(
                ValidationField::TargetInstance,
                QCoreApplication::translate("crsync::Validation", "Choose the target instance."));
        } else if (!(target = findInstance(context.instances, rule.targetInstanceId))) {
            errors += one(
                ValidationField::TargetInstance,
                QCoreApplication::translate("crsync::Validation",
                                            "The target instance (id %1) does not exist; choose "
                                            "another.")
                    .arg(rule.targetInstanceId));
        } else if (source && target->accountId != source->accountId) {
            QList<Error> mismatch = one(
                ValidationField::TargetInstance,
                QCoreApplication::translate("crsync::Validation",
                                            "The target instance \"%1\" belongs to account %2, "
                                            "the source \"%3\" to account %4. Choose an instance "
                                            "of the same account, or turn on cross-account "
                                            "replication.")
                    .arg(target->name, accountLabel(target->accountId), source->name,
                         accountLabel(source->accountId)));
            mismatch.first().code = QString::fromLatin1(ValidationCode::AccountMismatch);
            errors += mismatch;
        } else if (source && target->id == source->id && sameNamespace) {
            errors += one(ValidationField::TargetInstance, loopMessage);
        }
    } else {
        if (rule.targetUrl.isEmpty())
            errors += one(
                ValidationField::TargetUrl,
                QCoreApplication::translate("crsync::Validation",
                                            "Cross-account replication needs the target's URL."));
        else
            errors += validateRegistryUrl(rule.targetUrl, rule.targetAllowHttp,
                                          ValidationField::TargetUrl);
        if (source && sameNamespace
            && normalizedRegistryUrl(source->url) == normalizedRegistryUrl(rule.targetUrl))
            errors += one(ValidationField::TargetUrl, loopMessage);
        errors
            += validateCrossAccountUsername(rule.targetUsername, ValidationField::TargetUsername);
        if (!context.hasTargetPassword)
            errors += one(
                ValidationField::TargetPassword,
                QCoreApplication::translate("crsync::Validation",
                                            "Cross-account replication needs the password of the "
                                            "target's user."));
        errors += validateCaFile(rule.targetCaFile, ValidationField::TargetCaFile);
        if (rule.targetInstanceRef.size() > 128 || hasSpaceOrControl(rule.targetInstanceRef))
            errors += one(ValidationField::TargetInstanceRef,
                          QCoreApplication::translate(
                              "crsync::Validation",
                              "The target instance ID must have no spaces and at most "
                              "128 characters."));
    }
    if (!rule.targetNamespace.isEmpty())
        errors += validateNamespace(rule.targetNamespace, ValidationField::TargetNamespace);
    return errors;
}

QString joinMessages(const QList<Error> &errors)
{
    QStringList lines;
    for (const Error &e : errors)
        lines << e.message;
    return lines.join(QLatin1Char('\n'));
}

} // namespace crsync
