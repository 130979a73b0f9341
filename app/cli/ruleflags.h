#pragma once

#include "core/instance.h"
#include "core/result.h"
#include "core/rule.h"

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QList>
#include <map>

class QCommandLineParser;

namespace crsync::cli {

// The rule form as command-line flags (rule create / rule edit): the options, and how the
// flags that are set change a rule. Problems of the flags themselves (an unknown instance
// name, contradicting switches, a URL that does not parse) are collected, not returned early,
// so one run names every bad flag.
class RuleFlags
{
    Q_DECLARE_TR_FUNCTIONS(crsync::cli::RuleFlags)

public:
    static QList<QCommandLineOption> options(bool forEdit);
    static void apply(const QCommandLineParser &p, const QList<Instance> &instances, bool forEdit,
                      Rule *rule, QList<Error> *problems);
    // Validation field key -> the flag a person typed.
    static std::map<QString, QString> flagOf(bool forEdit);
    // Error::code -> the flag that solves it.
    static std::map<QString, QString> hints();
};

} // namespace crsync::cli
