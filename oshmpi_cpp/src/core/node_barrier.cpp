#include "core/node_barrier.hpp"

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

#include "core/error.hpp"
#include "core/shared_flag.hpp"
#include "teams/node_area.hpp"

namespace oshmpi::detail {

namespace {

// 2^15 PEs on one node is far beyond any machine; past it the MPI barrier serves.
constexpr int max_rounds = 15;
static_assert(max_rounds <= static_cast<int>(node_area::barrier_flag_count));

struct node_flags {
    std::vector<shared_flag*> of_pe;    // world PE -> its first flag, mapped in our address space
    std::vector<awaited_flag> arrivals; // the flat barrier's: every other PE's first flag
    std::uint32_t sequence = 0;         // barriers completed by this PE, modulo 2^32
    int rounds = 0;
};

node_flags* the_flags = nullptr;
int flags_keyval = MPI_KEYVAL_INVALID;

// Runs when the runtime frees its world communicator (finalize): the bookkeeping lives exactly as
// long (the flags themselves go with the heap's window).
int free_flags(MPI_Comm, int, void* attribute, void*)
{
    auto* flags = static_cast<node_flags*>(attribute);
    if (the_flags == flags) the_flags = nullptr;
    delete flags;
    return MPI_SUCCESS;
}

int rounds_for(int n_pes) noexcept
{
    int rounds = 0;
    while ((1 << rounds) < n_pes) ++rounds;
    return rounds;
}

// The flags are the first lines of the team collectives' node areas (created at init, zeroed, and
// every PE's zeroing ordered before our first barrier: node_area.cpp).
node_flags& flags_of(runtime& rt)
{
    if (the_flags != nullptr) return *the_flags;
    auto flags = std::make_unique<node_flags>();
    flags->rounds = rounds_for(rt.n_pes);
    for (int pe = 0; pe < rt.n_pes; ++pe) {
        shared_flag* first = node_area::barrier_flags(pe); // mapped: node_barrier_applies
        flags->of_pe.push_back(first);
        if (pe != rt.my_pe) flags->arrivals.push_back({first, pe});
    }
    if (flags_keyval == MPI_KEYVAL_INVALID)
        OSHMPI_MPI(MPI_Comm_create_keyval(MPI_COMM_NULL_COPY_FN, free_flags, &flags_keyval, nullptr));
    OSHMPI_MPI(MPI_Comm_set_attr(rt.world, flags_keyval, flags.get()));
    the_flags = flags.release();
    return *the_flags;
}

} // namespace

bool node_barrier_applies(const runtime& rt) noexcept
{
    // amo_in_shared_memory already means: shared-memory transport, and every PE on this node.
    return rt.amo_in_shared_memory && node_area::available() && rt.n_pes <= (1 << max_rounds);
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
    if (rt.n_pes <= flat_barrier_most_pes) {
        // Everything this PE did before happens before whatever the others do after seeing the
        // flag (seq_cst store: release and more), and everything they did before, before our return.
        raise(*flags.of_pe[me], sequence);
        await_all(flags.arrivals, sequence);
        return;
    }
    const auto n = static_cast<std::size_t>(rt.n_pes);
    for (int r = 0; r < flags.rounds; ++r) {
        std::size_t partner = (me + (std::size_t{1} << r)) % n;
        // Everything this PE did before, and everything it learned in earlier rounds, happens
        // before whatever the partner does after seeing the flag.
        raise(flags.of_pe[partner][r], sequence);
        // "reached", not "equal": the writer may already be one barrier ahead, which implies it
        // saw this one through.
        await(flags.of_pe[me][r], sequence);
    }
}

} // namespace oshmpi::detail
