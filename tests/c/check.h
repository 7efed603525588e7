/* The assertions of the C tests: a failure prints the PE, the line and both values, and the test
 * keeps going so that every PE reaches the next collective; the exit status reports failures. */
#ifndef OSHMPI_TEST_CHECK_H
#define OSHMPI_TEST_CHECK_H

#include <stdio.h>

static int check_failures = 0;

#if defined(__GNUC__)
#define CHECK_MAYBE_UNUSED __attribute__((unused))
#else
#define CHECK_MAYBE_UNUSED
#endif

/* This PE and its ring neighbours, set by check_start(). */
static int me CHECK_MAYBE_UNUSED, npes CHECK_MAYBE_UNUSED, right CHECK_MAYBE_UNUSED, left CHECK_MAYBE_UNUSED;

/* Starts a test: initializes OpenSHMEM and sets me, npes, right and left. */
static CHECK_MAYBE_UNUSED void check_start(void)
{
    shmem_init();
    me = shmem_my_pe();
    npes = shmem_n_pes();
    right = (me + 1) % npes;
    left = (me + npes - 1) % npes;
}

#define CHECK_EQ(actual, expected)                                                                 \
    do {                                                                                           \
        long long check_a_ = (long long)(actual), check_e_ = (long long)(expected);                \
        if (check_a_ != check_e_) {                                                                \
            fprintf(stderr, "PE %d: %s:%d: %s is %lld, expected %lld\n", shmem_my_pe(), __FILE__,  \
                    __LINE__, #actual, check_a_, check_e_);                                        \
            ++check_failures;                                                                      \
        }                                                                                          \
    } while (0)

#define CHECK(condition)                                                                           \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            fprintf(stderr, "PE %d: %s:%d: %s is false\n", shmem_my_pe(), __FILE__, __LINE__,      \
                    #condition);                                                                   \
            ++check_failures;                                                                      \
        }                                                                                          \
    } while (0)

/* Stamping tests from a types.def table whose bodies call generic bindings: those macros expand
 * the same tables, and the preprocessor does not expand a macro inside its own expansion. So the
 * table first produces deferred calls, `#define T_LATER(T, N) T CHECK_EMPTY()(T, N)`, and
 * CHECK_EXPAND(TABLE(T_LATER)) makes them once the table's expansion is over. */
#define CHECK_EMPTY()
#define CHECK_EXPAND(...) __VA_ARGS__

/* Ends the test: every PE's failures count; prints one line on PE 0. */
static int check_finish(const char* name)
{
    static int failures_on_any;
    static int local;
    local = check_failures;
    shmem_barrier_all();
    shmem_int_max_reduce(SHMEM_TEAM_WORLD, &failures_on_any, &local, 1);
    if (shmem_my_pe() == 0) printf("%s: %s\n", name, failures_on_any ? "FAILED" : "passed");
    shmem_finalize();
    return failures_on_any ? 1 : 0;
}

#endif
