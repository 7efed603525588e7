#include "core/shared_flag.hpp"

#include <linux/futex.h>
#include <sched.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <ctime>

#include "core/progress.hpp"
#include "memory/segment.hpp"

namespace oshmpi::detail {

namespace {

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

// Three phases. Spin while the writer may be running on another core. Then poll MPI and yield, for
// as long as a futex wake-up costs (tens of us under KVM): sleeping sooner makes the partner, who
// arrives at the next wait before we are awake, sleep in turn, and every wait then pays a wake-up.
// Then sleep in the kernel, so that the PE we wait for gets our core (sched_yield does not promise
// that under CFS; with 4 PEs on 2 cores it is what decides a barrier's cost). A PE that other PEs
// may reach through MPI never sleeps: a sleeping target would stall each put to it for a whole
// sleep slice.
void await(shared_flag& flag, std::uint32_t sequence)
{
    if (reached(flag.sequence.load(std::memory_order_acquire), sequence)) return;
    const unsigned spins = spins_before_yield();
    for (unsigned i = 0; i < spins; ++i) {
        if (reached(flag.sequence.load(std::memory_order_acquire), sequence)) return;
        cpu_relax();
    }
    const bool stay_awake = mpi_may_target_us();
    const unsigned yields = spins / 4; // ~1 us each: 64 when every PE has a core, 0 when oversubscribed
    for (unsigned i = 0; stay_awake || i < yields; ++i) {
        if (reached(flag.sequence.load(std::memory_order_acquire), sequence)) return;
        poke_progress();
        sched_yield();
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
