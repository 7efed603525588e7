#include "core/progress_agent.hpp"

#include <pthread.h>
#include <sys/prctl.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <memory>
#include <mutex>
#include <vector>

#include "core/error.hpp"
#include "core/progress.hpp"
#include "core/shared_flag.hpp"
#include "memory/segment.hpp"
#include "ops/deferred_signal.hpp"

namespace oshmpi::detail {

namespace {

using clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

// Between polls while nobody waits on us: the worst extra wait of a first operation on a
// computing PE, against ~1000 wake-ups a second (a few microseconds each) when idle.
constexpr auto idle_nap = 1ms;
// Between polls while another PE waits on us, and for how long after its last ring.
constexpr auto busy_nap = 20us;
constexpr auto busy_linger = 10ms;
// How long waits on a PE that kept us waiting a whole nap ring its doorbell before they start.
constexpr auto slow_memory = 100ms;
// Naps of a few tens of microseconds need a timer slack below Linux's default 50 us.
constexpr unsigned long timer_slack_ns = 5'000;

struct agent {
    MPI_Comm comm = MPI_COMM_NULL; // the runtime's world: what we poll
    int my_pe = 0;
    int n_pes = 0;

    MPI_Win doorbell_win = MPI_WIN_NULL;
    std::uint64_t* doorbell = nullptr; // our counter, incremented by PEs that wait on us

    std::unique_ptr<std::atomic<std::uint8_t>[]> slow; // agent_watch::slow points here
    std::vector<clock::time_point> slow_since;          // agent thread only

    pthread_t thread{};
    bool running = false;
    std::mutex lock; // guards `stop` (the agent naps on `wake`)
    std::condition_variable wake;
    bool stop = false;
    // Held by the agent for each of its turns in MPI. Stopping takes it before anything else, so
    // that once the agent is told to stop it makes no MPI call at all: when MPI_Finalize runs our
    // teardown (mpi4py finalizing first), MPICH no longer serializes threads, and a poke of ours
    // beside finalize's own progress trips UCX ("worker->inprogress++ == 0").
    std::mutex in_mpi;
};

agent* the_agent = nullptr;
const char* status = "not started";
std::uint64_t doorbell_operand = 1; // never written: MPI may read it at any time

// What MPI needs from us for it to apply other PEs' operations: a call into its progress engine.
// MPI_Iprobe is the cheapest one both MPICH and Open MPI progress in.
void poke(const agent& a)
{
    int flag = 0;
    MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, a.comm, &flag, MPI_STATUS_IGNORE);
}

// The watchdog half: a wait of this process on one MPI operation that spans a whole nap means its
// target does not poll; ring it and remember it as slow.
void watch_own_waits(agent& a, int& last_pe, std::uint64_t& last_serial, clock::time_point now)
{
    int pe = agent_watch::pe.load(std::memory_order_relaxed);
    std::uint64_t serial = agent_watch::serial.load(std::memory_order_relaxed);
    if (pe >= 0 && pe == last_pe && serial == last_serial) {
        auto index = static_cast<std::size_t>(pe);
        if (a.slow[index].load(std::memory_order_relaxed) == 0) ring_doorbell(pe);
        a.slow[index].store(1, std::memory_order_relaxed);
        a.slow_since[index] = now;
    }
    last_pe = pe;
    last_serial = serial;
}

void forget_old_slowness(agent& a, clock::time_point now)
{
    for (int pe = 0; pe < a.n_pes; ++pe) {
        auto index = static_cast<std::size_t>(pe);
        if (a.slow[index].load(std::memory_order_relaxed) != 0 && now - a.slow_since[index] > slow_memory)
            a.slow[index].store(0, std::memory_order_relaxed);
    }
}

void* agent_main(void* arg)
{
    auto& a = *static_cast<agent*>(arg);
    prctl(PR_SET_TIMERSLACK, timer_slack_ns);
    int last_pe = -1;
    std::uint64_t last_serial = 0;
    std::uint64_t last_bell = 0;
    std::uint64_t last_polls = 0;
    bool process_polls = false; // a wait of ours polled MPI since our last turn
    clock::time_point busy_until{};
    clock::time_point last_sweep = clock::now();
    std::unique_lock<std::mutex> guard(a.lock);
    for (;;) {
        const bool busy = clock::now() < busy_until && !process_polls;
        a.wake.wait_for(guard, busy ? std::chrono::duration_cast<clock::duration>(busy_nap)
                                    : std::chrono::duration_cast<clock::duration>(idle_nap));
        if (a.stop) break;
        guard.unlock();
        std::unique_lock<std::mutex> turn(a.in_mpi);
        if (a.stop) break; // read under in_mpi: stopping sets it holding both locks
        const auto now = clock::now();
        watch_own_waits(a, last_pe, last_serial, now);
        if (now - last_sweep > slow_memory / 4) {
            forget_old_slowness(a, now);
            last_sweep = now;
        }
        // A wait of ours that polled since our last turn (or still polls, blocked on a peer)
        // gives MPI all the progress we could; else our poke is the only one.
        std::uint64_t polls = agent_watch::own_polls.load(std::memory_order_relaxed);
        process_polls = polls != last_polls || agent_watch::pe.load(std::memory_order_relaxed) >= 0;
        last_polls = polls;
        if (!process_polls) poke(a);
        if (signals_deferred()) deliver_deferred_signals();
        std::uint64_t bell = std::atomic_ref<std::uint64_t>(*a.doorbell).load(std::memory_order_acquire);
        if (bell != last_bell) {
            last_bell = bell;
            busy_until = clock::now() + busy_linger;
        }
        turn.unlock();
        guard.lock();
    }
    return nullptr;
}

// A fork's child has no agent thread (only the forking thread survives), and must not join one.
void forget_agent_in_child() noexcept
{
    if (the_agent != nullptr) the_agent->running = false;
    agent_watch::slow = nullptr;
}

// Whether some PE reaches another PE's memory through MPI, agreed by every PE.
bool mpi_reaches_memory(runtime& rt)
{
    int mine = mpi_may_target_us() ? 1 : 0;
    MPI_Request request;
    OSHMPI_MPI(MPI_Iallreduce(MPI_IN_PLACE, &mine, 1, MPI_INT, MPI_MAX, rt.world, &request));
    complete(request);
    return mine != 0;
}

} // namespace

