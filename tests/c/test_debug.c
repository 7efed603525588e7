/* Under SHMEM_DEBUG an invalid call aborts with a message naming the routine and the bad value:
 * here a put to a PE that does not exist (checked by expect_status.sh). */
#include <shmem.h>

static long target;

int main(void)
{
    shmem_init();
    shmem_long_p(&target, 1, shmem_n_pes() + 3);
    shmem_finalize();
    return 0;
}
