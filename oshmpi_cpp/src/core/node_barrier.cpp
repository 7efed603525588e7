#include "core/node_barrier.hpp"

#include <linux/futex.h>
#include <sched.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <ctime>
#include <memory>
#include <new>
#include <vector>

#include "core/error.hpp"
#include "core/progress.hpp"
#include "memory/segment.hpp"

namespace oshmpi::detail {

namespace {

constexpr std::size_t cache_line = 64;
// 2^16 PEs on one node is far beyond any machine; past it the MPI barrier serves.
constexpr int max_rounds = 16;

// While its owner sleeps, a waiter wakes up this often to let MPI progress (operations that target
// us through MPI may need it) and to re-check the flag.
constexpr long sleep_slice_ns = 200'000;

// Each flag on its own line: in round r only one PE writes it and only its owner reads it. The
// sequence is 32 bits so that the owner can sleep on it with a futex; it wraps, and comparisons are
// serial-number arithmetic (two barriers are never 2^31 apart).
struct alignas(cache_line) flag {
    std::atomic<std::uint32_t> sequence{0};
    std::atomic<std::uint32_t> sleeping{0}; // the owner is in, or about to enter, futex_wait
};
static_assert(sizeof(std::atomic<std::uint32_t>) == sizeof(std::uint32_t));
struct flag_block {
    flag round[max_rounds];
};

struct node_flags {
    MPI_Win win = MPI_WIN_NULL;
    std::vector<flag_block*> of_pe; // world PE -> its flags, mapped in our address space
    std::uint32_t sequence = 0;     // barriers completed by this PE, modulo 2^32
    int rounds = 0;
};

node_flags* the_flags = nullptr;
int flags_keyval = MPI_KEYVAL_INVALID;

// Runs when the runtime frees its world communicator (finalize): the flags live exactly as long.
int free_flags(MPI_Comm, int, void* attribute, void*)
{
    auto* flags = static_cast<node_flags*>(attribute);
    if (the_flags == flags) the_flags = nullptr;
    int rc = MPI_Win_free(&flags->win);
    delete flags;
    return rc;
}

int rounds_for(int n_pes) noexcept
{
    int rounds = 0;
    while ((1 << rounds) < n_pes) ++rounds;
    return rounds;
}

node_flags& flags_of(runtime& rt)
{
    if (the_flags != nullptr) return *the_flags;
    auto flags = std::make_unique<node_flags>();
    flags->rounds = rounds_for(rt.n_pes);

    MPI_Info info;
    OSHMPI_MPI(MPI_Info_create(&info));
    // Each PE's block on its own page, so no two PEs' flags share a line.
    OSHMPI_MPI(MPI_Info_set(info, "alloc_shared_noncontig", "true"));
    void* mine = nullptr;
    int rc = MPI_Win_allocate_shared(static_cast<MPI_Aint>(sizeof(flag_block)), 1, info, rt.node, &mine,
                                     &flags->win);
    MPI_Info_free(&info);
    OSHMPI_MPI(rc);
    new (mine) flag_block{};

    flags->of_pe.resize(static_cast<std::size_t>(rt.n_pes));
    for (int pe = 0; pe < rt.n_pes; ++pe) {
        MPI_Aint size = 0;
        int disp_unit = 0;
        void* base = nullptr;
        OSHMPI_MPI(MPI_Win_shared_query(flags->win, rt.node_rank_of_pe[static_cast<std::size_t>(pe)], &size,
                                        &disp_unit, &base));
        flags->of_pe[static_cast<std::size_t>(pe)] = static_cast<flag_block*>(base);
    }
    if (flags_keyval == MPI_KEYVAL_INVALID)
        OSHMPI_MPI(MPI_Comm_create_keyval(MPI_COMM_NULL_COPY_FN, free_flags, &flags_keyval, nullptr));
    OSHMPI_MPI(MPI_Comm_set_attr(rt.world, flags_keyval, flags.get()));
    the_flags = flags.release();
    // Nobody may raise a flag before its owner has zeroed it.
    mpi_barrier(rt.node);
    return *the_flags;
}

bool reached(std::uint32_t value, std::uint32_t sequence) noexcept
{
    return static_cast<std::int32_t>(value - sequence) >= 0;
}

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

// The writer's half of the handshake. Both sides use seq_cst (a Dekker pair): either the owner
// sees the new sequence before it sleeps, or we see that it sleeps and wake it.
void raise(flag& target, std::uint32_t sequence) noexcept
{
    target.sequence.store(sequence, std::memory_order_seq_cst);
    if (target.sleeping.load(std::memory_order_seq_cst) != 0) futex_wake(target.sequence);
}

// Whether another PE may reach our memory through MPI while we wait: a segment that some PE does
// not map (the C API's globals) is served by MPI RMA, and MPICH completes those operations,
// accumulates above all, only while the target polls.
bool mpi_may_target_us() noexcept
{
    for (const auto& seg : segments().all())
        if (!seg->all_peers_mapped) return true;
    return false;
}

// Waits until our flag reaches `sequence`, in three phases. Spin while the writer may be running
// on another core. Then poll MPI and yield, for as long as a futex wake-up costs (tens of us under
// KVM): sleeping sooner makes the partner, who arrives at the next barrier before we are awake,
// sleep in turn, and every barrier then pays a wake-up. Then sleep in the kernel, so that the PE we
// wait for gets our core (sched_yield does not promise that under CFS; with 4 PEs on 2 cores it is
// what decides the barrier's cost). A PE that other PEs may reach through MPI never sleeps: a
// sleeping target would stall each put to its globals for a whole sleep slice.
void await(flag& own, std::uint32_t sequence)
{
    const unsigned spins = spins_before_yield();
    for (unsigned i = 0; i < spins; ++i) {
        if (reached(own.sequence.load(std::memory_order_acquire), sequence)) return;
        cpu_relax();
    }
    const bool stay_awake = mpi_may_target_us();
    const unsigned yields = spins / 4; // ~1 us each: 64 when every PE has a core, 0 when oversubscribed
    for (unsigned i = 0; stay_awake || i < yields; ++i) {
        if (reached(own.sequence.load(std::memory_order_acquire), sequence)) return;
        poke_progress();
        sched_yield();
    }
    for (;;) {
        own.sleeping.store(1, std::memory_order_seq_cst);
        std::uint32_t seen = own.sequence.load(std::memory_order_seq_cst);
        if (reached(seen, sequence)) break;
        futex_sleep(own.sequence, seen);
        poke_progress();
    }
    own.sleeping.store(0, std::memory_order_relaxed);
}

} // namespace

bool node_barrier_applies(const runtime& rt) noexcept
{
    // amo_in_shared_memory already means: shared-memory transport, and every PE on this node.
    return rt.amo_in_shared_memory && rt.n_pes <= (1 << max_rounds);
}

void node_barrier(runtime& rt)
{
    if (rt.n_pes == 1) {
        std::atomic_thread_fence(std::memory_order_seq_cst);
        return;
    }
    node_flags& flags = flags_of(rt);
    const std::uint32_t sequence = ++flags.sequence;
    const auto me = static_cast<std::size_t>(rt.my_pe);
    const auto n = static_cast<std::size_t>(rt.n_pes);
    for (int r = 0; r < flags.rounds; ++r) {
        std::size_t partner = (me + (std::size_t{1} << r)) % n;
        // Everything this PE did before, and everything it learned in earlier rounds, happens
        // before whatever the partner does after seeing the flag (seq_cst store: release and more).
        raise(flags.of_pe[partner]->round[r], sequence);
        // "reached", not "equal": the writer may already be one barrier ahead, which implies it
        // saw this one through.
        await(flags.of_pe[me]->round[r], sequence);
    }
}

} // namespace oshmpi::detail