void ring_doorbell(int pe)
{
    agent* a = the_agent;
    if (a == nullptr || a->doorbell_win == MPI_WIN_NULL || pe == a->my_pe) return;
    MPI_Accumulate(&doorbell_operand, 1, MPI_UINT64_T, pe, 0, 1, MPI_UINT64_T, MPI_SUM, a->doorbell_win);
}

void start_progress_agent(runtime& rt)
{
    if (rt.env.progress == "off") {
        status = "off (OSHMPI_PROGRESS=off)";
        return;
    }
    if (the_agent != nullptr) return; // started before (init, then the C API's globals)
    if (rt.n_pes == 1) {
        status = "off (a job of one PE: nobody else reaches its memory)";
        return;
    }
    int level = MPI_THREAD_SINGLE;
    OSHMPI_MPI(MPI_Query_thread(&level));
    // Collective from here on: every PE takes the same branches.
    const bool wanted = rt.env.progress == "on" || mpi_reaches_memory(rt);
    if (!wanted) {
        status = "off (every PE reaches this one through shared memory)";
        return;
    }
    int everyone_multiple = level == MPI_THREAD_MULTIPLE ? 1 : 0;
    MPI_Request request;
    OSHMPI_MPI(MPI_Iallreduce(MPI_IN_PLACE, &everyone_multiple, 1, MPI_INT, MPI_MIN, rt.world, &request));
    complete(request);
    if (!everyone_multiple) {
        status = "off (MPI was initialized below MPI_THREAD_MULTIPLE)";
        if (rt.env.progress == "on" && rt.my_pe == 0)
            std::fprintf(stderr, "oshmpi-cpp: warning: OSHMPI_PROGRESS=on, but MPI was initialized below "
                                 "MPI_THREAD_MULTIPLE, so no progress thread may call it: operations on a PE "
                                 "that computes wait until it calls OpenSHMEM again. Initialize MPI with "
                                 "MPI_Init_thread(MPI_THREAD_MULTIPLE), or let shmem_init do it.\n");
        return;
    }

    auto a = std::make_unique<agent>();
    a->comm = rt.world;
    a->my_pe = rt.my_pe;
    a->n_pes = rt.n_pes;
    OSHMPI_MPI(MPI_Win_allocate(sizeof(std::uint64_t), 1, MPI_INFO_NULL, rt.world, &a->doorbell, &a->doorbell_win));
    *a->doorbell = 0;
    OSHMPI_MPI(MPI_Win_lock_all(MPI_MODE_NOCHECK, a->doorbell_win));
    a->slow = std::make_unique<std::atomic<std::uint8_t>[]>(static_cast<std::size_t>(rt.n_pes));
    a->slow_since.assign(static_cast<std::size_t>(rt.n_pes), clock::time_point{});
    // Nobody may ring before every counter is zeroed.
    mpi_barrier(rt.world);

    static pthread_once_t fork_handler_once = PTHREAD_ONCE_INIT;
    pthread_once(&fork_handler_once, [] { pthread_atfork(nullptr, nullptr, forget_agent_in_child); });
    // Published before the thread starts (pthread_create orders these writes before its first
    // step): the agent rings doorbells itself, through the_agent, from its first turn on.
    a->running = true;
    agent_watch::slow = a->slow.get();
    status = "";
    the_agent = a.get();
    if (pthread_create(&a->thread, nullptr, agent_main, a.get()) != 0) {
        // Everyone created the window: it is freed collectively by stop_progress_agent.
        a->running = false;
        agent_watch::slow = nullptr;
        status = "off (the thread could not be created)";
    }
    a.release(); // owned through the_agent, deleted by free_progress_agent
}

void stop_progress_agent_thread()
{
    agent* a = the_agent;
    if (a == nullptr || !a->running) return;
    {
        std::lock_guard<std::mutex> turn(a->in_mpi);
        std::lock_guard<std::mutex> guard(a->lock);
        a->stop = true;
    }
    a->wake.notify_one();
    pthread_join(a->thread, nullptr);
    a->running = false;
}

void free_progress_agent()
{
    agent* a = the_agent;
    if (a == nullptr) return;
    stop_progress_agent_thread();
    agent_watch::slow = nullptr;
    // Completes our rings (each PE's MPI applies them while it waits in the collective free).
    MPI_Win_unlock_all(a->doorbell_win);
    MPI_Win_free(&a->doorbell_win);
    the_agent = nullptr;
    status = "not started";
    delete a;
}

bool progress_agent_running() noexcept
{
    return the_agent != nullptr && the_agent->running;
}

void synchronize_with_agent() noexcept
{
    agent* a = the_agent;
    if (a == nullptr || !a->running) return;
    std::lock_guard<std::mutex> turn(a->in_mpi); // the agent holds it for each turn inside MPI
}

const char* progress_agent_status() noexcept
{
    return status;
}

} // namespace oshmpi::detail
