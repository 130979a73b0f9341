#pragma once

#include <QByteArray>
#include <QLocale>
#include <QString>

namespace crsync {

// What the window remembers between runs (QSettings of the organisation "crsync"): its
// geometry, the layout of its tables and splitters, the last page, the chosen source instance
// and the language. One place for the keys, so pages do not invent their own.
namespace UiSettings {

enum class Language { System, English, Chinese };

Language language();
void setLanguage(Language language);
// The locale the window's texts follow: the system's, or the chosen one.
QLocale uiLocale();

QByteArray value(const QString &key);
void setValue(const QString &key, const QByteArray &value);
QString text(const QString &key);
// A key of one data dir's own ("rules/source" of /home/me/demo): an instance id means
// something only in the data dir it comes from.
QString perDataDir(const char *key, const QString &dataDir);
void setText(const QString &key, const QString &value);

// Keys.
inline constexpr char WindowGeometry[] = "window/geometry";
inline constexpr char WindowState[] = "window/state";
inline constexpr char LastPage[] = "window/page";
inline constexpr char RulesHeader[] = "rules/header2"; // "rules/header" had "Synced by" last
inline constexpr char RulesSource[] = "rules/source";
inline constexpr char InstancesHeader[] = "instances/header";
inline constexpr char RuleDialogGeometry[] = "ruleDialog/geometry";
inline constexpr char RuleDialogSplitter[] = "ruleDialog/splitter";
inline constexpr char LogsHeader[] = "logs/header";
inline constexpr char LogsItemsHeader[] = "logs/itemsHeader";
inline constexpr char LogsSplitter[] = "logs/splitter";
// Automatic sync in the window: "on" (the default, also when unset) or "off", and the
// listener's HOST:PORT (default 127.0.0.1:8765).
inline constexpr char AutomaticSync[] = "automation/enabled";
inline constexpr char WebhookListen[] = "automation/listen";

bool automaticSync();
void setAutomaticSync(bool on);

} // namespace UiSettings

} // namespace crsync
