// crsync rule preview NAME [--json]: what a sync would do, moving nothing.
#include "cli/commandcontext.h"
#include "cli/commandgroups.h"
#include "cli/output.h"
#include "cli/synccommands.h"
#include "engine/engine.h"
#include "engine/keychaincredentialprovider.h"
#include "store/database.h"
#include "store/rulestore.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

namespace crsync::cli {

namespace {

QString actionName(const ArtifactResult &a)
{
    if (a.outcome == TaskItem::Outcome::Failed)
        return QStringLiteral("error");
    switch (a.decision) {
    case Decision::Copy:
        return QStringLiteral("copy");
    case Decision::UpToDate:
        return QStringLiteral("up-to-date");
    case Decision::ExistsNotOverwritten:
        return QStringLiteral("exists-not-overwritten");
    }
    return {};
}

void printPlan(CommandContext &ctx, const Plan &plan, bool json)
{
    int errors = 0;
    qint64 toMove = 0;
    for (const ArtifactResult &a : plan.artifacts) {
        if (a.outcome == TaskItem::Outcome::Failed)
            ++errors;
        else if (a.decision == Decision::Copy)
            toMove += a.size;
    }
    if (json) {
        QJsonArray artifacts;
        for (const ArtifactResult &a : plan.artifacts)
            artifacts.append(QJsonObject {
                { QStringLiteral("sourceRepository"), a.spec.sourceRepository },
                { QStringLiteral("targetRepository"), a.spec.targetRepository },
                { QStringLiteral("tag"), a.spec.tag },
                { QStringLiteral("digest"), a.digest },
                { QStringLiteral("kind"), artifactKindName(a.kind) },
                { QStringLiteral("action"), actionName(a) },
                { QStringLiteral("size"), a.size },
                { QStringLiteral("error"), a.error },
            });
        printJson(ctx.out(),
                  QJsonObject {
                      { QStringLiteral("rule"), plan.rule.name },
                      { QStringLiteral("repositories"), plan.repositories },
                      { QStringLiteral("copy"), plan.count(Decision::Copy) },
                      { QStringLiteral("upToDate"), plan.count(Decision::UpToDate) },
                      { QStringLiteral("existsNotOverwritten"),
                        plan.count(Decision::ExistsNotOverwritten) },
                      { QStringLiteral("errors"), errors },
                      { QStringLiteral("bytesAtMost"), toMove },
                      { QStringLiteral("artifacts"), artifacts },
                  });
        return;
    }
    Table table({ SyncCommands::tr("SOURCE"), SyncCommands::tr("TARGET"), SyncCommands::tr("TAG"),
                  SyncCommands::tr("KIND"), SyncCommands::tr("ACTION"), SyncCommands::tr("DIGEST"),
                  SyncCommands::tr("SIZE"), SyncCommands::tr("ERROR") });
    for (const ArtifactResult &a : plan.artifacts)
        table.addRow({ a.spec.sourceRepository, a.spec.targetRepository, a.spec.tag,
                       artifactKindName(a.kind), actionName(a), a.digest.left(19),
                       SyncCommands::formatBytes(a.size), a.error });
    if (!table.isEmpty()) {
        table.print(ctx.out());
        ctx.out() << Qt::endl;
    }
    ctx.out() << SyncCommands::tr("Rule %1: %2 artifacts in %3 repositories: %4 to copy (at most "
                                  "%5), %6 up to date, %7 existing and not overwritten, %8 "
                                  "errors. Nothing was moved.")
                     .arg(plan.rule.name)
                     .arg(plan.artifacts.size())
                     .arg(plan.repositories)
                     .arg(plan.count(Decision::Copy))
                     .arg(SyncCommands::formatBytes(toMove))
                     .arg(plan.count(Decision::UpToDate))
                     .arg(plan.count(Decision::ExistsNotOverwritten))
                     .arg(errors)
              << Qt::endl;
}

void preview(CommandContext &ctx, const QCommandLineParser &p)
{
    const QString name = p.positionalArguments().value(0);
    auto db = ctx.database();
    if (!db) {
        ctx.fail(db.error());
        return;
    }
    auto rule = RuleStore(**db).findByName(name);
    if (!rule) {
        Error e = rule.error();
        if (e.kind == Error::Kind::NotFound)
            e.message = SyncCommands::tr("There is no rule named \"%1\". \"crsync rule list\" "
                                         "shows the rules there are.")
                            .arg(name);
        ctx.fail(e);
        return;
    }
    EngineSettings settings = EngineSettings::fromEnvironment();
    settings.dataDir = ctx.dataDir();
    auto credentials = std::make_shared<KeychainCredentialProvider>(&ctx.credentials());
    auto *engine = new Engine(**db, credentials.get(), settings);
    const bool json = p.isSet(QStringLiteral("json"));
    engine->preview(*rule, [&ctx, engine, credentials, json](Result<Plan> plan) {
        // The engine goes before the database, and not from inside its own callback.
        QTimer::singleShot(0, &ctx, [&ctx, engine, credentials, json, plan] {
            delete engine;
            if (!plan) {
                ctx.fail(plan.error());
                return;
            }
            printPlan(ctx, *plan, json);
            ctx.finish(ExitOk);
        });
    });
}

} // namespace

Subcommand rulePreviewCommand()
{
    Subcommand sub;
    sub.name = QStringLiteral("preview");
    sub.positionals = { QStringLiteral("NAME") };
    sub.usage = QStringLiteral("[--json]");
    sub.summary = SyncCommands::tr("Show what a sync of the rule would do, moving nothing.");
    sub.details = SyncCommands::tr(
        "Lists every repository:tag the rule takes (after its filters and resource type) with "
        "the action a sync would take: copy, up-to-date, exists-not-overwritten, or error. JSON "
        "fields: rule, repositories, copy, upToDate, existsNotOverwritten, errors, bytesAtMost, "
        "artifacts (sourceRepository, targetRepository, tag, digest, kind, action, size, "
        "error).");
    sub.options = { jsonOption() };
    sub.run = &preview;
    return sub;
}

} // namespace crsync::cli
