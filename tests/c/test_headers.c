/* Every public header, compiled with -pedantic -Werror as C99, C11 and gnu11 (and as C++ from
 * test_headers.cpp, which includes this file). Under C11 it also instantiates generic bindings. */
#include <shmem.h>
#include <shmemx.h>
#include <pshmem.h>
#include <mpp/shmem.h>
#include <mpp/shmemx.h>

#if SHMEM_MAJOR_VERSION != 1 || SHMEM_MINOR_VERSION != 6
#error "the library must report OpenSHMEM 1.6"
#endif

void use_generics(long* dest, const long* source, unsigned int* bits, shmem_ctx_t ctx);
void use_generics(long* dest, const long* source, unsigned int* bits, shmem_ctx_t ctx)
{
#if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
    shmem_put(dest, source, 1, 0);
    shmem_put(ctx, dest, source, 1, 0);
    shmem_atomic_fetch_xor(bits, 1u, 0);
    shmem_wait_until(dest, SHMEM_CMP_NE, 0L);
    (void)shmem_g(ctx, source, 0);
    (void)shmem_sum_reduce(SHMEM_TEAM_WORLD, dest, source, 1);
#endif
    shmem_long_put(dest, source, 1, 0);
    pshmem_ctx_uint_atomic_xor(ctx, bits, 1u, 0);
}

int main(void)
{
    char name[SHMEM_MAX_NAME_LEN];
    shmem_team_config_t config = {0};
    (void)config;
    shmem_info_get_name(name);
    return 0;
}
