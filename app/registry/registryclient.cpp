#include "registry/registryclient.h"

namespace crsync {

struct RegistryClient::Private
{
    Tuning tuning;
};

RegistryClient::RegistryClient(Endpoint endpoint, QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent), m_endpoint(std::move(endpoint)), m_nam(nam), d(std::make_unique<Private>())
{
}

RegistryClient::~RegistryClient() = default;

void RegistryClient::setTuning(const Tuning &tuning) { d->tuning = tuning; }
const Tuning &RegistryClient::tuning() const { return d->tuning; }

} // namespace crsync
