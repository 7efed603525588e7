/* shmem_align at every power of two from 4 B to 8 MiB (what the conformance program shmemalign
 * asks for), on the 64 MiB heap the C tests run with: each block aligned, at the same offset from
 * a reference block on every PE, and usable for RMA. Beyond an eighth of the heap, NULL everywhere. */
#include <shmem.h>
#include <stdint.h>

#include "check.h"

int main(void)
{
    check_start();
    char* anchor = (char*)shmem_malloc(1);
    static long offsets[2], agreed[2];
    CHECK(anchor != NULL);
    for (size_t alignment = 4; alignment <= ((size_t)8 << 20); alignment <<= 1) {
        long* block = (long*)shmem_align(alignment, 2048);
        CHECK(block != NULL);
        if (block == NULL) continue; /* NULL on every PE: the heaps stay in step */
        CHECK_EQ((uintptr_t)block % alignment, 0);
        /* The same offset everywhere: max(offset) == -max(-offset). */
        offsets[0] = (long)((char*)block - anchor);
        offsets[1] = -offsets[0];
        shmem_long_max_reduce(SHMEM_TEAM_WORLD, agreed, offsets, 2);
        CHECK_EQ(agreed[0], -agreed[1]);
        shmem_long_p(block + 255, me, right);
        shmem_barrier_all();
        CHECK_EQ(block[255], left);
        shmem_free(block);
    }
    CHECK(shmem_align((size_t)16 << 20, 2048) == NULL); /* an eighth of 64 MiB is 8 MiB */
    CHECK(shmem_align(3 * 64, 2048) == NULL);           /* not a power of two */
    shmem_free(anchor);
    return check_finish("test_align");
}
