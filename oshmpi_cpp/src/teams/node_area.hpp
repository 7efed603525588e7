// The node-shared control area of the team collectives: every PE owns one, every PE of its node
// maps all of them (they lie in front of each PE's heap, in the heap's shared window). It holds a
// fixed number of slots; each team whose members all share this node holds one slot, the same
// number on every member, and in that slot of each member's area:
//   - a flag per member (team number), which only that member raises: "my part of collective
//     number e has reached you" (e counts the flag rounds of the team's collectives);
//   - two flags per member (alternating by collective) that carry a small payload in their line;
//   - a ring of lines that carry small broadcasts to this member (written by each call's root),
//     and the flag with which this member says how many broadcasts it has taken in;
//   - a word per member for collect's sizes;
//   - two staging buffers per member (alternating by reduction) for small reductions.
// Team creation is collective only over the parent, so a slot is agreed among the new team's
// members: the lowest one free on all of them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "core/runtime.hpp"
#include "core/shared_flag.hpp"
#include "core/whereabouts.hpp"

namespace oshmpi {
struct team;
}

namespace oshmpi::detail::node_area {

inline constexpr int max_slots = 64;
// Reductions of up to this many bytes per PE are staged (one flag round); larger ones read the
// members' sources in place (two rounds, the work split among the members).
inline constexpr std::size_t stage_bytes = 512;
// fcollect blocks and reductions of up to this many bytes per PE travel in the line of the flag
// that announces them (shared_flag::payload), so a member pulls in one line per other member.
inline constexpr std::size_t carried_bytes = sizeof(shared_flag::payload);
// Broadcasts of up to carried_bytes travel in a ring of this many lines per member, so a root may
// run this many broadcasts ahead of the slowest member before it waits (node_collectives.cpp).
inline constexpr std::uint32_t ring_lines = 128;

// One slot of one PE's area, as mapped here.
class slot_view {
public:
    slot_view() = default;
    slot_view(char* base, int members) : base_(base), members_(static_cast<std::size_t>(members)) {}

    [[nodiscard]] shared_flag& flag_from(int writer) const noexcept
    {
        return reinterpret_cast<shared_flag*>(base_)[writer];
    }
    // The flag whose line carries `writer`'s payload; `parity` alternates by carrying collective.
    [[nodiscard]] shared_flag& carrier_from(unsigned parity, int writer) const noexcept
    {
        std::size_t index = (1 + parity) * members_ + static_cast<std::size_t>(writer);
        return reinterpret_cast<shared_flag*>(base_)[index];
    }
    // The line that carries broadcast number `count` (from 1) to this slot's owner.
    [[nodiscard]] shared_flag& ring_line(std::uint32_t count) const noexcept
    {
        return reinterpret_cast<shared_flag*>(base_)[3 * members_ + 1 + (count - 1) % ring_lines];
    }
    // Raised by this slot's owner to the number of broadcasts it has completed.
    [[nodiscard]] shared_flag& broadcasts_taken() const noexcept
    {
        return reinterpret_cast<shared_flag*>(base_)[3 * members_];
    }
    [[nodiscard]] std::uint64_t& size_from(int writer) const noexcept
    {
        return reinterpret_cast<std::uint64_t*>(base_ + flag_count(members_) * sizeof(shared_flag))[writer];
    }
    [[nodiscard]] char* stage(unsigned parity, int writer) const noexcept
    {
        return base_ + stage_offset() + (parity * members_ + static_cast<std::size_t>(writer)) * stage_bytes;
    }
    [[nodiscard]] char* base() const noexcept { return base_; }

    // The bytes a slot takes for a node of `members` PEs.
    [[nodiscard]] static std::size_t bytes_for(std::size_t members) noexcept
    {
        return stage_offset_for(members) + 2 * members * stage_bytes;
    }

private:
    [[nodiscard]] std::size_t stage_offset() const noexcept { return stage_offset_for(members_); }
    [[nodiscard]] static std::size_t flag_count(std::size_t members) noexcept
    {
        return 3 * members + 1 + ring_lines;
    }
    [[nodiscard]] static std::size_t stage_offset_for(std::size_t members) noexcept
    {
        std::size_t end = flag_count(members) * sizeof(shared_flag) + members * sizeof(std::uint64_t);
        return (end + cache_line - 1) / cache_line * cache_line;
    }

    char* base_ = nullptr;
    std::size_t members_ = 0;
};

// The bytes every PE's area takes: the heap holds them in front of itself (memory/heap.hpp's
// control bytes), so the areas cost no window of their own. 0 with OSHMPI_TRANSPORT=mpi.
[[nodiscard]] std::size_t bytes_needed(const runtime& rt) noexcept;
// Maps the areas from the heap's control bytes (local; after create_heap). Skipped with
// OSHMPI_TRANSPORT=mpi.
void create(runtime& rt);

// Each area starts with the flags of the node barrier (core/node_barrier.cpp), so that start-up
// allocates one shared window fewer: `barrier_flag_count` flags of world PE `pe`, as mapped here,
// zeroed by their owner in create() (nullptr when the areas do not exist or `pe` is off this node).
inline constexpr std::size_t barrier_flag_count = 15;
[[nodiscard]] shared_flag* barrier_flags(int pe) noexcept;
// Then the line where world PE `pe` notes the core it runs on (core/whereabouts.hpp), zeroed by
// its owner in create(); nullptr as above. The two take 16 lines, so the slots that follow start
// on a 1 KiB boundary of the area (one line more measurably slowed some collectives).
[[nodiscard]] whereabouts* whereabouts_of(int pe) noexcept;
// The world PEs whose node areas are mapped here (none when the areas do not exist).
[[nodiscard]] std::span<const int> pes_here() noexcept;
// Forgets them (local; finalize; their memory goes with the heap).
void destroy();

// Whether the areas exist on this PE (not with OSHMPI_TRANSPORT=mpi).
[[nodiscard]] bool available() noexcept;

// Collective over `t`'s members: gives `t` a slot if every member shares this node and a slot is
// free on all, and prepares it (zeroed on every member before anyone uses it). Otherwise the team
// keeps the MPI collectives.
void attach(team& t);
// Gives the team's slot back (local; the team's collectives are complete).
void detach(team& t);

} // namespace oshmpi::detail::node_area
