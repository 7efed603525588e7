// What waits read to choose between spinning, yielding and sleeping with more PEs than cores: the
// runnable-task count of /proc/loadavg (a slow yield means a crowded machine only when processes
// outside the job are runnable) and the marks sleeping PEs leave in their node's whereabouts lines.
// Nothing here depends on the machine's load or measures time.
#include <gtest/gtest.h>

#include <oshmpi/shmem.hpp>

#include "core/progress.hpp"
#include "core/whereabouts.hpp"
#include "teams/node_area.hpp"
#include "test_support.hpp"

using namespace oshmpi::detail;

TEST(WaitPolicy, ReadsTheRunnableCountOfLoadavg)
{
    EXPECT_EQ(runnable_in_loadavg("0.52 0.58 0.59 5/312 4242\n"), 5);
    EXPECT_EQ(runnable_in_loadavg("12.00 9.50 8.25 130/2048 99"), 130);
    EXPECT_EQ(runnable_in_loadavg("0.00 0.00 0.00 1/84 7"), 1);
    EXPECT_EQ(runnable_in_loadavg(""), -1);
    EXPECT_EQ(runnable_in_loadavg("0.52 0.58"), -1);
    EXPECT_EQ(runnable_in_loadavg("0.52 0.58 0.59 x/312 4242"), -1);
    EXPECT_EQ(runnable_in_loadavg("0.52 0.58 0.59 5"), -1);
}

// PE 0 marks itself asleep; every PE that sees PE 0's whereabouts line (its node's, where node
// areas exist) counts it. Others may be asleep in the barriers too (waits sleep when the machine
// is crowded), so the count is at least one, and only PE 0's own line is known exactly.
TEST(WaitPolicy, ASleeperIsCountedOnItsNode)
{
    const int me = oshmpi::my_pe();
    const bool sees_pe0 = node_area::whereabouts_of(0) != nullptr;
    if (me == 0) note_asleep();
    oshmpi::barrier_all();
    if (sees_pe0) EXPECT_GE(node_pes_asleep(), 1);
    oshmpi::barrier_all();
    if (me == 0) {
        note_awake();
        if (sees_pe0) EXPECT_EQ(node_area::whereabouts_of(0)->asleep.load(), 0U);
    }
}
