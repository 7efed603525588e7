/* shmem_global_exit(status) ends every PE, and the launcher exits with `status` (checked by
 * expect_status.sh). The last PE exits while the others wait in a barrier they never leave. */
#include <shmem.h>
#include <stdio.h>

int main(void)
{
    shmem_init();
    if (shmem_my_pe() == shmem_n_pes() - 1) shmem_global_exit(7);
    shmem_barrier_all();
    printf("PE %d: passed a barrier that global_exit should have ended\n", shmem_my_pe());
    shmem_finalize();
    return 0;
}
