#pragma once

#include "registry/registryclient.h"

#include <QString>

namespace crsync {

// Limits and timings of the transfer engine; the defaults suit two local registries as well as a
// remote pair, and every one can be changed by whoever builds the Engine.
struct EngineSettings
{
    // Qt opens at most 6 HTTP/1.1 connections per host and QNetworkAccessManager (one per
    // registry client, and each thread has clients of its own), so the threads are also what
    // lets many artifacts move at once.
    int workerThreads = 6;
    int maxArtifactsInFlight = 32; // across every running task
    int maxArtifactsPerRegistry = 32; // artifacts touching one registry (as source or target)
    int maxTagListingsInFlight = 8; // per task, while scanning the source namespace
    int pageSize = 1000; // n= for _catalog and tags/list
    int progressIntervalMs = 250; // observers hear about progress at most this often
    int journalIntervalMs = 500; // task items reach the store in batches this often
    Tuning registryTuning;

    // The defaults, with the limits an operator set in the environment:
    // CRSYNC_WORKER_THREADS, CRSYNC_MAX_ARTIFACTS (global), CRSYNC_MAX_PER_REGISTRY.
    static EngineSettings fromEnvironment();
};

} // namespace crsync
