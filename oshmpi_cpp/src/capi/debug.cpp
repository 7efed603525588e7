// The C API's error reporting and its SHMEM_DEBUG argument checks (spec 1.5 leaves misuse undefined;
// under SHMEM_DEBUG we name the call and the bad value, then abort).
#include "capi/shim.hpp"

#include <mpi.h>

#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cctype>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "core/context.hpp"
#include "core/error.hpp"
#include "core/mpi_library.hpp"
#include "core/runtime.hpp"
#include "memory/segment.hpp"

namespace oshmpi::capi {

namespace {
// The launcher reads our stdout and stderr through pipes and forwards them; MPI_Abort makes it kill
// the job, and it may do so before it has read what we wrote last, so the message naming the call
// was lost now and then under load. Wait (up to a second) until the pipe is drained.
void wait_until_forwarded(int fd) noexcept
{
    struct stat st{};
    if (fstat(fd, &st) != 0 || !S_ISFIFO(st.st_mode)) return;
    const timespec millisecond{0, 1000000};
    for (int i = 0; i < 1000; ++i) {
        int unread = 0;
        if (ioctl(fd, FIONREAD, &unread) != 0 || unread <= 0) return;
        nanosleep(&millisecond, nullptr);
    }
}
} // namespace

bool debug_checks __attribute__((visibility("hidden"))) = false;

// The runtime's messages start with its own name of the call ("iput: ...", "shmem_broadcast: ...");
// behind the C name ("shmem_long_iput: ") that prefix only repeats it, so it is dropped: the line a
// user reads names the routine once. Any other leading word (an argument's name) stays.
const char* without_repeated_name(const char* routine, const char* message) noexcept
{
    const char* colon = std::strstr(message, ": ");
    if (colon == nullptr) return message;
    std::size_t n = static_cast<std::size_t>(colon - message);
    const char* inner = message;
    if (n > 6 && std::strncmp(inner, "shmem_", 6) == 0) inner += 6, n -= 6;
    for (const char* c = inner; c < colon; ++c)
        if (!(std::islower(static_cast<unsigned char>(*c)) || std::isdigit(static_cast<unsigned char>(*c)) || *c == '_'))
            return message;
    std::size_t r = std::strlen(routine);
    if (n == 0 || n > r || std::strncmp(routine + r - n, inner, n) != 0) return message;
    if (n < r && routine[r - n - 1] != '_') return message;
    return colon + 2;
}

void abort_call(const char* routine, const char* message) noexcept
{
    std::fprintf(stderr, "%s: %s\n", routine, without_repeated_name(routine, message));
    std::fflush(nullptr);
    wait_until_forwarded(STDOUT_FILENO);
    wait_until_forwarded(STDERR_FILENO);
    detail::disarm_exit_finalize();
    if (detail::mpi_library_mismatched()) std::_Exit(1); // calling MPI could crash: two MPIs are loaded
    int mpi_initialized = 0, mpi_finalized = 0;
    MPI_Initialized(&mpi_initialized);
    MPI_Finalized(&mpi_finalized);
    if (mpi_initialized && !mpi_finalized) MPI_Abort(MPI_COMM_WORLD, 1);
    std::_Exit(1);
}

void report(const char* routine, const char* message) noexcept
{
    if (debug_checks) std::fprintf(stderr, "%s: %s\n", routine, without_repeated_name(routine, message));
}

void throw_invalid_context()
{
    detail::fail(errc::invalid_argument, "the context is SHMEM_CTX_INVALID");
}

namespace {
[[noreturn]] __attribute__((format(printf, 2, 3))) void bad(const char* routine, const char* format, ...)
{
    char message[256];
    va_list args;
    va_start(args, format);
    std::vsnprintf(message, sizeof message, format, args);
    va_end(args);
    abort_call(routine, message);
}

detail::runtime& initialized(const char* routine)
{
    detail::runtime* rt = detail::current_runtime();
    if (rt == nullptr) abort_call(routine, "OpenSHMEM is not initialized (call shmem_init first)");
    return *rt;
}
} // namespace

std::size_t checked_bytes(const char* routine, std::size_t nelems, std::size_t elem_size)
{
    if (elem_size != 0 && nelems > SIZE_MAX / elem_size)
        bad(routine, "nelems %zu is too large: %zu-byte elements overflow size_t", nelems, elem_size);
    return nelems * elem_size;
}

void check_initialized(const char* routine)
{
    initialized(routine);
}

void check_remote(const char* routine, shmem_ctx_t ctx, const void* remote, std::size_t nbytes,
                  const void* local, int pe)
{
    detail::runtime& rt = initialized(routine);
    if (ctx == SHMEM_CTX_INVALID) abort_call(routine, "the context is SHMEM_CTX_INVALID");
    const auto& c = *reinterpret_cast<const context*>(ctx);
    int n_pes = c.world_pe_of != nullptr ? c.team_n_pes : rt.n_pes;
    if (pe < 0 || pe >= n_pes) bad(routine, "PE %d is out of range [0, %d)", pe, n_pes);
    if (nbytes > 0 && local == nullptr) abort_call(routine, "the local buffer is null");
    if (detail::segments().find(remote, nbytes) == nullptr)
        bad(routine, "remote address %p (%zu bytes) is not symmetric", remote, nbytes);
}

void check_wait(const char* routine, const void* ivars, std::size_t nbytes, int cmp)
{
    initialized(routine);
    if (cmp < SHMEM_CMP_EQ || cmp > SHMEM_CMP_LE) bad(routine, "comparison %d is not a SHMEM_CMP_* value", cmp);
    if (detail::segments().find(ivars, nbytes) == nullptr)
        bad(routine, "ivars %p (%zu bytes) is not symmetric", ivars, nbytes);
}

void check_collective(const char* routine, shmem_team_t team, const void* dest, std::size_t dest_bytes,
                      const void* source, std::size_t source_bytes)
{
    initialized(routine);
    if (team == SHMEM_TEAM_INVALID) abort_call(routine, "the team is SHMEM_TEAM_INVALID");
    if (detail::segments().find(dest, dest_bytes) == nullptr)
        bad(routine, "dest %p (%zu bytes) is not symmetric", dest, dest_bytes);
    if (detail::segments().find(source, source_bytes) == nullptr)
        bad(routine, "source %p (%zu bytes) is not symmetric", source, source_bytes);
}

void check_signal_op(const char* routine, int sig_op)
{
    if (sig_op != SHMEM_SIGNAL_SET && sig_op != SHMEM_SIGNAL_ADD)
        bad(routine, "signal operation %d is neither SHMEM_SIGNAL_SET nor SHMEM_SIGNAL_ADD", sig_op);
}

} // namespace oshmpi::capi
