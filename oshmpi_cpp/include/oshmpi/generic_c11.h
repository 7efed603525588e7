/* The C11 type-generic bindings of OpenSHMEM 1.6 (included by shmem.h under C11 and later).
 *
 * A generic routine resolves in two steps, so that its associations are exactly the types of its
 * own spec table, fixed-width ones included:
 *  1. OSHMPI_TAG(TABLE, x) maps the element type of x to a tag, `struct oshmpi_tn_<TYPENAME> *`,
 *     looking the table up group by group (OSHMPI_TYPE_GROUP_* in types.def): the plain C types
 *     first, then the exact-width typedefs, then size_t and ptrdiff_t. Each group is one _Generic
 *     whose types are distinct, so int32_t finds its entry in a table without int, and int finds
 *     int's entry in a table that has both.
 *  2. OSHMPI_SELECT picks the routine by tag; tags are distinct types, so every entry takes part.
 * A type outside the table gets the tag `struct oshmpi_type_not_in_this_routines_table *`, which no
 * routine accepts: the compiler reports that the selector matches no association.
 *
 * A routine with a context form is told apart by its argument count: OSHMPI_NTH_<n+2> picks the
 * context form when there is one more argument than the plain form takes. */
#ifndef OSHMPI_GENERIC_C11_H
#define OSHMPI_GENERIC_C11_H

struct oshmpi_generic_none {
    char unused;
};
#define OSHMPI_DECLARE_TAG(T, N) struct oshmpi_tn_##N;
OSHMPI_ALL_TYPES(OSHMPI_DECLARE_TAG)
#undef OSHMPI_DECLARE_TAG
struct oshmpi_type_not_in_this_routines_table;

#define OSHMPI_CAT(a, b) OSHMPI_CAT_(a, b)
#define OSHMPI_CAT_(a, b) a##b
/* OSHMPI_IF_GROUP(g, TYPENAME, (tokens)): the tokens when TYPENAME is in group g, else nothing. */
#define OSHMPI_KEEP_1_1(x) OSHMPI_UNPAREN x
#define OSHMPI_KEEP_1_2(x)
#define OSHMPI_KEEP_1_3(x)
#define OSHMPI_KEEP_2_1(x)
#define OSHMPI_KEEP_2_2(x) OSHMPI_UNPAREN x
#define OSHMPI_KEEP_2_3(x)
#define OSHMPI_KEEP_3_1(x)
#define OSHMPI_KEEP_3_2(x)
#define OSHMPI_KEEP_3_3(x) OSHMPI_UNPAREN x
#define OSHMPI_IF_GROUP(g, TN, x) OSHMPI_CAT(OSHMPI_KEEP_##g##_, OSHMPI_TYPE_GROUP_##TN)(x)

#define OSHMPI_TAG1(T, N) OSHMPI_IF_GROUP(1, N, (, T : (struct oshmpi_tn_##N *)0))
#define OSHMPI_TAG2(T, N) OSHMPI_IF_GROUP(2, N, (, T : (struct oshmpi_tn_##N *)0))
#define OSHMPI_TAG3(T, N) OSHMPI_IF_GROUP(3, N, (, T : (struct oshmpi_tn_##N *)0))
/* The lvalue conversion of *(x) drops const, so const and plain pointers resolve alike. */
#define OSHMPI_TAG(TABLE, x)                                                                       \
    _Generic(*(x), struct oshmpi_generic_none : 0 TABLE(OSHMPI_TAG1),                              \
        default : _Generic(*(x), struct oshmpi_generic_none : 0 TABLE(OSHMPI_TAG2),                \
            default : _Generic(*(x), struct oshmpi_generic_none : 0 TABLE(OSHMPI_TAG3),            \
                default : (struct oshmpi_type_not_in_this_routines_table *)0)))

