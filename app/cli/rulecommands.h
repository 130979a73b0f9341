#pragma once

#include "cli/commandgroup.h"
#include "core/instance.h"
#include "core/result.h"
#include "core/rule.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>

namespace crsync::cli {

class CommandContext;

// The "rule" group: create, list, show, edit, enable, disable, clone, delete, over
// RuleService (the flags of the form: RuleFlags; preview: PreviewCommand). Internal to the
// command line.
class RuleCommands
{
    Q_DECLARE_TR_FUNCTIONS(crsync::cli::RuleCommands)

public:
    static CommandGroup group();

private:
    static void create(CommandContext &ctx, const QCommandLineParser &p);
    static void edit(CommandContext &ctx, const QCommandLineParser &p);
    static void list(CommandContext &ctx, const QCommandLineParser &p);
    static void show(CommandContext &ctx, const QCommandLineParser &p);
    static void enable(CommandContext &ctx, const QCommandLineParser &p);
    static void disable(CommandContext &ctx, const QCommandLineParser &p);
    static void setEnabled(CommandContext &ctx, const QCommandLineParser &p, bool enabled);
    static void clone(CommandContext &ctx, const QCommandLineParser &p);
    static void remove(CommandContext &ctx, const QCommandLineParser &p);

    // Shared by create and edit once the rule holds the flags: read the password, then save
    // through the service, which validates everything first.
    static void save(CommandContext &ctx, const QCommandLineParser &p, const Rule &rule,
                     QList<Error> problems, bool forEdit);
    static QJsonObject toJson(const Rule &rule, const QList<Instance> &instances);
    static QString jsonFieldsHelp();
    static bool loadInstances(CommandContext &ctx, QList<Instance> *instances);
};

} // namespace crsync::cli
