/* Context sessions (OpenSHMEM 1.6): shmem_ctx_session_start/stop with SHMEM_CTX_SESSION_BATCH and a
 * total_ops hint, nested starts, stop without start, and SHMEM_CTX_INVALID. Sessions are hints: a
 * batch of puts and AMOs inside one delivers exactly what it would outside. */
#include <shmem.h>

#include "check.h"

static long table[64];
static uint64_t hits;

int main(void)
{
    check_start();
    shmem_ctx_t ctx;
    shmem_ctx_session_config_t config = {64};
    long source[64];
    int i;
    CHECK_EQ(shmem_ctx_create(0, &ctx), 0);
    for (i = 0; i < 64; ++i) source[i] = me * 1000 + i;
    shmem_barrier_all();

    shmem_ctx_session_start(ctx, SHMEM_CTX_SESSION_BATCH, &config, SHMEM_CTX_SESSION_TOTAL_OPS);
    shmem_ctx_session_start(ctx, 0, NULL, 0); /* again: combines with the running session */
    for (i = 0; i < 64; ++i) shmem_ctx_long_p(ctx, &table[i], source[i], right);
    for (i = 0; i < 64; ++i) shmem_ctx_uint64_atomic_add(ctx, &hits, 1, 0);
    shmem_ctx_quiet(ctx);
    shmem_ctx_session_stop(ctx);
    shmem_ctx_session_stop(ctx); /* already stopped: no effect */
    shmem_barrier_all();
    int wrong = 0;
    for (i = 0; i < 64; ++i) wrong += table[i] != left * 1000 + i;
    CHECK_EQ(wrong, 0);
    if (me == 0) CHECK(hits == (uint64_t)(64 * npes));

    /* The default context, and the invalid one (no action). */
    shmem_ctx_session_start(SHMEM_CTX_DEFAULT, SHMEM_CTX_SESSION_BATCH, NULL, 0);
    shmem_long_put(table, source, 64, right);
    shmem_ctx_session_stop(SHMEM_CTX_DEFAULT);
    shmem_ctx_session_start(SHMEM_CTX_INVALID, SHMEM_CTX_SESSION_BATCH, &config, SHMEM_CTX_SESSION_TOTAL_OPS);
    shmem_ctx_session_stop(SHMEM_CTX_INVALID);
    shmem_barrier_all();
    CHECK_EQ(table[63], left * 1000 + 63);
    shmem_ctx_destroy(ctx);
    return check_finish("test_session");
}
