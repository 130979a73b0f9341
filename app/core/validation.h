#pragma once

#include "core/instance.h"
#include "core/result.h"
#include "core/rule.h"

#include <QList>
#include <QString>
#include <QUrl>

namespace crsync {

// Checks of DESIGN.md section 1, shared by the window, the command line and the engine.
//
// Every validate* function returns the complete list of problems (empty = valid), each an
// Error of Kind::Invalid whose `field` is one of the stable keys below, so a form can show the
// message next to the field and the command line can name the flag. Messages are translated
// (context "crsync::Validation"). Nothing here touches the store: whatever a check needs
// (other instances, other rules) is passed in.
//
// Field keys, Instance:
//   "name"      1-64 chars, ^[a-z0-9][a-z0-9._-]*$, unique among instances
//   "url"       https://host[:port] (http:// only with allowHttp); valid host; no path, query,
//               fragment or user info
//   "accountId" optional, at most 64 printable chars without spaces
//   "region"    optional, at most 64 chars, no control chars
//   "caFile"    optional; an existing readable file holding a PEM certificate
//   "username"  optional, at most 255 chars, no spaces, control chars or ':'
// Field keys, Rule:
//   "name"             as for instances, unique among rules
//   "description"      any Unicode text, at most 1024 chars
//   "sourceInstance"   required, must exist
//   "sourceNamespace"  required, exactly one namespace: a repository path (OCI grammar), no
//                      wildcards
//   "repositoryFilter" optional regex, must compile (matched whole, see RuleMatcher)
//   "tagFilter"        optional regex, must compile (matched whole)
//   "targetInstance"   same account: required, must exist and share the source's account ID
//                      (an empty account ID is an account of its own); not the source itself
//                      with the same namespace
//   "targetUrl"        cross account: required, same rules as an instance "url" (with
//                      targetAllowHttp)
//   "targetUsername"   cross account: required, a user-level account: robot$... and tcr$...
//                      service accounts are refused
//   "targetPassword"   cross account: required (typed now or already in the keychain)
//   "targetCaFile"     cross account: as an instance "caFile"
//   "targetInstanceRef" cross account: optional, at most 128 printable chars
//   "targetNamespace"  optional; when given, a repository path like "sourceNamespace"
namespace ValidationField {
inline constexpr char Name[] = "name";
inline constexpr char Url[] = "url";
inline constexpr char AccountId[] = "accountId";
inline constexpr char Region[] = "region";
inline constexpr char CaFile[] = "caFile";
inline constexpr char Username[] = "username";
inline constexpr char Description[] = "description";
inline constexpr char SourceInstance[] = "sourceInstance";
inline constexpr char SourceNamespace[] = "sourceNamespace";
inline constexpr char RepositoryFilter[] = "repositoryFilter";
inline constexpr char TagFilter[] = "tagFilter";
inline constexpr char TargetInstance[] = "targetInstance";
inline constexpr char TargetUrl[] = "targetUrl";
inline constexpr char TargetUsername[] = "targetUsername";
inline constexpr char TargetPassword[] = "targetPassword";
inline constexpr char TargetCaFile[] = "targetCaFile";
inline constexpr char TargetInstanceRef[] = "targetInstanceRef";
inline constexpr char TargetNamespace[] = "targetNamespace";
} // namespace ValidationField

// Error::code of problems a front end completes with its own way to solve them (a flag, a
// checkbox).
namespace ValidationCode {
inline constexpr char PlainHttpNotAllowed[] = "PLAIN_HTTP_NOT_ALLOWED";
inline constexpr char AccountMismatch[] = "ACCOUNT_MISMATCH";
inline constexpr char PasswordMissing[] = "PASSWORD_MISSING";
} // namespace ValidationCode

inline constexpr int MaxNameLength = 64;

// Single checks, each returning the problem or an empty list; usable as a form field is typed.
QList<Error> validateName(const QString &name, const char *field = ValidationField::Name);
QList<Error> validateRegistryUrl(const QUrl &url, bool allowHttp,
                                 const char *field = ValidationField::Url);
// The URL as typed: says what is wrong with text that does not parse (no scheme, a bad port)
// in the person's own words, then checks the parsed URL like validateRegistryUrl.
QList<Error> validateRegistryUrlText(const QString &text, bool allowHttp,
                                     const char *field = ValidationField::Url);
QList<Error> validateNamespace(const QString &ns, const char *field);
QList<Error> validateFilter(const QString &pattern, const char *field);
QList<Error> validateCaFile(const QString &path, const char *field = ValidationField::CaFile);
// Refuses robot$... (Harbor) and tcr$... (TCR) service accounts, and empty names.
QList<Error> validateCrossAccountUsername(const QString &username,
                                          const char *field = ValidationField::TargetUsername);
bool isServiceAccountName(const QString &username);

// Parses what a person typed ("https://reg.example.com:5000/") into the stored form
// (scheme://host[:port], lower-case host, no trailing slash). Text without a scheme is refused
// by validateRegistryUrl afterwards, not guessed.
QUrl normalizedRegistryUrl(const QString &text);
QUrl normalizedRegistryUrl(const QUrl &url);

// The whole instance. `others` are the stored instances; the one with instance.id is skipped,
// so the same call serves "add" (id 0) and "edit".
QList<Error> validateInstance(const Instance &instance, const QList<Instance> &others = {});

// What rule validation needs besides the rule.
struct RuleValidationContext
{
    QList<Instance> instances; // every stored instance: source/target looked up by id
    QList<Rule> rules; // stored rules, for the unique name (rule.id skipped)
    bool hasTargetPassword = false; // cross account: typed now, or already in the keychain
};

QList<Error> validateRule(const Rule &rule, const RuleValidationContext &context);

// Joins the messages of a validation into one text (one per line) for places that have no
// field to point at, such as the command line.
QString joinMessages(const QList<Error> &errors);

} // namespace crsync
