#include "core/rulematcher.h"

namespace crsync {

QRegularExpression compileFilter(const QString &pattern)
{
    return QRegularExpression(QRegularExpression::anchoredPattern(pattern));
}

RuleMatcher::RuleMatcher(const Rule &rule)
    : m_namespace(rule.sourceNamespace), m_targetNamespace(rule.effectiveTargetNamespace()),
      m_repositoryPattern(rule.repositoryFilter), m_type(rule.resourceType)
{
    // The raw pattern is checked too: "a)(b" is invalid alone but balances once wrapped.
    auto compile = [this](const QString &pattern, std::optional<QRegularExpression> &filter) {
        if (pattern.isEmpty())
            return;
        filter = compileFilter(pattern);
        m_valid = m_valid && filter->isValid() && QRegularExpression(pattern).isValid();
    };
    compile(rule.repositoryFilter, m_repositoryFilter);
    compile(rule.tagFilter, m_tagFilter);
    if (m_namespace.isEmpty())
        m_valid = false;
}

QString RuleMatcher::pathBelowNamespace(const QString &repository) const
{
    if (m_namespace.isEmpty() || repository.size() <= m_namespace.size() + 1
        || !repository.startsWith(m_namespace)
        || repository.at(m_namespace.size()) != QLatin1Char('/'))
        return QString();
    return repository.mid(m_namespace.size() + 1);
}

QStringList RuleMatcher::namedRepositories() const
{
    if (!m_valid || m_repositoryPattern.isEmpty())
        return {};
    // Lower-case path components of a repository name, "." escaped or not.
    static const QRegularExpression name(QStringLiteral("^[a-z0-9]+(?:(?:\\\\?\\.|[_/-]+)[a-z0-9]+)*$"));
    QStringList named;
    for (QString alternative : m_repositoryPattern.split(QLatin1Char('|'))) {
        if (!name.match(alternative).hasMatch())
            return {};
        alternative.replace(QStringLiteral("\\."), QStringLiteral("."));
        const QString repository = m_namespace + QLatin1Char('/') + alternative;
        if (!named.contains(repository) && matchesRepository(repository))
            named << repository;
    }
    return named;
}

bool RuleMatcher::matchesPath(const QString &path) const
{
    if (!m_valid || path.isEmpty())
        return false;
    return !m_repositoryFilter || m_repositoryFilter->match(path).hasMatch();
}

bool RuleMatcher::matchesRepository(const QString &repository) const
{
    const QString path = pathBelowNamespace(repository);
    return !path.isNull() && matchesPath(path);
}

bool RuleMatcher::matchesTag(const QString &tag) const
{
    if (!m_valid || tag.isEmpty())
        return false;
    return !m_tagFilter || m_tagFilter->match(tag).hasMatch();
}

QString RuleMatcher::targetRepository(const QString &sourceRepository) const
{
    const QString path = pathBelowNamespace(sourceRepository);
    if (path.isNull())
        return QString();
    return m_targetNamespace + QLatin1Char('/') + path;
}

bool RuleMatcher::acceptsKind(const QString &kind) const
{
    switch (m_type) {
    case ResourceType::All:
        return true;
    case ResourceType::Image:
        return kind == QLatin1String("image");
    case ResourceType::Chart:
        return kind == QLatin1String("chart");
    }
    return false;
}

QString targetRepository(const Rule &rule, const QString &sourceRepository)
{
    return RuleMatcher(rule).targetRepository(sourceRepository);
}

bool ruleMatches(const Rule &rule, const QString &repository, const QString &tag)
{
    return RuleMatcher(rule).matches(repository, tag);
}

Instance Rule::crossAccountTarget() const
{
    Instance target;
    target.name = targetUrl.authority();
    target.url = targetUrl;
    target.allowHttp = targetAllowHttp;
    target.flavor = targetFlavor;
    target.caFile = targetCaFile;
    target.insecureSkipVerify = targetInsecureSkipVerify;
    target.username = targetUsername;
    return target;
}

} // namespace crsync
