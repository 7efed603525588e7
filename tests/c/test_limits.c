/* Limits, met the way a program meets them: an alignment that is not a power of two is NULL (and a
 * message under SHMEM_DEBUG, checked by CTest), a full heap is NULL on every PE and usable again
 * once freed, and many contexts at once all work. */
#include <shmem.h>

#include <stdint.h>
#include <stdlib.h>

#include "check.h"

#define BLOCK (1u << 20)
#define MAX_BLOCKS 4096
#define CONTEXTS 256

static void bad_alignment_is_null(void)
{
    CHECK(shmem_align(3, 64) == NULL);
    CHECK(shmem_align(0, 64) == NULL);
    CHECK(shmem_align(4096 + 1, 64) == NULL);
    long* good = shmem_align(4096, 64);
    CHECK(good != NULL && ((uintptr_t)good & 4095) == 0);
    shmem_free(good);
}

static void full_heap_is_null_everywhere_then_usable(void)
{
    static void* blocks[MAX_BLOCKS];
    static int count, fewest, most;
    count = 0;
    while (count < MAX_BLOCKS && (blocks[count] = shmem_malloc(BLOCK)) != NULL) ++count;
    CHECK(count > 0 && count < MAX_BLOCKS);
    /* The same answer on every PE: NULL is collective. */
    shmem_int_min_reduce(SHMEM_TEAM_WORLD, &fewest, &count, 1);
    shmem_int_max_reduce(SHMEM_TEAM_WORLD, &most, &count, 1);
    CHECK_EQ(fewest, most);
    CHECK(shmem_malloc(BLOCK) == NULL);
    CHECK(shmem_calloc(1, BLOCK) == NULL);
    for (int i = count - 1; i >= 0; --i) shmem_free(blocks[i]);

    /* All of it is back: one block as large as most of what was taken, written by the neighbour. */
    size_t half = (size_t)(count - 1) * BLOCK;
    long* big = shmem_malloc(half);
    CHECK(big != NULL);
    if (big != NULL) {
        size_t last = half / sizeof(long) - 1;
        shmem_long_p(&big[last], me + 1, right);
        shmem_long_p(&big[0], me + 2, right);
        shmem_barrier_all();
        CHECK_EQ(big[last], left + 1);
        CHECK_EQ(big[0], left + 2);
        shmem_free(big);
    }
}

static void many_contexts_work(void)
{
    static long slots[CONTEXTS];
    shmem_ctx_t ctx[CONTEXTS];
    int made = 0;
    for (; made < CONTEXTS; ++made)
        if (shmem_ctx_create(0, &ctx[made]) != 0) break;
    CHECK_EQ(made, CONTEXTS);
    for (int i = 0; i < made; ++i) shmem_ctx_long_p(ctx[i], &slots[i], i * 10 + me, right);
    for (int i = 0; i < made; ++i) shmem_ctx_destroy(ctx[i]); /* completes each context's puts */
    shmem_barrier_all();
    int wrong = 0;
    for (int i = 0; i < made; ++i) wrong += slots[i] != i * 10 + left;
    CHECK_EQ(wrong, 0);
    shmem_ctx_t again;
    CHECK_EQ(shmem_ctx_create(0, &again), 0);
    shmem_ctx_destroy(again);
}

int main(void)
{
    check_start();
    bad_alignment_is_null();
    full_heap_is_null_everywhere_then_usable();
    many_contexts_work();
    return check_finish("test_limits");
}
