/* Global and static variables are symmetric: the data and bss segments are a second window. */
#include <shmem.h>
#include <string.h>

#include "check.h"

long global_initialized = 7;      /* .data */
long global_array[64];            /* .bss */
static double static_value;       /* .bss, internal linkage */
static int static_counter = 0;    /* .data or .bss */

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
    return check_finish("test_globals");
}
