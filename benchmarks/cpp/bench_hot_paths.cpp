// The hot paths of the C++ face side by side with raw MPI RMA and with plain local memory, in one
// run, so that a noisy machine affects all three columns alike.
//
//   mpiexec -n 2 bench_hot_paths [--tsv] [--barrier-only]
//
// One-sided figures go from PE 0 to PE 1 (to itself when run on one PE) while the other PEs wait;
// barriers involve every PE. Latencies are microseconds per operation (median of 7 timed batches),
// bandwidths GB/s (1e9 bytes per second). The "MPI RMA" column uses an MPI_Win_allocate window in a
// lock_all epoch, the best MPICH offers on one node; "local" is memcpy or std::atomic on this PE's
// own memory, the floor a shared-memory transport can approach.
#include <mpi.h>

#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include <oshmpi/shmem.hpp>

#include "harness.hpp"

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();
constexpr std::size_t max_bytes = std::size_t{4} << 20;
// Puts issued between two completions in the bandwidth figures (as OSU's window).
constexpr long bandwidth_window = 64;

// Keeps the compiler from removing work whose result nobody reads.
template <class T>
void keep(T const& value)
{
    asm volatile("" : : "r,m"(value) : "memory");
}

struct mpi_window {
    MPI_Win win = MPI_WIN_NULL;
    char* base = nullptr;
    explicit mpi_window(std::size_t bytes)
    {
        MPI_Win_allocate(static_cast<MPI_Aint>(bytes), 1, MPI_INFO_NULL, MPI_COMM_WORLD, &base, &win);
        MPI_Win_lock_all(MPI_MODE_NOCHECK, win);
    }
    ~mpi_window()
    {
        MPI_Win_unlock_all(win);
        MPI_Win_free(&win);
    }
    mpi_window(const mpi_window&) = delete;
    mpi_window& operator=(const mpi_window&) = delete;
};

std::string size_label(std::size_t bytes)
{
    if (bytes >= (std::size_t{1} << 20)) return std::to_string(bytes >> 20) + " MiB";
    if (bytes >= (std::size_t{1} << 10)) return std::to_string(bytes >> 10) + " KiB";
    return std::to_string(bytes) + " B";
}

class hot_paths {
public:
    explicit hot_paths(bench::harness& h)
        : h_(h), target_(1 % h.size()), heap_(static_cast<char*>(oshmpi::calloc(max_bytes + 64, 1))),
          win_(max_bytes + 64), source_(max_bytes, 'x'), local_dest_(max_bytes + 64)
    {
        counter_ = reinterpret_cast<long*>(heap_ + max_bytes);
    }
    ~hot_paths() { oshmpi::free(heap_); }
    hot_paths(const hot_paths&) = delete;
    hot_paths& operator=(const hot_paths&) = delete;

