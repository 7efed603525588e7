/* Nothing lost under stress: every PE sends every PE (itself too) thousands of non-blocking puts,
 * AMOs and put-with-signals, spread over the default context and three more, then checks each
 * value. First on the heap (completed by quiet on every context and a barrier), then on globals
 * with no quiet at all and the contexts left open: shmem_finalize must deliver everything, and
 * each PE checks its globals after it (they outlive the runtime). */
#include <shmem.h>

#include <stdint.h>
#include <stdio.h>

#define N 400 /* values from each PE to each PE, per phase: 25600 operations in all at 4 PEs */
#define MAX_PES 8
#define SIGNAL_EVERY 16
#define CONTEXTS 4    /* [0] is the default context */

static long source[N];                    /* put sources must stay untouched until completion */
static long global_slots[MAX_PES][N];     /* [src][i], written by PE src */
static long global_adds[MAX_PES];         /* N atomic adds of 1 from each PE */
static uint64_t global_signals[MAX_PES];  /* N / SIGNAL_EVERY signal adds from each PE */

static long value(int src, int i)
{
    return (long)src * 1000003L + i + 1;
}

static void send_all(shmem_ctx_t* ctx, int me, int npes, long* slots, long* adds, uint64_t* signals)
{
    for (int i = 0; i < N; ++i) {
        for (int k = 1; k <= npes; ++k) {
            int target = (me + k) % npes;
            shmem_ctx_t c = ctx[(i + k) % CONTEXTS];
            if (i % SIGNAL_EVERY == SIGNAL_EVERY - 1)
                shmem_ctx_long_put_signal_nbi(c, &slots[me * N + i], &source[i], 1, &signals[me], 1,
                                              SHMEM_SIGNAL_ADD, target);
            else
                shmem_ctx_long_put_nbi(c, &slots[me * N + i], &source[i], 1, target);
            shmem_ctx_long_atomic_add(c, &adds[me], 1, target);
        }
    }
}

static long count_wrong(const char* where, int me, int npes, const long* slots, const long* adds,
                        const uint64_t* signals)
{
    long wrong = 0;
    for (int src = 0; src < npes; ++src) {
        for (int i = 0; i < N; ++i) {
            if (slots[src * N + i] != value(src, i)) {
                if (wrong < 5)
                    fprintf(stderr, "PE %d: %s slot [%d][%d] is %ld, expected %ld\n", me, where, src, i,
                            slots[src * N + i], value(src, i));
                ++wrong;
            }
        }
        if (adds[src] != N) {
            fprintf(stderr, "PE %d: %s adds from PE %d: %ld, expected %d\n", me, where, src, adds[src], N);
            ++wrong;
        }
        if (signals[src] != N / SIGNAL_EVERY) {
            fprintf(stderr, "PE %d: %s signal from PE %d: %llu, expected %d\n", me, where, src,
                    (unsigned long long)signals[src], N / SIGNAL_EVERY);
            ++wrong;
        }
    }
    return wrong;
}

int main(void)
{
    shmem_init();
    int me = shmem_my_pe(), npes = shmem_n_pes();
    if (npes > MAX_PES) {
        if (me == 0) printf("test_stress: more than %d PEs, not run\n", MAX_PES);
        shmem_finalize();
        return 0;
    }
    for (int i = 0; i < N; ++i) source[i] = value(me, i);
    shmem_ctx_t ctx[CONTEXTS] = {SHMEM_CTX_DEFAULT};
    for (int c = 1; c < CONTEXTS; ++c)
        if (shmem_ctx_create(c == 1 ? SHMEM_CTX_PRIVATE : 0, &ctx[c]) != 0) ctx[c] = SHMEM_CTX_DEFAULT;

    long* slots = shmem_calloc((size_t)npes * N, sizeof(long));
    long* adds = shmem_calloc((size_t)npes, sizeof(long));
    uint64_t* signals = shmem_calloc((size_t)npes, sizeof(uint64_t));
    send_all(ctx, me, npes, slots, adds, signals);
    for (int c = 0; c < CONTEXTS; ++c) shmem_ctx_quiet(ctx[c]);
    shmem_barrier_all();
    long wrong = count_wrong("heap", me, npes, slots, adds, signals);

    /* Globals: no quiet, contexts still open; finalize completes and delivers everything. */
    send_all(ctx, me, npes, &global_slots[0][0], global_adds, global_signals);
    shmem_finalize();
    wrong += count_wrong("globals", me, npes, &global_slots[0][0], global_adds, global_signals);

    if (wrong == 0) printf("PE %d: test_stress passed (%d puts, AMOs and signals)\n", me, 4 * N * npes);
    return wrong == 0 ? 0 : 1;
}
