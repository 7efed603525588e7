#include "teams/node_collectives.hpp"

#include <algorithm>
#include <atomic>
#include <climits>
#include <cstdint>
#include <cstring>
#include <vector>

#include "core/error.hpp"
#include "core/node_barrier.hpp"
#include "core/shared_flag.hpp"
#include "memory/segment.hpp"
#include "teams/checks.hpp"

namespace oshmpi::detail::node_coll {

namespace {

using node_area::slot_view;

const slot_view& slot_of(const team& t, int member) noexcept
{
    return t.shm_member[static_cast<std::size_t>(member)];
}

// Where member `m`'s copy of the symmetric `address` is mapped here.
template <class T>
T* at_member(const team& t, const segment& seg, T* address, int m) noexcept
{
    auto offset = reinterpret_cast<const char*>(address) - seg.base;
    return reinterpret_cast<T*>(seg.peer_base[static_cast<std::size_t>(t.world_pe[static_cast<std::size_t>(m)])] +
                                offset);
}

const segment& segment_of(const void* address) noexcept
{
    return *segments().find(address, 0);
}

// Member my_pe + k (0 < k < n_pes), wrapping around: without a division, which costs more here than
// the rest of picking a line.
int member_after(const team& t, int k) noexcept
{
    int m = t.my_pe + k;
    return m < t.n_pes ? m : m - t.n_pes;
}

// Raises our flag in member `m`'s slot: our part of flag round `epoch` has reached it.
void signal(const team& t, int m, std::uint32_t epoch) noexcept
{
    raise(slot_of(t, m).flag_from(t.my_pe), epoch);
}

// Waits until member `m` has raised its flag in our slot to `epoch`.
void wait_for(const team& t, int m, std::uint32_t epoch)
{
    await(slot_of(t, t.my_pe).flag_from(m), epoch);
}

// Waits until every other member has raised its flag in our slot to `epoch`. Every member raises
// its flags of a round before it waits for any (await_all's condition).
void wait_for_all(const team& t, std::uint32_t epoch)
{
    await_all(t.shm_flags_in, epoch);
}

void signal_all(const team& t, std::uint32_t epoch) noexcept
{
    for (int k = 1; k < t.n_pes; ++k) signal(t, member_after(t, k), epoch);
}

// The first half of a carrying round: our `nbytes` of `payload` into our carrier flag in every
// other member's slot, raised quietly; finish_carrying (after our waits) wakes sleepers.
void carry_to_all(const team& t, unsigned parity, const void* payload, std::size_t nbytes,
                  std::uint32_t epoch) noexcept
{
    for (int k = 1; k < t.n_pes; ++k) {
        shared_flag& line = slot_of(t, member_after(t, k)).carrier_from(parity, t.my_pe);
        if (nbytes != 0) std::memcpy(line.payload, payload, nbytes);
        raise_quietly(line, epoch);
    }
}

// Waits until every other member's carrier flag in our slot reaches `epoch` (each raises all its
// carriers before it waits: await_all's condition).
void await_carriers(const team& t, unsigned parity, std::uint32_t epoch)
{
    await_all(t.shm_carriers_in[parity], epoch);
}

// Member `m`'s payload in our slot, once await_carriers has returned.
const unsigned char* carried_from(const team& t, unsigned parity, int m) noexcept
{
    return slot_of(t, t.my_pe).carrier_from(parity, m).payload;
}

// Deferring the wake-ups to here is safe: every member raises all its carrier flags before it
// waits for any, so our waits never depend on a member that sleeps on one of ours.
void finish_carrying(const team& t, unsigned parity) noexcept
{
    std::atomic_thread_fence(std::memory_order_seq_cst);
    for (int k = 1; k < t.n_pes; ++k)
        wake_if_sleeping(slot_of(t, member_after(t, k)).carrier_from(parity, t.my_pe));
}

// Rings (small broadcasts). The root of broadcast number c puts the data in line c of every other
// member's ring and goes on; each member copies it from there into its own dest and then raises
// its "taken" flag to c. So a root never waits for its members, except when it would overwrite a
// line some member has not taken in yet (ring_lines broadcasts ahead of it): back-to-back
// broadcasts pipeline, and with more PEs than cores a root runs a whole ring ahead in one time
// slice instead of waiting for a context switch per call. shm_ring_taken caches the least count
// seen, so the root reads the members' flags about once per ring, not once per call.
void await_taken(team& t, std::uint32_t count)
{
    if (reached(t.shm_ring_taken, count)) return;
    std::uint32_t least = t.shm_rung;
    for (int k = 1; k < t.n_pes; ++k) {
        shared_flag& taken = slot_of(t, member_after(t, k)).broadcasts_taken();
        await(taken, count);
        const std::uint32_t seen = taken.sequence.load(std::memory_order_acquire);
        if (!reached(seen, least)) least = seen;
    }
    t.shm_ring_taken = least;
}

// Before a collective writes into other members' memory directly: each must have copied every
// earlier broadcast out of its ring, or its late copy could overwrite what we write (a program
// may broadcast into a buffer and then, say, alltoall into it with no synchronization between).
void await_rings_taken(team& t)
{
    await_taken(t, t.shm_rung);
}

void broadcast_in_rings(team& t, void* dest, const void* source, std::size_t nbytes, int root, bool write_root_dest)
{
    const std::uint32_t count = ++t.shm_rung;
    const slot_view& mine = slot_of(t, t.my_pe);
    if (t.my_pe == root) {
        await_taken(t, count - node_area::ring_lines);
        for (int k = 1; k < t.n_pes; ++k) {
            shared_flag& line = slot_of(t, member_after(t, k)).ring_line(count);
            if (nbytes != 0) std::memcpy(line.payload, source, nbytes);
            raise_quietly(line, count);
        }
        if (write_root_dest && dest != source && nbytes != 0) std::memmove(dest, source, nbytes);
        raise_quietly(mine.broadcasts_taken(), count);
        // One fence for all the lines: a member asleep on one of them is woken (shared_flag.hpp).
        std::atomic_thread_fence(std::memory_order_seq_cst);
        for (int k = 1; k < t.n_pes; ++k) wake_if_sleeping(slot_of(t, member_after(t, k)).ring_line(count));
        wake_if_sleeping(mine.broadcasts_taken());
        return;
    }
    shared_flag& line = mine.ring_line(count);
    await(line, count);
    if (nbytes != 0) std::memcpy(dest, line.payload, nbytes);
    raise(mine.broadcasts_taken(), count);
}

// inout = in (op) inout, over `count` elements: our own step if fold.hpp has one, else MPI's
// operator.
void reduce_local(const void* in, void* inout, std::size_t count, const reduction& r)
{
    if (r.fold != nullptr) {
        r.fold(in, inout, count);
        return;
    }
    const MPI_Datatype type = r.type;
    const std::size_t elem_size = r.elem_size;
    const MPI_Op op = r.op;
    constexpr std::size_t most = INT_MAX;
    for (std::size_t done = 0; done < count; done += most) {
        int piece = static_cast<int>(std::min(most, count - done));
        OSHMPI_MPI(MPI_Reduce_local(static_cast<const char*>(in) + done * elem_size,
                                    static_cast<char*>(inout) + done * elem_size, piece, type, op));
    }
}

} // namespace

bool usable(const team& t, const void* first, const void* second) noexcept
{
    if (t.n_pes == 1) return true;
    if (t.shm_slot < 0) return false;
    for (const void* address : {first, second}) {
        if (address == nullptr) continue;
        const segment* seg = segments().find(address, 0);
        if (seg == nullptr) return false;
        for (int pe : t.world_pe)
            if (seg->peer_base[static_cast<std::size_t>(pe)] == nullptr) return false;
    }
    return true;
}

void broadcast(team& t, void* dest, const void* source, std::size_t nbytes, int root, bool write_root_dest)
{
    if (t.n_pes > 1 && nbytes <= node_area::carried_bytes) {
        broadcast_in_rings(t, dest, source, nbytes, root, write_root_dest);
        return;
    }
    if (t.my_pe == root) {
        if (t.n_pes > 1) {
            await_rings_taken(t);
            const std::uint32_t epoch = ++t.shm_epoch;
            const segment* seg = nbytes != 0 ? &segment_of(dest) : nullptr;
            for (int k = 1; k < t.n_pes; ++k) {
                int m = (root + k) % t.n_pes;
                if (nbytes != 0) std::memcpy(at_member(t, *seg, dest, m), source, nbytes);
                signal(t, m, epoch);
            }
        }
        if (write_root_dest && dest != source && nbytes != 0) std::memmove(dest, source, nbytes);
        return;
    }
    wait_for(t, root, ++t.shm_epoch);
}

void fcollect(team& t, void* dest, const void* source, std::size_t nbytes)
{
    const std::size_t my_offset = static_cast<std::size_t>(t.my_pe) * nbytes;
    if (nbytes != 0) std::memcpy(static_cast<char*>(dest) + my_offset, source, nbytes);
    if (t.n_pes == 1) return;
    const std::uint32_t epoch = ++t.shm_epoch;
    if (nbytes <= node_area::carried_bytes) {
        // Our block rides in the line of the flag that announces it; each member copies the
        // others' blocks into its own dest, so no dest line is written by two members.
        const unsigned parity = t.shm_carried++ & 1U;
        carry_to_all(t, parity, source, nbytes, epoch);
        await_carriers(t, parity, epoch);
        for (int k = 1; k < t.n_pes && nbytes != 0; ++k) {
            int m = member_after(t, k);
            std::memcpy(static_cast<char*>(dest) + static_cast<std::size_t>(m) * nbytes, carried_from(t, parity, m),
                        nbytes);
        }
        finish_carrying(t, parity);
        return;
    }
    await_rings_taken(t);
    const segment* seg = nbytes != 0 ? &segment_of(dest) : nullptr;
    for (int k = 1; k < t.n_pes; ++k) {
        int m = member_after(t, k);
        if (nbytes != 0) std::memcpy(at_member(t, *seg, static_cast<char*>(dest), m) + my_offset, source, nbytes);
        signal(t, m, epoch);
    }
    wait_for_all(t, epoch);
}

void collect(team& t, void* dest, const void* source, std::size_t nbytes, const char* routine)
{
    if (t.n_pes == 1) {
        check_symmetric(dest, nbytes, "dest", routine);
        check_disjoint(dest, nbytes, source, nbytes, routine);
        if (nbytes != 0) std::memcpy(dest, source, nbytes);
        return;
    }
    const auto n = static_cast<std::size_t>(t.n_pes);
    const slot_view& mine = slot_of(t, t.my_pe);
    // Round one: every member's size, into every member's slot.
    const std::uint32_t sizes_known = ++t.shm_epoch;
    mine.size_from(t.my_pe) = nbytes;
    for (int k = 1; k < t.n_pes; ++k) {
        int m = member_after(t, k);
        slot_of(t, m).size_from(t.my_pe) = nbytes;
        signal(t, m, sizes_known);
    }
    wait_for_all(t, sizes_known);
    std::size_t offset = 0, total = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (static_cast<int>(i) == t.my_pe) offset = total;
        total += mine.size_from(static_cast<int>(i));
    }
    // Every member sees the same sizes, so all throw alike (the next collective's rounds follow
    // this one's on every member).
    check_symmetric(dest, total, "dest", routine);
    check_disjoint(dest, total, source, nbytes, routine);

