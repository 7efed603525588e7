// C entry points of OpenSHMEM 1.5 section 9.12 (distributed locking).
#include "capi/shim.hpp"

OSHMPI_C_DEFINE(void, set_lock, (long* lock))
{
    OSHMPI_C_CALL(oshmpi::set_lock(lock));
}
OSHMPI_C_DEFINE(void, clear_lock, (long* lock))
{
    OSHMPI_C_CALL(oshmpi::clear_lock(lock));
}
// The spec's shmem_test_lock returns 0 when it acquired the lock.
OSHMPI_C_DEFINE(int, test_lock, (long* lock))
{
    OSHMPI_C_CALL(oshmpi::test_lock(lock) ? 0 : 1);
}
