/* Bad input to each class of C routine, one row per (routine class, bad argument), chosen by
 * argv[1]; check_bad_input.py runs each row as its own job and checks the status and stderr.
 * Only PE 0 makes the bad call, so exactly one message is expected; the other PEs wait in a
 * barrier that the abort ends. A COLLECTIVE row runs on every PE (one message from each), a
 * BEFORE_INIT row on the launcher's rank 0 before shmem_init. Rows marked "defined" are valid
 * calls with a specified result and must return normally (status 0) with or without SHMEM_DEBUG. */
#include <shmem.h>

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long sym;  /* symmetric (data segment) */
static long sym2;
static uint64_t sig;
static long arr[8];  /* symmetric */
static long arr2[8];

typedef void (*row_fn)(int bad_pe);

static void put_pe(int pe) { long v = 1; shmem_long_put(&sym, &v, 1, pe); }
static void get_pe(int pe) { long v; shmem_long_get(&v, &sym, 1, pe); }
static void p_pe(int pe) { shmem_long_p(&sym, 1, pe); }
static void g_pe(int pe) { (void)shmem_long_g(&sym, pe); }
static void iput_pe(int pe) { long v = 1; shmem_long_iput(&sym, &v, 1, 1, 1, pe); }
static void iget_pe(int pe) { long v; shmem_long_iget(&v, &sym, 1, 1, 1, pe); }
static void put_nbi_pe(int pe) { long v = 1; shmem_long_put_nbi(&sym, &v, 1, pe); shmem_quiet(); }
static void get_nbi_pe(int pe) { long v; shmem_long_get_nbi(&v, &sym, 1, pe); shmem_quiet(); }
static void amo_pe(int pe) { (void)shmem_long_atomic_fetch_add(&sym, 1, pe); }
static void amo_set_pe(int pe) { shmem_long_atomic_set(&sym, 1, pe); }
static void put_signal_pe(int pe) { long v = 1; shmem_long_put_signal(&sym, &v, 1, &sig, 1, SHMEM_SIGNAL_SET, pe); }

static void put_dest_stack(int pe) { long d = 0, v = 1; (void)pe; shmem_long_put(&d, &v, 1, 1); }
static void get_src_stack(int pe) { long s = 0, v; (void)pe; shmem_long_get(&v, &s, 1, 1); }
static void amo_dest_stack(int pe) { long d = 0; (void)pe; (void)shmem_long_atomic_fetch_add(&d, 1, 1); }
static void put_source_null(int pe) { (void)pe; shmem_long_put(&sym, NULL, 1, 1); }
static void wait_stack(int pe) { long d = 0; (void)pe; shmem_long_wait_until(&d, SHMEM_CMP_EQ, 0); }
static void wait_bad_cmp(int pe) { (void)pe; shmem_long_wait_until(&sym, 99, 0); }
static void test_bad_cmp(int pe) { (void)pe; (void)shmem_long_test(&sym, 99, 0); }
static void ctx_invalid_put(int pe) { long v = 1; (void)pe; shmem_ctx_long_put(SHMEM_CTX_INVALID, &sym, &v, 1, 1); }
static void signal_op_bad(int pe) { long v = 1; (void)pe; shmem_long_put_signal(&sym, &v, 1, &sig, 1, 7, 1); }
static void reduce_dest_stack(int pe) { long d; (void)pe; (void)shmem_long_sum_reduce(SHMEM_TEAM_WORLD, &d, &sym, 1); }
static void reduce_team_invalid(int pe) { (void)pe; (void)shmem_long_sum_reduce(SHMEM_TEAM_INVALID, &sym2, &sym, 1); }
static void bcast_team_invalid(int pe) { (void)pe; (void)shmem_long_broadcast(SHMEM_TEAM_INVALID, &sym2, &sym, 1, 0); }