    // Round two: the data.
    const std::uint32_t data_in = ++t.shm_epoch;
    if (nbytes != 0) std::memcpy(static_cast<char*>(dest) + offset, source, nbytes);
    const segment* seg = total != 0 ? &segment_of(dest) : nullptr;
    for (int k = 1; k < t.n_pes; ++k) {
        int m = member_after(t, k);
        if (nbytes != 0) std::memcpy(at_member(t, *seg, static_cast<char*>(dest), m) + offset, source, nbytes);
        signal(t, m, data_in);
    }
    wait_for_all(t, data_in);
}

void alltoall(team& t, void* dest, const void* source, std::size_t nbytes)
{
    const auto* from = static_cast<const char*>(source);
    const std::size_t my_offset = static_cast<std::size_t>(t.my_pe) * nbytes;
    if (nbytes != 0) std::memcpy(static_cast<char*>(dest) + my_offset, from + my_offset, nbytes);
    if (t.n_pes == 1) return;
    await_rings_taken(t);
    const std::uint32_t epoch = ++t.shm_epoch;
    const segment* seg = nbytes != 0 ? &segment_of(dest) : nullptr;
    for (int k = 1; k < t.n_pes; ++k) {
        int m = member_after(t, k);
        if (nbytes != 0)
            std::memcpy(at_member(t, *seg, static_cast<char*>(dest), m) + my_offset,
                        from + static_cast<std::size_t>(m) * nbytes, nbytes);
        signal(t, m, epoch);
    }
    wait_for_all(t, epoch);
}

