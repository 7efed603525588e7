// Teams: predefined teams, strided and 2D splits, translation, configuration, destruction, team_sync
// and running out of communicators. Correct at any PE count (run at 1, 2, 3 and 4).
#include <gtest/gtest.h>

#include <mpi.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <thread>
#include <vector>

#include <oshmpi/shmem.hpp>

#include "test_support.hpp"

using namespace oshmpi_test;

namespace {



// The world PEs of every member of `t`, by asking the team.
std::vector<int> world_pes_of(const oshmpi::team* t)
{
    std::vector<int> pes;
    for (int i = 0; i < oshmpi::team_n_pes(t); ++i) pes.push_back(oshmpi::team_translate_pe(t, i, oshmpi::team_world()));
    return pes;
}

} // namespace

TEST(Teams, WorldMatchesTheGlobalNumbering)
{
    oshmpi::team* world = oshmpi::team_world();
    ASSERT_NE(world, nullptr);
    EXPECT_EQ(oshmpi::team_my_pe(world), me());
    EXPECT_EQ(oshmpi::team_n_pes(world), npes());
    for (int pe = 0; pe < npes(); ++pe) EXPECT_EQ(oshmpi::team_translate_pe(world, pe, world), pe);
    int size = 0;
    MPI_Comm_size(oshmpi::team_comm(world), &size);
    EXPECT_EQ(size, npes());
}

TEST(Teams, SharedHoldsThePesOfThisNode)
{
    // TEAM_SHARED is our node: every PE on one node, only our node's PEs when the job spans nodes.
    // The test asks the library which PEs those are instead of assuming a layout.
    oshmpi::team* shared = oshmpi::team_shared();
    EXPECT_NE(shared, nullptr);
    const int n = npes();
    const char* transport = std::getenv("OSHMPI_TRANSPORT");
    const bool ptr_maps_node = transport == nullptr || std::strcmp(transport, "mpi") != 0;
    oshmpi::symmetric_array<long> word(1);
    std::vector<int> members;
    long my_mask = 0; // bit p: world PE p is in our TEAM_SHARED
    for (int pe = 0; pe < n; ++pe) {
        int index = oshmpi::team_translate_pe(oshmpi::team_world(), pe, shared);
        bool member = index >= 0;
        if (member) {
            EXPECT_EQ(index, static_cast<int>(members.size())) << "TEAM_SHARED keeps the world's order";
            EXPECT_EQ(oshmpi::team_translate_pe(shared, index, oshmpi::team_world()), pe);
            members.push_back(pe);
            my_mask |= 1L << pe;
        }
        // Over shared memory, exactly the node's PEs are mapped (we are, whatever the transport).
        if (ptr_maps_node || pe == me())
            EXPECT_EQ(oshmpi::ptr(word.data(), pe) != nullptr, member) << "PE " << pe;
        EXPECT_TRUE(oshmpi::pe_accessible(pe));
    }
    EXPECT_EQ(oshmpi::team_n_pes(shared), static_cast<int>(members.size()));
    EXPECT_GE(oshmpi::team_my_pe(shared), 0);
    if (oshmpi::team_my_pe(shared) >= 0 && oshmpi::team_my_pe(shared) < static_cast<int>(members.size()))
        EXPECT_EQ(members[static_cast<std::size_t>(oshmpi::team_my_pe(shared))], me());

    // Sharing is mutual: p is on our node exactly when we are on p's.
    oshmpi::symmetric_array<long> masks(static_cast<std::size_t>(n));
    oshmpi::symmetric_array<long> mine(1);
    mine[0] = my_mask;
    oshmpi::fcollect(oshmpi::team_world(), masks.data(), mine.data(), 1);
    for (int pe = 0; pe < n; ++pe)
        EXPECT_EQ((masks[static_cast<std::size_t>(pe)] >> me()) & 1, (my_mask >> pe) & 1) << "PE " << pe;
}