static void iput_dst_zero(int pe) { long v[2] = {1, 2}; (void)pe; shmem_long_iput(arr, v, 0, 1, 2, 1); }
static void iget_sst_neg(int pe) { long v[2]; (void)pe; shmem_long_iget(v, arr, 1, -2, 2, 1); }
static void ibput_sst_zero(int pe) { long v[4] = {0}; (void)pe; shmem_long_ibput(arr, v, 2, 0, 2, 2, 1); }
/* Blocks of 2 elements 1 apart in dest: they overlap, so the result would depend on the order. */
static void ibget_dest_overlap(int pe) { long v[4]; (void)pe; shmem_long_ibget(v, arr, 1, 2, 2, 2, 1); }
/* A count whose byte size does not fit in size_t (wraps to a small number without a check). */
static void put_count_huge(int pe) { long v = 1; (void)pe; shmem_long_put(&sym, &v, SIZE_MAX / 4, 1); }
static void get_nbi_count_huge(int pe) { long v; (void)pe; shmem_long_get_nbi(&v, &sym, SIZE_MAX / 4, 1); shmem_quiet(); }
static void put_signal_count_huge(int pe)
{
    long v = 1;
    (void)pe;
    shmem_long_put_signal(&sym, &v, SIZE_MAX / 4, &sig, 1, SHMEM_SIGNAL_SET, 1);
}
static void iput_count_huge(int pe) { long v = 1; (void)pe; shmem_long_iput(arr, &v, 1, 1, SIZE_MAX / 2, 1); }
static void lock_stack(int pe) { long lock = 0; (void)pe; shmem_set_lock(&lock); }
static void test_lock_stack(int pe) { long lock = 0; (void)pe; (void)shmem_test_lock(&lock); }
static void put_before_init(int pe) { long v = 1; (void)pe; shmem_long_put(&sym, &v, 1, 0); }
static void barrier_before_init(int pe) { (void)pe; shmem_barrier_all(); }
/* Collective rows (every PE calls). The team collectives return a status rather than abort (the
 * spec's error channel for them); like a careful program, the row exits with it. */
static int status;
static void destroyed_team_sync(int pe)
{
    shmem_team_t t;
    (void)pe;
    shmem_team_split_strided(SHMEM_TEAM_WORLD, 0, 1, shmem_n_pes(), NULL, 0, &t);
    shmem_team_destroy(t);
    status = shmem_team_sync(t);
}
static void destroyed_team_bcast(int pe)
{
    shmem_team_t t;
    (void)pe;
    shmem_team_split_strided(SHMEM_TEAM_WORLD, 0, 1, shmem_n_pes(), NULL, 0, &t);
    shmem_team_destroy(t);
    status = shmem_long_broadcast(t, arr2, arr, 1, 0);
}
static void bcast_overlap(int pe) { (void)pe; status = shmem_long_broadcast(SHMEM_TEAM_WORLD, arr + 1, arr, 4, 0); }
static void fcollect_overlap(int pe) { (void)pe; status = shmem_long_fcollect(SHMEM_TEAM_WORLD, arr + 1, arr, 2); }
/* source and dest hold 8 longs; 2^24 elements per PE reach past the end of the globals in every
 * layout (ASan's redzones included), so the source extent is what fails, before any overlap. */
static void alltoall_nelems_big(int pe) { (void)pe; status = shmem_long_alltoall(SHMEM_TEAM_WORLD, arr2, arr, (size_t)1 << 24); }
/* PE 0 alone: the SHMEM_DEBUG check aborts before the collective communicates. */
static void collect_nelems_huge(int pe) { (void)pe; (void)shmem_long_collect(SHMEM_TEAM_WORLD, arr2, arr, SIZE_MAX / 4); }

/* Defined results, no error: each checks its value and returns. */
static int failed;
static void ptr_pe(int pe) { if (shmem_ptr(&sym, pe) != NULL) { puts("wrong: shmem_ptr to a bad PE not NULL"); failed = 1; } }
static void translate_pe(int pe)
{
    if (shmem_team_translate_pe(SHMEM_TEAM_WORLD, pe, SHMEM_TEAM_WORLD) != -1) { puts("wrong: translate not -1"); failed = 1; }
}
static void malloc_huge(int pe) { (void)pe; if (shmem_malloc((size_t)1 << 60) != NULL) { puts("wrong: huge malloc not NULL"); failed = 1; } }
static void quiet_ctx_invalid(int pe) { (void)pe; shmem_ctx_quiet(SHMEM_CTX_INVALID); shmem_ctx_fence(SHMEM_CTX_INVALID); }

static void align_not_pow2(int pe) { (void)pe; if (shmem_align(24, 64) != NULL) { puts("wrong: shmem_align(24) not NULL"); failed = 1; } }
static void split_stride_bad(int pe)
{
    shmem_team_t t;
    (void)pe;
    /* stride 0 with several PEs names one PE many times: the spec's answer is a non-zero status and
     * SHMEM_TEAM_INVALID, on every PE of the parent team. */
    if (shmem_team_split_strided(SHMEM_TEAM_WORLD, 0, 0, 2, NULL, 0, &t) == 0 || t != SHMEM_TEAM_INVALID) {
        puts("wrong: split with stride 0 succeeded");
        failed = 1;
    }
}
static void split_size_bad(int pe)
{
    shmem_team_t t;
    (void)pe;
    if (shmem_team_split_strided(SHMEM_TEAM_WORLD, 0, 1, shmem_n_pes() + 1, NULL, 0, &t) == 0 ||
        t != SHMEM_TEAM_INVALID) {
        puts("wrong: split past the parent team succeeded");
        failed = 1;
    }
}

