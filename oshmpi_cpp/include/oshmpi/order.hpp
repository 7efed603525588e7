// Memory ordering (OpenSHMEM 1.5 section 9.11).
#pragma once

#include <oshmpi/context.hpp>

namespace oshmpi {

// Completes every operation issued on `ctx` by this PE (remote completion, fetched values written).
void quiet(context& ctx);
// Orders puts, AMOs and memory stores on `ctx` to each PE before later ones to the same PE.
void fence(context& ctx);
inline void quiet() { quiet(default_context()); }
inline void fence() { fence(default_context()); }

} // namespace oshmpi
