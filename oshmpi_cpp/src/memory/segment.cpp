#include "memory/segment.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "core/runtime.hpp"
#include "transport/mpi_traits.hpp"

namespace oshmpi::detail {

segment_table& segments()
{
    static segment_table& table = *new segment_table; // never destroyed: see core/setup.cpp
    return table;
}

std::unique_ptr<segment> segment_table::remove(const segment* seg)
{
    auto it = std::find_if(segments_.begin(), segments_.end(),
                           [seg](const auto& owned) { return owned.get() == seg; });
    if (it == segments_.end()) return nullptr;
    auto owned = std::move(*it);
    segments_.erase(it);
    if (!owned->all_peers_mapped) --partly_mapped_;
    return owned;
}

namespace {

// Whether `win` is over exactly the processes of `comm`, in the same order.
bool spans(MPI_Win win, MPI_Comm comm)
{
    MPI_Group win_group, comm_group;
    OSHMPI_MPI(MPI_Win_get_group(win, &win_group));
    OSHMPI_MPI(MPI_Comm_group(comm, &comm_group));
    int result = MPI_UNEQUAL;
    int rc = MPI_Group_compare(win_group, comm_group, &result);
    MPI_Group_free(&win_group);
    MPI_Group_free(&comm_group);
    OSHMPI_MPI(rc);
    return result == MPI_IDENT;
}

} // namespace

void expose(segment& seg, MPI_Comm comm)
{
    // Which window, by what each MPI can do (docs/cluster.md, "What each MPI needs"):
    // - The node's shared window, when it already holds the segment on every PE of the job. A
    //   second window over the same memory would add nothing, and a created one is what Open MPI
    //   cannot serve on one node (mpi_traits::created_window_serves_one_node).
    // - No window for a job of one PE: nothing is remote, every access is direct (route()).
    // - Otherwise (PEs on several nodes) a window created over our copy, as MPI-3 allows over any
    //   memory: MPICH serves it everywhere; Open MPI needs osc/ucx or an RDMA-capable BTL across
    //   nodes (Debian's build, with osc/ucx and osc/pt2pt disabled, has none over TCP).
    // - On MPICH, a created window too when puts and gets go through MPI on one node
    //   (OSHMPI_TRANSPORT=mpi): MPICH 4.0.2 (ch4:ucx) serves RMA on a shared window by active
    //   messages that the target must poll for, and on a created one through UCX without the
    //   target. 16 MiB MPI_Rget at 4 ranks on 2 cores: 310 MB/s per rank on the shared window,
    //   3075 MB/s on a created one (raw MPI; the suite's unit/bigget took 10x as long).
    int comm_size = 0;
    OSHMPI_MPI(MPI_Comm_size(comm, &comm_size));
    const runtime* rt = current_runtime();
    // (At 1 PE nothing is remote; the shared window stays, as on the default transport.)
    const bool shared_serves_rma = !mpi_traits::created_window_serves_one_node || rt == nullptr ||
                                   rt->rma_in_shared_memory || comm_size == 1;
    if (shared_serves_rma && seg.shared_win != MPI_WIN_NULL && !seg.shared_start.empty() &&
        spans(seg.shared_win, comm)) {
        seg.win = seg.shared_win;
        seg.win_start = seg.shared_start;
    } else if (comm_size == 1) {
        return;
    } else {
        MPI_Info info;
        OSHMPI_MPI(MPI_Info_create(&info));
        // SHMEM gives no ordering between AMOs without fence/quiet, so let MPI reorder accumulates.
        OSHMPI_MPI(MPI_Info_set(info, "accumulate_ordering", "none"));
        OSHMPI_MPI(MPI_Info_set(info, "same_size", "true"));
        OSHMPI_MPI(MPI_Info_set(info, "same_disp_unit", "true"));
        int rc = MPI_Win_create(seg.base, static_cast<MPI_Aint>(seg.size), 1, info, comm, &seg.win);
        MPI_Info_free(&info);
        OSHMPI_MPI(rc);
        OSHMPI_MPI(MPI_Win_set_errhandler(seg.win, MPI_ERRORS_RETURN));
        seg.win_start.clear();
    }

    int* model = nullptr;
    int found = 0;
    OSHMPI_MPI(MPI_Win_get_attr(seg.win, MPI_WIN_MODEL, &model, &found));
    if (!found || *model != MPI_WIN_UNIFIED)
        fail(errc::mpi_failure, "this MPI offers only the separate memory model for RMA windows; "
                                "oshmpi-cpp needs MPI_WIN_UNIFIED");
    // A borrowed shared window is in its owner's epoch already.
    if (seg.win != seg.shared_win || seg.owns_shared_win) OSHMPI_MPI(MPI_Win_lock_all(MPI_MODE_NOCHECK, seg.win));
}

void release_windows(segment& seg)
{
    if (seg.win != MPI_WIN_NULL) {
        if (seg.win != seg.shared_win) {
            MPI_Win_unlock_all(seg.win);
            MPI_Win_free(&seg.win);
        } else if (seg.owns_shared_win) {
            MPI_Win_unlock_all(seg.win);
        }
        seg.win = MPI_WIN_NULL;
    }
    if (seg.shared_win != MPI_WIN_NULL && seg.owns_shared_win) MPI_Win_free(&seg.shared_win);
    seg.shared_win = MPI_WIN_NULL;
}

} // namespace oshmpi::detail
