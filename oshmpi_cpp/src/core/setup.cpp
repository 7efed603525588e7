// init, finalize and the queries of OpenSHMEM 1.6 section 9.1.
//
// Repeated initialization (OpenSHMEM 1.6). Every init/init_thread must be matched by a finalize;
// init_depth counts the unmatched ones. A nested init returns the level already provided; a
// finalize that is not the last is a barrier_all; the last one tears the runtime down, and a later
// init builds a new one (heap, windows, teams, the C API's globals) from scratch.
//
// MPI cannot be initialized twice, so re-initialization needs MPI to outlive our finalize:
// - MPI that someone else initialized (mpi4py, the program) is never finalized by us; an
//   MPI_Finalize by its owner runs our teardown first (the MPI_COMM_SELF attribute below).
// - MPI that we initialized stays alive after our last finalize, and is finalized at process exit
//   by an atexit handler registered right after MPI_Init_thread (so it runs before the atexit
//   handlers MPI registered itself). Before that it finalizes a runtime the program never
//   finalized (returned from main, called exit, or the deprecated start_pes): see finish_at_exit.
// MPI sessions would let us finalize MPI and start it again, but Open MPI 4.1 does not have them
// and a world built from a session is not the MPI_COMM_WORLD that mpi4py and the program share;
// keeping MPI alive works the same on every MPI. The thread level is MPI's from the first init:
// a later init_thread cannot raise it.
//
// The exit handler may run the teardown, and MPI_Finalize runs the MPI_COMM_SELF callbacks of the
// datatype cache, after static destructors that ran before it (those of statics constructed after
// it was registered). So the runtime's registries (segments, teams, contexts, caches) are
// function-local statics allocated with new and never destroyed: they stay valid to the end.
#include <oshmpi/setup.hpp>
#include <oshmpi/sync.hpp>

#include <climits>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <vector>

#include "core/context.hpp"
#include "core/error.hpp"
#include "core/mpi_library.hpp"
#include "core/progress.hpp"
#include "core/progress_agent.hpp"
#include "core/rank_translation.hpp"
#include "core/runtime.hpp"
#include "memory/data_segment.hpp"
#include "memory/heap.hpp"
#include "teams/team.hpp"
#include "transport/route.hpp"

