/* The generic names of OpenSHMEM 1.6 for C++ (included by shmem.h when compiled as C++): the same
 * routines as the C11 bindings (<oshmpi/generic_c11.h>), as overloads.
 *
 * shmem_<R>(args...) calls oshmpi_generic::<R>(prio<3>(), args...), whose candidates are one per
 * entry of R's spec table, each forwarding to the typed routine. Types of one group (types.def:
 * plain, exact-width, size/ptrdiff) are distinct, so within a group the candidates are plain
 * overloads; across groups the same C type can appear twice (int and int32_t), and the priority tag
 * ranks them: prio<3> (plain) beats prio<2> (exact-width) beats prio<1>. So every entry of a table
 * takes part, int32_t resolves in a table without int, and a type outside the table has no
 * candidate ("no matching function for call to shmem_<R>").
 *
 * The complex routines also accept the GCC/Clang `double _Complex` and `float _Complex` (the C
 * types, layout-compatible with std::complex): the typed names get forwarders, and the generic
 * names candidates, for them. */
#ifndef OSHMPI_GENERIC_CXX_H
#define OSHMPI_GENERIC_CXX_H

namespace oshmpi_generic {
template <int N>
struct prio : prio<N - 1> {
};
template <>
struct prio<0> {
};
typedef prio<3> first;
} // namespace oshmpi_generic
#define OSHMPI_CXX_PRIO(TN) ::oshmpi_generic::prio<4 - OSHMPI_TYPE_GROUP_##TN>

/* ---- The C complex types ---- */
#if defined(__GNUC__)
__extension__ typedef _Complex double oshmpi_c_complexd;
__extension__ typedef _Complex float oshmpi_c_complexf;
#define OSHMPI_C_COMPLEX_TYPES(X) X(oshmpi_c_complexd, complexd) X(oshmpi_c_complexf, complexf)
namespace oshmpi_generic {
template <class T>
inline T as_cxx(T x)
{
    return x;
}
inline std::complex<double> *as_cxx(oshmpi_c_complexd *x)
{
    return reinterpret_cast<std::complex<double> *>(x);
}
inline const std::complex<double> *as_cxx(const oshmpi_c_complexd *x)
{
    return reinterpret_cast<const std::complex<double> *>(x);
}
inline std::complex<float> *as_cxx(oshmpi_c_complexf *x)
{
    return reinterpret_cast<std::complex<float> *>(x);
}
inline const std::complex<float> *as_cxx(const oshmpi_c_complexf *x)
{
    return reinterpret_cast<const std::complex<float> *>(x);
}
} // namespace oshmpi_generic
/* shmem_complexd_sum_reduce(team, double _Complex *, ...) and the other complex routines: a
 * template beside the C function (which stays the better match for std::complex arguments) that
 * calls it through a pointer bound before the template exists, so the call cannot find the
 * template itself. */
