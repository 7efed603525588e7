// A small timing harness for benchmarks run under mpiexec.
//
// Why not Google Benchmark: it picks each benchmark's iteration count adaptively and on its own in
// every process, so two ranks would run different numbers of a collective (a barrier) or of a
// paired operation and deadlock, and it owns main() and the output. Here rank 0 chooses the count,
// every rank learns it, and all ranks run the same batches.
//
// Waiting outside the timed region is an MPI_Ibarrier driven by MPI_Test plus sched_yield, never a
// blocking MPI call: with more ranks than cores MPICH's blocking calls spin without yielding.
#pragma once

#include <mpi.h>
#include <sched.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

namespace bench {

class harness {
public:
    explicit harness(MPI_Comm comm) : comm_(comm)
    {
        MPI_Comm_rank(comm_, &rank_);
        MPI_Comm_size(comm_, &size_);
    }

    [[nodiscard]] int rank() const noexcept { return rank_; }
    [[nodiscard]] int size() const noexcept { return size_; }

    // Seconds per operation: `batch(n)` runs n operations and is called on the ranks that `all`
    // selects (every rank for collectives, rank 0 alone for one-sided operations, the others wait).
    // The count grows until one batch lasts `min_batch`; then `repetitions` batches are timed and
    // the median is returned on every rank (these machines are noisy; the median resists one
    // preempted batch better than the mean, and unlike the minimum it is what a user sees).
    double time_per_op(const std::function<void(long)>& batch, bool all)
    {
        const bool runs = all || rank_ == 0;
        long count = 1;
        for (;;) {
            double seconds = timed(batch, count, runs);
            if (seconds >= min_batch || count >= max_count) break;
            double grow = seconds <= 0 ? 16.0 : std::min(16.0, 1.5 * min_batch / seconds);
            count = std::max(count + 1, static_cast<long>(static_cast<double>(count) * grow));
            count = share(count);
        }
        std::vector<double> per_op;
        for (int r = 0; r < repetitions; ++r)
            per_op.push_back(timed(batch, count, runs) / static_cast<double>(count));
        std::sort(per_op.begin(), per_op.end());
        return per_op[per_op.size() / 2];
    }

    // A yielding barrier over the harness's communicator.
    void wait_all() const
    {
        MPI_Request request;
        MPI_Ibarrier(comm_, &request);
        int done = 0;
        for (;;) {
            MPI_Test(&request, &done, MPI_STATUS_IGNORE);
            if (done) return;
            sched_yield();
        }
    }

    static constexpr double min_batch = 0.02; // seconds
    static constexpr long max_count = 1L << 26;
    static constexpr int repetitions = 7;

private:
    // The batch time measured on rank 0, known to every rank.
    double timed(const std::function<void(long)>& batch, long count, bool runs)
    {
        wait_all();
        double seconds = 0;
        if (runs) {
            auto start = std::chrono::steady_clock::now();
            batch(count);
            seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        }
        wait_all();
        return share(seconds);
    }

    template <class T>
    T share(T value) const
    {
        MPI_Request request;
        MPI_Ibcast(&value, sizeof(T), MPI_BYTE, 0, comm_, &request);
        int done = 0;
        while (!done) {
            MPI_Test(&request, &done, MPI_STATUS_IGNORE);
            if (!done) sched_yield();
        }
        return value;
    }

    MPI_Comm comm_;
    int rank_ = 0;
    int size_ = 1;
};

// One printed row: a figure in three implementations (NaN where one does not apply).
struct row {
    std::string figure;
    std::string unit; // "us" (microseconds per operation) or "GB/s"
    double ours;
    double mpi;
    double local;
};

} // namespace bench