void alltoalls(team& t, void* dest, const void* source, std::ptrdiff_t dst, std::ptrdiff_t sst, std::size_t elem_size,
               std::size_t nelems)
{
    const auto* from = static_cast<const char*>(source);
    const std::size_t source_step = static_cast<std::size_t>(sst) * elem_size;
    const std::size_t dest_step = static_cast<std::size_t>(dst) * elem_size;
    // Block j of a buffer: nelems elements `stride` apart, starting at element j * nelems * stride.
    auto copy_block = [&](char* to_dest, int m) {
        const char* in = from + static_cast<std::size_t>(m) * nelems * source_step;
        char* out = to_dest + static_cast<std::size_t>(t.my_pe) * nelems * dest_step;
        for (std::size_t k = 0; k < nelems; ++k) std::memcpy(out + k * dest_step, in + k * source_step, elem_size);
    };
    if (nelems != 0) copy_block(static_cast<char*>(dest), t.my_pe);
    if (t.n_pes == 1) return;
    await_rings_taken(t);
    const std::uint32_t epoch = ++t.shm_epoch;
    const segment* seg = nelems != 0 ? &segment_of(dest) : nullptr;
    for (int k = 1; k < t.n_pes; ++k) {
        int m = member_after(t, k);
        if (nelems != 0) copy_block(at_member(t, *seg, static_cast<char*>(dest), m), m);
        signal(t, m, epoch);
    }
    wait_for_all(t, epoch);
}

