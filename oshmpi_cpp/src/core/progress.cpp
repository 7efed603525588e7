#include "core/progress.hpp"

#include <fcntl.h>
#include <sched.h>
#include <time.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include <oshmpi/p2p.hpp>

#include "core/error.hpp"
#include "core/node_barrier.hpp"
#include "core/progress_agent.hpp"
#include "core/runtime.hpp"
#include "core/shared_flag.hpp"
#include "core/whereabouts.hpp"
#include "ops/deferred_signal.hpp"

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

// Until when (monotonic_ns) waits treat the machine as crowded, 0 if never; see crowded().
std::atomic<std::int64_t> crowded_until_ns{0};
// A yield that keeps us off the core longer than this lost it to a process that is not a PE
// answering within a context switch (those take ~1 us; a time slice takes milliseconds).
constexpr std::int64_t slow_yield_ns = 200'000;
constexpr std::int64_t crowded_for_ns = 10'000'000;
constexpr timespec nap{0, 20'000};

// Waits on memory have no futex (the writer does not know them): when crowded they nap, so that
// the timer's wake-up preempts the process holding the core instead of queueing behind it.
void yield_or_nap() noexcept
{
    if (crowded()) nanosleep(&nap, nullptr);
    else timed_yield();
}

// Whether more processes are runnable on this machine than it has PEs awake, that is whether a
// process outside the job competes for the cores. A slow yield alone does not say so: with more
// PEs than cores, the PE we yield to may compute for milliseconds before its next call. Taking
// that for a crowded machine sent every wait to sleep, and the kernel woke each sleeper on
// whichever core was free, so that at times three PEs computed on one core and one on the other
// (measured, 4 PEs on 2 cores, 0.1-1 ms of work and a barrier per step: 4-8% slower than with
// waits that keep yielding, with 0.3-1 sleeps per PE and step instead of none). Where the count
// cannot be read, every slow yield counts as crowded.
bool outsiders_runnable() noexcept
{
    const runtime* rt = current_runtime();
    int pes = rt == nullptr ? 0 : (rt->machine_pes > 0 ? rt->machine_pes : rt->n_pes);
    int fd = open("/proc/loadavg", O_RDONLY | O_CLOEXEC);
    if (fd < 0) return true;
    char text[128];
    ssize_t got = read(fd, text, sizeof text - 1);
    close(fd);
    if (got <= 0) return true;
    text[got] = '\0';
    int runnable = runnable_in_loadavg(text);
    // The count includes us; our sleepers are not in it.
    return runnable < 0 || runnable > pes - node_pes_asleep();
}
} // namespace

int runnable_in_loadavg(const char* text) noexcept
{
    // "0.52 0.58 0.59 5/312 4242": the fourth field is runnable tasks "/" all tasks.
    const char* at = text;
    for (int field = 0; field < 3 && at != nullptr; ++field) {
        at = std::strchr(at, ' ');
        if (at != nullptr) ++at;
    }
    if (at == nullptr || *at < '0' || *at > '9' || std::strchr(at, '/') == nullptr) return -1;
    return std::atoi(at);
}

namespace {
unsigned compute_spins(const runtime& rt) noexcept
{
    cpu_set_t cpus;
    int cores = sched_getaffinity(0, sizeof cpus, &cpus) == 0 ? CPU_COUNT(&cpus) : 1;
    // Other processes' PEs share the affinity mask too (mpiexec binds none by default): compare
    // the PEs of this machine (not of the MPI node: a host file can split one machine into
    // several "nodes") with the cores this process may run on.
    int machine_pes = rt.machine_pes > 0 ? rt.machine_pes : rt.n_pes;
    return machine_pes > cores ? spins_when_oversubscribed : spins_when_cores_suffice;
}
} // namespace

bool crowded(std::int64_t now_ns) noexcept
{
    const std::int64_t until = crowded_until_ns.load(std::memory_order_relaxed);
    return until != 0 && now_ns < until;
}

bool crowded() noexcept
{
    // Most machines are never crowded: no clock then.
    return crowded_until_ns.load(std::memory_order_relaxed) != 0 && crowded(monotonic_ns());
}

std::int64_t timed_yield(std::int64_t before_ns) noexcept
{
    sched_yield();
    const std::int64_t after = monotonic_ns();
    if (after - before_ns > slow_yield_ns && outsiders_runnable())
        crowded_until_ns.store(after + crowded_for_ns, std::memory_order_relaxed);
    return after;
}

void timed_yield() noexcept
{
    (void)timed_yield(monotonic_ns());
}

void poke_progress()
{
    runtime* rt = current_runtime();
    if (rt == nullptr) return;
    note_own_polling();
    int flag = 0;
    MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, rt->world, &flag, MPI_STATUS_IGNORE);
    if (signals_deferred()) deliver_deferred_signals();
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
        // An update that comes through MPI lands only while we poll MPI: poll at every turn, as a
        // raw MPI program waiting on its window would (else the spin adds ~10 us to every signal).
        if (mpi_may_target_us()) poke_progress();
        else cpu_relax();
        return;
    }
    // An MPI progress poke costs about as much as the yield; it matters only when an update may
    // arrive through MPI (a segment some PE does not map), else now and then is enough.
    ++spins_;
    if ((spins_ - spins) % 16 == 0 || mpi_may_target_us()) poke_progress();
    yield_or_nap();
}

bool waits_spin_in_mpi() noexcept
{
    return spins_before_yield() == spins_when_cores_suffice;
}

void complete(MPI_Request& request)
{
    note_own_polling();
    int done = 0;
    const unsigned spins = spins_before_yield();
    for (unsigned polls = 0;; ++polls) {
        OSHMPI_MPI(MPI_Test(&request, &done, MPI_STATUS_IGNORE));
        if (done) return;
        if (polls >= spins) sched_yield();
    }
}

void complete_at(MPI_Request& request, int pe)
{
    mpi_wait_watch watch(pe);
    complete(request);
}

void flush_watched(MPI_Win win, int pe)
{
    mpi_wait_watch watch(pe);
    OSHMPI_MPI(MPI_Win_flush(pe, win));
}

void flush_local_watched(MPI_Win win, int pe)
{
    mpi_wait_watch watch(pe);
    OSHMPI_MPI(MPI_Win_flush_local(pe, win));
}

MPI_Comm nonblocking_dup(MPI_Comm comm)
{
    MPI_Comm copy = MPI_COMM_NULL;
    MPI_Request request;
    OSHMPI_MPI(MPI_Comm_idup(comm, &copy, &request));
    complete(request);
    return copy;
}

void mpi_barrier(MPI_Comm comm)
{
    if (waits_spin_in_mpi()) {
        // Every PE has a core: MPI's own barrier is the fastest (its nonblocking one costs about
        // twice as much), and spinning in it takes no core another PE needs.
        OSHMPI_MPI(MPI_Barrier(comm));
        return;
    }
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
