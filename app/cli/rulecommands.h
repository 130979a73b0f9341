#pragma once

#include "cli/commandgroup.h"
#include "core/instance.h"
#include "core/result.h"
#include "core/rule.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <map>

namespace crsync::cli {

class CommandContext;

// The "rule" group. create/edit (the form's flags) live in ruleoptions.cpp, the rest in
// rulecommands.cpp. Internal to the command line.
class RuleCommands
{
    Q_DECLARE_TR_FUNCTIONS(crsync::cli::RuleCommands)

public:
    static CommandGroup group();

    // ruleoptions.cpp
    static QList<QCommandLineOption> formOptions(bool forEdit);
    static void create(CommandContext &ctx, const QCommandLineParser &p);
    static void edit(CommandContext &ctx, const QCommandLineParser &p);

    // rulecommands.cpp
    static void list(CommandContext &ctx, const QCommandLineParser &p);
    static void show(CommandContext &ctx, const QCommandLineParser &p);
    static void enable(CommandContext &ctx, const QCommandLineParser &p);
    static void disable(CommandContext &ctx, const QCommandLineParser &p);
    static void remove(CommandContext &ctx, const QCommandLineParser &p);

    // Shared helpers.
    static const std::map<QString, QString> &flagOf(); // validation field key -> flag
    static QJsonObject toJson(const Rule &rule, const QList<Instance> &instances);
    static QString jsonFieldsHelp();
    // Finds the rule named NAME, or finishes the command with the reason.
    static bool findRule(CommandContext &ctx, const QString &name, Rule *rule);
    // The keychain key of a cross-account rule's target credentials; empty otherwise.
    static QString credentialKey(const Rule &rule);
    // Names of the rules other than `except` that read the same keychain entry.
    static QStringList rulesSharing(const QString &key, const QList<Rule> &rules, qint64 except);
};

} // namespace crsync::cli
