// A segment is a range of symmetric memory: the same size on every PE, exposed through an MPI
// window, and, for PEs on this node, mapped into our address space. The symmetric heap is one; the
// C API adds the executable's data and bss as another.
#pragma once

#include <mpi.h>

#include <cstddef>
#include <memory>
#include <vector>

namespace oshmpi::detail {

struct segment {
    char* base = nullptr; // our copy
    std::size_t size = 0;
    // Over every PE's copy, displacement unit 1, locked for the run. MPI_WIN_NULL only when this
    // PE is the whole job (nothing is remote: every access is direct).
    MPI_Win win = MPI_WIN_NULL;
    MPI_Win shared_win = MPI_WIN_NULL; // the node's shared-memory window that owns the memory
    // False when shared_win belongs to another segment (the globals live in the heap's window):
    // that segment then opened its epoch and frees it.
    bool owns_shared_win = true;
    // Where each PE's copy starts within its part of shared_win, in bytes; set by the segment's
    // creator when shared_win holds the segment on every PE of the node. When the node is the
    // whole job, expose() then makes shared_win itself the RMA window.
    std::vector<MPI_Aint> shared_start;
    // Added to an offset from `base` to make the displacement in `win` of a PE's copy: shared_start
    // when win is shared_win, empty (nothing to add) when win was created over `base`.
    std::vector<MPI_Aint> win_start;
    // For each world PE, where its copy is mapped in our address space; nullptr when it is not.
    std::vector<char*> peer_base;
    // Whether every PE's copy is mapped here. AMOs on a word must all use one mechanism, so CPU
    // atomics are allowed only on segments that every PE reaches through shared memory.
    bool all_peers_mapped = false;

    [[nodiscard]] bool contains(const void* address, std::size_t nbytes) const noexcept
    {
        auto p = static_cast<const char*>(address);
        return p >= base && p <= base + size && nbytes <= static_cast<std::size_t>(base + size - p);
    }
};

// The segments of a running runtime. Lookups are on every RMA's path, so the table is a small flat
// array scanned in order, heap first.
class segment_table {
public:
    void add(std::unique_ptr<segment> seg)
    {
        if (!seg->all_peers_mapped) ++partly_mapped_;
        segments_.push_back(std::move(seg));
    }
    std::unique_ptr<segment> remove(const segment* seg);
    [[nodiscard]] segment* find(const void* address, std::size_t nbytes) const noexcept
    {
        for (const auto& seg : segments_)
            if (seg->contains(address, nbytes)) return seg.get();
        return nullptr;
    }
    [[nodiscard]] const std::vector<std::unique_ptr<segment>>& all() const noexcept { return segments_; }
    // Whether some segment is not mapped by every PE (all_peers_mapped is set before add): asked
    // by every wait, so counted instead of scanned.
    [[nodiscard]] bool any_partly_mapped() const noexcept { return partly_mapped_ != 0; }

private:
    std::vector<std::unique_ptr<segment>> segments_;
    int partly_mapped_ = 0;
};

segment_table& segments();

// Gives the segment its RMA window over every PE of `comm` and opens the run-long passive-target
// epoch: the node's shared window itself when it holds the segment and spans `comm`, no window
// when `comm` is this PE alone, else a window created over [base, base + size). Checks the unified
// memory model, which plain loads of symmetric memory need.
void expose(segment& seg, MPI_Comm comm);
// Closes the epoch and frees the windows it opened and owns (not the memory the caller owns).
void release_windows(segment& seg);

} // namespace oshmpi::detail