TEST(Teams, InvalidTeamQueries)
{
    EXPECT_EQ(oshmpi::team_my_pe(nullptr), -1);
    EXPECT_EQ(oshmpi::team_n_pes(nullptr), -1);
    EXPECT_EQ(oshmpi::team_translate_pe(nullptr, 0, oshmpi::team_world()), -1);
    EXPECT_EQ(oshmpi::team_translate_pe(oshmpi::team_world(), 0, nullptr), -1);
    EXPECT_EQ(oshmpi::team_translate_pe(oshmpi::team_world(), npes(), oshmpi::team_world()), -1);
    EXPECT_EQ(oshmpi::team_translate_pe(oshmpi::team_world(), -1, oshmpi::team_world()), -1);
    EXPECT_EQ(thrown_code([] { oshmpi::team_sync(nullptr); }), oshmpi::errc::invalid_argument);
    EXPECT_EQ(thrown_code([] { (void)oshmpi::team_get_config(nullptr, 0); }), oshmpi::errc::invalid_argument);
    EXPECT_EQ(thrown_code([] { (void)oshmpi::team_split_strided(nullptr, 0, 1, 1); }),
              oshmpi::errc::invalid_argument);
}

TEST(Teams, EvenAndOddPes)
{
    oshmpi::team* even = oshmpi::team_split_strided(oshmpi::team_world(), 0, 2, (npes() + 1) / 2);
    oshmpi::team* odd = npes() >= 2 ? oshmpi::team_split_strided(oshmpi::team_world(), 1, 2, npes() / 2) : nullptr;
    oshmpi::team* mine = me() % 2 == 0 ? even : odd;
    oshmpi::team* other = me() % 2 == 0 ? odd : even;
    ASSERT_NE(mine, nullptr);
    EXPECT_EQ(other, nullptr);
    int expected_size = me() % 2 == 0 ? (npes() + 1) / 2 : npes() / 2;
    EXPECT_EQ(oshmpi::team_n_pes(mine), expected_size);
    EXPECT_EQ(oshmpi::team_my_pe(mine), me() / 2);
    for (int i = 0; i < expected_size; ++i)
        EXPECT_EQ(oshmpi::team_translate_pe(mine, i, oshmpi::team_world()), 2 * i + me() % 2);
    for (int pe = 0; pe < npes(); ++pe)
        EXPECT_EQ(oshmpi::team_translate_pe(oshmpi::team_world(), pe, mine), pe % 2 == me() % 2 ? pe / 2 : -1);
    oshmpi::team_sync(mine);
    oshmpi::team_destroy(mine);
    oshmpi::barrier_all();
}

TEST(Teams, NegativeStrideReversesTheOrder)
{
    oshmpi::team* reversed = oshmpi::team_split_strided(oshmpi::team_world(), npes() - 1, -1, npes());
    ASSERT_NE(reversed, nullptr);
    EXPECT_EQ(oshmpi::team_my_pe(reversed), npes() - 1 - me());
    EXPECT_EQ(oshmpi::team_n_pes(reversed), npes());
    for (int i = 0; i < npes(); ++i) {
        EXPECT_EQ(oshmpi::team_translate_pe(reversed, i, oshmpi::team_world()), npes() - 1 - i);
        EXPECT_EQ(oshmpi::team_translate_pe(oshmpi::team_world(), i, reversed), npes() - 1 - i);
    }
    // Every other PE from the top, split again from the reversed team: a team of a team.
    oshmpi::team* top = oshmpi::team_split_strided(oshmpi::team_world(), npes() - 1, -2, (npes() + 1) / 2);
    bool in_top = (npes() - 1 - me()) % 2 == 0;
    ASSERT_EQ(top != nullptr, in_top);
    if (in_top) {
        EXPECT_EQ(oshmpi::team_my_pe(top), (npes() - 1 - me()) / 2);
        EXPECT_EQ(oshmpi::team_translate_pe(top, 0, oshmpi::team_world()), npes() - 1);
        EXPECT_EQ(oshmpi::team_translate_pe(top, oshmpi::team_my_pe(top), reversed), npes() - 1 - me());
        oshmpi::team_destroy(top);
    }
    oshmpi::team_destroy(reversed);
}

