// Put and get: translate the context's PE number, resolve the target once, then shared memory or MPI.
#include <oshmpi/rma.hpp>

#include <cstring>

#include "core/context.hpp"
#include "core/error.hpp"
#include "transport/mpi_rma.hpp"
#include "transport/route.hpp"

namespace oshmpi::detail {

namespace {
void check_local(const char* routine, const void* buffer, std::size_t nbytes)
{
    if (buffer == nullptr && nbytes > 0) fail(errc::invalid_argument, "%s: local buffer is null", routine);
}

void put_impl(const char* routine, context& ctx, void* dest, const void* source, std::size_t nbytes,
              int pe, bool blocking)
{
    if (nbytes == 0) return;
    check_local(routine, source, nbytes);
    remote_address target = route(routine, dest, nbytes, world_pe(routine, ctx, pe), access::rma);
    if (target.direct != nullptr) {
        std::memmove(target.direct, source, nbytes);
        return;
    }
    mpi_rma::put(ctx, target, source, nbytes, blocking);
}

void get_impl(const char* routine, context& ctx, void* dest, const void* source, std::size_t nbytes,
              int pe, bool blocking)
{
    if (nbytes == 0) return;
    check_local(routine, dest, nbytes);
    remote_address origin = route(routine, source, nbytes, world_pe(routine, ctx, pe), access::rma);
    if (origin.direct != nullptr) {
        std::memmove(dest, origin.direct, nbytes);
        return;
    }
    mpi_rma::get(ctx, dest, origin, nbytes, blocking);
}
} // namespace

void put_bytes(context& ctx, void* dest, const void* source, std::size_t nbytes, int pe)
{
    put_impl("put", ctx, dest, source, nbytes, pe, true);
}
void put_bytes_nbi(context& ctx, void* dest, const void* source, std::size_t nbytes, int pe)
{
    put_impl("put_nbi", ctx, dest, source, nbytes, pe, false);
}
void get_bytes(context& ctx, void* dest, const void* source, std::size_t nbytes, int pe)
{
    get_impl("get", ctx, dest, source, nbytes, pe, true);
}
void get_bytes_nbi(context& ctx, void* dest, const void* source, std::size_t nbytes, int pe)
{
    get_impl("get_nbi", ctx, dest, source, nbytes, pe, false);
}

void throw_size_mismatch(const char* routine, std::size_t dest, std::size_t source)
{
    fail(errc::invalid_argument, "%s: destination holds %zu elements but source holds %zu", routine,
         dest, source);
}

} // namespace oshmpi::detail