void reduce(team& t, const reduction& r, void* dest, const void* source, std::size_t nreduce)
{
    const std::size_t elem_size = r.elem_size;
    const std::size_t nbytes = nreduce * elem_size;
    if (t.n_pes == 1) {
        if (dest != source && nbytes != 0) std::memcpy(dest, source, nbytes);
        return;
    }
    if (nbytes <= node_area::carried_bytes) {
        // Carried: our source rides in the line of the flag that announces it to each member;
        // every member folds all of them, in team order, and writes dest last (dest may be
        // source). Our own part is the copy we send: once a member has it, it may write into our
        // source (as a program may, after that member's reduction returned), and we read no more.
        const std::uint32_t epoch = ++t.shm_epoch;
        const unsigned parity = t.shm_carried++ & 1U;
        alignas(16) unsigned char own[node_area::carried_bytes];
        if (nbytes != 0) std::memcpy(own, source, nbytes);
        carry_to_all(t, parity, nbytes != 0 ? own : source, nbytes, epoch);
        await_carriers(t, parity, epoch);
        auto part = [&](int m) -> const void* { return m == t.my_pe ? own : carried_from(t, parity, m); };
        if (nbytes != 0) {
            alignas(16) unsigned char result[node_area::carried_bytes];
            std::memcpy(result, part(0), nbytes);
            for (int m = 1; m < t.n_pes; ++m) reduce_local(part(m), result, nreduce, r);
            std::memcpy(dest, result, nbytes);
        }
        finish_carrying(t, parity);
        return;
    }
    if (nbytes <= node_area::stage_bytes) {
        // Staged: our source into every member's staging buffer (ours too), then each member
        // reduces all of them, in team order, into its dest.
        const std::uint32_t epoch = ++t.shm_epoch;
        const unsigned parity = t.shm_staged++ & 1U;
        for (int k = 0; k < t.n_pes; ++k) {
            int m = member_after(t, k);
            if (nbytes != 0) std::memcpy(slot_of(t, m).stage(parity, t.my_pe), source, nbytes);
            if (m != t.my_pe) signal(t, m, epoch);
        }
        wait_for_all(t, epoch);
        if (nbytes == 0) return;
        const slot_view& mine = slot_of(t, t.my_pe);
        std::memcpy(dest, mine.stage(parity, 0), nbytes);
        for (int m = 1; m < t.n_pes; ++m) reduce_local(mine.stage(parity, m), dest, nreduce, r);
        return;
    }

    // In place over the members' buffers: round one says every member's source is readable and
    // its dest writable; member m then reduces chunk m of every source and writes the result into
    // chunk m of every dest; round two says it is done, so no source is read after its owner
    // returns. In place (dest == source) is safe: chunk m of any buffer is read and written by
    // member m alone, and it reads before it writes.
    const std::uint32_t all_in = ++t.shm_epoch;
    const std::uint32_t all_done = ++t.shm_epoch;
    signal_all(t, all_in);
    wait_for_all(t, all_in);

    const auto n = static_cast<std::size_t>(t.n_pes);
    // Chunks of whole cache lines where the type allows, so members write disjoint lines.
    const std::size_t grain = std::max<std::size_t>(1, cache_line / elem_size);
    const std::size_t chunk = ((nreduce + n - 1) / n + grain - 1) / grain * grain;
    const std::size_t first = std::min(nreduce, static_cast<std::size_t>(t.my_pe) * chunk);
    const std::size_t count = std::min(nreduce, first + chunk) - first;
    if (count != 0) {
        const segment& dest_seg = segment_of(dest);
        const segment& source_seg = segment_of(source);
        const std::size_t at = first * elem_size;
        char* result = static_cast<char*>(dest) + at;
        if (dest != source) std::memcpy(result, static_cast<const char*>(source) + at, count * elem_size);
        for (int m = 0; m < t.n_pes; ++m)
            if (m != t.my_pe)
                reduce_local(at_member(t, source_seg, static_cast<const char*>(source), m) + at, result, count,
                             r);
        for (int k = 1; k < t.n_pes; ++k) {
            int m = member_after(t, k);
            std::memcpy(at_member(t, dest_seg, static_cast<char*>(dest), m) + at, result, count * elem_size);
        }
    }
    signal_all(t, all_done);
    wait_for_all(t, all_done);
}