TEST(Teams, SplitOfASplitTeam)
{
    // The last n-1 PEs (the world at 1 PE), then every second of those from the second-to-last.
    int first = npes() > 1 ? 1 : 0;
    oshmpi::team* tail = oshmpi::team_split_strided(oshmpi::team_world(), first, 1, npes() - first);
    ASSERT_EQ(tail != nullptr, me() >= first);
    if (tail != nullptr) {
        int n = oshmpi::team_n_pes(tail);
        EXPECT_EQ(oshmpi::team_my_pe(tail), me() - first);
        oshmpi::team* sub = oshmpi::team_split_strided(tail, n - 1, -2, (n + 1) / 2);
        bool member = (n - 1 - oshmpi::team_my_pe(tail)) % 2 == 0;
        EXPECT_EQ(sub != nullptr, member);
        if (sub != nullptr) {
            std::vector<int> expected;
            for (int i = n - 1; i >= 0; i -= 2) expected.push_back(i + first);
            EXPECT_EQ(world_pes_of(sub), expected);
            EXPECT_EQ(oshmpi::team_translate_pe(sub, oshmpi::team_my_pe(sub), tail), oshmpi::team_my_pe(tail));
            oshmpi::team_destroy(sub);
        }
        oshmpi::team_destroy(tail);
    }
    oshmpi::barrier_all();
}

// team_ptr (OpenSHMEM 1.6) numbers PEs in the team: on the reversed team member i is world PE
// npes - 1 - i, and the pointer is what ptr() gives for that world PE (which PEs are mapped is the
// library's answer: every one on a node, only ourselves with the MPI transport forced).
TEST(Teams, TeamPtrNumbersPesInTheTeam)
{
    oshmpi::symmetric_array<long> word(1);
    oshmpi::team* reversed = oshmpi::team_split_strided(oshmpi::team_world(), npes() - 1, -1, npes());
    ASSERT_NE(reversed, nullptr);
    for (int i = 0; i < npes(); ++i) {
        EXPECT_EQ(oshmpi::team_ptr(reversed, word.data(), i), oshmpi::ptr(word.data(), npes() - 1 - i));
        EXPECT_EQ(oshmpi::team_ptr(oshmpi::team_world(), word.data(), i), oshmpi::ptr(word.data(), i));
    }
    EXPECT_EQ(oshmpi::team_ptr(reversed, word.data(), oshmpi::team_my_pe(reversed)), word.data());
    EXPECT_EQ(oshmpi::team_ptr(nullptr, word.data(), 0), nullptr);
    EXPECT_EQ(oshmpi::team_ptr(reversed, word.data(), npes()), nullptr);
    EXPECT_EQ(oshmpi::team_ptr(reversed, word.data(), -1), nullptr);
    long local = 0;
    EXPECT_EQ(oshmpi::team_ptr(reversed, &local, oshmpi::team_my_pe(reversed)), nullptr);

    // A store through the pointer lands in the member's copy.
    auto* mapped = static_cast<long*>(oshmpi::team_ptr(reversed, word.data(), (oshmpi::team_my_pe(reversed) + 1) % npes()));
    oshmpi::barrier_all();
    if (mapped != nullptr) *mapped = 100 + me();
    oshmpi::barrier_all();
    int writer = npes() - 1 - ((npes() - 1 - me()) + npes() - 1) % npes(); // our left in the reversed team
    if (oshmpi::ptr(word.data(), writer) != nullptr) EXPECT_EQ(word[0], 100 + writer);
    oshmpi::barrier_all();
    oshmpi::team_destroy(reversed);
}

TEST(Teams, StrideZeroMakesATeamOfOne)
{
    oshmpi::team* last = oshmpi::team_split_strided(oshmpi::team_world(), npes() - 1, 0, 1);
    EXPECT_EQ(last != nullptr, me() == npes() - 1);
    if (last != nullptr) {
        EXPECT_EQ(oshmpi::team_n_pes(last), 1);
        EXPECT_EQ(oshmpi::team_my_pe(last), 0);
        EXPECT_EQ(oshmpi::team_translate_pe(last, 0, oshmpi::team_world()), npes() - 1);
        oshmpi::team_sync(last);
        oshmpi::team_destroy(last);
    }
}

