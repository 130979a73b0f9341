#pragma once

#include <QString>
#include <QUrl>

namespace crsync {

// A registry endpoint the operator works with. The password lives in the keychain, never here.
struct Instance
{
    enum class Flavor { Generic, Harbor, Tcr };

    qint64 id = 0; // 0 until stored
    QString name;
    QUrl url;               // https://host[:port]; http:// only with allowHttp
    bool allowHttp = false; // explicit opt-in for plain HTTP
    QString accountId;      // instances sharing it are "the same account"
    QString region;
    Flavor flavor = Flavor::Generic;
    QString caFile;                 // extra CA certificate(s), PEM
    bool insecureSkipVerify = false; // explicit, warned opt-in
    QString username;

    bool operator==(const Instance &) const = default;
};

QString flavorName(Instance::Flavor flavor);
bool flavorFromName(const QString &name, Instance::Flavor *flavor);

} // namespace crsync
