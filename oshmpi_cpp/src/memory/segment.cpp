#include "memory/segment.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace oshmpi::detail {

segment_table& segments()
{
    static segment_table table;
    return table;
}

std::unique_ptr<segment> segment_table::remove(const segment* seg)
{
    auto it = std::find_if(segments_.begin(), segments_.end(),
                           [seg](const auto& owned) { return owned.get() == seg; });
    if (it == segments_.end()) return nullptr;
    auto owned = std::move(*it);
    segments_.erase(it);
    return owned;
}

void expose(segment& seg, MPI_Comm comm)
{
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

    int* model = nullptr;
    int found = 0;
    OSHMPI_MPI(MPI_Win_get_attr(seg.win, MPI_WIN_MODEL, &model, &found));
    if (!found || *model != MPI_WIN_UNIFIED)
        fail(errc::mpi_failure, "this MPI offers only the separate memory model for RMA windows; "
                                "oshmpi-cpp needs MPI_WIN_UNIFIED");
    OSHMPI_MPI(MPI_Win_lock_all(MPI_MODE_NOCHECK, seg.win));
}

void release_windows(segment& seg)
{
    if (seg.win != MPI_WIN_NULL) {
        MPI_Win_unlock_all(seg.win);
        MPI_Win_free(&seg.win);
    }
    if (seg.shared_win != MPI_WIN_NULL) MPI_Win_free(&seg.shared_win);
}

} // namespace oshmpi::detail
