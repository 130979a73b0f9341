#include "store/migrations.h"

namespace crsync {

// Append new migrations; never edit a released one (databases out there already ran it).
// Times are INTEGER milliseconds since the epoch (UTC); booleans INTEGER 0/1; enums their names.
// There is deliberately no password or token column anywhere: secrets live in the keychain.
const QList<Migration> &schemaMigrations()
{
    static const QList<Migration> migrations {
        { 1,
          {
              QStringLiteral(R"(CREATE TABLE instances (
    id                   INTEGER PRIMARY KEY,
    name                 TEXT NOT NULL UNIQUE,
    url                  TEXT NOT NULL,
    allow_http           INTEGER NOT NULL DEFAULT 0,
    account_id           TEXT NOT NULL DEFAULT '',
    region               TEXT NOT NULL DEFAULT '',
    flavor               TEXT NOT NULL DEFAULT 'generic',
    ca_file              TEXT NOT NULL DEFAULT '',
    insecure_skip_verify INTEGER NOT NULL DEFAULT 0,
    username             TEXT NOT NULL DEFAULT '',
    created_at           INTEGER NOT NULL,
    updated_at           INTEGER NOT NULL
))"),
              QStringLiteral(R"(CREATE TABLE rules (
    id                          INTEGER PRIMARY KEY,
    name                        TEXT NOT NULL UNIQUE,
    description                 TEXT NOT NULL DEFAULT '',
    source_instance_id          INTEGER NOT NULL REFERENCES instances(id) ON DELETE RESTRICT,
    source_namespace            TEXT NOT NULL,
    repository_filter           TEXT NOT NULL DEFAULT '',
    tag_filter                  TEXT NOT NULL DEFAULT '',
    resource_type               TEXT NOT NULL DEFAULT 'all',
    cross_account               INTEGER NOT NULL DEFAULT 0,
    target_instance_id          INTEGER REFERENCES instances(id) ON DELETE RESTRICT,
    target_url                  TEXT NOT NULL DEFAULT '',
    target_instance_ref         TEXT NOT NULL DEFAULT '',
    target_username             TEXT NOT NULL DEFAULT '',
    target_allow_http           INTEGER NOT NULL DEFAULT 0,
    target_ca_file              TEXT NOT NULL DEFAULT '',
    target_insecure_skip_verify INTEGER NOT NULL DEFAULT 0,
    target_flavor               TEXT NOT NULL DEFAULT 'generic',
    target_namespace            TEXT NOT NULL DEFAULT '',
    overwrite                   INTEGER NOT NULL DEFAULT 0,
    enabled                     INTEGER NOT NULL DEFAULT 1,
    created_at                  INTEGER NOT NULL,
    updated_at                  INTEGER NOT NULL
))"),
              QStringLiteral("CREATE INDEX rules_source_instance ON rules(source_instance_id)"),
              QStringLiteral("CREATE INDEX rules_target_instance ON rules(target_instance_id)"),
              // AUTOINCREMENT: task ids keep increasing even after the newest tasks are removed.
              QStringLiteral(R"(CREATE TABLE tasks (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    rule_id           INTEGER REFERENCES rules(id) ON DELETE SET NULL,
    rule_name         TEXT NOT NULL,
    source            TEXT NOT NULL DEFAULT '',
    target            TEXT NOT NULL DEFAULT '',
    trigger           TEXT NOT NULL,
    status            TEXT NOT NULL,
    created_at        INTEGER NOT NULL,
    started_at        INTEGER,
    finished_at       INTEGER,
    repositories      INTEGER NOT NULL DEFAULT 0,
    artifacts_total   INTEGER NOT NULL DEFAULT 0,
    artifacts_copied  INTEGER NOT NULL DEFAULT 0,
    artifacts_skipped INTEGER NOT NULL DEFAULT 0,
    artifacts_failed  INTEGER NOT NULL DEFAULT 0,
    bytes             INTEGER NOT NULL DEFAULT 0,
    message           TEXT NOT NULL DEFAULT ''
))"),
              QStringLiteral("CREATE INDEX tasks_rule ON tasks(rule_id, id DESC)"),
              QStringLiteral("CREATE INDEX tasks_rule_name ON tasks(rule_name, id DESC)"),
              QStringLiteral("CREATE INDEX tasks_status ON tasks(status, id DESC)"),
              QStringLiteral("CREATE INDEX tasks_created ON tasks(created_at)"),
              QStringLiteral(R"(CREATE TABLE task_items (
    id                INTEGER PRIMARY KEY,
    task_id           INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    source_repository TEXT NOT NULL,
    target_repository TEXT NOT NULL,
    tag               TEXT NOT NULL,
    digest            TEXT NOT NULL DEFAULT '',
    kind              TEXT NOT NULL DEFAULT '',
    outcome           TEXT NOT NULL DEFAULT 'pending',
    bytes             INTEGER NOT NULL DEFAULT 0,
    duration_ms       INTEGER NOT NULL DEFAULT 0,
    error             TEXT NOT NULL DEFAULT ''
))"),
              QStringLiteral("CREATE INDEX task_items_task ON task_items(task_id, id)"),
          } },
        // The data dir's own keychain namespace, so two data dirs on one keychain never read or
        // overwrite each other's passwords. Databases made before it kept their secrets under
        // un-namespaced keys; legacy_keychain_keys marks them for the one-time move
        // (service/keychainmigration.cpp).
        { 2,
          {
              QStringLiteral(R"(CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
))"),
              QStringLiteral("INSERT INTO meta (key, value) VALUES ('keychain_namespace', "
                             "lower(hex(randomblob(8))))"),
              QStringLiteral("INSERT INTO meta (key, value) SELECT 'legacy_keychain_keys', '1' "
                             "WHERE EXISTS (SELECT 1 FROM instances WHERE username <> '') "
                             "OR EXISTS (SELECT 1 FROM rules WHERE cross_account = 1 "
                             "AND target_username <> '')"),
          } },
        // The logs page pages through 100,000 tasks sorted by any column, filtered or not: one
        // index per sort key, in key order and then id (the tie-break), that also holds the
        // filterable columns and whatever the key is computed from. A page at any offset is then
        // a walk along one index that never touches the table nor sorts (taskstore.cpp,
        // TaskStore::list). The expressions are the sort keys of taskstore.cpp (orderKey),
        // written identically so SQLite matches them. Duration's index holds finished_at -
        // started_at: NULL while a task runs, its duration growing with the clock. IF (NOT) EXISTS:
        // a file whose user_version was set back by hand (tests do) may run this twice.
        { 3,
          {
              QStringLiteral("DROP INDEX IF EXISTS tasks_created"), // tasks_order_created covers it
              QStringLiteral(
                  "CREATE INDEX IF NOT EXISTS tasks_order_created ON tasks(created_at, id, "
                  "status, rule_id, trigger)"),
              QStringLiteral("CREATE INDEX IF NOT EXISTS tasks_order_bytes ON tasks(bytes, id, "
                             "status, rule_id, trigger, created_at)"),
              QStringLiteral(
                  "CREATE INDEX IF NOT EXISTS tasks_order_repositories ON tasks(repositories, id, "
                  "status, rule_id, trigger, created_at)"),
              QStringLiteral("CREATE INDEX IF NOT EXISTS tasks_order_rule ON tasks(rule_name "
                             "COLLATE NOCASE, id, "
                             "status, rule_id, trigger, created_at)"),
              QStringLiteral("CREATE INDEX IF NOT EXISTS tasks_order_status ON tasks(CASE status "
                             "WHEN 'Pending' THEN 0 WHEN 'InProgress' THEN 1 "
                             "WHEN 'Succeeded' THEN 2 WHEN 'PartiallySucceeded' THEN 3 "
                             "WHEN 'Failed' THEN 4 WHEN 'Canceled' THEN 5 "
                             "WHEN 'Interrupted' THEN 6 ELSE 7 END, id, "
                             "status, rule_id, trigger, created_at)"),
              QStringLiteral("CREATE INDEX IF NOT EXISTS tasks_order_trigger ON tasks(CASE trigger "
                             "WHEN 'manual' THEN 0 WHEN 'event' THEN 1 WHEN 'poll' THEN 2 "
                             "WHEN 'schedule' THEN 3 ELSE 4 END, id, "
                             "status, rule_id, trigger, created_at)"),
              QStringLiteral("CREATE INDEX IF NOT EXISTS tasks_order_ratio ON tasks(CASE "
                             "WHEN artifacts_total > 0 THEN "
                             "CAST(artifacts_copied + artifacts_skipped AS REAL) / artifacts_total "
                             "WHEN status = 'Succeeded' THEN 1.0 ELSE 0.0 END, id, "
                             "status, rule_id, trigger, created_at, "
                             "artifacts_total, artifacts_copied, artifacts_skipped)"),
              QStringLiteral(
                  "CREATE INDEX IF NOT EXISTS tasks_order_duration ON tasks(CASE "
                  "WHEN started_at IS NULL THEN 0 ELSE finished_at - started_at END, id, "
                  "status, rule_id, trigger, created_at, started_at, finished_at)"),
          } },
        // Automatic sync: pushes a rule covers, one row per (push, rule), written before the
        // webhook is answered and consumed by tasks (store/eventstore.h). not_before holds a
        // retry back (ms since the epoch, 0 = now).
        { 4,
          {
              QStringLiteral(R"(CREATE TABLE IF NOT EXISTS events (
    id          INTEGER PRIMARY KEY,
    received_at INTEGER NOT NULL,
    origin      TEXT NOT NULL,
    rule_id     INTEGER NOT NULL REFERENCES rules(id) ON DELETE CASCADE,
    repository  TEXT NOT NULL,
    tag         TEXT NOT NULL,
    digest      TEXT NOT NULL DEFAULT '',
    state       TEXT NOT NULL DEFAULT 'pending',
    attempts    INTEGER NOT NULL DEFAULT 0,
    not_before  INTEGER NOT NULL DEFAULT 0,
    task_id     INTEGER REFERENCES tasks(id) ON DELETE SET NULL,
    error       TEXT NOT NULL DEFAULT ''
))"),
              QStringLiteral("CREATE INDEX IF NOT EXISTS events_waiting ON events(state, rule_id, "
                             "not_before)"),
              QStringLiteral("CREATE INDEX IF NOT EXISTS events_task ON events(task_id)"),
          } },
        // The poll watcher: the digest each tag a rule covers had when it was last looked at,
        // so only a change makes work (automation/pollwatcher.h). Poll intervals are meta rows.
        { 5,
          {
              QStringLiteral(R"(CREATE TABLE IF NOT EXISTS poll_state (
    rule_id    INTEGER NOT NULL REFERENCES rules(id) ON DELETE CASCADE,
    repository TEXT NOT NULL,
    tag        TEXT NOT NULL,
    digest     TEXT NOT NULL,
    seen_at    INTEGER NOT NULL,
    PRIMARY KEY (rule_id, repository, tag)
))"),
          } },
        // Schedules (core/schedule.h): a rule's full scan every N minutes or daily, with when
        // the scheduler last ran it (or skipped it because a task of the rule was running).
        { 6,
          {
              QStringLiteral(R"(CREATE TABLE IF NOT EXISTS rule_schedules (
    rule_id     INTEGER PRIMARY KEY REFERENCES rules(id) ON DELETE CASCADE,
    spec        TEXT NOT NULL,
    last_run_at INTEGER
))"),
          } },
        // Referrers (signatures, attestations, SBOMs) copied with the artifact they describe.
        // A rule stored before the option keeps what it did (off); new rules are written with it
        // on (core/rule.h). A task item counts the referrers the target holds after the task.
        { 7,
          {
              QStringLiteral(
                  "ALTER TABLE rules ADD COLUMN with_referrers INTEGER NOT NULL DEFAULT 0"),
              QStringLiteral(
                  "ALTER TABLE task_items ADD COLUMN referrers INTEGER NOT NULL DEFAULT 0"),
          } },
    };
    return migrations;
}

} // namespace crsync