#define OSHMPI_ASSOC(N, R) , struct oshmpi_tn_##N * : shmem_##N##_##R
#define OSHMPI_ASSOC_CTX(N, R) , struct oshmpi_tn_##N * : shmem_ctx_##N##_##R
#define OSHMPI_SELECT(TABLE, R, x)                                                                 \
    _Generic(OSHMPI_TAG(TABLE, x), struct oshmpi_generic_none * : 0 TABLE(OSHMPI_G_##R))
#define OSHMPI_SELECT_CTX(TABLE, R, x)                                                             \
    _Generic(OSHMPI_TAG(TABLE, x), struct oshmpi_generic_none * : 0 TABLE(OSHMPI_GC_##R))
#define OSHMPI_PLAIN(TABLE, R, x, ...) OSHMPI_SELECT(TABLE, R, x)(x, __VA_ARGS__)
#define OSHMPI_WITH_CTX(TABLE, R, ctx, x, ...) OSHMPI_SELECT_CTX(TABLE, R, x)(ctx, x, __VA_ARGS__)
#define OSHMPI_WITH_TEAM(TABLE, R, team, x, ...) OSHMPI_SELECT(TABLE, R, x)(team, x, __VA_ARGS__)
#define OSHMPI_NTH_4(_1, _2, _3, _4, ...) _4
#define OSHMPI_NTH_5(_1, _2, _3, _4, _5, ...) _5
#define OSHMPI_NTH_6(_1, _2, _3, _4, _5, _6, ...) _6
#define OSHMPI_NTH_7(_1, _2, _3, _4, _5, _6, _7, ...) _7
#define OSHMPI_NTH_8(_1, _2, _3, _4, _5, _6, _7, _8, ...) _8
#define OSHMPI_NTH_9(_1, _2, _3, _4, _5, _6, _7, _8, _9, ...) _9
#define OSHMPI_NTH_10(_1, _2, _3, _4, _5, _6, _7, _8, _9, _10, ...) _10
/* OSHMPI_CTX_GENERIC(k, TABLE, R, args): k = plain argument count + 2. */
#define OSHMPI_CTX_GENERIC(k, TABLE, R, ...)                                                       \
    OSHMPI_NTH_##k(__VA_ARGS__, OSHMPI_WITH_CTX, OSHMPI_PLAIN, _)(TABLE, R, __VA_ARGS__)

/* The associations of each generic routine: OSHMPI_G_<R> for the plain form, OSHMPI_GC_<R> for the
 * context form. */
#define OSHMPI_G_put(T, N) OSHMPI_ASSOC(N, put)
#define OSHMPI_GC_put(T, N) OSHMPI_ASSOC_CTX(N, put)
#define OSHMPI_G_get(T, N) OSHMPI_ASSOC(N, get)
#define OSHMPI_GC_get(T, N) OSHMPI_ASSOC_CTX(N, get)
#define OSHMPI_G_p(T, N) OSHMPI_ASSOC(N, p)
#define OSHMPI_GC_p(T, N) OSHMPI_ASSOC_CTX(N, p)
#define OSHMPI_G_g(T, N) OSHMPI_ASSOC(N, g)
#define OSHMPI_GC_g(T, N) OSHMPI_ASSOC_CTX(N, g)
#define OSHMPI_G_iput(T, N) OSHMPI_ASSOC(N, iput)
#define OSHMPI_GC_iput(T, N) OSHMPI_ASSOC_CTX(N, iput)
#define OSHMPI_G_iget(T, N) OSHMPI_ASSOC(N, iget)
#define OSHMPI_GC_iget(T, N) OSHMPI_ASSOC_CTX(N, iget)
#define OSHMPI_G_ibput(T, N) OSHMPI_ASSOC(N, ibput)
#define OSHMPI_GC_ibput(T, N) OSHMPI_ASSOC_CTX(N, ibput)
#define OSHMPI_G_ibget(T, N) OSHMPI_ASSOC(N, ibget)
#define OSHMPI_GC_ibget(T, N) OSHMPI_ASSOC_CTX(N, ibget)
#define OSHMPI_G_put_nbi(T, N) OSHMPI_ASSOC(N, put_nbi)
#define OSHMPI_GC_put_nbi(T, N) OSHMPI_ASSOC_CTX(N, put_nbi)
#define OSHMPI_G_get_nbi(T, N) OSHMPI_ASSOC(N, get_nbi)
#define OSHMPI_GC_get_nbi(T, N) OSHMPI_ASSOC_CTX(N, get_nbi)
#define OSHMPI_G_put_signal(T, N) OSHMPI_ASSOC(N, put_signal)
#define OSHMPI_GC_put_signal(T, N) OSHMPI_ASSOC_CTX(N, put_signal)
#define OSHMPI_G_put_signal_nbi(T, N) OSHMPI_ASSOC(N, put_signal_nbi)
#define OSHMPI_GC_put_signal_nbi(T, N) OSHMPI_ASSOC_CTX(N, put_signal_nbi)
#define OSHMPI_G_atomic_fetch(T, N) OSHMPI_ASSOC(N, atomic_fetch)
#define OSHMPI_GC_atomic_fetch(T, N) OSHMPI_ASSOC_CTX(N, atomic_fetch)
#define OSHMPI_G_atomic_set(T, N) OSHMPI_ASSOC(N, atomic_set)
#define OSHMPI_GC_atomic_set(T, N) OSHMPI_ASSOC_CTX(N, atomic_set)
#define OSHMPI_G_atomic_swap(T, N) OSHMPI_ASSOC(N, atomic_swap)
#define OSHMPI_GC_atomic_swap(T, N) OSHMPI_ASSOC_CTX(N, atomic_swap)
#define OSHMPI_G_atomic_fetch_nbi(T, N) OSHMPI_ASSOC(N, atomic_fetch_nbi)
#define OSHMPI_GC_atomic_fetch_nbi(T, N) OSHMPI_ASSOC_CTX(N, atomic_fetch_nbi)
#define OSHMPI_G_atomic_swap_nbi(T, N) OSHMPI_ASSOC(N, atomic_swap_nbi)
#define OSHMPI_GC_atomic_swap_nbi(T, N) OSHMPI_ASSOC_CTX(N, atomic_swap_nbi)
#define OSHMPI_G_atomic_compare_swap(T, N) OSHMPI_ASSOC(N, atomic_compare_swap)
#define OSHMPI_GC_atomic_compare_swap(T, N) OSHMPI_ASSOC_CTX(N, atomic_compare_swap)
#define OSHMPI_G_atomic_fetch_inc(T, N) OSHMPI_ASSOC(N, atomic_fetch_inc)
#define OSHMPI_GC_atomic_fetch_inc(T, N) OSHMPI_ASSOC_CTX(N, atomic_fetch_inc)
#define OSHMPI_G_atomic_inc(T, N) OSHMPI_ASSOC(N, atomic_inc)
#define OSHMPI_GC_atomic_inc(T, N) OSHMPI_ASSOC_CTX(N, atomic_inc)
#define OSHMPI_G_atomic_fetch_add(T, N) OSHMPI_ASSOC(N, atomic_fetch_add)
#define OSHMPI_GC_atomic_fetch_add(T, N) OSHMPI_ASSOC_CTX(N, atomic_fetch_add)
#define OSHMPI_G_atomic_add(T, N) OSHMPI_ASSOC(N, atomic_add)
#define OSHMPI_GC_atomic_add(T, N) OSHMPI_ASSOC_CTX(N, atomic_add)
#define OSHMPI_G_atomic_compare_swap_nbi(T, N) OSHMPI_ASSOC(N, atomic_compare_swap_nbi)
#define OSHMPI_GC_atomic_compare_swap_nbi(T, N) OSHMPI_ASSOC_CTX(N, atomic_compare_swap_nbi)
#define OSHMPI_G_atomic_fetch_inc_nbi(T, N) OSHMPI_ASSOC(N, atomic_fetch_inc_nbi)
#define OSHMPI_GC_atomic_fetch_inc_nbi(T, N) OSHMPI_ASSOC_CTX(N, atomic_fetch_inc_nbi)
#define OSHMPI_G_atomic_fetch_add_nbi(T, N) OSHMPI_ASSOC(N, atomic_fetch_add_nbi)
#define OSHMPI_GC_atomic_fetch_add_nbi(T, N) OSHMPI_ASSOC_CTX(N, atomic_fetch_add_nbi)
#define OSHMPI_G_atomic_fetch_and(T, N) OSHMPI_ASSOC(N, atomic_fetch_and)
#define OSHMPI_GC_atomic_fetch_and(T, N) OSHMPI_ASSOC_CTX(N, atomic_fetch_and)
#define OSHMPI_G_atomic_and(T, N) OSHMPI_ASSOC(N, atomic_and)
#define OSHMPI_GC_atomic_and(T, N) OSHMPI_ASSOC_CTX(N, atomic_and)
#define OSHMPI_G_atomic_fetch_or(T, N) OSHMPI_ASSOC(N, atomic_fetch_or)
#define OSHMPI_GC_atomic_fetch_or(T, N) OSHMPI_ASSOC_CTX(N, atomic_fetch_or)
#define OSHMPI_G_atomic_or(T, N) OSHMPI_ASSOC(N, atomic_or)
#define OSHMPI_GC_atomic_or(T, N) OSHMPI_ASSOC_CTX(N, atomic_or)
#define OSHMPI_G_atomic_fetch_xor(T, N) OSHMPI_ASSOC(N, atomic_fetch_xor)
#define OSHMPI_GC_atomic_fetch_xor(T, N) OSHMPI_ASSOC_CTX(N, atomic_fetch_xor)
#define OSHMPI_G_atomic_xor(T, N) OSHMPI_ASSOC(N, atomic_xor)
#define OSHMPI_GC_atomic_xor(T, N) OSHMPI_ASSOC_CTX(N, atomic_xor)
#define OSHMPI_G_atomic_fetch_and_nbi(T, N) OSHMPI_ASSOC(N, atomic_fetch_and_nbi)
#define OSHMPI_GC_atomic_fetch_and_nbi(T, N) OSHMPI_ASSOC_CTX(N, atomic_fetch_and_nbi)
#define OSHMPI_G_atomic_fetch_or_nbi(T, N) OSHMPI_ASSOC(N, atomic_fetch_or_nbi)
#define OSHMPI_GC_atomic_fetch_or_nbi(T, N) OSHMPI_ASSOC_CTX(N, atomic_fetch_or_nbi)
#define OSHMPI_G_atomic_fetch_xor_nbi(T, N) OSHMPI_ASSOC(N, atomic_fetch_xor_nbi)
#define OSHMPI_GC_atomic_fetch_xor_nbi(T, N) OSHMPI_ASSOC_CTX(N, atomic_fetch_xor_nbi)
#define OSHMPI_G_fetch(T, N) OSHMPI_ASSOC(N, fetch)
#define OSHMPI_G_set(T, N) OSHMPI_ASSOC(N, set)
#define OSHMPI_G_swap(T, N) OSHMPI_ASSOC(N, swap)
#define OSHMPI_G_cswap(T, N) OSHMPI_ASSOC(N, cswap)
#define OSHMPI_G_finc(T, N) OSHMPI_ASSOC(N, finc)
#define OSHMPI_G_inc(T, N) OSHMPI_ASSOC(N, inc)
#define OSHMPI_G_fadd(T, N) OSHMPI_ASSOC(N, fadd)
#define OSHMPI_G_add(T, N) OSHMPI_ASSOC(N, add)
#define OSHMPI_G_broadcast(T, N) OSHMPI_ASSOC(N, broadcast)
#define OSHMPI_G_collect(T, N) OSHMPI_ASSOC(N, collect)
#define OSHMPI_G_fcollect(T, N) OSHMPI_ASSOC(N, fcollect)
#define OSHMPI_G_alltoall(T, N) OSHMPI_ASSOC(N, alltoall)
#define OSHMPI_G_alltoalls(T, N) OSHMPI_ASSOC(N, alltoalls)
#define OSHMPI_G_and_reduce(T, N) OSHMPI_ASSOC(N, and_reduce)
#define OSHMPI_G_or_reduce(T, N) OSHMPI_ASSOC(N, or_reduce)
#define OSHMPI_G_xor_reduce(T, N) OSHMPI_ASSOC(N, xor_reduce)
#define OSHMPI_G_max_reduce(T, N) OSHMPI_ASSOC(N, max_reduce)
#define OSHMPI_G_min_reduce(T, N) OSHMPI_ASSOC(N, min_reduce)
#define OSHMPI_G_sum_reduce(T, N) OSHMPI_ASSOC(N, sum_reduce)
#define OSHMPI_G_prod_reduce(T, N) OSHMPI_ASSOC(N, prod_reduce)
#define OSHMPI_G_sum_inscan(T, N) OSHMPI_ASSOC(N, sum_inscan)
#define OSHMPI_G_sum_exscan(T, N) OSHMPI_ASSOC(N, sum_exscan)
#define OSHMPI_G_wait_until(T, N) OSHMPI_ASSOC(N, wait_until)
#define OSHMPI_G_wait_until_all(T, N) OSHMPI_ASSOC(N, wait_until_all)
#define OSHMPI_G_wait_until_any(T, N) OSHMPI_ASSOC(N, wait_until_any)
#define OSHMPI_G_wait_until_some(T, N) OSHMPI_ASSOC(N, wait_until_some)
#define OSHMPI_G_wait_until_all_vector(T, N) OSHMPI_ASSOC(N, wait_until_all_vector)
#define OSHMPI_G_wait_until_any_vector(T, N) OSHMPI_ASSOC(N, wait_until_any_vector)
#define OSHMPI_G_wait_until_some_vector(T, N) OSHMPI_ASSOC(N, wait_until_some_vector)
#define OSHMPI_G_test(T, N) OSHMPI_ASSOC(N, test)
#define OSHMPI_G_test_all(T, N) OSHMPI_ASSOC(N, test_all)
#define OSHMPI_G_test_any(T, N) OSHMPI_ASSOC(N, test_any)
#define OSHMPI_G_test_some(T, N) OSHMPI_ASSOC(N, test_some)
#define OSHMPI_G_test_all_vector(T, N) OSHMPI_ASSOC(N, test_all_vector)
#define OSHMPI_G_test_any_vector(T, N) OSHMPI_ASSOC(N, test_any_vector)
#define OSHMPI_G_test_some_vector(T, N) OSHMPI_ASSOC(N, test_some_vector)

/* RMA (9.6) and signals (9.8) */
#define shmem_put(...) OSHMPI_CTX_GENERIC(6, OSHMPI_RMA_TYPES, put, __VA_ARGS__)
#define shmem_get(...) OSHMPI_CTX_GENERIC(6, OSHMPI_RMA_TYPES, get, __VA_ARGS__)
#define shmem_p(...) OSHMPI_CTX_GENERIC(5, OSHMPI_RMA_TYPES, p, __VA_ARGS__)
#define shmem_g(...) OSHMPI_CTX_GENERIC(4, OSHMPI_RMA_TYPES, g, __VA_ARGS__)
#define shmem_iput(...) OSHMPI_CTX_GENERIC(8, OSHMPI_RMA_TYPES, iput, __VA_ARGS__)
#define shmem_iget(...) OSHMPI_CTX_GENERIC(8, OSHMPI_RMA_TYPES, iget, __VA_ARGS__)
#define shmem_ibput(...) OSHMPI_CTX_GENERIC(9, OSHMPI_RMA_TYPES, ibput, __VA_ARGS__)
#define shmem_ibget(...) OSHMPI_CTX_GENERIC(9, OSHMPI_RMA_TYPES, ibget, __VA_ARGS__)
#define shmem_put_nbi(...) OSHMPI_CTX_GENERIC(6, OSHMPI_RMA_TYPES, put_nbi, __VA_ARGS__)
#define shmem_get_nbi(...) OSHMPI_CTX_GENERIC(6, OSHMPI_RMA_TYPES, get_nbi, __VA_ARGS__)
#define shmem_put_signal(...) OSHMPI_CTX_GENERIC(9, OSHMPI_RMA_TYPES, put_signal, __VA_ARGS__)
#define shmem_put_signal_nbi(...) OSHMPI_CTX_GENERIC(9, OSHMPI_RMA_TYPES, put_signal_nbi, __VA_ARGS__)
/* shmem_signal_add/set take no element type: the C11 form is the context one (4 arguments), the C
 * form (3) stays the function. Inside its own expansion a macro's name is not expanded again. */
#define shmem_signal_add(...) OSHMPI_NTH_5(__VA_ARGS__, shmem_ctx_signal_add, shmem_signal_add, _)(__VA_ARGS__)
#define shmem_signal_set(...) OSHMPI_NTH_5(__VA_ARGS__, shmem_ctx_signal_set, shmem_signal_set, _)(__VA_ARGS__)
/* AMO (9.7) */
#define shmem_atomic_fetch(...) OSHMPI_CTX_GENERIC(4, OSHMPI_AMO_EXTENDED_TYPES, atomic_fetch, __VA_ARGS__)
#define shmem_atomic_set(...) OSHMPI_CTX_GENERIC(5, OSHMPI_AMO_EXTENDED_TYPES, atomic_set, __VA_ARGS__)
#define shmem_atomic_swap(...) OSHMPI_CTX_GENERIC(5, OSHMPI_AMO_EXTENDED_TYPES, atomic_swap, __VA_ARGS__)
#define shmem_atomic_fetch_nbi(...)                                                                \
    OSHMPI_CTX_GENERIC(5, OSHMPI_AMO_EXTENDED_TYPES, atomic_fetch_nbi, __VA_ARGS__)
#define shmem_atomic_swap_nbi(...)                                                                 \
    OSHMPI_CTX_GENERIC(6, OSHMPI_AMO_EXTENDED_TYPES, atomic_swap_nbi, __VA_ARGS__)
#define shmem_atomic_compare_swap(...)                                                             \
    OSHMPI_CTX_GENERIC(6, OSHMPI_AMO_STANDARD_TYPES, atomic_compare_swap, __VA_ARGS__)
#define shmem_atomic_fetch_inc(...)                                                                \
    OSHMPI_CTX_GENERIC(4, OSHMPI_AMO_STANDARD_TYPES, atomic_fetch_inc, __VA_ARGS__)
#define shmem_atomic_inc(...) OSHMPI_CTX_GENERIC(4, OSHMPI_AMO_STANDARD_TYPES, atomic_inc, __VA_ARGS__)
#define shmem_atomic_fetch_add(...)                                                                \
    OSHMPI_CTX_GENERIC(5, OSHMPI_AMO_STANDARD_TYPES, atomic_fetch_add, __VA_ARGS__)
#define shmem_atomic_add(...) OSHMPI_CTX_GENERIC(5, OSHMPI_AMO_STANDARD_TYPES, atomic_add, __VA_ARGS__)
#define shmem_atomic_compare_swap_nbi(...)                                                         \
    OSHMPI_CTX_GENERIC(7, OSHMPI_AMO_STANDARD_TYPES, atomic_compare_swap_nbi, __VA_ARGS__)
#define shmem_atomic_fetch_inc_nbi(...)                                                            \
    OSHMPI_CTX_GENERIC(5, OSHMPI_AMO_STANDARD_TYPES, atomic_fetch_inc_nbi, __VA_ARGS__)
#define shmem_atomic_fetch_add_nbi(...)                                                            \
    OSHMPI_CTX_GENERIC(6, OSHMPI_AMO_STANDARD_TYPES, atomic_fetch_add_nbi, __VA_ARGS__)
#define shmem_atomic_fetch_and(...)                                                                \
    OSHMPI_CTX_GENERIC(5, OSHMPI_AMO_BITWISE_TYPES, atomic_fetch_and, __VA_ARGS__)
#define shmem_atomic_and(...) OSHMPI_CTX_GENERIC(5, OSHMPI_AMO_BITWISE_TYPES, atomic_and, __VA_ARGS__)
#define shmem_atomic_fetch_or(...)                                                                 \
    OSHMPI_CTX_GENERIC(5, OSHMPI_AMO_BITWISE_TYPES, atomic_fetch_or, __VA_ARGS__)
#define shmem_atomic_or(...) OSHMPI_CTX_GENERIC(5, OSHMPI_AMO_BITWISE_TYPES, atomic_or, __VA_ARGS__)
#define shmem_atomic_fetch_xor(...)                                                                \
    OSHMPI_CTX_GENERIC(5, OSHMPI_AMO_BITWISE_TYPES, atomic_fetch_xor, __VA_ARGS__)
#define shmem_atomic_xor(...) OSHMPI_CTX_GENERIC(5, OSHMPI_AMO_BITWISE_TYPES, atomic_xor, __VA_ARGS__)
#define shmem_atomic_fetch_and_nbi(...)                                                            \
    OSHMPI_CTX_GENERIC(6, OSHMPI_AMO_BITWISE_TYPES, atomic_fetch_and_nbi, __VA_ARGS__)
#define shmem_atomic_fetch_or_nbi(...)                                                             \
    OSHMPI_CTX_GENERIC(6, OSHMPI_AMO_BITWISE_TYPES, atomic_fetch_or_nbi, __VA_ARGS__)
#define shmem_atomic_fetch_xor_nbi(...)                                                            \
    OSHMPI_CTX_GENERIC(6, OSHMPI_AMO_BITWISE_TYPES, atomic_fetch_xor_nbi, __VA_ARGS__)
/* The deprecated AMO names of OpenSHMEM 1.3 (Annex "Deprecated API"; no context forms). */
#define shmem_fetch(...) OSHMPI_PLAIN(OSHMPI_DEPRECATED_AMO_EXTENDED_TYPES, fetch, __VA_ARGS__)
#define shmem_set(...) OSHMPI_PLAIN(OSHMPI_DEPRECATED_AMO_EXTENDED_TYPES, set, __VA_ARGS__)
#define shmem_swap(...) OSHMPI_PLAIN(OSHMPI_DEPRECATED_AMO_EXTENDED_TYPES, swap, __VA_ARGS__)
#define shmem_cswap(...) OSHMPI_PLAIN(OSHMPI_DEPRECATED_AMO_TYPES, cswap, __VA_ARGS__)
#define shmem_finc(...) OSHMPI_PLAIN(OSHMPI_DEPRECATED_AMO_TYPES, finc, __VA_ARGS__)
#define shmem_inc(...) OSHMPI_PLAIN(OSHMPI_DEPRECATED_AMO_TYPES, inc, __VA_ARGS__)
#define shmem_fadd(...) OSHMPI_PLAIN(OSHMPI_DEPRECATED_AMO_TYPES, fadd, __VA_ARGS__)
#define shmem_add(...) OSHMPI_PLAIN(OSHMPI_DEPRECATED_AMO_TYPES, add, __VA_ARGS__)
/* Collectives (9.9): the team comes first, the element type from dest. */
#define shmem_broadcast(...) OSHMPI_WITH_TEAM(OSHMPI_RMA_TYPES, broadcast, __VA_ARGS__)
#define shmem_collect(...) OSHMPI_WITH_TEAM(OSHMPI_RMA_TYPES, collect, __VA_ARGS__)
#define shmem_fcollect(...) OSHMPI_WITH_TEAM(OSHMPI_RMA_TYPES, fcollect, __VA_ARGS__)
#define shmem_alltoall(...) OSHMPI_WITH_TEAM(OSHMPI_RMA_TYPES, alltoall, __VA_ARGS__)
#define shmem_alltoalls(...) OSHMPI_WITH_TEAM(OSHMPI_RMA_TYPES, alltoalls, __VA_ARGS__)
#define shmem_and_reduce(...) OSHMPI_WITH_TEAM(OSHMPI_REDUCE_BITWISE_TYPES, and_reduce, __VA_ARGS__)
#define shmem_or_reduce(...) OSHMPI_WITH_TEAM(OSHMPI_REDUCE_BITWISE_TYPES, or_reduce, __VA_ARGS__)
#define shmem_xor_reduce(...) OSHMPI_WITH_TEAM(OSHMPI_REDUCE_BITWISE_TYPES, xor_reduce, __VA_ARGS__)
#define shmem_max_reduce(...) OSHMPI_WITH_TEAM(OSHMPI_REDUCE_MINMAX_TYPES, max_reduce, __VA_ARGS__)
#define shmem_min_reduce(...) OSHMPI_WITH_TEAM(OSHMPI_REDUCE_MINMAX_TYPES, min_reduce, __VA_ARGS__)
#define shmem_sum_reduce(...) OSHMPI_WITH_TEAM(OSHMPI_REDUCE_ARITH_TYPES, sum_reduce, __VA_ARGS__)
#define shmem_prod_reduce(...) OSHMPI_WITH_TEAM(OSHMPI_REDUCE_ARITH_TYPES, prod_reduce, __VA_ARGS__)
#define shmem_sum_inscan(...) OSHMPI_WITH_TEAM(OSHMPI_REDUCE_ARITH_TYPES, sum_inscan, __VA_ARGS__)
#define shmem_sum_exscan(...) OSHMPI_WITH_TEAM(OSHMPI_REDUCE_ARITH_TYPES, sum_exscan, __VA_ARGS__)
/* shmem_sync(team) is the team barrier; shmem_sync with four arguments is the deprecated
 * active-set function. */
#define shmem_sync(...) OSHMPI_NTH_5(__VA_ARGS__, shmem_sync, _, _, shmem_team_sync, _)(__VA_ARGS__)
/* Point-to-point synchronization (9.10) */
#define shmem_wait_until(...) OSHMPI_PLAIN(OSHMPI_P2P_TYPES, wait_until, __VA_ARGS__)
#define shmem_wait_until_all(...) OSHMPI_PLAIN(OSHMPI_P2P_TYPES, wait_until_all, __VA_ARGS__)
#define shmem_wait_until_any(...) OSHMPI_PLAIN(OSHMPI_P2P_TYPES, wait_until_any, __VA_ARGS__)
#define shmem_wait_until_some(...) OSHMPI_PLAIN(OSHMPI_P2P_TYPES, wait_until_some, __VA_ARGS__)
#define shmem_wait_until_all_vector(...)                                                           \
    OSHMPI_PLAIN(OSHMPI_P2P_TYPES, wait_until_all_vector, __VA_ARGS__)
#define shmem_wait_until_any_vector(...)                                                           \
    OSHMPI_PLAIN(OSHMPI_P2P_TYPES, wait_until_any_vector, __VA_ARGS__)
#define shmem_wait_until_some_vector(...)                                                          \
    OSHMPI_PLAIN(OSHMPI_P2P_TYPES, wait_until_some_vector, __VA_ARGS__)
#define shmem_test(...) OSHMPI_PLAIN(OSHMPI_P2P_TYPES, test, __VA_ARGS__)
#define shmem_test_all(...) OSHMPI_PLAIN(OSHMPI_P2P_TYPES, test_all, __VA_ARGS__)
#define shmem_test_any(...) OSHMPI_PLAIN(OSHMPI_P2P_TYPES, test_any, __VA_ARGS__)
#define shmem_test_some(...) OSHMPI_PLAIN(OSHMPI_P2P_TYPES, test_some, __VA_ARGS__)
#define shmem_test_all_vector(...) OSHMPI_PLAIN(OSHMPI_P2P_TYPES, test_all_vector, __VA_ARGS__)
#define shmem_test_any_vector(...) OSHMPI_PLAIN(OSHMPI_P2P_TYPES, test_any_vector, __VA_ARGS__)
#define shmem_test_some_vector(...) OSHMPI_PLAIN(OSHMPI_P2P_TYPES, test_some_vector, __VA_ARGS__)

#endif /* OSHMPI_GENERIC_C11_H */