#define OSHMPI_C_ROUTINE(ret, name, params)                                                        \
    namespace oshmpi_generic {                                                                     \
    ret(*const c_##name) params = &::shmem_##name;                                                 \
    }                                                                                              \
    template <class... A>                                                                          \
    inline auto shmem_##name(A... args)                                                            \
        ->decltype(::oshmpi_generic::c_##name(::oshmpi_generic::as_cxx(args)...))                  \
    {                                                                                              \
        return ::oshmpi_generic::c_##name(::oshmpi_generic::as_cxx(args)...);                      \
    }
OSHMPI_REDUCE_COMPLEX_TYPES(OSHMPI_C_REDUCE_ARITH)
OSHMPI_REDUCE_COMPLEX_TYPES(OSHMPI_C_SCAN)
OSHMPI_REDUCE_COMPLEX_TYPES(OSHMPI_C_TO_ALL_ARITH)
#undef OSHMPI_C_ROUTINE
#else
#define OSHMPI_C_COMPLEX_TYPES(X)
#endif

/* ---- The candidates ---- */
#define OSHMPI_CXX_PLAIN(TYPE, TN, R)                                                              \
    namespace oshmpi_generic {                                                                     \
    template <class... A>                                                                          \
    inline auto R(OSHMPI_CXX_PRIO(TN), TYPE *x, A... rest)->decltype(shmem_##TN##_##R(x, rest...)) \
    {                                                                                              \
        return shmem_##TN##_##R(x, rest...);                                                       \
    }                                                                                              \
    template <class... A>                                                                          \
    inline auto R(OSHMPI_CXX_PRIO(TN), const TYPE *x, A... rest)                                   \
        ->decltype(shmem_##TN##_##R(x, rest...))                                                   \
    {                                                                                              \
        return shmem_##TN##_##R(x, rest...);                                                       \
    }                                                                                              \
    }
#define OSHMPI_CXX_CTX(TYPE, TN, R)                                                                \
    OSHMPI_CXX_PLAIN(TYPE, TN, R)                                                                  \
    namespace oshmpi_generic {                                                                     \
    template <class... A>                                                                          \
    inline auto R(OSHMPI_CXX_PRIO(TN), shmem_ctx_t ctx, TYPE *x, A... rest)                        \
        ->decltype(shmem_ctx_##TN##_##R(ctx, x, rest...))                                          \
    {                                                                                              \
        return shmem_ctx_##TN##_##R(ctx, x, rest...);                                              \
    }                                                                                              \
    template <class... A>                                                                          \
    inline auto R(OSHMPI_CXX_PRIO(TN), shmem_ctx_t ctx, const TYPE *x, A... rest)                  \
        ->decltype(shmem_ctx_##TN##_##R(ctx, x, rest...))                                          \
    {                                                                                              \
        return shmem_ctx_##TN##_##R(ctx, x, rest...);                                              \
    }                                                                                              \
    }
#define OSHMPI_CXX_TEAM(TYPE, TN, R)                                                               \
    namespace oshmpi_generic {                                                                     \
    template <class... A>                                                                          \
    inline auto R(OSHMPI_CXX_PRIO(TN), shmem_team_t team, TYPE *x, A... rest)                      \
        ->decltype(shmem_##TN##_##R(team, x, rest...))                                             \
    {                                                                                              \
        return shmem_##TN##_##R(team, x, rest...);                                                 \
    }                                                                                              \
    }

#define OSHMPI_CXX_RMA(TYPE, TN)                                                                   \
    OSHMPI_CXX_CTX(TYPE, TN, put) OSHMPI_CXX_CTX(TYPE, TN, get) OSHMPI_CXX_CTX(TYPE, TN, p)        \
    OSHMPI_CXX_CTX(TYPE, TN, g) OSHMPI_CXX_CTX(TYPE, TN, iput) OSHMPI_CXX_CTX(TYPE, TN, iget)      \
    OSHMPI_CXX_CTX(TYPE, TN, ibput) OSHMPI_CXX_CTX(TYPE, TN, ibget)                                \
    OSHMPI_CXX_CTX(TYPE, TN, put_nbi) OSHMPI_CXX_CTX(TYPE, TN, get_nbi)                            \
    OSHMPI_CXX_CTX(TYPE, TN, put_signal) OSHMPI_CXX_CTX(TYPE, TN, put_signal_nbi)                  \
    OSHMPI_CXX_TEAM(TYPE, TN, broadcast) OSHMPI_CXX_TEAM(TYPE, TN, collect)                        \
    OSHMPI_CXX_TEAM(TYPE, TN, fcollect) OSHMPI_CXX_TEAM(TYPE, TN, alltoall)                        \
    OSHMPI_CXX_TEAM(TYPE, TN, alltoalls)
#define OSHMPI_CXX_AMO_STANDARD(TYPE, TN)                                                          \
    OSHMPI_CXX_CTX(TYPE, TN, atomic_compare_swap) OSHMPI_CXX_CTX(TYPE, TN, atomic_fetch_inc)       \
    OSHMPI_CXX_CTX(TYPE, TN, atomic_inc) OSHMPI_CXX_CTX(TYPE, TN, atomic_fetch_add)                \
    OSHMPI_CXX_CTX(TYPE, TN, atomic_add) OSHMPI_CXX_CTX(TYPE, TN, atomic_compare_swap_nbi)         \
    OSHMPI_CXX_CTX(TYPE, TN, atomic_fetch_inc_nbi) OSHMPI_CXX_CTX(TYPE, TN, atomic_fetch_add_nbi)
#define OSHMPI_CXX_AMO_EXTENDED(TYPE, TN)                                                          \
    OSHMPI_CXX_CTX(TYPE, TN, atomic_fetch) OSHMPI_CXX_CTX(TYPE, TN, atomic_set)                    \
    OSHMPI_CXX_CTX(TYPE, TN, atomic_swap) OSHMPI_CXX_CTX(TYPE, TN, atomic_fetch_nbi)               \
    OSHMPI_CXX_CTX(TYPE, TN, atomic_swap_nbi)
#define OSHMPI_CXX_AMO_BITWISE(TYPE, TN)                                                           \
    OSHMPI_CXX_CTX(TYPE, TN, atomic_fetch_and) OSHMPI_CXX_CTX(TYPE, TN, atomic_and)                \
    OSHMPI_CXX_CTX(TYPE, TN, atomic_fetch_or) OSHMPI_CXX_CTX(TYPE, TN, atomic_or)                  \
    OSHMPI_CXX_CTX(TYPE, TN, atomic_fetch_xor) OSHMPI_CXX_CTX(TYPE, TN, atomic_xor)                \
    OSHMPI_CXX_CTX(TYPE, TN, atomic_fetch_and_nbi) OSHMPI_CXX_CTX(TYPE, TN, atomic_fetch_or_nbi)   \
    OSHMPI_CXX_CTX(TYPE, TN, atomic_fetch_xor_nbi)
#define OSHMPI_CXX_AMO_DEPRECATED(TYPE, TN)                                                        \
    OSHMPI_CXX_PLAIN(TYPE, TN, cswap) OSHMPI_CXX_PLAIN(TYPE, TN, finc)                             \
    OSHMPI_CXX_PLAIN(TYPE, TN, inc) OSHMPI_CXX_PLAIN(TYPE, TN, fadd) OSHMPI_CXX_PLAIN(TYPE, TN, add)
#define OSHMPI_CXX_AMO_DEPRECATED_EXTENDED(TYPE, TN)                                               \
    OSHMPI_CXX_PLAIN(TYPE, TN, fetch) OSHMPI_CXX_PLAIN(TYPE, TN, set) OSHMPI_CXX_PLAIN(TYPE, TN, swap)
#define OSHMPI_CXX_P2P(TYPE, TN)                                                                   \
    OSHMPI_CXX_PLAIN(TYPE, TN, wait_until) OSHMPI_CXX_PLAIN(TYPE, TN, wait_until_all)              \
    OSHMPI_CXX_PLAIN(TYPE, TN, wait_until_any) OSHMPI_CXX_PLAIN(TYPE, TN, wait_until_some)         \
    OSHMPI_CXX_PLAIN(TYPE, TN, wait_until_all_vector)                                              \
    OSHMPI_CXX_PLAIN(TYPE, TN, wait_until_any_vector)                                              \
    OSHMPI_CXX_PLAIN(TYPE, TN, wait_until_some_vector) OSHMPI_CXX_PLAIN(TYPE, TN, test)            \
    OSHMPI_CXX_PLAIN(TYPE, TN, test_all) OSHMPI_CXX_PLAIN(TYPE, TN, test_any)                      \
    OSHMPI_CXX_PLAIN(TYPE, TN, test_some) OSHMPI_CXX_PLAIN(TYPE, TN, test_all_vector)              \
    OSHMPI_CXX_PLAIN(TYPE, TN, test_any_vector) OSHMPI_CXX_PLAIN(TYPE, TN, test_some_vector)
#define OSHMPI_CXX_REDUCE_BITWISE(TYPE, TN)                                                        \
    OSHMPI_CXX_TEAM(TYPE, TN, and_reduce) OSHMPI_CXX_TEAM(TYPE, TN, or_reduce)                     \
    OSHMPI_CXX_TEAM(TYPE, TN, xor_reduce)
#define OSHMPI_CXX_REDUCE_MINMAX(TYPE, TN)                                                         \
    OSHMPI_CXX_TEAM(TYPE, TN, max_reduce) OSHMPI_CXX_TEAM(TYPE, TN, min_reduce)
#define OSHMPI_CXX_REDUCE_ARITH(TYPE, TN)                                                          \
    OSHMPI_CXX_TEAM(TYPE, TN, sum_reduce) OSHMPI_CXX_TEAM(TYPE, TN, prod_reduce)                   \
    OSHMPI_CXX_TEAM(TYPE, TN, sum_inscan) OSHMPI_CXX_TEAM(TYPE, TN, sum_exscan)
OSHMPI_RMA_TYPES(OSHMPI_CXX_RMA)
OSHMPI_AMO_STANDARD_TYPES(OSHMPI_CXX_AMO_STANDARD)
OSHMPI_AMO_EXTENDED_TYPES(OSHMPI_CXX_AMO_EXTENDED)
OSHMPI_AMO_BITWISE_TYPES(OSHMPI_CXX_AMO_BITWISE)
OSHMPI_DEPRECATED_AMO_TYPES(OSHMPI_CXX_AMO_DEPRECATED)
OSHMPI_DEPRECATED_AMO_EXTENDED_TYPES(OSHMPI_CXX_AMO_DEPRECATED_EXTENDED)
OSHMPI_P2P_TYPES(OSHMPI_CXX_P2P)
OSHMPI_REDUCE_BITWISE_TYPES(OSHMPI_CXX_REDUCE_BITWISE)
OSHMPI_REDUCE_MINMAX_TYPES(OSHMPI_CXX_REDUCE_MINMAX)
OSHMPI_REDUCE_ARITH_TYPES(OSHMPI_CXX_REDUCE_ARITH)
OSHMPI_C_COMPLEX_TYPES(OSHMPI_CXX_REDUCE_ARITH)

/* ---- The generic names ---- */
#define OSHMPI_CXX_GENERIC(R)                                                                      \
    template <class... A>                                                                          \
    inline auto shmem_##R(A... args)->decltype(::oshmpi_generic::R(::oshmpi_generic::first(), args...)) \
    {                                                                                              \
        return ::oshmpi_generic::R(::oshmpi_generic::first(), args...);                            \
    }
#define OSHMPI_CXX_GENERIC_NAMES(X)                                                                \
    X(put) X(get) X(p) X(g) X(iput) X(iget) X(ibput) X(ibget) X(put_nbi) X(get_nbi) X(put_signal)   \
    X(put_signal_nbi) X(broadcast) X(collect) X(fcollect) X(alltoall) X(alltoalls)                  \
    X(atomic_compare_swap) X(atomic_fetch_inc) X(atomic_inc) X(atomic_fetch_add) X(atomic_add)     \
    X(atomic_compare_swap_nbi) X(atomic_fetch_inc_nbi) X(atomic_fetch_add_nbi) X(atomic_fetch)     \
    X(atomic_set) X(atomic_swap) X(atomic_fetch_nbi) X(atomic_swap_nbi) X(atomic_fetch_and)        \
    X(atomic_and) X(atomic_fetch_or) X(atomic_or) X(atomic_fetch_xor) X(atomic_xor)                \
    X(atomic_fetch_and_nbi) X(atomic_fetch_or_nbi) X(atomic_fetch_xor_nbi) X(cswap) X(finc) X(inc)  \
    X(fadd) X(add) X(fetch) X(set) X(swap) X(wait_until) X(wait_until_all) X(wait_until_any)        \
    X(wait_until_some) X(wait_until_all_vector) X(wait_until_any_vector) X(wait_until_some_vector)  \
    X(test) X(test_all) X(test_any) X(test_some) X(test_all_vector) X(test_any_vector)              \
    X(test_some_vector) X(and_reduce) X(or_reduce) X(xor_reduce) X(max_reduce) X(min_reduce)       \
    X(sum_reduce) X(prod_reduce) X(sum_inscan) X(sum_exscan)
OSHMPI_CXX_GENERIC_NAMES(OSHMPI_CXX_GENERIC)

/* The generic forms without an element type. */
inline int shmem_sync(shmem_team_t team)
{
    return shmem_team_sync(team);
}
inline void shmem_signal_add(shmem_ctx_t ctx, uint64_t *sig_addr, uint64_t signal, int pe)
{
    shmem_ctx_signal_add(ctx, sig_addr, signal, pe);
}
inline void shmem_signal_set(shmem_ctx_t ctx, uint64_t *sig_addr, uint64_t signal, int pe)
{
    shmem_ctx_signal_set(ctx, sig_addr, signal, pe);
}

#endif /* OSHMPI_GENERIC_CXX_H */