namespace oshmpi::detail {

namespace {

std::unique_ptr<runtime> the_runtime;
// Read by initialized() at any time (shmem_query_initialized may race with init in another thread).
std::atomic<bool> runtime_up{false};
int init_depth = 0;               // inits not yet matched by a finalize
bool ever_initialized = false;    // for finalized()
bool mpi_is_ours = false;         // we called MPI_Init_thread: we finalize MPI at process exit
int finalize_hook_keyval = MPI_KEYVAL_INVALID;


int to_mpi(thread_level level)
{
    switch (level) {
    case thread_level::single: return MPI_THREAD_SINGLE;
    case thread_level::funneled: return MPI_THREAD_FUNNELED;
    case thread_level::serialized: return MPI_THREAD_SERIALIZED;
    case thread_level::multiple: return MPI_THREAD_MULTIPLE;
    }
    return MPI_THREAD_SINGLE;
}

thread_level from_mpi(int level)
{
    if (level >= MPI_THREAD_MULTIPLE) return thread_level::multiple;
    if (level >= MPI_THREAD_SERIALIZED) return thread_level::serialized;
    if (level >= MPI_THREAD_FUNNELED) return thread_level::funneled;
    return thread_level::single;
}

void teardown();

// MPI_Finalize deletes MPI_COMM_SELF's attributes first, so whoever finalizes MPI (mpi4py at exit,
// or a C program that forgot shmem_finalize) runs our finalize while MPI still works.
int finalize_hook(MPI_Comm, int, void*, void*)
{
    finalize_hook_keyval = MPI_KEYVAL_INVALID;
    if (the_runtime) teardown();
    return MPI_SUCCESS;
}

// Our host name's hash: PEs whose hashes match share this machine (a collision only makes us think
// the machine more crowded than it is).
std::uint32_t host_hash()
{
    char name[HOST_NAME_MAX + 1] = {};
    gethostname(name, sizeof name - 1);
    std::uint32_t hash = 2166136261u; // FNV-1a
    for (const char* c = name; *c != '\0'; ++c) hash = (hash ^ static_cast<unsigned char>(*c)) * 16777619u;
    return hash;
}

// A job-wide variable (env.hpp) set differently on some PE would leave the job hanging in a
// collective of init that only some PEs enter: every PE compares fingerprints of the values first,
// and all of them fail together, naming the variable, when any differs.
void check_job_settings_agree(const runtime& rt)
{
    std::vector<env_setting> settings = job_settings(rt.env);
    const std::size_t n = settings.size();
    // One MIN over each fingerprint and its complement gives the smallest and the largest value.
    std::vector<std::uint64_t> extremes(2 * n);
    for (std::size_t i = 0; i < n; ++i) {
        std::uint64_t print = 14695981039346656037ull; // FNV-1a
        for (unsigned char c : settings[i].value) print = (print ^ c) * 1099511628211ull;
        extremes[i] = print;
        extremes[n + i] = ~print;
    }
    MPI_Request request;
    OSHMPI_MPI(MPI_Iallreduce(MPI_IN_PLACE, extremes.data(), static_cast<int>(2 * n), MPI_UINT64_T, MPI_MIN,
                              rt.world, &request));
    complete(request);
    for (std::size_t i = 0; i < n; ++i)
        if (extremes[i] != ~extremes[n + i])
            fail(errc::invalid_argument,
                 "%s differs between PEs (\"%s\" on PE %d); every PE of a job must set it alike",
                 settings[i].name, settings[i].value.c_str(), rt.my_pe);
}

// Whether the launcher says every process of MPI_COMM_WORLD runs on our node (hydra's
// MPI_LOCALNRANKS, Open MPI's OMPI_COMM_WORLD_LOCAL_SIZE) and rt.world is made of them. Then the
// node communicator is a duplicate of rt.world, and init skips MPI_Comm_split_type, which with more
// PEs than cores spins 50-100 ms (MPICH polls without yielding; a duplicate is nonblocking).
bool launcher_says_one_node(const runtime& rt)
{
    const char* local = std::getenv("MPI_LOCALNRANKS");
    if (local == nullptr) local = std::getenv("OMPI_COMM_WORLD_LOCAL_SIZE");
    int world_size = 0;
    OSHMPI_MPI(MPI_Comm_size(MPI_COMM_WORLD, &world_size));
    if (local == nullptr || std::atoi(local) != world_size) return false;
    // rt.world may come from elsewhere (an intercommunicator merged with another job's processes).
    const std::vector<int> launched = ranks_in(rt.world, MPI_COMM_WORLD);
    return std::none_of(launched.begin(), launched.end(), [](int rank) { return rank == MPI_UNDEFINED; });
}

void map_node_ranks(runtime& rt)
{
    // One exchange first tells every PE which PEs share its machine and whether the launcher
    // vouches for one node everywhere, so that all PEs choose alike how to make the node
    // communicator. Nonblocking and driven by complete(), which yields: with more PEs than cores
    // each blocking MPI call of init costs several ~8 ms time slices (MPICH spins),
    // docs/benchmarks.md#start-up-with-more-pes-than-cores.
    struct placement {
        std::uint32_t host;
        std::uint32_t one_node; // launcher_says_one_node
    };
    static_assert(sizeof(placement) == 2 * sizeof(std::uint32_t));
    placement mine{host_hash(), launcher_says_one_node(rt) ? 1U : 0U};
    std::vector<placement> all(static_cast<std::size_t>(rt.n_pes));
    MPI_Request request;
    OSHMPI_MPI(MPI_Iallgather(&mine, 2, MPI_UINT32_T, all.data(), 2, MPI_UINT32_T, rt.world, &request));
    complete(request);
    rt.machine_pes = static_cast<int>(
        std::count_if(all.begin(), all.end(), [&](const placement& p) { return p.host == mine.host; }));
    const bool vouched = std::all_of(all.begin(), all.end(), [&](const placement& p) {
        return p.one_node == 1 && p.host == mine.host;
    });

    // Everyone must agree whether every PE is on one node: a job where some node holds fewer
    // than all PEs uses MPI atomics everywhere.
    bool everyone_on_node = true;
    if (vouched) {
        rt.node = nonblocking_dup(rt.world);
    } else {
        OSHMPI_MPI(MPI_Comm_split_type(rt.world, MPI_COMM_TYPE_SHARED, rt.my_pe, MPI_INFO_NULL, &rt.node));
        int node_size = 0;
        OSHMPI_MPI(MPI_Comm_size(rt.node, &node_size));
        int whole = node_size == rt.n_pes ? 1 : 0;
        OSHMPI_MPI(MPI_Iallreduce(MPI_IN_PLACE, &whole, 1, MPI_INT, MPI_LAND, rt.world, &request));
        complete(request);
        everyone_on_node = whole == 1;
    }
    rt.node_rank_of_pe = ranks_in(rt.world, rt.node);
    for (int& rank : rt.node_rank_of_pe)
        if (rank == MPI_UNDEFINED) rank = -1;
    OSHMPI_MPI(MPI_Comm_size(rt.node, &rt.node_pes));

    bool shared = rt.env.transport != "mpi";
    rt.rma_in_shared_memory = shared;
    rt.amo_in_shared_memory = shared && everyone_on_node;
}

void teardown()
{
    runtime_up.store(false, std::memory_order_release);
    init_depth = 0;
    runtime& rt = *the_runtime;
    // The agent first: from here on our own waits poll MPI, and when MPI_Finalize runs this, no
    // other thread may call MPI beside it.
    stop_progress_agent_thread();
    // Nothing issued before finalize may be lost: complete it, then wait for everyone to do so.
    quiet_all_contexts();
    barrier(rt.world);
    free_progress_agent();
    destroy_context_pool();
    destroy_data_segment(); // the C API's globals window, if shmem_init made one
    destroy_heap();
    destroy_all_teams();
    if (rt.node != MPI_COMM_NULL) MPI_Comm_free(&rt.node);
    MPI_Comm_free(&rt.world);
    the_runtime.reset();
    if (finalize_hook_keyval != MPI_KEYVAL_INVALID) {
        int keyval = finalize_hook_keyval;
        finalize_hook_keyval = MPI_KEYVAL_INVALID;
        MPI_Comm_delete_attr(MPI_COMM_SELF, keyval);
        MPI_Comm_free_keyval(&keyval);
    }
}

// A program that returns from main (or calls exit) without finalizing gets the same finalize at
// exit: collective, so a PE that is done waits in it (its memory and MPI state intact) until every
// PE is done with it. Without it, an early PE tore down its windows and MPI state while others
// still read its memory: MPICH's launcher killed the job (signal 9) or a reader hung. The teardown
// runs here, before MPI_Finalize, not in MPI_Finalize's MPI_COMM_SELF callback: there MPICH no
// longer serves passive-target RMA, and a peer still reading from us hung. Then MPI, if ours.
pid_t pid_at_first_init = 0;
std::atomic<bool> exit_finalize_disarmed{false};
void finish_at_exit()
{
    if (getpid() != pid_at_first_init) return; // a fork child: the runtime and MPI are its parent's
    if (exit_finalize_disarmed.load()) return;  // global_exit or an abort: MPI_Abort may call exit()
    if (the_runtime) teardown();
    int done = 0;
    MPI_Finalized(&done);
    if (mpi_is_ours && !done) MPI_Finalize();
}
// Once per process, by the first init: right after MPI_Init_thread when we start MPI (so it runs
// before MPI's own exit handlers), else once the runtime is up.
void register_exit_handler()
{
    static bool registered = false;
    if (registered) return;
    registered = true;
    pid_at_first_init = getpid();
    std::atexit(finish_at_exit);
}

} // namespace

void disarm_exit_finalize() noexcept
{
    exit_finalize_disarmed.store(true);
}

runtime* current_runtime() noexcept
{
    return the_runtime.get();
}

runtime& state(const char* routine)
{
    if (!the_runtime)
        fail(errc::not_initialized, "%s: OpenSHMEM is not initialized (call shmem_init first)", routine);
    return *the_runtime;
}

void check_pe(const runtime& rt, const char* routine, int pe)
{
    if (pe < 0 || pe >= rt.n_pes)
        fail(errc::invalid_pe, "%s: PE %d is out of range [0, %d)", routine, pe, rt.n_pes);
}

} // namespace oshmpi::detail

