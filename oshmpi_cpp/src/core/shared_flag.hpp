// A flag in node-shared memory: one PE raises it to a sequence number, another waits until it
// reaches one. The node barrier and the node-local team collectives are built from these.
//
// The sequence is 32 bits so that the waiter can sleep on it with a futex; it wraps, and
// comparisons are serial-number arithmetic (two waits are never 2^31 apart). Each flag has one
// writer and lives on a cache line of its own. Usually one PE waits on a flag; where several may
// (a member's broadcasts_taken flag, node_area.hpp), the writer wakes them all.
//
// A wait spins while the writer can be running on another core, then yields, then sleeps on the
// flag with a futex (the writer wakes it), waking every 200 us to poke MPI progress. When other
// PEs may reach us through MPI (a segment some PE does not map) it polls MPI and yields instead.
// A wait for several flags whose writers are known (await_all) yields only to a writer that needs
// our core.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <span>

namespace oshmpi::detail {

inline constexpr std::size_t cache_line = 64;

struct alignas(cache_line) shared_flag {
    std::atomic<std::uint32_t> sequence{0};
    std::atomic<std::uint32_t> sleeping{0}; // waiters in, or about to enter, futex_wait
    // The rest of the line, for a writer that publishes a few bytes with the raise: it stores them
    // here first, and the waiter reads them from the line it has just pulled in to see the new
    // sequence (the node collectives' small payloads). 16-byte aligned for any element type.
    alignas(16) unsigned char payload[cache_line - 16];
};
static_assert(sizeof(shared_flag) == cache_line);
static_assert(sizeof(std::atomic<std::uint32_t>) == sizeof(std::uint32_t));

// Whether `value` has reached `sequence` (serial-number order).
[[nodiscard]] inline bool reached(std::uint32_t value, std::uint32_t sequence) noexcept
{
    return static_cast<std::int32_t>(value - sequence) >= 0;
}

// Sets the flag to `sequence` with release ordering (everything the caller wrote before is visible
// to whoever sees the new value) and wakes its owner if it sleeps.
void raise(shared_flag& flag, std::uint32_t sequence) noexcept;

// raise() in two halves, for a writer that raises several flags and then waits itself: the first
// sets the flag with release ordering only, so the writer need not wait for the line to be its own
// before it goes on; the second, called later (once per group of flags, after a seq_cst fence: see
// shared_flag.cpp), wakes an owner that went to sleep in between. A writer may defer the second
// only while it waits for nothing that the sleeper would have to send first.
inline void raise_quietly(shared_flag& flag, std::uint32_t sequence) noexcept
{
    flag.sequence.store(sequence, std::memory_order_release);
}
void wake_if_sleeping(shared_flag& flag) noexcept;

// Returns once the flag has reached `sequence`, with acquire ordering.
void await(shared_flag& flag, std::uint32_t sequence);

// A flag to wait for and the world PE that raises it.
struct awaited_flag {
    shared_flag* flag = nullptr;
    int writer = -1;
};

// Returns once every flag has reached `sequence`, with acquire ordering: await() on each, except
// that with more PEs than cores it first spins while every writer still to raise its flag last ran
// on another core, and yields only while one last ran on ours (core/whereabouts.hpp), so a wait
// costs a context switch only where one is due. For waits whose writers raise without waiting for
// anyone first (each member raises all its flags of a round before it waits): a writer that
// itself waited for a PE queued on our core would keep us spinning until the spin budget is spent.
void await_all(std::span<const awaited_flag> flags, std::uint32_t sequence);

// Whether another PE may reach our memory through MPI while we wait (then waits never sleep).
[[nodiscard]] bool mpi_may_target_us() noexcept;

} // namespace oshmpi::detail
