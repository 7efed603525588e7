// The progress agent: one thread per PE that lets MPI apply other PEs' operations while this PE
// computes without calling OpenSHMEM, as the execution model promises ("other PEs should be able
// to communicate ... with that computationally-bound PE without that PE issuing any explicit
// OpenSHMEM calls"). MPICH (ch4:ucx) applies puts, gets and accumulates to a window only while the
// target process polls MPI; shared memory needs no agent, so it runs only where some PE reaches
// this PE's memory through MPI (OSHMPI_PROGRESS, docs/environment.md).
//
// It costs almost nothing while nobody waits on us: it naps 1 ms, polls MPI once, naps again.
// When another PE waits on us, that PE rings our doorbell (an MPI accumulate on a tiny window),
// and our agent then polls every ~20 us for 10 ms after the last ring, so a stream of operations to
// a computing PE runs at MPI speed after its first one. Who rings: the waiting PE's own agent,
// when it sees that its process has been waiting on the same MPI operation for a whole nap
// (waits announce themselves with mpi_wait_watch: two relaxed stores, no clock on the hot path);
// and waits on a PE found slow in the last 100 ms ring before they start.
//
// MPI must provide MPI_THREAD_MULTIPLE for another thread to call it: init asks for it unless
// OSHMPI_PROGRESS=off, and when the user initialized MPI at a lower level the agent stays off
// (OSHMPI_PROGRESS=on then warns).
#pragma once

#include <atomic>
#include <cstdint>

#include "core/runtime.hpp"

namespace oshmpi::detail {

// Collective over rt.world and idempotent (init calls it, and again the C API once the globals'
// segment exists): decides whether this job needs agents, creates the doorbell window and starts
// this PE's agent.
void start_progress_agent(runtime& rt);
// Local: stops this PE's agent thread; it makes no MPI call once this begins. Finalize calls it
// first, before its own MPI calls (MPI_Finalize may be running it). Safe to call when none runs.
void stop_progress_agent_thread();
// Collective: stops the thread if need be and frees the doorbell window. Safe without an agent.
void free_progress_agent();
[[nodiscard]] bool progress_agent_running() noexcept;
// Returns once the agent's current MPI call, if any, has returned: what MPI wrote into our memory
// on the agent's thread then happens before what the caller does next (waits call it on return).
void synchronize_with_agent() noexcept;
// Why the agent is off on this PE ("" when it runs), for SHMEM_INFO and tests.
[[nodiscard]] const char* progress_agent_status() noexcept;

namespace agent_watch {
// The PE this process is waiting on inside an MPI call (-1: none) and a serial that changes with
// every wait, so the agent can tell one long wait from many short ones.
inline std::atomic<int> pe{-1};
inline std::atomic<std::uint64_t> serial{0};
// Set when the agent runs: waits on a PE whose flag is set ring it first.
inline std::atomic<std::uint8_t>* slow = nullptr;
// Changes whenever a thread of this process polls MPI in a wait of ours: while it does, the agent
// has nothing to add and keeps to its long naps (it would only contend for MPI's lock and a core).
inline std::atomic<std::uint64_t> own_polls{0};
} // namespace agent_watch

// A relaxed load and store: what a wait pays to tell the agent that it polls MPI itself.
inline void note_own_polling() noexcept
{
    using agent_watch::own_polls;
    own_polls.store(own_polls.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
}

// Asks `pe`'s agent to poll hard for a while (one MPI accumulate, no wait).
void ring_doorbell(int pe);

// Announces a wait on an MPI operation at `pe` for the lifetime of the object.
class mpi_wait_watch {
public:
    explicit mpi_wait_watch(int pe) noexcept
    {
        using namespace agent_watch;
        std::atomic<std::uint8_t>* marks = slow;
        if (marks == nullptr) return; // no agent: nothing watches
        active_ = true;
        if (marks[pe].load(std::memory_order_relaxed) != 0) ring_doorbell(pe);
        serial.store(serial.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
        agent_watch::pe.store(pe, std::memory_order_relaxed);
        note_own_polling(); // a blocking MPI wait polls MPI too
    }
    ~mpi_wait_watch()
    {
        if (active_) agent_watch::pe.store(-1, std::memory_order_relaxed);
    }
    mpi_wait_watch(const mpi_wait_watch&) = delete;
    mpi_wait_watch& operator=(const mpi_wait_watch&) = delete;

private:
    bool active_ = false;
};

} // namespace oshmpi::detail
