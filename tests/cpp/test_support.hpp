// What every C++ test shares: this PE's ring neighbours, the spec's type tables as GoogleTest type
// lists (expanded from types.def, never listed by hand), and the error code a call throws.
#pragma once

#include <gtest/gtest.h>

#include <complex>
#include <cstddef>
#include <cstdint>
#include <tuple>

#include <oshmpi/shmem.hpp>

#define OSHMPI_COMPLEXD std::complex<double>
#define OSHMPI_COMPLEXF std::complex<float>
#include <oshmpi/types.def>

namespace oshmpi_test {

inline int me() { return oshmpi::my_pe(); }
inline int npes() { return oshmpi::n_pes(); }
inline int right() { return (me() + 1) % npes(); }
inline int left() { return (me() + npes() - 1) % npes(); }

// Runs `call` and returns the errc it threw; fails the test if it threw nothing.
template <class F>
oshmpi::errc thrown_code(F&& call)
{
    try {
        call();
    } catch (const oshmpi::error& e) {
        return e.code();
    }
    ADD_FAILURE() << "no oshmpi::error was thrown";
    return oshmpi::errc::mpi_failure;
}

// testing::Types from an X-macro table: the table expands to ", T" after a placeholder.
template <class Tuple>
struct types_of;
template <class Placeholder, class... T>
struct types_of<std::tuple<Placeholder, T...>> {
    using type = testing::Types<T...>;
};

#define OSHMPI_TEST_TYPE(C, NAME) , C
using rma_types = types_of<std::tuple<void OSHMPI_RMA_TYPES(OSHMPI_TEST_TYPE)>>::type;
using amo_standard_types = types_of<std::tuple<void OSHMPI_AMO_STANDARD_TYPES(OSHMPI_TEST_TYPE)>>::type;
using amo_extended_types = types_of<std::tuple<void OSHMPI_AMO_EXTENDED_TYPES(OSHMPI_TEST_TYPE)>>::type;
using amo_bitwise_types = types_of<std::tuple<void OSHMPI_AMO_BITWISE_TYPES(OSHMPI_TEST_TYPE)>>::type;
using p2p_types = types_of<std::tuple<void OSHMPI_P2P_TYPES(OSHMPI_TEST_TYPE)>>::type;
using bitwise_types = types_of<std::tuple<void OSHMPI_REDUCE_BITWISE_TYPES(OSHMPI_TEST_TYPE)>>::type;
using minmax_types = types_of<std::tuple<void OSHMPI_REDUCE_MINMAX_TYPES(OSHMPI_TEST_TYPE)>>::type;
using arith_types = types_of<std::tuple<void OSHMPI_REDUCE_ARITH_TYPES(OSHMPI_TEST_TYPE)>>::type;
#undef OSHMPI_TEST_TYPE

} // namespace oshmpi_test
