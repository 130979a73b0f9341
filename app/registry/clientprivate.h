#pragma once

#include "registry/registryclient.h"

#include <QSslConfiguration>

namespace crsync {

class AuthSession;

// State shared by the requests and jobs of one client.
struct RegistryClient::Private
{
    Tuning tuning;
    AuthSession *auth = nullptr;
    QSslConfiguration ssl;
    QString sslSetupError; // the CA file could not be used: every request fails with it
};

} // namespace crsync