TEST(Teams, BadTripletsThrowOnEveryPe)
{
    oshmpi::team* world = oshmpi::team_world();
    int n = npes();
    using oshmpi::errc;
    EXPECT_EQ(thrown_code([&] { (void)oshmpi::team_split_strided(world, 0, 1, 0); }), errc::invalid_argument);
    EXPECT_EQ(thrown_code([&] { (void)oshmpi::team_split_strided(world, 0, 1, -1); }), errc::invalid_argument);
    EXPECT_EQ(thrown_code([&] { (void)oshmpi::team_split_strided(world, 0, 0, 2); }), errc::invalid_argument);
    EXPECT_EQ(thrown_code([&] { (void)oshmpi::team_split_strided(world, -1, 1, 1); }), errc::invalid_argument);
    EXPECT_EQ(thrown_code([&] { (void)oshmpi::team_split_strided(world, n, 1, 1); }), errc::invalid_argument);
    EXPECT_EQ(thrown_code([&] { (void)oshmpi::team_split_strided(world, 0, 1, n + 1); }), errc::invalid_argument);
    EXPECT_EQ(thrown_code([&] { (void)oshmpi::team_split_strided(world, 0, -1, 2); }), errc::invalid_argument);
    EXPECT_EQ(thrown_code([&] { (void)oshmpi::team_split_strided(world, n - 1, 2, 2); }), errc::invalid_argument);
    EXPECT_EQ(thrown_code([&] { (void)oshmpi::team_split_strided(world, 0, 1, 1, nullptr, oshmpi::team_num_contexts); }),
              errc::invalid_argument);
    oshmpi::team_config config;
    EXPECT_EQ(thrown_code([&] { (void)oshmpi::team_split_strided(world, 0, 1, 1, &config, 1L << 5); }),
              errc::invalid_argument);
    config.num_contexts = -1;
    EXPECT_EQ(thrown_code([&] { (void)oshmpi::team_split_strided(world, 0, 1, 1, &config, oshmpi::team_num_contexts); }),
              errc::invalid_argument);
    EXPECT_EQ(thrown_code([&] { (void)oshmpi::team_split_2d(world, 0, nullptr, 0, nullptr, 0); }),
              errc::invalid_argument);
    // Every PE threw before any MPI call, so the world is still in step.
    oshmpi::team_sync(world);
}

TEST(Teams, GetConfigReturnsWhatWasAskedFor)
{
    oshmpi::team_config config;
    config.num_contexts = 3;
    oshmpi::team* all = oshmpi::team_split_strided(oshmpi::team_world(), 0, 1, npes(), &config, oshmpi::team_num_contexts);
    ASSERT_NE(all, nullptr);
    EXPECT_EQ(oshmpi::team_get_config(all, oshmpi::team_num_contexts).num_contexts, 3);
    EXPECT_EQ(oshmpi::team_get_config(all, 0).num_contexts, 0);
    // A config whose fields are not selected by the mask is ignored.
    oshmpi::team* unselected = oshmpi::team_split_strided(oshmpi::team_world(), 0, 1, npes(), &config, 0);
    EXPECT_EQ(oshmpi::team_get_config(unselected, oshmpi::team_num_contexts).num_contexts, 0);
    EXPECT_EQ(oshmpi::team_get_config(oshmpi::team_world(), oshmpi::team_num_contexts).num_contexts, 0);
    EXPECT_EQ(thrown_code([&] { (void)oshmpi::team_get_config(all, 1L << 7); }), oshmpi::errc::invalid_argument);
    oshmpi::team_destroy(unselected);
    oshmpi::team_destroy(all);
}

