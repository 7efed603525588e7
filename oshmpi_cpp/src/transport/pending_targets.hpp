// The (window, PE) pairs a context has written through MPI since its last quiet. Quiet flushes
// exactly these, so its cost follows the PEs written, not n_pes (a context that put to one PE of
// a thousand flushes one target, not a thousand).
//
// Not thread-safe: the context decides whether a lock guards it (context::pending_lock).
#pragma once

#include <mpi.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace oshmpi::detail {

class pending_targets {
public:
    // Records that `pe` of `win` (a job of `n_pes`) awaits remote completion. Idempotent and cheap:
    // a scan of the few windows a context uses, then one byte per PE.
    void add(MPI_Win win, int pe, int n_pes)
    {
        window_targets& w = entry(win, n_pes);
        auto& mark = w.marked[static_cast<std::size_t>(pe)];
        if (mark == 0) {
            mark = 1;
            w.pes.push_back(pe);
        }
        any_.store(true, std::memory_order_relaxed);
    }

    // Whether add() was called since the last drain; readable without the context's lock (a quiet
    // that finds nothing costs one load).
    [[nodiscard]] bool any() const noexcept { return any_.load(std::memory_order_relaxed); }

    // Calls flush(win, pe) for every recorded pair, then forgets them. If flush throws, the pairs
    // not yet flushed stay recorded.
    template <class Flush> void drain(Flush&& flush)
    {
        for (window_targets& w : windows_) {
            while (!w.pes.empty()) {
                int pe = w.pes.back();
                flush(w.win, pe);
                w.pes.pop_back();
                w.marked[static_cast<std::size_t>(pe)] = 0;
            }
        }
        any_.store(false, std::memory_order_relaxed);
    }

    // drain() for one PE only: flushes `pe` of every window that recorded it; the others stay.
    template <class Flush> void drain_pe(int pe, Flush&& flush)
    {
        bool left = false;
        for (window_targets& w : windows_) {
            auto index = static_cast<std::size_t>(pe);
            if (index < w.marked.size() && w.marked[index] != 0) {
                flush(w.win, pe);
                w.marked[index] = 0;
                std::erase(w.pes, pe);
            }
            left = left || !w.pes.empty();
        }
        if (!left) any_.store(false, std::memory_order_relaxed);
    }

    // Forgets every window (finalize: the handles die with them).
    void reset() noexcept
    {
        windows_.clear();
        any_.store(false, std::memory_order_relaxed);
    }

private:
    struct window_targets {
        MPI_Win win;
        std::vector<std::uint8_t> marked; // per world PE
        std::vector<int> pes;             // the marked PEs
    };

    window_targets& entry(MPI_Win win, int n_pes)
    {
        for (window_targets& w : windows_)
            if (w.win == win) return w;
        windows_.push_back({win, std::vector<std::uint8_t>(static_cast<std::size_t>(n_pes), 0), {}});
        return windows_.back();
    }

    std::vector<window_targets> windows_;
    std::atomic<bool> any_{false};
};

} // namespace oshmpi::detail
