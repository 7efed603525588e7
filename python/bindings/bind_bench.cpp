// Timing loops in C++ for benchmarks/python: the same operations the hot Python calls make, timed
// without Python, so the benchmark can print the binding's own overhead (Python figure minus this).
#include <chrono>
#include <cstring>

#include <oshmpi/amo.hpp>
#include <oshmpi/order.hpp>
#include <oshmpi/rma.hpp>
#include <oshmpi/sync.hpp>

#include "common.hpp"

namespace shmem4py {

void bind_bench(py::module_& m)
{
    m.def(
        "bench_cpp",
        [](const std::string& op, py::handle target, int pe, long iterations) {
            array_ref t = as_array("bench_cpp", "target", target.ptr(), access_mode::write);
            require_symmetric("bench_cpp", "target", t);
            if (t.type->code != 'l' || t.count < 1) raise(PyExc_ValueError, "bench_cpp: target must be int64");
            auto* word = reinterpret_cast<long*>(t.data);
            long value = 1;
            long sink = 0;
            auto start = std::chrono::steady_clock::now();
            if (op == "put") for (long i = 0; i < iterations; ++i) oshmpi::put(word, &value, 1, pe);
            else if (op == "put_quiet") for (long i = 0; i < iterations; ++i) { oshmpi::put(word, &value, 1, pe); oshmpi::quiet(); }
            else if (op == "get") for (long i = 0; i < iterations; ++i) oshmpi::get(&sink, word, 1, pe);
            else if (op == "atomic_fetch_add") for (long i = 0; i < iterations; ++i) sink += oshmpi::atomic_fetch_add(word, value, pe);
            else if (op == "atomic_add") for (long i = 0; i < iterations; ++i) oshmpi::atomic_add(word, value, pe);
            else if (op == "barrier_all") for (long i = 0; i < iterations; ++i) oshmpi::barrier_all();
            else if (op == "quiet") for (long i = 0; i < iterations; ++i) oshmpi::quiet();
            else raise(PyExc_ValueError, "bench_cpp: unknown operation '%s'", op.c_str());
            std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
            static_cast<void>(sink);
            return elapsed.count() / static_cast<double>(iterations);
        },
        py::arg("op"), py::arg("target"), py::arg("pe"), py::arg("iterations"),
        "Seconds per operation of a C++ loop (for benchmarks/python).");
}

} // namespace shmem4py
