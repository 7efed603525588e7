/* Setup, queries, thread levels, memory management and the deprecated setup/memory names. */
#include <shmem.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

int main(void)
{
    int provided = -1, queried = -1, major = 0, minor = 0;
    char name[SHMEM_MAX_NAME_LEN];
    CHECK_EQ(shmem_init_thread(SHMEM_THREAD_MULTIPLE, &provided), 0);
    CHECK_EQ(provided, SHMEM_THREAD_MULTIPLE); /* MPICH provides MPI_THREAD_MULTIPLE */
    shmem_query_thread(&queried);
    CHECK_EQ(queried, provided);
    shmem_init(); /* again: nested (OpenSHMEM 1.6), matched by the finalize below */
    start_pes(0); /* deprecated: no effect once initialized, and not to be matched */
    int me = shmem_my_pe(), npes = shmem_n_pes();
    CHECK_EQ(_my_pe(), me);
    CHECK_EQ(_num_pes(), npes);

    shmem_info_get_version(&major, &minor);
    CHECK_EQ(major, 1);
    CHECK_EQ(minor, 6);
    shmem_info_get_name(name);
    CHECK(strcmp(name, SHMEM_VENDOR_STRING) == 0);
    CHECK(strstr(name, "oshmpi-cpp") != NULL);
    CHECK(strstr(name, "OSHMPI") == NULL && strstr(name, "open-mpi") == NULL && strstr(name, "osss-ucx") == NULL);

    CHECK(shmem_pe_accessible(npes - 1));
    CHECK(!shmem_pe_accessible(npes));
    CHECK(!shmem_pe_accessible(-1));

    long* heap = (long*)shmem_malloc(16 * sizeof(long));
    CHECK(heap != NULL);
    CHECK(shmem_ptr(heap, me) == heap);
    CHECK(shmem_addr_accessible(heap, (me + 1) % npes));
    long* zeros = (long*)shmem_calloc(8, sizeof(long));
    CHECK(zeros != NULL && zeros[0] == 0 && zeros[7] == 0);
    void* aligned = shmem_align(4096, 100);
    CHECK(((uintptr_t)aligned & 4095) == 0);
    heap[0] = 11;
    heap = (long*)shmem_realloc(heap, 1024 * sizeof(long));
    CHECK(heap != NULL && heap[0] == 11);
    void* hinted = shmem_malloc_with_hints(64, SHMEM_MALLOC_ATOMICS_REMOTE);
    CHECK(hinted != NULL);
    CHECK(shmem_malloc(0) == NULL);
    shmem_free(NULL);
    /* exhaustion is NULL on every PE, not an abort */
    CHECK(shmem_malloc((size_t)1 << 45) == NULL);
    long* old_style = (long*)shmalloc(32);
    CHECK(old_style != NULL);
    old_style = (long*)shrealloc(old_style, 64);
    void* old_aligned = shmemalign(256, 8);
    CHECK(((uintptr_t)old_aligned & 255) == 0);
    shfree(old_aligned);
    shfree(old_style);
    shmem_free(hinted);
    shmem_free(aligned);
    shmem_free(zeros);
    shmem_free(heap);
    shmem_finalize(); /* matches the nested shmem_init: a barrier, nothing is released */
    int still = 0;
    shmem_query_initialized(&still);
    CHECK_EQ(still, 1);
    shmem_pcontrol(1);
    shmem_clear_cache_inv();
    shmem_udcflush_line(name);
    return check_finish("test_setup");
}
