// Waiting without starving anyone. With more PEs than cores, a PE spinning inside MPI keeps the PE
// it waits for off the CPU (MPICH polls without yielding: MPI_Barrier costs ~8 ms at 4 ranks on 2
// cores). So every wait on MPI is a nonblocking call driven by test-and-yield, and waits on memory
// spin only while the PE they wait for can be running.
#pragma once

#include <time.h>

#include <cstdint>

#include <mpi.h>

namespace oshmpi::detail {

// Tells the core we are spinning (frees pipeline resources for a sibling hyperthread).
inline void cpu_relax() noexcept
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    asm volatile("yield");
#endif
}

// CLOCK_MONOTONIC in nanoseconds. Read directly rather than through std::chrono (libstdc++):
// waits read it after every context switch, where each library's code it passes through costs.
[[nodiscard]] inline std::int64_t monotonic_ns() noexcept
{
    timespec t{};
    clock_gettime(CLOCK_MONOTONIC, &t);
    return std::int64_t{t.tv_sec} * 1'000'000'000 + t.tv_nsec;
}

// Whether a recent yield lost the core for a whole time slice while a process outside the job
// was runnable (our own PEs computing do not count): then waits sleep rather than yield, since a
// sleeper that is woken preempts the process holding the core and a yielder queues behind it.
// Process-wide, kept for 10 ms after such a yield. The second form takes the time, if at hand.
[[nodiscard]] bool crowded() noexcept;
[[nodiscard]] bool crowded(std::int64_t now_ns) noexcept;
// The count of runnable tasks in the text of /proc/loadavg, or -1 if the text has none.
[[nodiscard]] int runnable_in_loadavg(const char* text) noexcept;
// sched_yield, noting whether it was slow and other processes than our PEs are runnable (see
// crowded()). The second form takes the time just before (monotonic_ns) and returns the time just
// after, so that a wait that yields repeatedly reads the clock once per yield.
void timed_yield() noexcept;
std::int64_t timed_yield(std::int64_t before_ns) noexcept;
// Lets MPI move along operations that target us (AM-based RMA needs the target to poll), and
// delivers the signals of nonblocking put-with-signal whose data may be complete by now.
void poke_progress();
// How many times a wait polls before it starts yielding the core: a few microseconds' worth when
// every PE of this machine has a core of its own, almost none when PEs outnumber cores.
[[nodiscard]] unsigned spins_before_yield() noexcept;
// Whether every PE on this machine has a core of its own, so that a wait may spin inside MPI as
// raw MPI programs do (MPI_Win_flush, MPI_Barrier): then operations cost what MPI's do. When PEs
// outnumber cores, waits use nonblocking calls and yield instead.
[[nodiscard]] bool waits_spin_in_mpi() noexcept;
// Completes `request` by MPI_Test, then MPI_Test plus sched_yield.
void complete(MPI_Request& request);
// complete() for an operation on `pe`, announced to the progress agent (progress_agent.hpp).
void complete_at(MPI_Request& request, int pe);
// MPI_Win_flush / MPI_Win_flush_local of `pe`, announced to the progress agent.
void flush_watched(MPI_Win win, int pe);
void flush_local_watched(MPI_Win win, int pe);
// A barrier over `comm` that yields while it waits. Over the runtime's world communicator it is the
// shared-memory barrier when every PE is on this node (node_barrier.hpp), else MPI's.
void barrier(MPI_Comm comm);
// The barrier for communicators that span nodes: MPI_Barrier when waits may spin in MPI, else
// MPI_Ibarrier driven by complete().
void mpi_barrier(MPI_Comm comm);
// A duplicate of `comm`: MPI_Comm_idup driven by complete(), which yields (MPI_Comm_dup spins).
[[nodiscard]] MPI_Comm nonblocking_dup(MPI_Comm comm);

} // namespace oshmpi::detail
