// The hot paths of the C++ face side by side with raw MPI RMA and with plain local memory, in one
// run, so that a noisy machine affects all three columns alike.
//
//   mpiexec -n 2 bench_hot_paths [--tsv] [--barrier-only | --cross-node | --computing-target | --compute-cost]
//
// One-sided figures go from PE 0 to PE 1 (to itself when run on one PE) while the other PEs wait;
// barriers and collectives involve every PE. Latencies are microseconds per operation (median of 7
// timed batches), bandwidths GB/s (1e9 bytes per second). The "MPI RMA" column uses an
// MPI_Win_allocate window in a lock_all epoch (for the rows on a global, an MPI_Win_create window
// over a global), the best MPICH offers; "local" is memcpy or std::atomic on this PE's own memory,
// the floor a shared-memory transport can approach. The library starts through shmem_init (the C
// API's), so that globals are symmetric, after MPI_Init_thread at MPI_THREAD_MULTIPLE (the level
// the progress agent needs; SINGLE with OSHMPI_PROGRESS=off): both columns run in one process at
// one thread level.
//
// --cross-node: the latencies, barriers and 8-byte collectives with the one-sided target on
// another node than PE 0 (benchmarks/run.sh runs it under two-node host files).
// --computing-target: PE 1 computes for 3 s without OpenSHMEM calls while PE 0 times each of a
// stream of operations on PE 1's heap and globals; prints the worst and the median wait per kind
// (milliseconds). --compute-cost: every PE runs the same fixed computation and PE 0 prints the
// slowest PE's time (ms), to compare the machine's throughput with the progress agent on and off.
#include <mpi.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include <oshmpi/shmem.hpp>
#include <shmem.h>

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

// Globals: symmetric through the C API's data segment (ours), and behind a window of their own
// (raw MPI).
long global_counter;
long mpi_global_counter;

