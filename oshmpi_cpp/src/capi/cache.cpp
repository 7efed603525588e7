// C entry points of OpenSHMEM 1.5 section 9.13 (cache management, deprecated). Every machine we run
// on keeps caches coherent, so these have nothing to do.
#include "capi/shim.hpp"

OSHMPI_C_DEFINE(void, clear_cache_inv, (void)) {}
OSHMPI_C_DEFINE(void, set_cache_inv, (void)) {}
OSHMPI_C_DEFINE(void, clear_cache_line_inv, (void*)) {}
OSHMPI_C_DEFINE(void, set_cache_line_inv, (void*)) {}
OSHMPI_C_DEFINE(void, udcflush, (void)) {}
OSHMPI_C_DEFINE(void, udcflush_line, (void*)) {}
