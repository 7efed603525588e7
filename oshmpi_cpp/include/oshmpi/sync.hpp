// Barriers over all PEs (OpenSHMEM 1.5 section 9.9.2-3).
#pragma once

namespace oshmpi {

// Completes all outstanding operations of every context, then synchronizes all PEs.
void barrier_all();
// Synchronizes all PEs without completing outstanding operations (local stores are visible).
void sync_all();

} // namespace oshmpi
