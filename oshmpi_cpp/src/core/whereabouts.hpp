// Which core each PE of this node last ran on. With more PEs than cores, a PE that waits for
// others must hand its core to any of them queued behind it there, but gains nothing by yielding
// while all of them run on other cores: a yield is then a context switch (1.55 us on the machines
// we measure) to a PE that yields straight back. Waits that know whom they wait for
// (shared_flag.hpp's await_all) read this to choose between spinning and yielding.
//
// Each PE notes its core in a line of its own in its node area (teams/node_area.hpp), written
// only when the core changes, so readers mostly hit a shared copy. The kernel may move a PE at
// any time and other processes share the cores, so it is a hint: a wait that spins on it yields
// now and then regardless, and never relies on it for progress.
//
// The same line says whether the PE sleeps in a wait (futex): a sleeper is not runnable, which
// tells a slow yield spent on our own PEs from one lost to a process outside the job (crowded()).
#pragma once

#include <atomic>
#include <cstdint>

namespace oshmpi::detail {

struct alignas(64) whereabouts {
    std::atomic<std::uint32_t> core{0};   // the core it last noted, plus one (0: not known)
    std::atomic<std::uint32_t> asleep{0}; // how many of its threads sleep in a wait now
};

// Notes the core we run on now and returns it (glibc reads it from rseq: a few nanoseconds).
unsigned note_my_core() noexcept;

// Whether world PE `pe` ran on `core` when it last noted one (false when unknown, or when `pe` is
// on another node or the node areas do not exist).
[[nodiscard]] bool last_ran_on(int pe, unsigned core) noexcept;

// Brackets a sleep in a wait (no-ops when the node areas do not exist).
void note_asleep() noexcept;
void note_awake() noexcept;

// How many PEs of this node sleep in a wait now.
[[nodiscard]] int node_pes_asleep() noexcept;

} // namespace oshmpi::detail
