#include "transport/route.hpp"

#include "core/error.hpp"
#include "core/runtime.hpp"

namespace oshmpi::detail {

remote_address route(const char* routine, const void* address, std::size_t nbytes, int pe, access kind)
{
    runtime& rt = state(routine);
    check_pe(rt, routine, pe);
    segment* seg = segments().find(address, nbytes);
    if (seg == nullptr)
        fail(errc::not_symmetric,
             "%s: address %p (%zu bytes) is not in symmetric memory (allocate it with shmem_malloc "
             "or make it a global or static variable)",
             routine, address, nbytes);
    std::size_t offset = static_cast<std::size_t>(static_cast<const char*>(address) - seg->base);
    // A segment without a window belongs to a job of one PE: everything is ours, and direct.
    bool shared = kind == access::rma ? rt.rma_in_shared_memory
                                      : (rt.amo_in_shared_memory && seg->all_peers_mapped) || seg->win == MPI_WIN_NULL;
    // Our own copy is always plain memory for puts and gets (MPI also rejects overlapping local
    // ranges); atomics to ourselves still follow the one-mechanism-per-word rule.
    if (kind == access::rma && pe == rt.my_pe) shared = true;
    char* peer = shared ? seg->peer_base[static_cast<std::size_t>(pe)] : nullptr;
    std::size_t disp = seg->win_start.empty() ? offset
                                              : offset + static_cast<std::size_t>(seg->win_start[static_cast<std::size_t>(pe)]);
    return {seg, disp, pe, peer != nullptr ? peer + offset : nullptr};
}

} // namespace oshmpi::detail
