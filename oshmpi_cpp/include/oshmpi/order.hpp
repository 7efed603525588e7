// Memory ordering (OpenSHMEM 1.6 section 9.11).
#pragma once

#include <cstddef>

#include <oshmpi/context.hpp>

namespace oshmpi {

// Completes every operation issued on `ctx` by this PE (remote completion, fetched values written).
void quiet(context& ctx);
// Orders puts, AMOs and memory stores on `ctx` to each PE before later ones to the same PE.
void fence(context& ctx);
// quiet towards the PEs `target_pes[0..npes)` only (numbered as `ctx` numbers PEs): what `ctx` issued
// to them is complete and visible when it returns (shmem_pe_quiet, OpenSHMEM 1.6). npes == 0 does
// nothing. Operations to other PEs may stay outstanding until the next quiet.
void pe_quiet(context& ctx, const int* target_pes, std::size_t npes);
inline void pe_quiet(const int* target_pes, std::size_t npes) { pe_quiet(default_context(), target_pes, npes); }
inline void quiet() { quiet(default_context()); }
inline void fence() { fence(default_context()); }

} // namespace oshmpi
