// Distributed locks (OpenSHMEM 1.5 section 9.12). The lock is a symmetric `long` that the user
// zero-initializes; every PE must pass the same symmetric address. The implementation is a fair
// queue lock (first come, first served) kept entirely in that one word on each PE, so no hidden
// allocation is needed and locks can be created by static initialization.
#pragma once

namespace oshmpi {

// Blocks until this PE holds the lock. Waiting yields the core (oversubscription-safe).
void set_lock(long* lock);
// Completes this PE's outstanding stores and RMA (quiet), then hands the lock to the next waiter.
void clear_lock(long* lock);
// Acquires the lock only if nobody holds or waits for it. Returns true when the lock was ACQUIRED
// (the C API's shmem_test_lock maps that to 0), false when it is held elsewhere.
[[nodiscard]] bool test_lock(long* lock);

} // namespace oshmpi
