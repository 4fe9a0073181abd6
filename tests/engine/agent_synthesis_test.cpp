#include <gtest/gtest.h>

#include <numeric>
#include <set>

#include "engine/agent_fixture.h"
#include "wardsim/engine/agent/agent_year.h"
#include "wardsim/engine/agent/synthesis.h"

namespace wardsim::engine::agent {
namespace {

using testing::household_parameters;
using testing::small_city;

TEST(Integerise, TakesAWholeNumberTableExactly) {
  const DistrictCube table = small_city(1).base_population;
  const IntegerCube whole = integerise(table);
  for (Eigen::Index d = 0; d < table.rows(); ++d) {
    for (int c = 0; c < kCells; ++c) {
      ASSERT_EQ(whole[static_cast<std::size_t>(d * kCells + c)], table(d, c)) << d << " " << c;
    }
  }
}

TEST(Integerise, FractionalTableKeepsRoundedDistrictTotalsAndEveryCellWithinOne) {
  DistrictCube table(2, kCells);
  for (int c = 0; c < kCells; ++c) {
    table(0, c) = 0.37 * c;
    table(1, c) = 10.0 + 0.5;  // ties: the lower cells get the missing units
  }
  const IntegerCube whole = integerise(table);
  for (Eigen::Index d = 0; d < 2; ++d) {
    long long sum = 0;
    for (int c = 0; c < kCells; ++c) {
      const auto value = whole[static_cast<std::size_t>(d * kCells + c)];
      ASSERT_LT(std::abs(value - table(d, c)), 1.0) << "district " << d << " cell " << c;
      sum += value;
    }
    EXPECT_EQ(sum, std::llround(table.row(d).sum())) << "district " << d;
  }
  EXPECT_EQ(whole[kCells + 0], 11);  // 10.5 × 202 = 2121: 101 cells get the extra unit
  EXPECT_EQ(whole[kCells + kCells - 1], 10);
}

class Synthesis : public ::testing::Test {
 protected:
  void SetUp() override {
    const DistrictCube table = small_city(1, 0.05).base_population;
    counts_ = integerise(table);
    const RandomStreams streams(42, 0);
    synthesise_district(state_.agents, counts_.data(), household_parameters(), streams, 0, 1000);
    DistrictSnapshot ignored;
    settle_households(state_, ignored);
    snapshot_ = ignored;
  }
  IntegerCube counts_;
  DistrictState state_;
  DistrictSnapshot snapshot_;
};

TEST_F(Synthesis, ReproducesTheTableExactly) {
  std::array<std::int32_t, kCells> found{};
  const auto& a = state_.agents;
  for (std::size_t i = 0; i < a.persons(); ++i) {
    ++found[static_cast<std::size_t>(cell(Traits::sex(a.traits[i]), a.age[i]))];
  }
  for (int c = 0; c < kCells; ++c) {
    ASSERT_EQ(found[static_cast<std::size_t>(c)], counts_[static_cast<std::size_t>(c)])
        << "cell " << c;
    ASSERT_EQ(snapshot_.population[static_cast<std::size_t>(c)],
              counts_[static_cast<std::size_t>(c)]);
  }
}

TEST_F(Synthesis, EveryPersonInExactlyOneNonEmptyHouseholdWithUniqueIds) {
  const auto& a = state_.agents;
  std::vector<int> members(a.households(), 0);
  std::set<std::uint32_t> ids;
  for (std::size_t i = 0; i < a.persons(); ++i) {
    ASSERT_LT(a.household[i], a.households()) << "person " << i;
    ++members[a.household[i]];
    ids.insert(a.id[i]);
  }
  for (std::size_t h = 0; h < a.households(); ++h) {
    ASSERT_GT(members[h], 0) << "household " << h << " is empty";
    ASSERT_EQ(members[h], a.household_size[h]) << "household " << h;
  }
  EXPECT_EQ(ids.size(), a.persons());
  EXPECT_EQ(*ids.begin(), 1000U);
  EXPECT_EQ(*ids.rbegin(), 1000U + a.persons() - 1);
}

// The family types are built in the table's proportions; single-person households take the rest,
// and leftovers shift the mix somewhat, so this is a loose check that the mix is the intended one.
TEST_F(Synthesis, HouseholdMixFollowsTheTypeShares) {
  const auto shares = household_parameters().household_type_shares;
  const double households = snapshot_.indicators[0];
  ASSERT_GT(households, 100);
  for (int t = 0; t < kHouseholdTypes; ++t) {
    const double found =
        snapshot_
            .indicators[static_cast<std::size_t>(indicator_of(static_cast<HouseholdType>(t)))] /
        households;
    EXPECT_NEAR(found, shares[static_cast<std::size_t>(t)], 0.08)
        << kHouseholdTypeNames[static_cast<std::size_t>(t)];
  }
}

}  // namespace
}  // namespace wardsim::engine::agent
