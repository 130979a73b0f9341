// crsync rule preview NAME [--json]: what a sync would do, moving nothing.
#include "cli/previewcommand.h"

#include "cli/commandcontext.h"
#include "cli/commandgroups.h"
#include "cli/output.h"
#include "engine/previewjob.h"
#include "service/ruleservice.h"
#include "service/syncservice.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

namespace crsync::cli {

namespace {

QString opt(const char *name)
{
    return QString::fromLatin1(name);
}

QString actionName(const ArtifactResult &a)
{
    if (a.outcome == TaskItem::Outcome::Failed)
        return opt("error");
    switch (a.decision) {
    case Decision::Copy:
        return opt("copy");
    case Decision::UpToDate:
        return opt("up-to-date");
    case Decision::ExistsNotOverwritten:
        return opt("exists-not-overwritten");
    }
    return {};
}

QString actionText(const ArtifactResult &a)
{
    if (a.outcome == TaskItem::Outcome::Failed)
        return PreviewCommand::tr("error");
    switch (a.decision) {
    case Decision::Copy:
        return PreviewCommand::tr("copy");
    case Decision::UpToDate:
        return PreviewCommand::tr("up-to-date");
    case Decision::ExistsNotOverwritten:
        return PreviewCommand::tr("exists-not-overwritten");
    }
    return {};
}

} // namespace

void PreviewCommand::print(CommandContext &ctx, const Plan &plan, bool json)
{
    const int errors = plan.errors();
    const qint64 toMove = plan.bytesToCopy();
    if (json) {
        QJsonArray artifacts;
        for (const ArtifactResult &a : plan.artifacts)
            artifacts.append(QJsonObject {
                { opt("sourceRepository"), a.spec.sourceRepository },
                { opt("targetRepository"), a.spec.targetRepository },
                { opt("tag"), a.spec.tag },
                { opt("digest"), a.digest },
                { opt("kind"), artifactKindName(a.kind) },
                { opt("action"), actionName(a) },
                { opt("size"), a.size },
                { opt("error"), a.error },
            });
        printJson(ctx.out(),
                  QJsonObject {
                      { opt("rule"), plan.rule.name },
                      { opt("repositories"), plan.repositories },
                      { opt("copy"), plan.count(Decision::Copy) },
                      { opt("upToDate"), plan.count(Decision::UpToDate) },
                      { opt("existsNotOverwritten"), plan.count(Decision::ExistsNotOverwritten) },
                      { opt("errors"), errors },
                      { opt("bytesAtMost"), toMove },
                      { opt("artifacts"), artifacts },
                  });
        return;
    }
    Table table({ tr("SOURCE"), tr("TARGET"), tr("TAG"), tr("KIND"), tr("ACTION"), tr("DIGEST"),
                  tr("SIZE"), tr("ERROR") });
    for (const ArtifactResult &a : plan.artifacts)
        table.addRow({ a.spec.sourceRepository, a.spec.targetRepository, a.spec.tag,
                       artifactKindText(artifactKindName(a.kind)), actionText(a),
                       a.digest.left(19), formatBytes(a.size), a.error });
    if (!table.isEmpty()) {
        table.print(ctx.out());
        ctx.out() << Qt::endl;
    }
    ctx.out() << tr("Rule %1: %2 in %3: %4 to copy (at most %5), %6 up to date, %7 existing and "
                    "not overwritten, %8 errors. Nothing was moved.")
                     .arg(plan.rule.name)
                     .arg(tr("%n artifact(s)", nullptr, int(plan.artifacts.size())))
                     .arg(tr("%n repository(s)", nullptr, plan.repositories))
                     .arg(plan.count(Decision::Copy))
                     .arg(formatBytes(toMove))
                     .arg(plan.count(Decision::UpToDate))
                     .arg(plan.count(Decision::ExistsNotOverwritten))
                     .arg(errors)
              << Qt::endl;
}

void PreviewCommand::run(CommandContext &ctx, const QCommandLineParser &p)
{
    RuleService *rules = ctx.rules();
    if (!rules)
        return;
    const Result<Rule> rule = rules->find(p.positionalArguments().value(0));
    if (!rule)
        return ctx.fail(rule.error());
    SyncService *sync = ctx.sync(true);
    if (!sync)
        return;
    const bool json = p.isSet(opt("json"));
    PreviewJob *job = sync->preview(*rule, {}, &ctx);
    QObject::connect(job, &PreviewJob::finished, &ctx, [&ctx, job, json] {
        if (job->error())
            return ctx.fail(*job->error());
        print(ctx, job->plan(), json);
        // Artifacts that could not be decided (a registry error) make it a failure.
        const Plan &plan = job->plan();
        int status = ExitOk;
        for (const ArtifactResult &a : plan.artifacts) {
            if (a.outcome != TaskItem::Outcome::Failed)
                continue;
            const Error e = Error::make(a.errorKind, a.error);
            status = std::max(status, exitCodeFor(e) == ExitUnreachable ? int(ExitUnreachable)
                                                                         : int(ExitFailure));
        }
        ctx.finish(status);
    });
}

Subcommand PreviewCommand::subcommand()
{
    Subcommand sub;
    sub.name = opt("preview");
    sub.positionals = { opt("NAME") };
    sub.usage = opt("[--json]");
    sub.summary = tr("Show what a sync of the rule would do, moving nothing.");
    sub.details = tr("Lists every repository:tag the rule takes (after its filters and resource "
                     "type) with the action a sync would take: copy, up-to-date, "
                     "exists-not-overwritten, or error. Exits 1 when an artifact could not be "
                     "decided (3 when a registry could not be reached or refused the "
                     "credentials). JSON fields: rule, repositories, copy, upToDate, "
                     "existsNotOverwritten, errors, bytesAtMost (each blob counted once), "
                     "artifacts (sourceRepository, targetRepository, tag, digest, kind, action, "
                     "size, error).");
    sub.options = { jsonOption() };
    sub.run = &PreviewCommand::run;
    return sub;
}

Subcommand rulePreviewCommand()
{
    return PreviewCommand::subcommand();
}

} // namespace crsync::cli
