#include "core/error.hpp"

#include <mpi.h>

#include <cstdarg>
#include <cstdio>
#include <string>

namespace oshmpi::detail {

void fail(errc code, const char* format, ...)
{
    char message[512];
    va_list args;
    va_start(args, format);
    std::vsnprintf(message, sizeof message, format, args);
    va_end(args);
    throw error(code, message);
}

void check_mpi(int rc, const char* call)
{
    if (rc == MPI_SUCCESS) return;
    char text[MPI_MAX_ERROR_STRING];
    int length = 0;
    MPI_Error_string(rc, text, &length);
    fail(errc::mpi_failure, "%s failed: %.*s", call, length, text);
}

} // namespace oshmpi::detail
