#include "registry/manifest.h"
