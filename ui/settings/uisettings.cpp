#include "settings/uisettings.h"

#include <QCryptographicHash>
#include <QSettings>

namespace crsync::UiSettings {

namespace {
constexpr char LanguageKey[] = "window/language";
}

Language language()
{
    const QString value = QSettings().value(QLatin1String(LanguageKey)).toString();
    if (value == QLatin1String("en"))
        return Language::English;
    if (value == QLatin1String("zh_CN"))
        return Language::Chinese;
    return Language::System;
}

void setLanguage(Language language)
{
    QSettings settings;
    switch (language) {
    case Language::System:
        settings.remove(QLatin1String(LanguageKey));
        break;
    case Language::English:
        settings.setValue(QLatin1String(LanguageKey), QStringLiteral("en"));
        break;
    case Language::Chinese:
        settings.setValue(QLatin1String(LanguageKey), QStringLiteral("zh_CN"));
        break;
    }
}

QLocale uiLocale()
{
    switch (language()) {
    case Language::English:
        return QLocale(QLocale::English, QLocale::UnitedStates);
    case Language::Chinese:
        return QLocale(QLocale::Chinese, QLocale::China);
    case Language::System:
        break;
    }
    return QLocale();
}

QByteArray value(const QString &key)
{
    return QSettings().value(key).toByteArray();
}

void setValue(const QString &key, const QByteArray &value)
{
    QSettings().setValue(key, value);
}

QString perDataDir(const char *key, const QString &dataDir)
{
    const QByteArray hash = QCryptographicHash::hash(dataDir.toUtf8(), QCryptographicHash::Sha1);
    return QString::fromLatin1(key) + QLatin1Char('/') + QString::fromLatin1(hash.toHex().left(12));
}

QString text(const QString &key)
{
    return QSettings().value(key).toString();
}

void setText(const QString &key, const QString &value)
{
    QSettings().setValue(key, value);
}

bool automaticSync()
{
    return QSettings().value(QString::fromLatin1(AutomaticSync)).toString() != QLatin1String("off");
}

void setAutomaticSync(bool on)
{
    QSettings().setValue(QString::fromLatin1(AutomaticSync), on ? QStringLiteral("on") : QStringLiteral("off"));
}

} // namespace crsync::UiSettings
