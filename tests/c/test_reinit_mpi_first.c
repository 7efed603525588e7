/* Repeated initialization when the program owns MPI: shmem_finalize never finalizes it, MPI stays
 * usable between OpenSHMEM phases, and the program's MPI_Finalize, with OpenSHMEM initialized
 * (and nested), tears OpenSHMEM down first. */
#include <mpi.h>
#include <shmem.h>
#include <stdio.h>

static int failures = 0;
#define EXPECT(condition)                                                                          \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            fprintf(stderr, "test_reinit_mpi_first:%d: %s is false\n", __LINE__, #condition);      \
            ++failures;                                                                            \
        }                                                                                          \
    } while (0)

static long word;

int main(int argc, char** argv)
{
    int rank, size, flag = -1, finalized = 1, cycle, sum = 0, one = 1;
    MPI_Init(&argc, &argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    for (cycle = 1; cycle <= 2; ++cycle) {
        shmem_init();
        EXPECT(shmem_my_pe() == rank);
        shmem_long_atomic_add(&word, cycle, (rank + 1) % size);
        shmem_barrier_all();
        EXPECT(word == (cycle == 1 ? 1 : 3));
        shmem_finalize();
        shmem_query_initialized(&flag);
        EXPECT(flag == 0);
        MPI_Finalized(&finalized);
        EXPECT(finalized == 0);
        MPI_Allreduce(&one, &sum, 1, MPI_INT, MPI_SUM, MPI_COMM_WORLD);
        EXPECT(sum == size);
    }
    /* Initialized twice and never finalized: the program's MPI_Finalize runs OpenSHMEM's teardown. */
    shmem_init();
    shmem_init();
    shmem_long_p(&word, 7, (rank + 1) % size);
    int any = 0;
    MPI_Allreduce(&failures, &any, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
    if (rank == 0) printf("test_reinit_mpi_first: %s\n", any ? "FAILED" : "passed");
    MPI_Finalize();
    shmem_query_initialized(&flag);
    return any || flag != 0 ? 1 : 0;
}
