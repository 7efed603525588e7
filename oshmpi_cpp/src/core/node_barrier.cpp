#include "core/node_barrier.hpp"

#include <atomic>
#include <cstdint>
#include <memory>
#include <new>
#include <vector>

#include "core/error.hpp"
#include "core/progress.hpp"
#include "core/shared_flag.hpp"
#include "teams/node_area.hpp"

namespace oshmpi::detail {

namespace {

// 2^16 PEs on one node is far beyond any machine; past it the MPI barrier serves.
constexpr int max_rounds = 16;

struct flag_block {
    shared_flag round[max_rounds];
};
static_assert(sizeof(flag_block) == node_area::barrier_flag_count * sizeof(shared_flag));

struct node_flags {
    MPI_Win win = MPI_WIN_NULL;     // ours, when the team collectives' node areas do not hold the flags
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
    int rc = flags->win != MPI_WIN_NULL ? MPI_Win_free(&flags->win) : MPI_SUCCESS;
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
    flags->of_pe.resize(static_cast<std::size_t>(rt.n_pes));
    if (flags_keyval == MPI_KEYVAL_INVALID)
        OSHMPI_MPI(MPI_Comm_create_keyval(MPI_COMM_NULL_COPY_FN, free_flags, &flags_keyval, nullptr));

    // The node areas (created at init, zeroed, and every PE's zeroing ordered before our first
    // barrier: node_area.cpp) start with room for our flags: no window and no barrier of our own,
    // which with more PEs than cores cost ~50 ms of start-up.
    if (node_area::barrier_flags(rt.my_pe) != nullptr) {
        for (int pe = 0; pe < rt.n_pes; ++pe)
            flags->of_pe[static_cast<std::size_t>(pe)] = reinterpret_cast<flag_block*>(node_area::barrier_flags(pe));
        OSHMPI_MPI(MPI_Comm_set_attr(rt.world, flags_keyval, flags.get()));
        the_flags = flags.release();
        return *the_flags;
    }

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

    for (int pe = 0; pe < rt.n_pes; ++pe) {
        MPI_Aint size = 0;
        int disp_unit = 0;
        void* base = nullptr;
        OSHMPI_MPI(MPI_Win_shared_query(flags->win, rt.node_rank_of_pe[static_cast<std::size_t>(pe)], &size,
                                        &disp_unit, &base));
        flags->of_pe[static_cast<std::size_t>(pe)] = static_cast<flag_block*>(base);
    }
    OSHMPI_MPI(MPI_Comm_set_attr(rt.world, flags_keyval, flags.get()));
    the_flags = flags.release();
    // Nobody may raise a flag before its owner has zeroed it.
    mpi_barrier(rt.node);
    return *the_flags;
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
