#include "teams/node_area.hpp"

#include <cstring>
#include <memory>
#include <vector>

#include "core/error.hpp"
#include "core/progress.hpp"
#include "memory/heap.hpp"
#include "teams/team.hpp"

namespace oshmpi::detail::node_area {

namespace {

// Bytes before the slots: the node barrier's flags, then the whereabouts line.
constexpr std::size_t barrier_bytes = barrier_flag_count * sizeof(shared_flag);
constexpr std::size_t header_bytes = barrier_bytes + sizeof(whereabouts);
static_assert(header_bytes % 1024 == 0, "slots start on the boundaries they had before whereabouts");

struct areas {
    std::vector<char*> of_pe; // world PE -> its area mapped here (slots from header_bytes on), nullptr off this node
    std::vector<int> pes_here; // the world PEs whose areas are mapped here, in order
    std::size_t slot_bytes = 0;
    int node_size = 0;
    std::uint64_t free_slots = 0; // bit s set: slot s of our area is free
};

areas* the_areas = nullptr;

} // namespace

std::size_t bytes_needed(const runtime& rt) noexcept
{
    if (!rt.rma_in_shared_memory) return 0;
    return header_bytes + slot_view::bytes_for(static_cast<std::size_t>(rt.node_pes)) * max_slots;
}

void create(runtime& rt)
{
    if (the_areas != nullptr || !rt.rma_in_shared_memory) return;
    char* mine = heap_control_area(rt.my_pe);
    if (mine == nullptr) return; // the heap holds no room for us: MPI collectives
    auto made = std::make_unique<areas>();
    made->node_size = rt.node_pes;
    made->slot_bytes = slot_view::bytes_for(static_cast<std::size_t>(made->node_size));
    made->of_pe.assign(static_cast<std::size_t>(rt.n_pes), nullptr);
    for (int pe = 0; pe < rt.n_pes; ++pe) {
        made->of_pe[static_cast<std::size_t>(pe)] = heap_control_area(pe);
        if (made->of_pe[static_cast<std::size_t>(pe)] != nullptr) made->pes_here.push_back(pe);
    }
    // The node barrier's flags and our whereabouts are ours to zero. No PE raises a flag before
    // its first node barrier, which comes after attach(TEAM_WORLD): that attach's allreduce over
    // every PE of the node (the node barrier serves only jobs on one node) completes after every
    // PE has zeroed its flags here. A whereabouts read before that is only a stale hint.
    std::memset(mine, 0, header_bytes);
    made->free_slots = ~std::uint64_t{0};
    static_assert(max_slots == 64, "free_slots is one 64-bit mask");
    the_areas = made.release();
}

bool available() noexcept
{
    return the_areas != nullptr;
}

shared_flag* barrier_flags(int pe) noexcept
{
    if (the_areas == nullptr) return nullptr;
    return reinterpret_cast<shared_flag*>(the_areas->of_pe[static_cast<std::size_t>(pe)]);
}

std::span<const int> pes_here() noexcept
{
    if (the_areas == nullptr) return {};
    return the_areas->pes_here;
}

whereabouts* whereabouts_of(int pe) noexcept
{
    if (the_areas == nullptr) return nullptr;
    char* area = the_areas->of_pe[static_cast<std::size_t>(pe)];
    return area == nullptr ? nullptr : reinterpret_cast<whereabouts*>(area + barrier_bytes);
}

void destroy()
{
    if (the_areas == nullptr) return;
    delete the_areas; // the memory goes with the heap's window
    the_areas = nullptr;
}

void attach(team& t)
{
    if (the_areas == nullptr || t.n_pes < 2) return;
    // Every member computes the same answer: sharing a node is symmetric.
    for (int pe : t.world_pe)
        if (the_areas->of_pe[static_cast<std::size_t>(pe)] == nullptr) return;

    std::uint64_t free_everywhere = the_areas->free_slots;
    MPI_Request request;
    OSHMPI_MPI(MPI_Iallreduce(MPI_IN_PLACE, &free_everywhere, 1, MPI_UINT64_T, MPI_BAND, t.comm, &request));
    complete(request);
    if (free_everywhere == 0) return; // no slot free on every member: MPI collectives

    int slot = __builtin_ctzll(free_everywhere);
    the_areas->free_slots &= ~(std::uint64_t{1} << slot);
    t.shm_slot = slot;
    t.shm_epoch = 0;
    t.shm_staged = 0;
    t.shm_carried = 0;
    t.shm_rung = 0;
    t.shm_ring_taken = 0;
    t.shm_member.clear();
    for (int pe : t.world_pe)
        t.shm_member.emplace_back(the_areas->of_pe[static_cast<std::size_t>(pe)] + header_bytes +
                                      static_cast<std::size_t>(slot) * the_areas->slot_bytes,
                                  the_areas->node_size);
    const slot_view& mine = t.shm_member[static_cast<std::size_t>(t.my_pe)];
    for (auto* list : {&t.shm_flags_in, &t.shm_carriers_in[0], &t.shm_carriers_in[1]}) list->clear();
    for (int m = 0; m < t.n_pes; ++m) {
        if (m == t.my_pe) continue;
        const int writer = t.world_pe[static_cast<std::size_t>(m)];
        t.shm_flags_in.push_back({&mine.flag_from(m), writer});
        for (unsigned parity : {0U, 1U}) t.shm_carriers_in[parity].push_back({&mine.carrier_from(parity, m), writer});
    }
    // A slot may have served another team before: its flags hold that team's numbers. Zero ours,
    // and let nobody raise a flag here before every member has zeroed its own.
    std::memset(mine.base(), 0, the_areas->slot_bytes);
    mpi_barrier(t.comm);
}

void detach(team& t)
{
    if (t.shm_slot < 0 || the_areas == nullptr) return;
    the_areas->free_slots |= std::uint64_t{1} << t.shm_slot;
    t.shm_slot = -1;
    t.shm_member.clear();
    for (auto* list : {&t.shm_flags_in, &t.shm_carriers_in[0], &t.shm_carriers_in[1]}) list->clear();
}

} // namespace oshmpi::detail::node_area
