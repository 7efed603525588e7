#include "core/progress.hpp"

#include <sched.h>
#include <time.h>

#include <atomic>
#include <chrono>

#include <oshmpi/p2p.hpp>

#include "core/error.hpp"
#include "core/node_barrier.hpp"
#include "core/runtime.hpp"
#include "core/shared_flag.hpp"

namespace oshmpi::detail {

namespace {
// One pause costs ~40 ns on the machines we measure (AMD EPYC under KVM), a sched_yield ~0.9 us
// and an MPI progress poke about as much. 256 polls (~10 us) catch a partner on another core
// without a system call, and outlast the 1-2 us a partner that has started yielding takes to
// notice us (a shorter window lets two PEs fall into yielding at every barrier: measured 2.3 us
// instead of 0.2 us at 2 PEs). With more PEs than cores the partner needs our core, so we give it
// up almost at once.
constexpr unsigned spins_when_cores_suffice = 256;
constexpr unsigned spins_when_oversubscribed = 2;

// Set when a yield kept us off the core for long: another process, not a PE that would answer
// within a context switch, got it. Until then waits on memory nap instead of yielding: a napping
// thread that wakes up preempts the process that holds the core, a yielding one waits behind it
// for the rest of its time slice.
thread_local std::chrono::steady_clock::time_point crowded_until{};
constexpr auto slow_yield = std::chrono::microseconds(20);
constexpr auto crowded_for = std::chrono::milliseconds(1);
constexpr timespec nap{0, 20'000};

void yield_or_nap() noexcept
{
    using clock = std::chrono::steady_clock;
    const auto before = clock::now();
    if (before < crowded_until) {
        nanosleep(&nap, nullptr);
        return;
    }
    sched_yield();
    const auto after = clock::now();
    if (after - before > slow_yield) crowded_until = after + crowded_for;
}

unsigned compute_spins(const runtime& rt) noexcept
{
    int node_pes = 1;
    if (rt.node == MPI_COMM_NULL || MPI_Comm_size(rt.node, &node_pes) != MPI_SUCCESS) node_pes = rt.n_pes;
    cpu_set_t cpus;
    int cores = sched_getaffinity(0, sizeof cpus, &cpus) == 0 ? CPU_COUNT(&cpus) : 1;
    // Other processes' PEs share the affinity mask too (mpiexec binds none by default): compare
    // the node's PEs with the cores this process may run on.
    return node_pes > cores ? spins_when_oversubscribed : spins_when_cores_suffice;
}
} // namespace

void poke_progress()
{
    runtime* rt = current_runtime();
    if (rt == nullptr) return;
    int flag = 0;
    MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, rt->world, &flag, MPI_STATUS_IGNORE);
}

unsigned spins_before_yield() noexcept
{
    // Cached per runtime: the node's size is fixed between init and finalize.
    static const runtime* computed_for = nullptr;
    static unsigned spins = spins_when_oversubscribed;
    const runtime* rt = current_runtime();
    if (rt == nullptr) return spins_when_oversubscribed;
    if (rt != computed_for) {
        spins = compute_spins(*rt);
        computed_for = rt;
    }
    return spins;
}

void backoff::pause()
{
    const unsigned spins = spins_before_yield();
    if (spins_ < spins) {
        ++spins_;
        cpu_relax();
        return;
    }
    // An MPI progress poke costs about as much as the yield; it matters only when an update may
    // arrive through MPI (a segment some PE does not map), else now and then is enough.
    ++spins_;
    if ((spins_ - spins) % 16 == 0 || mpi_may_target_us()) poke_progress();
    yield_or_nap();
}

void complete(MPI_Request& request)
{
    int done = 0;
    const unsigned spins = spins_before_yield();
    for (unsigned polls = 0;; ++polls) {
        OSHMPI_MPI(MPI_Test(&request, &done, MPI_STATUS_IGNORE));
        if (done) return;
        if (polls >= spins) sched_yield();
    }
}

void mpi_barrier(MPI_Comm comm)
{
    MPI_Request request;
    OSHMPI_MPI(MPI_Ibarrier(comm, &request));
    complete(request);
}

void barrier(MPI_Comm comm)
{
    runtime* rt = current_runtime();
    if (rt != nullptr && comm == rt->world && rt->n_pes == 1) {
        std::atomic_thread_fence(std::memory_order_seq_cst); // alone: nothing to wait for
        return;
    }
    if (rt != nullptr && comm == rt->world && node_barrier_applies(*rt)) {
        node_barrier(*rt);
        return;
    }
    mpi_barrier(comm);
}

} // namespace oshmpi::detail
