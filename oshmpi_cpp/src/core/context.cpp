// Communication contexts: creation on the world or on a team, the pool of MPI windows that lets a
// context's quiet complete only its own operations, and quiet itself.
//
// Context creation is not collective, but MPI window creation is; so init creates a small pool of
// windows over the heap (OSHMPI_CTX_WINDOWS of them), and creation hands one out under a lock.
// When the pool is empty, or when every PE is reached through shared memory (no window needed at
// all), a context shares the segments' default windows: legal, its quiet then completes more than
// its own operations. So context creation never fails for lack of windows.
#include "core/context.hpp"

#include <algorithm>
#include <atomic>
#include <memory>
#include <new>
#include <utility>

#include "core/error.hpp"
#include "core/runtime.hpp"
#include "memory/heap.hpp"
#include "ops/deferred_signal.hpp"
#include "teams/team.hpp"
#include "transport/mpi_rma.hpp"

namespace oshmpi {

namespace detail {

namespace {

struct window_pool {
    std::mutex lock; // guards everything below
    const segment* seg = nullptr; // the heap the windows cover
    std::vector<MPI_Win> windows;
    std::vector<bool> in_use;
    std::vector<context*> live; // every created context not yet destroyed
};

window_pool& pool()
{
    static window_pool& the_pool = *new window_pool; // never destroyed: see core/setup.cpp
    return the_pool;
}

// How many contexts are alive, read without the lock so that barrier_all with no contexts stays
// cheap.
std::atomic<int> live_contexts{0};

constexpr long every_option = ctx_serialized | ctx_private | ctx_nostore;

void take_window(context& ctx)
{
    window_pool& p = pool();
    for (std::size_t slot = 0; slot < p.windows.size(); ++slot) {
        if (p.in_use[slot]) continue;
        p.in_use[slot] = true;
        ctx.pool_slot = static_cast<int>(slot);
        ctx.own_segment = p.seg;
        ctx.own_window = p.windows[slot];
        return;
    }
}

// Frees storage of nonblocking AMOs once a flush has completed them.
void release_operands(std::deque<std::array<std::byte, 16>>& operands)
{
    std::deque<std::array<std::byte, 16>>().swap(operands);
}

} // namespace

[[noreturn]] void throw_team_pe(const char* routine, const context& ctx, int pe)
{
    fail(errc::invalid_pe, "%s: PE %d is out of range [0, %d) of the context's team", routine, pe,
         ctx.team_n_pes);
}

void quiet_context(context& ctx)
{
    // Signals first: delivering one flushes its data, and the signal's own completion is part of it.
    complete_deferred_signals(ctx);
    if (!ctx.nbi_outstanding.load(std::memory_order_acquire)) {
        mpi_rma::flush(ctx);
    } else if (ctx.shared_between_threads()) {
        // Take the operands under the lock, flush, then free them: any operation whose operands we
        // took was issued before we took them, so the flush completes it.
        std::deque<std::array<std::byte, 16>> taken;
        {
            std::lock_guard<std::mutex> guard(ctx.nbi_lock);
            taken.swap(ctx.nbi_operands);
            ctx.nbi_outstanding.store(false, std::memory_order_relaxed);
        }
        mpi_rma::flush(ctx);
    } else {
        mpi_rma::flush(ctx);
        ctx.nbi_outstanding.store(false, std::memory_order_relaxed);
        release_operands(ctx.nbi_operands);
    }
    // Shared-memory stores were complete when issued; the fence makes them visible in order.
    const runtime* rt = current_runtime();
    if (rt == nullptr) std::atomic_thread_fence(std::memory_order_seq_cst);
    else fence_for_node_peers(*rt);
}

void quiet_all_contexts()
{
    quiet_context(default_context());
    if (live_contexts.load(std::memory_order_acquire) == 0) return;
    window_pool& p = pool();
    std::lock_guard<std::mutex> guard(p.lock);
    for (context* ctx : p.live) {
        // A private or serialized context may be in use by its thread right now: complete its
        // operations, but leave its operand storage to that thread's next quiet.
        if (ctx->shared_between_threads()) {
            quiet_context(*ctx);
        } else {
            complete_deferred_signals(*ctx);
            mpi_rma::flush_from_other_thread(*ctx);
        }
    }
}

void create_context_pool(runtime& rt)
{
    window_pool& p = pool();
    std::lock_guard<std::mutex> guard(p.lock);
    p.seg = heap().seg;
    // Collective, and every PE agrees: amo_in_shared_memory was reduced over the world. When it
    // holds, every put, get and AMO goes through shared memory and contexts need no windows.
    // Nor can they have any when the heap's window is the node's shared window (one node): a second
    // shared window would be new memory, and a created one over the same memory is what Open MPI
    // cannot serve there (mpi_traits::created_window_serves_one_node). With one PE there is no
    // window at all.
    if (rt.amo_in_shared_memory || p.seg->win == MPI_WIN_NULL || p.seg->win == p.seg->shared_win) return;
    // One node with the MPI transport forced, where MPICH's heap window is a created one too
    // (expose()): contexts share it as they share the shared window, since each window more over
    // the heap costs start-up time (UCX registers the heap again: 8 of them took ~0.4 s at 4 PEs
    // on 2 cores, a fifth of a small program's run) and one node has no network to spread over.
    if (rt.node_pes == rt.n_pes) return;
    for (std::size_t i = 0; i < rt.env.ctx_windows; ++i) {
        segment view; // a second window over the same memory (MPI allows overlapping windows)
        view.base = p.seg->base;
        view.size = p.seg->size;
        expose(view, rt.world);
        p.windows.push_back(view.win);
        p.in_use.push_back(false);
    }
}

void destroy_context_pool()
{
    window_pool& p = pool();
    std::vector<context*> leftovers;
    {
        std::lock_guard<std::mutex> guard(p.lock);
        leftovers.swap(p.live);
    }
    // Contexts the program did not destroy die with the runtime; their operations were completed
    // by finalize's quiet_all_contexts.
    for (context* ctx : leftovers) delete ctx;
    live_contexts.store(0, std::memory_order_release);
    std::lock_guard<std::mutex> guard(p.lock);
    for (MPI_Win& win : p.windows) {
        MPI_Win_unlock_all(win);
        MPI_Win_free(&win);
    }
    p.windows.clear();
    p.in_use.clear();
    p.seg = nullptr;
    context& fallback = default_context();
    release_operands(fallback.nbi_operands);
    fallback.nbi_outstanding.store(false, std::memory_order_relaxed);
    fallback.pending.reset(); // its windows are gone; handles may be reused by the next init
    fallback.session = session_state{};
}

context* create_context(const char* routine, team* t, long options)
{
    runtime& rt = state(routine);
    if ((options & ~every_option) != 0)
        fail(errc::invalid_argument,
             "%s: options 0x%lx hold bits other than CTX_SERIALIZED, CTX_PRIVATE and CTX_NOSTORE", routine,
             options);
    std::unique_ptr<context> ctx;
    try {
        ctx = std::make_unique<context>();
    } catch (const std::bad_alloc&) {
        fail(errc::out_of_resources, "%s: no memory for another context", routine);
    }
    ctx->options = options;
    if (t != nullptr) {
        const team& members = *t;
        ctx->owner = t;
        bool identity = members.n_pes == rt.n_pes;
        for (int i = 0; identity && i < members.n_pes; ++i) identity = members.world_pe[static_cast<std::size_t>(i)] == i;
        // A team that numbers PEs as the world does keeps the fast path (no translation).
        if (!identity) {
            ctx->team_world_pe = members.world_pe;
            ctx->world_pe_of = ctx->team_world_pe.data();
            ctx->team_n_pes = members.n_pes;
        }
    }
    window_pool& p = pool();
    std::lock_guard<std::mutex> guard(p.lock);
    take_window(*ctx);
    p.live.push_back(ctx.get());
    live_contexts.fetch_add(1, std::memory_order_release);
    return ctx.release();
}

} // namespace detail

context& default_context()
{
    static context& the_default = *new context; // never destroyed: see core/setup.cpp
    return the_default;
}

context* ctx_create(long options)
{
    return detail::create_context("ctx_create", nullptr, options);
}

context* team_create_ctx(team* t, long options)
{
    team& checked = detail::check_team(t, "team_create_ctx");
    return detail::create_context("team_create_ctx", &checked, options);
}

void ctx_destroy(context* ctx)
{
    using namespace detail;
    state("ctx_destroy");
    if (ctx == nullptr) fail(errc::invalid_argument, "ctx_destroy: the context is invalid (null)");
    if (ctx == &default_context()) fail(errc::invalid_argument, "ctx_destroy: the default context cannot be destroyed");
    window_pool& p = pool();
    {
        std::lock_guard<std::mutex> guard(p.lock);
        if (std::find(p.live.begin(), p.live.end(), ctx) == p.live.end())
            fail(errc::invalid_argument, "ctx_destroy: %p is not a live context (destroyed twice?)",
                 static_cast<void*>(ctx));
    }
    // The spec's implicit quiet: nonblocking operations on a destroyed context could never complete.
    quiet_context(*ctx);
    std::lock_guard<std::mutex> guard(p.lock);
    p.live.erase(std::find(p.live.begin(), p.live.end(), ctx));
    if (ctx->pool_slot >= 0) p.in_use[static_cast<std::size_t>(ctx->pool_slot)] = false;
    live_contexts.fetch_sub(1, std::memory_order_release);
    delete ctx;
}

bool context_is_live(const context* ctx)
{
    using namespace detail;
    if (ctx == nullptr) return false;
    if (ctx == &default_context()) return true;
    window_pool& p = pool();
    std::lock_guard<std::mutex> guard(p.lock);
    return std::find(p.live.begin(), p.live.end(), ctx) != p.live.end();
}

void ctx_session_start(context& ctx, long options, const session_config* config, long config_mask)
{
    detail::state("ctx_session_start");
    if ((config_mask & ctx_session_total_ops) != 0 && config == nullptr)
        detail::fail(errc::invalid_argument, "ctx_session_start: config is null but the mask selects total_ops");
    std::lock_guard<std::mutex> guard(ctx.nbi_lock); // a shared context may be hinted from several threads
    session_state& s = ctx.session;
    if (!s.active) s = session_state{true, 0, SIZE_MAX};
    s.options |= options;
    if ((config_mask & ctx_session_total_ops) != 0) s.total_ops = config->total_ops;
}

void ctx_session_stop(context& ctx)
{
    detail::state("ctx_session_stop");
    std::lock_guard<std::mutex> guard(ctx.nbi_lock);
    ctx.session = session_state{};
}

session_state ctx_session(const context& ctx)
{
    std::lock_guard<std::mutex> guard(const_cast<context&>(ctx).nbi_lock);
    return ctx.session;
}

team* ctx_get_team(const context* ctx)
{
    detail::state("ctx_get_team");
    if (ctx == nullptr) return nullptr; // the invalid context belongs to the invalid team
    return ctx->owner != nullptr ? ctx->owner : team_world();
}

} // namespace oshmpi
