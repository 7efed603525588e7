/* An OpenSHMEM 1.0 program: start_pes, shmalloc, the _my_pe/_num_pes queries, puts, and no
 * shmem_finalize (the deprecated implicit finalization): the job must end cleanly with status 0,
 * the put before exit delivered. */
#include <shmem.h>
#include <stdio.h>

int main(void)
{
    start_pes(0);
    int me = _my_pe(), npes = _num_pes();
    long* word = (long*)shmalloc(sizeof(long));
    *word = -1;
    shmem_barrier_all();
    shmem_long_p(word, me, (me + 1) % npes);
    shmem_barrier_all();
    int ok = *word == (me + npes - 1) % npes;
    if (!ok) fprintf(stderr, "PE %d: word is %ld\n", me, *word);
    if (me == 0) printf("test_implicit_finalize: %s\n", ok ? "passed" : "FAILED");
    return ok ? 0 : 1;
}