    std::vector<bench::row> latencies()
    {
        std::vector<bench::row> rows;
        const int t = target_;
        long* dst = counter_;
        long* mpi_local = reinterpret_cast<long*>(local_dest_.data() + max_bytes);
        const MPI_Aint disp = static_cast<MPI_Aint>(max_bytes);
        long value = 42;

        double mpi_put = one_sided([&](long n) {
            for (long i = 0; i < n; ++i) {
                MPI_Put(&value, 1, MPI_LONG, t, disp, 1, MPI_LONG, win_.win);
                MPI_Win_flush(t, win_.win);
            }
        });
        double local_put = one_sided([&](long n) {
            for (long i = 0; i < n; ++i) {
                std::memcpy(mpi_local, &value, sizeof value);
                std::atomic_thread_fence(std::memory_order_seq_cst);
            }
        });
        rows.push_back({"p 8 B + quiet", "us", one_sided([&](long n) {
                            for (long i = 0; i < n; ++i) {
                                oshmpi::p(dst, i, t);
                                oshmpi::quiet();
                            }
                        }),
                        mpi_put, local_put});
        rows.push_back({"put 8 B + quiet", "us", one_sided([&](long n) {
                            for (long i = 0; i < n; ++i) {
                                oshmpi::put(dst, &value, 1, t);
                                oshmpi::quiet();
                            }
                        }),
                        mpi_put, local_put});

        double mpi_get = one_sided([&](long n) {
            long got = 0;
            for (long i = 0; i < n; ++i) {
                MPI_Get(&got, 1, MPI_LONG, t, disp, 1, MPI_LONG, win_.win);
                MPI_Win_flush(t, win_.win);
                keep(got);
            }
        });
        double local_get = one_sided([&](long n) {
            long got = 0;
            for (long i = 0; i < n; ++i) {
                std::memcpy(&got, mpi_local, sizeof got);
                keep(got);
            }
        });
        rows.push_back({"g 8 B", "us", one_sided([&](long n) {
                            for (long i = 0; i < n; ++i) keep(oshmpi::g(dst, t));
                        }),
                        mpi_get, local_get});
        rows.push_back({"get 8 B", "us", one_sided([&](long n) {
                            long got = 0;
                            for (long i = 0; i < n; ++i) {
                                oshmpi::get(&got, dst, 1, t);
                                keep(got);
                            }
                        }),
                        mpi_get, local_get});

        const long one = 1;
        rows.push_back({"atomic_fetch_add", "us", one_sided([&](long n) {
                            for (long i = 0; i < n; ++i) keep(oshmpi::atomic_fetch_add(dst, 1L, t));
                        }),
                        one_sided([&](long n) {
                            long old = 0;
                            for (long i = 0; i < n; ++i) {
                                MPI_Fetch_and_op(&one, &old, MPI_LONG, t, disp, MPI_SUM, win_.win);
                                MPI_Win_flush(t, win_.win);
                                keep(old);
                            }
                        }),
                        one_sided([&](long n) {
                            for (long i = 0; i < n; ++i) keep(std::atomic_ref<long>(*mpi_local).fetch_add(1));
                        })});
        rows.push_back({"atomic_add", "us", one_sided([&](long n) {
                            for (long i = 0; i < n; ++i) oshmpi::atomic_add(dst, 1L, t);
                            oshmpi::quiet();
                        }),
                        one_sided([&](long n) {
                            for (long i = 0; i < n; ++i) {
                                MPI_Accumulate(&one, 1, MPI_LONG, t, disp, 1, MPI_LONG, MPI_SUM, win_.win);
                                MPI_Win_flush_local(t, win_.win);
                            }
                            MPI_Win_flush(t, win_.win);
                        }),
                        one_sided([&](long n) {
                            for (long i = 0; i < n; ++i) std::atomic_ref<long>(*mpi_local).fetch_add(1);
                        })});
        rows.push_back({"quiet, nothing pending", "us", one_sided([&](long n) {
                            for (long i = 0; i < n; ++i) oshmpi::quiet();
                        }),
                        one_sided([&](long n) {
                            for (long i = 0; i < n; ++i) MPI_Win_flush_all(win_.win);
                        }),
                        one_sided([&](long n) {
                            for (long i = 0; i < n; ++i) std::atomic_thread_fence(std::memory_order_seq_cst);
                        })});
        return rows;
    }

    std::vector<bench::row> barriers()
    {
        std::vector<bench::row> rows;
        rows.push_back({"barrier_all (MPI: MPI_Barrier)", "us", collective([](long n) {
                            for (long i = 0; i < n; ++i) oshmpi::barrier_all();
                        }),
                        collective([](long n) {
                            for (long i = 0; i < n; ++i) MPI_Barrier(MPI_COMM_WORLD);
                        }),
                        nan});
        rows.push_back({"sync_all (MPI: Ibarrier+Test+yield)", "us", collective([](long n) {
                            for (long i = 0; i < n; ++i) oshmpi::sync_all();
                        }),
                        collective([this](long n) {
                            for (long i = 0; i < n; ++i) h_.wait_all();
                        }),
                        nan});
        return rows;
    }

