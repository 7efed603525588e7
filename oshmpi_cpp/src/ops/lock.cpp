// Distributed locks: an MCS queue lock packed into the user's symmetric `long`.
//
// The long is viewed as two 32-bit words on every PE:
//   tail  (word 0, used on PE 0 only): 1 + the PE at the end of the queue, or 0 when the lock is free;
//   link  (word 1, on each PE):        1 + the PE queued right behind this one (low 31 bits), plus
//                                      the `granted` bit set by the predecessor that hands over.
// A PE that finds a predecessor links itself into the predecessor's `link` and then spins on its
// own `link` word locally, so waiting costs no remote traffic, and the queue makes the lock fair
// (first come, first served). Every update of either word is an AMO through `detail::atomic`, so
// the one-mechanism-per-word rule holds whatever the transport; spins are local atomic loads.
#include <oshmpi/lock.hpp>

#include <cstdint>

#include <oshmpi/amo.hpp>
#include <oshmpi/order.hpp>
#include <oshmpi/p2p.hpp>

#include "core/error.hpp"
#include "core/runtime.hpp"
#include "memory/segment.hpp"

namespace oshmpi {

namespace {

using word = std::uint32_t;
static_assert(sizeof(long) == 2 * sizeof(word), "the queue lock packs two 32-bit words into a long");

constexpr int root_pe = 0;              // holds the queue's tail
constexpr word granted = word{1} << 31; // set in a waiter's link by the PE that hands it the lock
constexpr word successor_mask = granted - 1;

struct lock_words {
    word* tail;
    word* link;
};

// Checks the lock's address and splits it into its two words.
lock_words words_of(const char* routine, long* lock)
{
    detail::runtime& rt = detail::state(routine);
    if (lock == nullptr) detail::fail(errc::invalid_argument, "%s: lock is null", routine);
    if (reinterpret_cast<std::uintptr_t>(lock) % alignof(long) != 0)
        detail::fail(errc::invalid_argument, "%s: lock %p is not aligned to a long", routine,
                     static_cast<void*>(lock));
    if (detail::segments().find(lock, sizeof(long)) == nullptr)
        detail::fail(errc::not_symmetric, "%s: lock %p is not in symmetric memory", routine,
                     static_cast<void*>(lock));
    if (static_cast<long>(rt.n_pes) >= static_cast<long>(successor_mask))
        detail::fail(errc::invalid_argument, "%s: %d PEs exceed the lock's 31-bit PE field", routine,
                     rt.n_pes);
    auto base = reinterpret_cast<word*>(lock);
    return {base, base + 1};
}

word id_of(int pe)
{
    return static_cast<word>(pe) + 1;
}
int pe_of(word id)
{
    return static_cast<int>(id) - 1;
}

context& ctx()
{
    return default_context();
}

// Our link word: remote PEs change it through AMOs, we read it with acquire loads.
word wait_for_link(const word* link, word mask)
{
    detail::backoff backoff;
    for (;;) {
        word value = detail::load_acquire(link);
        if ((value & mask) != 0) return value;
        backoff.pause();
    }
}

} // namespace

void set_lock(long* lock)
{
    lock_words w = words_of("set_lock", lock);
    int me = my_pe();
    // Our link is 0 here: it was reset when we last released (or never used).
    word predecessor = atomic_swap(ctx(), w.tail, id_of(me), root_pe);
    if (predecessor == 0) return; // the lock was free
    atomic_or(ctx(), w.link, id_of(me), pe_of(predecessor));
    wait_for_link(w.link, granted);
    // The predecessor quieted before granting, so its critical section's stores are visible; the
    // acquire load above orders our reads after the grant.
}

bool test_lock(long* lock)
{
    lock_words w = words_of("test_lock", lock);
    int me = my_pe();
    // Only an empty queue may be entered without waiting, so a failed test leaves no trace.
    if (atomic_compare_swap(ctx(), w.tail, word{0}, id_of(me), root_pe) == 0) return true;
    detail::backoff::after_failed_test(); // callers retry in a loop: let the holder run
    return false;
}

void clear_lock(long* lock)
{
    lock_words w = words_of("clear_lock", lock);
    int me = my_pe();
    // The critical section's puts, AMOs and stores complete before anyone else may enter.
    quiet();
    word link = detail::load_acquire(w.link);
    if ((link & successor_mask) == 0) {
        // No successor has linked in: if we are still the tail, the lock becomes free.
        if (atomic_compare_swap(ctx(), w.tail, id_of(me), word{0}, root_pe) == id_of(me)) {
            static_cast<void>(atomic_swap(ctx(), w.link, word{0}, me));
            return;
        }
        // A successor swapped itself into the tail but has not linked in yet.
        link = wait_for_link(w.link, successor_mask);
    }
    // Reset our link before handing over (nobody else writes it until we queue again), fetching so
    // the reset is complete before our next set_lock.
    static_cast<void>(atomic_swap(ctx(), w.link, word{0}, me));
    atomic_or(ctx(), w.link, granted, pe_of(link & successor_mask));
}

} // namespace oshmpi
