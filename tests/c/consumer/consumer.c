/* Built by find_package(oshmpi_cpp) and by pkg-config: a one-PE put/get round trip. */
#include <shmem.h>

static long word;

int main(void)
{
    shmem_init();
    shmem_long_p(&word, 42, shmem_my_pe());
    int ok = shmem_long_g(&word, shmem_my_pe()) == 42;
    shmem_finalize();
    return ok ? 0 : 1;
}