void reduce_into_first(team& t, MPI_Op op, MPI_Datatype type, std::size_t elem_size, void* dest,
                       const void* source, std::size_t nreduce)
{
    const std::size_t nbytes = nreduce * elem_size;
    if (t.n_pes == 1) {
        if (dest != source && nbytes != 0) std::memcpy(dest, source, nbytes);
        return;
    }
    const std::uint32_t all_in = ++t.shm_epoch;
    if (t.my_pe != 0) {
        signal(t, 0, all_in);
        return;
    }
    // Member 0 reads the sources in place, in the order of node_coll::reduce's staged form:
    // dest = s[n-1] op (... op (s[1] op s[0])).
    if (nbytes != 0 && dest != source) std::memcpy(dest, source, nbytes);
    wait_for_all(t, all_in);
    if (nbytes == 0) return;
    const segment& seg = segment_of(source);
    for (int m = 1; m < t.n_pes; ++m)
        reduce_local(at_member(t, seg, static_cast<const char*>(source), m), dest, nreduce,
                     {op, type, elem_size, nullptr});
}

void gather_into_first(team& t, void* dest, const void* source, std::size_t nbytes, std::size_t offset)
{
    if (t.n_pes > 1) await_rings_taken(t);
    char* first = static_cast<char*>(dest);
    if (t.my_pe != 0 && nbytes != 0) first = at_member(t, segment_of(dest), first, 0);
    if (nbytes != 0) std::memcpy(first + offset, source, nbytes);
    if (t.n_pes == 1) return;
    const std::uint32_t all_in = ++t.shm_epoch;
    if (t.my_pe != 0) signal(t, 0, all_in);
    else wait_for_all(t, all_in);
}

void sync(team& t)
{
    if (t.n_pes == 1) {
        std::atomic_thread_fence(std::memory_order_seq_cst);
        return;
    }
    if (t.n_pes <= flat_barrier_most_pes) {
        // Flat, as the node barrier (core/node_barrier.hpp): one round.
        const std::uint32_t epoch = ++t.shm_epoch;
        signal_all(t, epoch);
        wait_for_all(t, epoch);
        return;
    }
    // Dissemination: in round r we signal member me + 2^r and wait for member me - 2^r. The writers
    // of our flags differ from round to round (distinct powers of two below n differ modulo n).
    for (int distance = 1; distance < t.n_pes; distance *= 2) {
        const std::uint32_t epoch = ++t.shm_epoch;
        signal(t, member_after(t, distance), epoch);
        wait_for(t, (t.my_pe - distance + t.n_pes) % t.n_pes, epoch);
    }
}

} // namespace oshmpi::detail::node_coll