    std::vector<bench::row> bandwidths()
    {
        std::vector<bench::row> rows;
        const int t = target_;
        for (std::size_t bytes = 8; bytes <= max_bytes; bytes *= 8) {
            if (bytes == (std::size_t{1} << 21)) bytes = max_bytes; // 8 B, 64 B, ... 256 KiB, 4 MiB
            const double b = static_cast<double>(bytes);
            auto gbps = [b](double seconds) { return b / seconds / 1e9; };
            rows.push_back({"put bandwidth " + size_label(bytes), "GB/s",
                            gbps(one_sided_seconds([&](long n) {
                                for (long i = 0; i < n; ++i) {
                                    oshmpi::put(heap_, source_.data(), bytes, t);
                                    if ((i + 1) % bandwidth_window == 0) oshmpi::quiet();
                                }
                                oshmpi::quiet();
                            })),
                            gbps(one_sided_seconds([&](long n) {
                                int count = static_cast<int>(bytes);
                                for (long i = 0; i < n; ++i) {
                                    MPI_Put(source_.data(), count, MPI_BYTE, t, 0, count, MPI_BYTE, win_.win);
                                    if ((i + 1) % bandwidth_window == 0) MPI_Win_flush(t, win_.win);
                                }
                                MPI_Win_flush(t, win_.win);
                            })),
                            gbps(one_sided_seconds([&](long n) {
                                for (long i = 0; i < n; ++i) {
                                    std::memcpy(local_dest_.data(), source_.data(), bytes);
                                    keep(local_dest_[0]);
                                }
                            }))});
        }
        return rows;
    }

private:
    double one_sided(const std::function<void(long)>& batch) { return h_.time_per_op(batch, false) * 1e6; }
    double collective(const std::function<void(long)>& batch) { return h_.time_per_op(batch, true) * 1e6; }
    // Bandwidth batches are timed in seconds per transfer.
    double one_sided_seconds(const std::function<void(long)>& batch) { return h_.time_per_op(batch, false); }

    bench::harness& h_;
    int target_;
    char* heap_;
    long* counter_;
    mpi_window win_;
    std::vector<char> source_;
    std::vector<char> local_dest_;
};

void print(const std::vector<bench::row>& rows, bool tsv, int pes)
{
    const char* transport = std::getenv("OSHMPI_TRANSPORT");
    if (transport == nullptr || *transport == '\0') transport = "auto";
    if (tsv) {
        for (const auto& r : rows)
            std::printf("%s\t%d\t%s\t%s\t%.4g\t%.4g\t%.4g\n", transport, pes, r.figure.c_str(),
                        r.unit.c_str(), r.ours, r.mpi, r.local);
        return;
    }
    std::printf("# %d PEs, OSHMPI_TRANSPORT=%s; us = microseconds per operation (median), GB/s = 1e9 B/s\n",
                pes, transport);
    std::printf("%-38s %-5s %12s %12s %12s\n", "figure", "unit", "oshmpi-cpp", "MPI RMA", "local");
    for (const auto& r : rows) {
        auto cell = [](double v) {
            char buf[32];
            if (std::isnan(v)) return std::string("-");
            std::snprintf(buf, sizeof buf, "%.4g", v);
            return std::string(buf);
        };
        std::printf("%-38s %-5s %12s %12s %12s\n", r.figure.c_str(), r.unit.c_str(), cell(r.ours).c_str(),
                    cell(r.mpi).c_str(), cell(r.local).c_str());
    }
}

} // namespace

int main(int argc, char** argv)
{
    bool tsv = false, barrier_only = false;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--tsv") tsv = true;
        else if (arg == "--barrier-only") barrier_only = true;
        else {
            std::fprintf(stderr, "usage: %s [--tsv] [--barrier-only]\n", argv[0]);
            return 2;
        }
    }
    MPI_Init(&argc, &argv);
    oshmpi::init();
    {
        bench::harness h(MPI_COMM_WORLD);
        hot_paths bench(h);
        std::vector<bench::row> rows;
        if (!barrier_only) rows = bench.latencies();
        for (auto& r : bench.barriers()) rows.push_back(r);
        if (!barrier_only)
            for (auto& r : bench.bandwidths()) rows.push_back(r);
        if (h.rank() == 0) print(rows, tsv, h.size());
    }
    oshmpi::finalize();
    MPI_Finalize();
    return 0;
}
