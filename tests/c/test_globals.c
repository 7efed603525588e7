#define _POSIX_C_SOURCE 200809L /* fork, waitpid */
/* Global and static variables are symmetric (the data and bss segments are a second segment), and
 * node peers reach them through shared memory exactly where they reach the heap. */
#include <shmem.h>
#include <stdint.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"

long global_initialized = 7;      /* .data */
long global_array[64];            /* .bss */
static double static_value;       /* .bss, internal linkage */
static int static_counter = 0;    /* .data or .bss */
static uint64_t signal_word;      /* .bss */
static long signalled_data[8];
long big_bss[1 << 18];            /* 2 MiB of bss, mostly never touched */

int main(void)
{
    static long function_static[4] = {1, 2, 3, 4};
    check_start();

    /* put into the right neighbour's globals */
    long row[64];
    for (int i = 0; i < 64; ++i) row[i] = me * 1000 + i;
    shmem_long_put(global_array, row, 64, right);
    shmem_long_p(&global_initialized, 100 + me, right);
    shmem_double_p(&static_value, 0.5 + me, right);
    shmem_long_p(&function_static[2], -me, right);
    shmem_barrier_all();
    for (int i = 0; i < 64; ++i) CHECK_EQ(global_array[i], left * 1000 + i);
    CHECK_EQ(global_initialized, 100 + left);
    CHECK(static_value == 0.5 + left);
    CHECK_EQ(function_static[2], -left);
    CHECK_EQ(function_static[3], 4);

    /* get from the left neighbour */
    CHECK_EQ(shmem_long_g(&global_initialized, left), 100 + (left + npes - 1) % npes);
    long got[64];
    shmem_long_get(got, global_array, 64, left);
    CHECK_EQ(got[5], ((left + npes - 1) % npes) * 1000 + 5);

    /* atomics on a static from every PE */
    shmem_barrier_all();
    shmem_int_atomic_add(&static_counter, me + 1, 0);
    shmem_barrier_all();
    if (me == 0) CHECK_EQ(static_counter, npes * (npes + 1) / 2);
    CHECK_EQ(shmem_int_atomic_fetch(&static_counter, 0), npes * (npes + 1) / 2);

    /* addressability */
    CHECK(shmem_addr_accessible(&global_initialized, right));
    CHECK(shmem_addr_accessible(&static_value, left));
    CHECK(shmem_ptr(&global_initialized, me) == (void*)&global_initialized);
    long on_stack = 0;
    CHECK(!shmem_addr_accessible(&on_stack, right));

    /* A global is reachable through shared memory exactly when the heap is (same node, shared
     * transport): shmem_ptr answers alike, and a store through it lands in the peer's global. */
    long* heap_word = shmem_malloc(sizeof(long));
    for (int pe = 0; pe < npes; ++pe) {
        CHECK_EQ(shmem_ptr(&global_initialized, pe) != NULL, shmem_ptr(heap_word, pe) != NULL);
        CHECK_EQ(shmem_ptr(&big_bss[12345], pe) != NULL, shmem_ptr(heap_word, pe) != NULL);
    }
    shmem_barrier_all();
    long* peer_static = shmem_ptr(&function_static[1], right);
    if (peer_static != NULL) *peer_static = 5000 + me;
    else shmem_long_p(&function_static[1], 5000 + me, right);
    shmem_long_p(&big_bss[(1 << 18) - 1], 7000 + me, right);
    shmem_barrier_all();
    CHECK_EQ(function_static[1], 5000 + left);
    CHECK_EQ(big_bss[(1 << 18) - 1], 7000 + left);
    CHECK_EQ(big_bss[0], 0);

    /* put-with-signal into globals, and a wait on a global signal word */
    long payload[8];
    for (int i = 0; i < 8; ++i) payload[i] = me * 10 + i;
    shmem_long_put_signal(signalled_data, payload, 8, &signal_word, 1, SHMEM_SIGNAL_ADD, right);
    shmem_signal_wait_until(&signal_word, SHMEM_CMP_EQ, 1);
    for (int i = 0; i < 8; ++i) CHECK_EQ(signalled_data[i], left * 10 + i);
    shmem_barrier_all();

    /* A fork's child gets its own copy of the globals, as with private data: its stores do not
     * reach the parent, and it sees the values the parent had. */
    global_initialized = 42;
    pid_t child = fork();
    if (child == 0) {
        int ok = global_initialized == 42 && function_static[1] == 5000 + left;
        global_initialized = -1;
        function_static[1] = -1;
        _exit(ok ? 0 : 3);
    }
    int status = 0;
    CHECK(child > 0 && waitpid(child, &status, 0) == child);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CHECK_EQ(global_initialized, 42);
    CHECK_EQ(function_static[1], 5000 + left);
    shmem_free(heap_word);
    return check_finish("test_globals");
}
