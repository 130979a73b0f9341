#include "engine/enginesettings.h"

#include <QtGlobal>

namespace crsync {

namespace {
void readLimit(const char *name, int *value)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    if (ok && v > 0)
        *value = v;
}
} // namespace

EngineSettings EngineSettings::fromEnvironment()
{
    EngineSettings s;
    readLimit("CRSYNC_WORKER_THREADS", &s.workerThreads);
    readLimit("CRSYNC_MAX_ARTIFACTS", &s.maxArtifactsInFlight);
    readLimit("CRSYNC_MAX_PER_REGISTRY", &s.maxArtifactsPerRegistry);
    return s;
}

} // namespace crsync