TEST(Teams, DestroyRules)
{
    using oshmpi::errc;
    EXPECT_EQ(thrown_code([] { oshmpi::team_destroy(oshmpi::team_world()); }), errc::invalid_argument);
    EXPECT_EQ(thrown_code([] { oshmpi::team_destroy(oshmpi::team_shared()); }), errc::invalid_argument);
    EXPECT_EQ(thrown_code([] { oshmpi::team_destroy(nullptr); }), errc::invalid_argument);
    oshmpi::team* t = oshmpi::team_split_strided(oshmpi::team_world(), 0, 1, npes());
    oshmpi::team_destroy(t);
    // The handle is dead: routines that take it refuse it rather than touch freed memory.
    EXPECT_EQ(thrown_code([&] { oshmpi::team_sync(t); }), errc::invalid_argument);
    EXPECT_EQ(thrown_code([&] { oshmpi::team_destroy(t); }), errc::invalid_argument);
    oshmpi::barrier_all();
}

TEST(Teams, Split2dShapes)
{
    int n = npes();
    for (int xrange : {1, 2, 3, n, n + 1}) {
        SCOPED_TRACE(testing::Message() << "xrange " << xrange);
        auto [xteam, yteam] = oshmpi::team_split_2d(oshmpi::team_world(), xrange, nullptr, 0, nullptr, 0);
        ASSERT_NE(xteam, nullptr);
        ASSERT_NE(yteam, nullptr);
        int width = std::min(xrange, n);
        int x = me() % width, y = me() / width;
        EXPECT_EQ(oshmpi::team_my_pe(xteam), x);
        EXPECT_EQ(oshmpi::team_my_pe(yteam), y);
        EXPECT_EQ(oshmpi::team_n_pes(xteam), std::min(width, n - y * width));
        EXPECT_EQ(oshmpi::team_n_pes(yteam), (n - x + width - 1) / width);
        for (int i = 0; i < oshmpi::team_n_pes(xteam); ++i)
            EXPECT_EQ(oshmpi::team_translate_pe(xteam, i, oshmpi::team_world()), y * width + i);
        for (int j = 0; j < oshmpi::team_n_pes(yteam); ++j)
            EXPECT_EQ(oshmpi::team_translate_pe(yteam, j, oshmpi::team_world()), j * width + x);
        // The row and the column meet in exactly us.
        EXPECT_EQ(oshmpi::team_translate_pe(xteam, x, yteam), y);
        oshmpi::team_sync(xteam);
        oshmpi::team_sync(yteam);
        oshmpi::team_destroy(xteam);
        oshmpi::team_destroy(yteam);
    }
}

TEST(Teams, Split2dKeepsEachAxisConfig)
{
    oshmpi::team_config xconfig, yconfig;
    xconfig.num_contexts = 2;
    yconfig.num_contexts = 5;
    auto [xteam, yteam] = oshmpi::team_split_2d(oshmpi::team_world(), 2, &xconfig, oshmpi::team_num_contexts, &yconfig,
                                                oshmpi::team_num_contexts);
    ASSERT_NE(xteam, nullptr);
    ASSERT_NE(yteam, nullptr);
    EXPECT_EQ(oshmpi::team_get_config(xteam, oshmpi::team_num_contexts).num_contexts, 2);
    EXPECT_EQ(oshmpi::team_get_config(yteam, oshmpi::team_num_contexts).num_contexts, 5);
    oshmpi::team_destroy(xteam);
    oshmpi::team_destroy(yteam);
}

TEST(Teams, TeamSyncPublishesLocalStores)
{
    oshmpi::symmetric_array<int> slot(1);
    oshmpi::team* even = oshmpi::team_split_strided(oshmpi::team_world(), 0, 2, (npes() + 1) / 2);
    for (int round = 1; round <= 5; ++round) {
        if (even != nullptr) {
            slot[0] = round * 100 + me();
            oshmpi::team_sync(even);
            int right = (oshmpi::team_my_pe(even) + 1) % oshmpi::team_n_pes(even);
            int right_world = oshmpi::team_translate_pe(even, right, oshmpi::team_world());
            EXPECT_EQ(oshmpi::g(slot.data(), right_world), round * 100 + right_world);
            oshmpi::team_sync(even);
        }
    }
    if (even != nullptr) oshmpi::team_destroy(even);
    oshmpi::barrier_all();
}

