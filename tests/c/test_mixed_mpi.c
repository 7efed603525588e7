/* Built with the OTHER MPI's mpicc against our libshmem (as a program built with the wrong
 * compiler wrapper is): the process loads two MPIs, and shmem_init must stop it with one line
 * naming both, never crash inside MPI. */
#include <shmem.h>
#include <stdio.h>

int main(void)
{
    shmem_init();
    printf("test_mixed_mpi: shmem_init returned with two MPIs loaded\n");
    shmem_finalize();
    return 0;
}
