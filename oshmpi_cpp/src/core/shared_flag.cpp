#include "core/shared_flag.hpp"

#include <linux/futex.h>
#include <sched.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <climits>
#include <ctime>

#include "core/progress.hpp"
#include "core/progress_agent.hpp"
#include "core/runtime.hpp"
#include "core/whereabouts.hpp"
#include "memory/segment.hpp"

namespace oshmpi::detail {

namespace {

// How long a waiter yields the core before it sleeps (see await).
constexpr long yield_window_ns = 1'000'000;

// While its owner sleeps, a waiter wakes up this often to let MPI progress (operations that target
// us through MPI may need it) and to re-check the flag.
constexpr long sleep_slice_ns = 200'000;

std::uint32_t* futex_word(std::atomic<std::uint32_t>& word) noexcept
{
    return reinterpret_cast<std::uint32_t*>(&word);
}

// The flags live in memory shared between processes: no FUTEX_PRIVATE_FLAG.
void futex_sleep(std::atomic<std::uint32_t>& word, std::uint32_t expected) noexcept
{
    timespec timeout{0, sleep_slice_ns};
    syscall(SYS_futex, futex_word(word), FUTEX_WAIT, expected, &timeout, nullptr, 0);
}

void futex_wake(std::atomic<std::uint32_t>& word) noexcept
{
    syscall(SYS_futex, futex_word(word), FUTEX_WAKE, INT_MAX, nullptr, nullptr, 0);
}

} // namespace

// The writer's half of the handshake. Both sides use seq_cst (a Dekker pair): either the owner
// sees the new sequence before it sleeps, or we see that it sleeps and wake it.
void raise(shared_flag& flag, std::uint32_t sequence) noexcept
{
    flag.sequence.store(sequence, std::memory_order_seq_cst);
    if (flag.sleeping.load(std::memory_order_seq_cst) != 0) futex_wake(flag.sequence);
}

// The second half of raise_quietly's handshake: the caller's seq_cst fence stands where raise()'s
// seq_cst store does, so either the owner sees the new sequence before it sleeps, or we see here
// that it sleeps.
void wake_if_sleeping(shared_flag& flag) noexcept
{
    if (flag.sleeping.load(std::memory_order_relaxed) != 0) futex_wake(flag.sequence);
}

// A segment that some PE does not map (the C API's globals when they could not be shared, any
// segment when PEs span nodes), or every segment with OSHMPI_TRANSPORT=mpi, is served by MPI RMA,
// and MPICH completes those operations, accumulates above all, only while the target polls.
bool mpi_may_target_us() noexcept
{
    const runtime* rt = current_runtime();
    if (rt != nullptr && !rt->amo_in_shared_memory) return true; // PEs span nodes, or TRANSPORT=mpi
    return segments().any_partly_mapped();
}

// Three phases. Spin while the writer may be running on another core. Then yield the core, for up
// to yield_window_ns: with more PEs than cores (4 PEs on 2 cores) the writer is usually a PE
// queued behind us on this core, and handing it the core costs a context switch, where a futex
// wake-up costs tens of microseconds here (measured, barrier_all at 4 PEs on 2 cores with other
// jobs running: 22 us yielding, 70 us sleeping at once; at 2 PEs 0.5 us against 30 us). Then
// sleep in the kernel. When the machine is crowded (crowded(): a yield just lost the core to
// another process for a time slice) sleep right after spinning: a sleeper that is woken preempts
// that process, a yielder waits out its slice (measured beside `yes > /dev/null`: 1-2 ms per
// barrier yielding, 90-140 us sleeping). A PE that other PEs may reach through MPI never sleeps:
// a sleeping target would stall each put to it for a whole sleep slice.
void await(shared_flag& flag, std::uint32_t sequence)
{
    if (reached(flag.sequence.load(std::memory_order_acquire), sequence)) return;
    const unsigned spins = spins_before_yield();
    for (unsigned i = 0; i < spins; ++i) {
        if (reached(flag.sequence.load(std::memory_order_acquire), sequence)) return;
        cpu_relax();
    }
    // With a progress agent, MPI progresses while we sleep.
    const bool stay_awake = mpi_may_target_us() && !progress_agent_running();
    if (stay_awake || !crowded()) {
        std::int64_t now = monotonic_ns();
        const std::int64_t deadline = now + yield_window_ns;
        for (unsigned i = 0;; ++i) {
            if (reached(flag.sequence.load(std::memory_order_acquire), sequence)) return;
            // MPI progress matters only for operations that reach us through MPI.
            if (stay_awake || i % 16 == 15) {
                poke_progress();
                now = monotonic_ns();
            }
            now = timed_yield(now);
            if (!stay_awake && (crowded(now) || now >= deadline)) break;
        }
    }
    // Flags this PE raised quietly (raise_quietly) before waiting must be visible before it sleeps,
    // or two PEs could each sleep on the other's quiet raise until a sleep slice ends.
    std::atomic_thread_fence(std::memory_order_seq_cst);
    flag.sleeping.fetch_add(1, std::memory_order_seq_cst);
    note_asleep();
    for (;;) {
        std::uint32_t seen = flag.sequence.load(std::memory_order_seq_cst);
        if (reached(seen, sequence)) break;
        futex_sleep(flag.sequence, seen);
        poke_progress();
    }
    note_awake();
    flag.sleeping.fetch_sub(1, std::memory_order_relaxed);
}

namespace {

// How many polls (~40 ns each) await_all spins while no writer it waits for needs our core, before
// it yields once anyway: whereabouts are a hint (the kernel moves PEs, and a writer on another
// core may have lost it to a process outside the job). About three context switches' worth.
constexpr unsigned polls_beside_writers = 128;

// await_all's first phase: returns true once every flag has reached `sequence`, false when the
// yield window is over or the machine turns out crowded (the awaits that follow then finish the
// wait). Flags before `first` have been seen raised. With more PEs than cores it runs after every
// context switch, so it reads the clock once per yield (and once before the first). Reading it
// four times per yield, and scanning the segments for mpi_may_target_us at every wait, cost
// barrier_all at 4 PEs on 2 cores about 0.5 us of its 3.7 (medians of 12 interleaved runs).
bool wait_beside_writers(std::span<const awaited_flag> flags, std::uint32_t sequence)
{
    std::size_t first = 0;
    while (first < flags.size() && reached(flags[first].flag->sequence.load(std::memory_order_acquire), sequence))
        ++first;
    if (first == flags.size()) return true; // the last to arrive: no clock, no core to look up
    std::int64_t now = monotonic_ns();
    const std::int64_t deadline = now + yield_window_ns;
    unsigned core = note_my_core();
    unsigned polls = 0;
    for (unsigned yields = 0;;) {
        while (first < flags.size() && reached(flags[first].flag->sequence.load(std::memory_order_acquire), sequence))
            ++first;
        if (first == flags.size()) return true;
        bool writer_here = false;
        for (std::size_t i = first; i < flags.size() && !writer_here; ++i)
            writer_here = !reached(flags[i].flag->sequence.load(std::memory_order_relaxed), sequence) &&
                          last_ran_on(flags[i].writer, core);
        if (!writer_here && polls < polls_beside_writers) {
            ++polls;
            cpu_relax();
            continue;
        }
        polls = 0;
        if (++yields % 16 == 0) poke_progress();
        now = timed_yield(now);
        core = note_my_core();
        if (crowded(now) || now >= deadline) return false;
    }
}

} // namespace

// Measured, barrier_all at 4 PEs on 2 cores: 4.1 -> 2.3 us (one context switch per core per
// barrier, where yielding at once took about three).
void await_all(std::span<const awaited_flag> flags, std::uint32_t sequence)
{
    // Where every PE has a core every writer runs, and await's own spinning is the right wait;
    // when the machine is crowded or MPI may target us, await's phases handle it (see await).
    if (!waits_spin_in_mpi() && !crowded() && !mpi_may_target_us() && wait_beside_writers(flags, sequence)) return;
    for (const awaited_flag& f : flags) await(*f.flag, sequence);
}

} // namespace oshmpi::detail
