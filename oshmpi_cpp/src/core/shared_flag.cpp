#include "core/shared_flag.hpp"

#include <linux/futex.h>
#include <sched.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <chrono>
#include <ctime>

#include "core/progress.hpp"
#include "memory/segment.hpp"

namespace oshmpi::detail {

namespace {

// How long a waiter yields the core before it sleeps (see await).
constexpr long yield_window_ns = 50'000;
// A yield that lasts longer than this gave the core to a process other than our PEs.
constexpr long slow_yield_ns = 20'000;

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
    syscall(SYS_futex, futex_word(word), FUTEX_WAKE, 1, nullptr, nullptr, 0);
}

} // namespace

// The writer's half of the handshake. Both sides use seq_cst (a Dekker pair): either the owner
// sees the new sequence before it sleeps, or we see that it sleeps and wake it.
void raise(shared_flag& flag, std::uint32_t sequence) noexcept
{
    flag.sequence.store(sequence, std::memory_order_seq_cst);
    if (flag.sleeping.load(std::memory_order_seq_cst) != 0) futex_wake(flag.sequence);
}

// A segment that some PE does not map (the C API's globals when they could not be shared, any
// segment when PEs span nodes) is served by MPI RMA, and MPICH completes those operations,
// accumulates above all, only while the target polls.
bool mpi_may_target_us() noexcept
{
    for (const auto& seg : segments().all())
        if (!seg->all_peers_mapped) return true;
    return false;
}

// Three phases. Spin while the writer may be running on another core. Then yield the core for up
// to yield_window_ns: with more PEs than cores (4 PEs on 2 cores) the writer is usually a PE
// queued behind us on this core, and handing it the core costs a context switch (~1 us), where a
// futex sleep costs a wake-up, and under KVM a halted vCPU's wake-up costs tens of microseconds
// (measured: barrier_all at 4 PEs on 2 cores 4.4 us yielding, 64 us sleeping at once). Then sleep
// in the kernel, at once if one yield kept us away for longer than slow_yield_ns: when other
// processes load the machine a yield may hand the core to one of them for a whole time slice,
// while a sleeper that is woken preempts it. A PE that other PEs may reach
// through MPI never sleeps: a sleeping target would stall each put to it for a whole sleep slice.
void await(shared_flag& flag, std::uint32_t sequence)
{
    if (reached(flag.sequence.load(std::memory_order_acquire), sequence)) return;
    const unsigned spins = spins_before_yield();
    for (unsigned i = 0; i < spins; ++i) {
        if (reached(flag.sequence.load(std::memory_order_acquire), sequence)) return;
        cpu_relax();
    }
    const bool stay_awake = mpi_may_target_us();
    using clock = std::chrono::steady_clock;
    const auto deadline = clock::now() + std::chrono::nanoseconds(yield_window_ns);
    for (unsigned i = 0;; ++i) {
        if (reached(flag.sequence.load(std::memory_order_acquire), sequence)) return;
        // MPI progress matters only for operations that reach us through MPI.
        if (stay_awake || i % 16 == 15) poke_progress();
        const auto before = clock::now();
        sched_yield();
        const auto after = clock::now();
        if (stay_awake) continue;
        // A yield that kept us off the core this long handed it to another process, not to a PE
        // that would answer within a context switch: sleep, so that the wake-up brings us back.
        if (after >= deadline || after - before >= std::chrono::nanoseconds(slow_yield_ns)) break;
    }
    for (;;) {
        flag.sleeping.store(1, std::memory_order_seq_cst);
        std::uint32_t seen = flag.sequence.load(std::memory_order_seq_cst);
        if (reached(seen, sequence)) break;
        futex_sleep(flag.sequence, seen);
        poke_progress();
    }
    flag.sleeping.store(0, std::memory_order_relaxed);
}

} // namespace oshmpi::detail