enum { ONE = 0, COLLECTIVE = 1, BEFORE_INIT = 2 };
static const struct { const char* name; row_fn fn; int collective; } rows[] = {
    {"put_pe", put_pe, 0}, {"get_pe", get_pe, 0}, {"p_pe", p_pe, 0}, {"g_pe", g_pe, 0},
    {"iput_pe", iput_pe, 0}, {"iget_pe", iget_pe, 0}, {"put_nbi_pe", put_nbi_pe, 0},
    {"get_nbi_pe", get_nbi_pe, 0}, {"amo_pe", amo_pe, 0}, {"amo_set_pe", amo_set_pe, 0},
    {"put_signal_pe", put_signal_pe, 0}, {"put_dest_stack", put_dest_stack, 0},
    {"get_src_stack", get_src_stack, 0}, {"amo_dest_stack", amo_dest_stack, 0},
    {"put_source_null", put_source_null, 0}, {"wait_stack", wait_stack, 0},
    {"wait_bad_cmp", wait_bad_cmp, 0}, {"test_bad_cmp", test_bad_cmp, 0},
    {"ctx_invalid_put", ctx_invalid_put, 0}, {"signal_op_bad", signal_op_bad, 0},
    {"reduce_dest_stack", reduce_dest_stack, 0}, {"reduce_team_invalid", reduce_team_invalid, 0},
    {"bcast_team_invalid", bcast_team_invalid, 0},
    {"ptr_pe", ptr_pe, 0}, {"translate_pe", translate_pe, 0}, {"malloc_huge", malloc_huge, 1},
    {"quiet_ctx_invalid", quiet_ctx_invalid, 0},
    {"iput_dst_zero", iput_dst_zero, ONE}, {"iget_sst_neg", iget_sst_neg, ONE},
    {"ibput_sst_zero", ibput_sst_zero, ONE}, {"ibget_dest_overlap", ibget_dest_overlap, ONE},
    {"put_count_huge", put_count_huge, ONE}, {"get_nbi_count_huge", get_nbi_count_huge, ONE},
    {"iput_count_huge", iput_count_huge, ONE}, {"put_signal_count_huge", put_signal_count_huge, ONE}, {"lock_stack", lock_stack, ONE},
    {"test_lock_stack", test_lock_stack, ONE}, {"put_before_init", put_before_init, BEFORE_INIT},
    {"barrier_before_init", barrier_before_init, BEFORE_INIT},
    {"destroyed_team_sync", destroyed_team_sync, COLLECTIVE},
    {"destroyed_team_bcast", destroyed_team_bcast, COLLECTIVE},
    {"bcast_overlap", bcast_overlap, COLLECTIVE}, {"fcollect_overlap", fcollect_overlap, COLLECTIVE},
    {"alltoall_nelems_big", alltoall_nelems_big, COLLECTIVE},
    {"collect_nelems_huge", collect_nelems_huge, ONE},
    {"align_not_pow2", align_not_pow2, COLLECTIVE}, {"split_stride_bad", split_stride_bad, COLLECTIVE},
    {"split_size_bad", split_size_bad, COLLECTIVE},
};

int main(int argc, char** argv)
{
    if (argc != 3) { fprintf(stderr, "usage: %s ROW (big|neg)\n", argv[0]); return 2; }
    /* Before shmem_init there is no PE number to pick the one caller by: the launcher's rank stands in
     * (Hydra's PMI_RANK, Open MPI's OMPI_COMM_WORLD_RANK). The other processes end at once without
     * initializing: in shmem_init they would wait for the caller, which Hydra never ends. */
    const char* rank = getenv("PMI_RANK");
    if (rank == NULL) rank = getenv("OMPI_COMM_WORLD_RANK");
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; ++i) {
        if (rows[i].collective != BEFORE_INIT || strcmp(rows[i].name, argv[1]) != 0) continue;
        if (rank != NULL && strcmp(rank, "0") != 0) return 0;
        rows[i].fn(-1);
    }
    shmem_init();
    int me = shmem_my_pe(), n = shmem_n_pes();
    int bad_pe = strcmp(argv[2], "neg") == 0 ? -1 : n;
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; ++i) {
        if (strcmp(rows[i].name, argv[1]) != 0) continue;
        if (me == 0 || rows[i].collective == COLLECTIVE) rows[i].fn(bad_pe);
        shmem_barrier_all();
        shmem_finalize();
        return failed || status != 0;
    }
    if (me == 0) fprintf(stderr, "unknown row %s\n", argv[1]);
    shmem_finalize();
    return 2;
}