namespace oshmpi {

using detail::state;

thread_level init_thread(thread_level requested, MPI_Comm world_comm)
{
    using namespace detail;
    if (the_runtime) {
        ++init_depth;
        return the_runtime->level;
    }
    check_mpi_library(); // before the first MPI call, which would crash if two MPIs are loaded
    int mpi_finalized = 0;
    MPI_Finalized(&mpi_finalized);
    if (mpi_finalized) fail(errc::not_initialized, "init: MPI has already been finalized");

    auto rt = std::make_unique<runtime>();
    rt->env = read_env();
    int mpi_initialized = 0;
    MPI_Initialized(&mpi_initialized);
    int provided = MPI_THREAD_SINGLE;
    if (!mpi_initialized) {
        // The progress agent calls MPI from a thread of its own: ask for MPI_THREAD_MULTIPLE
        // unless it is switched off (the level we report stays the one asked for).
        int level = rt->env.progress == "off" ? to_mpi(requested) : MPI_THREAD_MULTIPLE;
        OSHMPI_MPI(MPI_Init_thread(nullptr, nullptr, level, &provided));
        mpi_is_ours = true;
        register_exit_handler();
    } else {
        OSHMPI_MPI(MPI_Query_thread(&provided));
    }
    rt->level = std::min(requested, from_mpi(provided));

    rt->world = nonblocking_dup(world_comm);
    OSHMPI_MPI(MPI_Comm_set_errhandler(rt->world, MPI_ERRORS_RETURN));
    OSHMPI_MPI(MPI_Comm_rank(rt->world, &rt->my_pe));
    OSHMPI_MPI(MPI_Comm_size(rt->world, &rt->n_pes));
    try {
        check_job_settings_agree(*rt);
    } catch (...) {
        MPI_Comm_free(&rt->world);
        throw;
    }
    map_node_ranks(*rt);

    the_runtime = std::move(rt);
    try {
        create_heap(*the_runtime, node_area::bytes_needed(*the_runtime));
        create_context_pool(*the_runtime);
        create_predefined_teams(*the_runtime);
        start_progress_agent(*the_runtime);
    } catch (...) {
        runtime& failed = *the_runtime;
        MPI_Comm_free(&failed.node);
        MPI_Comm_free(&failed.world);
        the_runtime.reset();
        throw;
    }

    register_exit_handler();
    OSHMPI_MPI(MPI_Comm_create_keyval(MPI_COMM_NULL_COPY_FN, finalize_hook, &finalize_hook_keyval, nullptr));
    OSHMPI_MPI(MPI_Comm_set_attr(MPI_COMM_SELF, finalize_hook_keyval, nullptr));

    runtime& ready = *the_runtime;
    if (ready.my_pe == 0 && (ready.env.version || ready.env.info))
        std::printf("%s %s (OpenSHMEM %d.%d)\n", info_get_name(), OSHMPI_VERSION_STRING,
                    info_get_version().major, info_get_version().minor);
    if (ready.my_pe == 0 && ready.env.info) {
        std::fputs(describe_env(ready.env).c_str(), stdout);
        const char* agent = progress_agent_status();
        std::printf("  progress agent: %s\n", *agent == '\0' ? "running" : agent);
    }
    if (ready.my_pe == 0 && (ready.env.version || ready.env.info)) std::fflush(stdout);
    barrier(ready.world);
    init_depth = 1;
    ever_initialized = true;
    runtime_up.store(true, std::memory_order_release);
    return ready.level;
}

void init(MPI_Comm world_comm)
{
    init_thread(thread_level::single, world_comm);
}

void finalize()
{
    using namespace detail;
    if (!the_runtime) return;
    if (init_depth > 1) {
        // Not the last finalize: the spec's barrier_all, and every resource stays.
        --init_depth;
        oshmpi::barrier_all();
        return;
    }
    teardown();
}

void global_exit(int status)
{
    detail::disarm_exit_finalize();
    std::fflush(nullptr);
    // MPI_COMM_WORLD, not our duplicate: global_exit ends the whole program, and MPICH's launcher
    // reports the abort's status reliably only for MPI_COMM_WORLD (with a duplicate it often
    // reports the SIGKILL it sent the other processes: 9 instead of `status`).
    MPI_Abort(MPI_COMM_WORLD, status);
    std::_Exit(status);
}

bool initialized() noexcept
{
    return detail::runtime_up.load(std::memory_order_acquire);
}

bool finalized() noexcept
{
    return detail::ever_initialized && !initialized();
}

bool mpi_owned() noexcept
{
    return detail::mpi_is_ours;
}

thread_level query_thread()
{
    return state("query_thread").level;
}

int my_pe()
{
    return state("my_pe").my_pe;
}

int n_pes()
{
    return state("n_pes").n_pes;
}

bool pe_accessible(int pe)
{
    detail::runtime& rt = state("pe_accessible");
    return pe >= 0 && pe < rt.n_pes;
}

bool addr_accessible(const void* addr, int pe)
{
    detail::runtime& rt = state("addr_accessible");
    return pe >= 0 && pe < rt.n_pes && detail::segments().find(addr, 1) != nullptr;
}

void* ptr(const void* addr, int pe)
{
    detail::runtime& rt = state("ptr");
    if (pe < 0 || pe >= rt.n_pes) return nullptr;
    detail::segment* seg = detail::segments().find(addr, 1);
    if (seg == nullptr) return nullptr;
    if (pe == rt.my_pe) return const_cast<void*>(addr);
    char* peer = rt.rma_in_shared_memory ? seg->peer_base[static_cast<std::size_t>(pe)] : nullptr;
    return peer == nullptr ? nullptr : peer + (static_cast<const char*>(addr) - seg->base);
}

version_info info_get_version() noexcept
{
    return {1, 6};
}

const char* info_get_name() noexcept
{
    return "oshmpi-cpp";
}

MPI_Comm world_comm()
{
    return state("world_comm").world;
}

} // namespace oshmpi
