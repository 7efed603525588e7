/* The signal updates of OpenSHMEM 1.6, shmem_signal_add and shmem_signal_set, in their C, context
 * and C11 generic (context) forms, and shmem_pe_quiet / shmem_ctx_pe_quiet: completion towards the
 * PEs named. Each PE signals PE 0 and its right neighbour. */
#include <shmem.h>

#include "check.h"

static uint64_t total_signal, ring_signal;
static long payload[4096], flag;

static void signal_updates(void)
{
    const int rounds = 10;
    shmem_ctx_t ctx;
    int r;
    CHECK_EQ(shmem_ctx_create(0, &ctx), 0);
    shmem_barrier_all();
    for (r = 0; r < rounds; ++r) {
        shmem_signal_add(&total_signal, (uint64_t)(me + 1), 0);
        shmem_ctx_signal_add(ctx, &total_signal, 1, 0);
        shmem_signal_add(SHMEM_CTX_DEFAULT, &total_signal, 1, 0); /* the C11 generic form */
    }
    shmem_ctx_quiet(ctx);
    if (me == 0) {
        uint64_t expected = (uint64_t)rounds * (uint64_t)(npes * (npes + 1) / 2 + 2 * npes);
        CHECK(shmem_signal_wait_until(&total_signal, SHMEM_CMP_EQ, expected) == expected);
    }
    shmem_barrier_all();
    shmem_signal_set(&ring_signal, (uint64_t)(100 + me), right);
    CHECK(shmem_signal_wait_until(&ring_signal, SHMEM_CMP_GE, 100) == (uint64_t)(100 + left));
    shmem_barrier_all();
    shmem_ctx_signal_set(ctx, &ring_signal, 7, right);
    shmem_ctx_quiet(ctx);
    shmem_barrier_all();
    CHECK(shmem_signal_fetch(&ring_signal) == 7);
    shmem_barrier_all();
    shmem_signal_set(ctx, &ring_signal, 0, me); /* generic, context form */
    shmem_ctx_quiet(ctx);
    CHECK(shmem_signal_fetch(&ring_signal) == 0);
    shmem_ctx_destroy(ctx);
    shmem_barrier_all();
}

/* A payload on a created context, completed towards the right neighbour by shmem_ctx_pe_quiet
 * only, then a flag on the default context: the neighbour that sees the flag finds the payload. */
static void pe_quiet(void)
{
    static long source[4096];
    shmem_ctx_t ctx;
    const int targets[2] = {right, right};
    int i, wrong = 0;
    CHECK_EQ(shmem_ctx_create(0, &ctx), 0);
    for (i = 0; i < 4096; ++i) source[i] = me * 10000L + i;
    shmem_barrier_all();
    shmem_ctx_long_put_nbi(ctx, payload, source, 4096, right);
    shmem_ctx_pe_quiet(ctx, targets, 2);
    shmem_long_atomic_set(&flag, 1, right);
    shmem_long_wait_until(&flag, SHMEM_CMP_EQ, 1);
    for (i = 0; i < 4096; ++i) wrong += payload[i] != left * 10000L + i;
    CHECK_EQ(wrong, 0);
    shmem_barrier_all();
    /* The default-context form, and an empty set. */
    shmem_long_put_nbi(payload, source, 1, right);
    shmem_pe_quiet(targets, 1);
    shmem_pe_quiet(NULL, 0);
    shmem_ctx_pe_quiet(SHMEM_CTX_INVALID, targets, 1); /* no operation */
    shmem_barrier_all();
    CHECK_EQ(payload[0], left * 10000L);
    shmem_ctx_destroy(ctx);
    shmem_barrier_all();
}

int main(void)
{
    check_start();
    signal_updates();
    pe_quiet();
    return check_finish("test_signal");
}