// team_sync back to back, on TEAM_WORLD and on a split team, with each member late in turn: every
// sync still publishes each member's stores (two slots alternate, so a member that races into the
// next round cannot overwrite what a slower one still reads).
TEST(Teams, BackToBackTeamSyncsWithALateMember)
{
    oshmpi::symmetric_array<int> slots(2);
    slots[0] = slots[1] = 0;
    oshmpi::team* even = oshmpi::team_split_strided(oshmpi::team_world(), 0, 2, (npes() + 1) / 2);
    for (oshmpi::team* t : {oshmpi::team_world(), even}) {
        oshmpi::barrier_all();
        if (t == nullptr) continue;
        const int n = oshmpi::team_n_pes(t);
        const int right = oshmpi::team_translate_pe(t, (oshmpi::team_my_pe(t) + 1) % n, oshmpi::team_world());
        int wrong = 0;
        for (int round = 1; round <= 300; ++round) {
            if (oshmpi::team_my_pe(t) == round % n)
                for (int i = 0; i < 3; ++i) std::this_thread::yield();
            slots[round % 2] = round * 10 + me();
            oshmpi::team_sync(t);
            if (oshmpi::g(slots.data() + round % 2, right) != round * 10 + right) ++wrong;
        }
        EXPECT_EQ(wrong, 0);
        oshmpi::team_sync(t);
    }
    if (even != nullptr) oshmpi::team_destroy(even);
    oshmpi::barrier_all();
}

TEST(Teams, RunningOutOfCommunicatorsFailsCleanlyAndRecovers)
{
    // First take almost every communicator id MPI has (MPICH has about 2000, Open MPI 65531) with
    // duplicates of MPI_COMM_SELF, which cost no agreement with other processes, then give back a
    // few hundred: teams then run out after a few hundred creations, whatever the MPI's limit.
    MPI_Comm_set_errhandler(MPI_COMM_SELF, MPI_ERRORS_RETURN);
    std::vector<MPI_Comm> hoard;
    for (MPI_Comm dup; hoard.size() < 1000000 && MPI_Comm_dup(MPI_COMM_SELF, &dup) == MPI_SUCCESS;)
        hoard.push_back(dup);
    EXPECT_GT(hoard.size(), 1000u);
    for (std::size_t i = 0; i < 300 && !hoard.empty(); ++i) {
        MPI_Comm_free(&hoard.back());
        hoard.pop_back();
    }
    MPI_Comm_set_errhandler(MPI_COMM_SELF, MPI_ERRORS_ARE_FATAL);

    // Teams of PEs 0 and 1 (PE 0 alone at 1 PE), never destroyed, until MPI has no context id left.
    // The other PEs are not members, yet must learn of the failure too.
    int size = std::min(2, npes());
    std::vector<oshmpi::team*> teams;
    oshmpi::errc code = oshmpi::errc::mpi_failure;
    bool failed = false;
    for (int i = 0; i < 100000 && !failed; ++i) {
        try {
            teams.push_back(oshmpi::team_split_strided(oshmpi::team_world(), 0, 1, size));
        } catch (const oshmpi::error& e) {
            failed = true;
            code = e.code();
        }
    }
    EXPECT_TRUE(failed);
    EXPECT_EQ(code, oshmpi::errc::out_of_resources);
    EXPECT_GT(teams.size(), 100u);
    // Every PE stopped at the same creation.
    oshmpi::symmetric_array<long> counts(2);
    counts[0] = static_cast<long>(teams.size());
    oshmpi::max_reduce(oshmpi::team_world(), counts.data() + 1, counts.data(), 1);
    EXPECT_EQ(counts[1], counts[0]);

    for (oshmpi::team* t : teams)
        if (t != nullptr) oshmpi::team_destroy(t);
    for (MPI_Comm& dup : hoard) MPI_Comm_free(&dup);
    oshmpi::team* again = oshmpi::team_split_strided(oshmpi::team_world(), 0, 1, npes());
    ASSERT_NE(again, nullptr);
    oshmpi::team_sync(again);
    oshmpi::team_destroy(again);
}