struct mpi_window {
    MPI_Win win = MPI_WIN_NULL;
    char* base = nullptr;
    explicit mpi_window(std::size_t bytes)
    {
        MPI_Win_allocate(static_cast<MPI_Aint>(bytes), 1, MPI_INFO_NULL, MPI_COMM_WORLD, &base, &win);
        MPI_Win_lock_all(MPI_MODE_NOCHECK, win);
    }
    mpi_window(void* memory, std::size_t bytes) : base(static_cast<char*>(memory))
    {
        MPI_Win_create(memory, static_cast<MPI_Aint>(bytes), 1, MPI_INFO_NULL, MPI_COMM_WORLD, &win);
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
    // One-sided figures go to `target` (PE 1 unless the caller picks another).
    explicit hot_paths(bench::harness& h, int target = -1)
        : h_(h), target_(target >= 0 ? target : 1 % h.size()), heap_(static_cast<char*>(oshmpi::calloc(max_bytes + 64, 1))),
          win_(max_bytes + 64), global_win_(&mpi_global_counter, sizeof mpi_global_counter),
          source_(max_bytes, 'x'), local_dest_(max_bytes + 64)
    {
        counter_ = reinterpret_cast<long*>(heap_ + max_bytes);
        signal_ = reinterpret_cast<std::uint64_t*>(counter_ + 4); // counter_[0..7]: see the rows
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
        rows.push_back({"atomic_compare_swap", "us", one_sided([&](long n) {
                            for (long i = 0; i < n; ++i) keep(oshmpi::atomic_compare_swap(dst, i, i + 1, t));
                        }),
                        one_sided([&](long n) {
                            long old = 0;
                            for (long i = 0; i < n; ++i) {
                                long compare = i, swap = i + 1;
                                MPI_Compare_and_swap(&swap, &compare, &old, MPI_LONG, t, disp, win_.win);
                                MPI_Win_flush(t, win_.win);
                                keep(old);
                            }
                        }),
                        one_sided([&](long n) {
                            for (long i = 0; i < n; ++i) {
                                long expected = i;
                                std::atomic_ref<long>(*mpi_local).compare_exchange_strong(expected, i + 1);
                                keep(expected);
                            }
                        })});
        rows.push_back({"put_signal 8 B ping-pong (one way)", "us", ping_pong_ours(), ping_pong_mpi(), nan});
        // Globals: ours through the data segment, raw MPI through a window over a global.
        rows.push_back({"p 8 B to a global + quiet", "us", one_sided([&](long n) {
                            for (long i = 0; i < n; ++i) {
                                oshmpi::p(&global_counter, i, t);
                                oshmpi::quiet();
                            }
                        }),
                        one_sided([&](long n) {
                            for (long i = 0; i < n; ++i) {
                                MPI_Put(&value, 1, MPI_LONG, t, 0, 1, MPI_LONG, global_win_.win);
                                MPI_Win_flush(t, global_win_.win);
                            }
                        }),
                        local_put});
        rows.push_back({"atomic_fetch_add on a global", "us", one_sided([&](long n) {
                            for (long i = 0; i < n; ++i) keep(oshmpi::atomic_fetch_add(&global_counter, 1L, t));
                        }),
                        one_sided([&](long n) {
                            long old = 0;
                            for (long i = 0; i < n; ++i) {
                                MPI_Fetch_and_op(&one, &old, MPI_LONG, t, 0, MPI_SUM, global_win_.win);
                                MPI_Win_flush(t, global_win_.win);
                                keep(old);
                            }
                        }),
                        nan});
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
        rows.push_back({"sync_all (MPI: MPI_Barrier)", "us", collective([](long n) {
                            for (long i = 0; i < n; ++i) oshmpi::sync_all();
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

    // 8-byte broadcast and sum-reduce over the world team, beside MPI_Bcast and MPI_Allreduce.
    std::vector<bench::row> collectives()
    {
        std::vector<bench::row> rows;
        long* src = counter_ + 5;
        long* dst = counter_ + 6;
        long mpi_src = 1, mpi_dst = 0;
        std::vector<long> mpi_gathered(static_cast<std::size_t>(h_.size()));
        long* gathered = reinterpret_cast<long*>(heap_); // npes longs of the symmetric heap
        rows.push_back({"broadcast 8 B (MPI: MPI_Bcast)", "us", collective([&](long n) {
                            for (long i = 0; i < n; ++i) oshmpi::broadcast(oshmpi::team_world(), dst, src, 1, 0);
                        }),
                        collective([&](long n) {
                            for (long i = 0; i < n; ++i) MPI_Bcast(&mpi_src, 1, MPI_LONG, 0, MPI_COMM_WORLD);
                        }),
                        nan});
        rows.push_back({"sum_reduce 8 B (MPI: MPI_Allreduce)", "us", collective([&](long n) {
                            for (long i = 0; i < n; ++i) oshmpi::sum_reduce(oshmpi::team_world(), dst, src, 1);
                        }),
                        collective([&](long n) {
                            for (long i = 0; i < n; ++i)
                                MPI_Allreduce(&mpi_src, &mpi_dst, 1, MPI_LONG, MPI_SUM, MPI_COMM_WORLD);
                        }),
                        nan});
        rows.push_back({"fcollect 8 B (MPI: MPI_Allgather)", "us", collective([&](long n) {
                            for (long i = 0; i < n; ++i) oshmpi::fcollect(oshmpi::team_world(), gathered, src, 1);
                        }),
                        collective([&](long n) {
                            for (long i = 0; i < n; ++i)
                                MPI_Allgather(&mpi_src, 1, MPI_LONG, mpi_gathered.data(), 1, MPI_LONG, MPI_COMM_WORLD);
                        }),
                        nan});
        return rows;
    }

    // Worst and median wait per operation kind on PE 1 while it computes without OpenSHMEM calls.
    std::vector<bench::row> computing_target()
    {
        using clock = std::chrono::steady_clock;
        constexpr auto compute_for = std::chrono::seconds(3);
        constexpr auto origin_stops = std::chrono::milliseconds(2500);
        const int t = target_;
        std::vector<std::string> kinds = {"put 8 B + quiet", "g 8 B", "atomic_fetch_add", "atomic_add + quiet",
                                          "atomic_compare_swap", "put_signal 8 B + quiet",
                                          "p 8 B to a global + quiet", "atomic_fetch_add on a global"};
        std::vector<std::vector<double>> waits(kinds.size());
        h_.wait_all();
        if (h_.rank() == t && t != 0) {
            const auto end = clock::now() + compute_for;
            volatile double x = 1.0;
            while (clock::now() < end)
                for (int i = 0; i < 1000; ++i) x = x * 1.0000001 + 1e-9;
        } else if (h_.rank() == 0) {
            const auto stop = clock::now() + origin_stops;
            long value = 0;
            for (long round = 0; clock::now() < stop; ++round) {
                auto timed = [&](std::size_t kind, auto&& op) {
                    auto start = clock::now();
                    op();
                    waits[kind].push_back(std::chrono::duration<double, std::milli>(clock::now() - start).count());
                };
                timed(0, [&] { oshmpi::put(counter_, &round, 1, t); oshmpi::quiet(); });
                timed(1, [&] { value += oshmpi::g(counter_, t); });
                timed(2, [&] { value += oshmpi::atomic_fetch_add(counter_ + 1, 1L, t); });
                timed(3, [&] { oshmpi::atomic_add(counter_ + 1, 1L, t); oshmpi::quiet(); });
                timed(4, [&] { value += oshmpi::atomic_compare_swap(counter_ + 1, 0L, 1L, t); });
                timed(5, [&] {
                    oshmpi::put_signal(counter_ + 2, &round, 1, signal_, 1, oshmpi::signal_op::add, t);
                    oshmpi::quiet();
                });
                timed(6, [&] { oshmpi::p(&global_counter, round, t); oshmpi::quiet(); });
                timed(7, [&] { value += oshmpi::atomic_fetch_add(&global_counter, 1L, t); });
            }
            keep(value);
        }
        h_.wait_all();
        std::vector<bench::row> rows;
        for (std::size_t k = 0; k < kinds.size(); ++k) {
            auto& w = waits[k];
            std::sort(w.begin(), w.end());
            double worst = w.empty() ? nan : w.back();
            double median = w.empty() ? nan : w[w.size() / 2];
            rows.push_back({"computing target: " + kinds[k] + " (worst | median)", "ms", worst, median,
                            static_cast<double>(w.size())});
        }
        return rows;
    }

    // The slowest PE's time for a fixed computation, in milliseconds (every PE computes at once).
    std::vector<bench::row> compute_cost()
    {
        using clock = std::chrono::steady_clock;
        h_.wait_all();
        auto start = clock::now();
        volatile double x = 1.0;
        for (long i = 0; i < 200'000'000L; ++i) x = x * 1.0000001 + 1e-9;
        double ms = std::chrono::duration<double, std::milli>(clock::now() - start).count();
        double slowest = 0;
        MPI_Reduce(&ms, &slowest, 1, MPI_DOUBLE, MPI_MAX, 0, MPI_COMM_WORLD);
        return {{"fixed computation, slowest PE", "ms", slowest, nan, nan}};
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
    // PE 0 and the target send 8 bytes with a signal back and forth; one way is half a round trip.
    double ping_pong_ours()
    {
        if (h_.size() < 2) return nan;
        std::uint64_t* sig = signal_;
        long* data = counter_ + 3;
        std::uint64_t round = 0;
        return h_.time_per_op(
                   [&](long n) {
                       const int me = h_.rank();
                       if (me != 0 && me != target_) return;
                       for (long i = 0; i < n; ++i) {
                           ++round;
                           long value = static_cast<long>(round);
                           if (me == 0) {
                               oshmpi::put_signal(data, &value, 1, sig, round, oshmpi::signal_op::set, target_);
                               oshmpi::signal_wait_until(sig, oshmpi::cmp::eq, round);
                           } else {
                               oshmpi::signal_wait_until(sig, oshmpi::cmp::eq, round);
                               oshmpi::put_signal(data, &value, 1, sig, round, oshmpi::signal_op::set, 0);
                           }
                       }
                   },
                   true) *
               1e6 / 2;
    }

    // The same with MPI: put, flush (the data is complete), accumulate the signal, and a wait on
    // the local signal word that polls MPI progress, as ours does.
    double ping_pong_mpi()
    {
        if (h_.size() < 2) return nan;
        const MPI_Aint data_disp = static_cast<MPI_Aint>(max_bytes) + 24, sig_disp = static_cast<MPI_Aint>(max_bytes) + 32;
        auto* sig = reinterpret_cast<std::uint64_t*>(win_.base + sig_disp);
        std::uint64_t round = 0;
        auto send = [&](int to, std::uint64_t value) {
            long payload = static_cast<long>(value);
            MPI_Put(&payload, 1, MPI_LONG, to, data_disp, 1, MPI_LONG, win_.win);
            MPI_Win_flush(to, win_.win);
            MPI_Accumulate(&value, 1, MPI_UINT64_T, to, sig_disp, 1, MPI_UINT64_T, MPI_REPLACE, win_.win);
            MPI_Win_flush_local(to, win_.win);
        };
        auto wait = [&](std::uint64_t value) {
            while (std::atomic_ref<std::uint64_t>(*sig).load(std::memory_order_acquire) != value) {
                int flag = 0;
                MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, MPI_STATUS_IGNORE);
            }
        };
        return h_.time_per_op(
                   [&](long n) {
                       const int me = h_.rank();
                       if (me != 0 && me != target_) return;
                       for (long i = 0; i < n; ++i) {
                           ++round;
                           if (me == 0) {
                               send(target_, round);
                               wait(round);
                           } else {
                               wait(round);
                               send(0, round);
                           }
                       }
                   },
                   true) *
               1e6 / 2;
    }

    double one_sided(const std::function<void(long)>& batch) { return h_.time_per_op(batch, false) * 1e6; }
    double collective(const std::function<void(long)>& batch) { return h_.time_per_op(batch, true) * 1e6; }
    // Bandwidth batches are timed in seconds per transfer.
    double one_sided_seconds(const std::function<void(long)>& batch) { return h_.time_per_op(batch, false); }

    bench::harness& h_;
    int target_;
    char* heap_;
    long* counter_;
    std::uint64_t* signal_;
    mpi_window win_;
    mpi_window global_win_;
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

// The lowest rank outside PE 0's node (PE 1 when every PE shares it): the one-sided target of
// --cross-node, so that its figures cross nodes in every layout.
int first_pe_on_another_node()
{
    MPI_Comm node;
    MPI_Comm_split_type(MPI_COMM_WORLD, MPI_COMM_TYPE_SHARED, 0, MPI_INFO_NULL, &node);
    int me = 0, n = 1, leader = 0;
    MPI_Comm_rank(MPI_COMM_WORLD, &me);
    MPI_Comm_size(MPI_COMM_WORLD, &n);
    MPI_Allreduce(&me, &leader, 1, MPI_INT, MPI_MIN, node); // my node's lowest rank
    MPI_Comm_free(&node);
    std::vector<int> leaders(static_cast<std::size_t>(n));
    MPI_Allgather(&leader, 1, MPI_INT, leaders.data(), 1, MPI_INT, MPI_COMM_WORLD);
    for (int pe = 0; pe < n; ++pe)
        if (leaders[static_cast<std::size_t>(pe)] != leaders[0]) return pe;
    return 1 % n;
}

int main(int argc, char** argv)
{
    bool tsv = false, barrier_only = false, computing_target = false, compute_cost = false, cross_node = false;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--tsv") tsv = true;
        else if (arg == "--barrier-only") barrier_only = true;
        else if (arg == "--computing-target") computing_target = true;
        else if (arg == "--compute-cost") compute_cost = true;
        else if (arg == "--cross-node") cross_node = true;
        else {
            std::fprintf(stderr, "usage: %s [--tsv] [--barrier-only | --cross-node | --computing-target | --compute-cost]\n", argv[0]);
            return 2;
        }
    }
    const char* progress = std::getenv("OSHMPI_PROGRESS");
    const bool agent_off = progress != nullptr && std::string(progress) == "off";
    int provided = 0;
    MPI_Init_thread(&argc, &argv, agent_off ? MPI_THREAD_SINGLE : MPI_THREAD_MULTIPLE, &provided);
    shmem_init();
    {
        bench::harness h(MPI_COMM_WORLD);
        hot_paths bench(h, cross_node ? first_pe_on_another_node() : -1);
        std::vector<bench::row> rows;
        if (cross_node) {
            rows = bench.latencies();
            for (auto& r : bench.barriers()) rows.push_back(r);
            for (auto& r : bench.collectives()) rows.push_back(r);
        } else if (computing_target) {
            rows = bench.computing_target();
        } else if (compute_cost) {
            rows = bench.compute_cost();
        } else {
            if (!barrier_only) rows = bench.latencies();
            for (auto& r : bench.barriers()) rows.push_back(r);
            if (!barrier_only) {
                for (auto& r : bench.collectives()) rows.push_back(r);
                for (auto& r : bench.bandwidths()) rows.push_back(r);
            }
        }
        if (h.rank() == 0) print(rows, tsv, h.size());
    }
    shmem_finalize();
    MPI_Finalize();
    return 0;
}
