#pragma once

#include "core/rule.h"

#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <optional>

namespace crsync {

// Decides which repositories and tags a rule covers and where they go, with the filters
// compiled once (the engine asks for every tag of every repository of a namespace).
//
// Semantics (DESIGN.md section 1):
// - a repository is covered when it lies below the source namespace ("ns/app", "ns/team/app";
//   not "ns" itself, not "ns2/app") and its path below the namespace ("app", "team/app") matches
//   the repository filter as a whole: filter "app" covers "ns/app" but not "ns/app2";
// - a tag is covered when it matches the tag filter as a whole;
// - empty filters cover everything;
// - target repository = effective target namespace + the path below the source namespace.
class RuleMatcher
{
public:
    explicit RuleMatcher(const Rule &rule);

    // False when a filter does not compile; then nothing matches (validateRule says why).
    bool isValid() const { return m_valid; }

    // The part of `repository` below the source namespace, or a null QString when the
    // repository is not below it.
    QString pathBelowNamespace(const QString &repository) const;

    bool matchesRepository(const QString &repository) const; // full source path "ns/app"
    bool matchesPath(const QString &pathBelowNamespace) const; // "app", against the filter only
    bool matchesTag(const QString &tag) const;
    bool matches(const QString &repository, const QString &tag) const
    {
        return matchesRepository(repository) && matchesTag(tag);
    }

    // "ns/team/app" -> "<target ns>/team/app"; a null QString when not below the namespace.
    QString targetRepository(const QString &sourceRepository) const;

    // When the repository filter is a plain list of names ("web|api|team/worker", a dot
    // written "." or "\."), the repositories it names, "ns/web"...; else empty. A sync can
    // then go without listing the namespace, for a source that lets no one list its catalog.
    QStringList namedRepositories() const;

    // Whether an artifact of `kind` ("image", "chart", anything else = "other") is covered by
    // the rule's resource type.
    bool acceptsKind(const QString &kind) const;

private:
    QString m_namespace;
    QString m_targetNamespace;
    QString m_repositoryPattern; // as typed
    ResourceType m_type;
    // Anchored; unset when the rule has no such filter (everything matches).
    std::optional<QRegularExpression> m_repositoryFilter;
    std::optional<QRegularExpression> m_tagFilter;
    bool m_valid = true;
};

// Convenience wrappers for a single question; they compile the filters on every call.
QString targetRepository(const Rule &rule, const QString &sourceRepository);
bool ruleMatches(const Rule &rule, const QString &repository, const QString &tag);

// A filter as typed -> the anchored, full-match expression used for matching.
QRegularExpression compileFilter(const QString &pattern);

} // namespace crsync
