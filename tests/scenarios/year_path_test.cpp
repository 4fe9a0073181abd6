#include "wardsim/scenarios/year_path.h"

#include <gtest/gtest.h>

namespace wardsim::scenarios {
namespace {

TEST(YearPath, AConstantHoldsForEveryYear) {
  const YearPath path(0.97);
  EXPECT_DOUBLE_EQ(path.at(1990), 0.97);
  EXPECT_DOUBLE_EQ(path.at(2060), 0.97);
}

TEST(YearPath, InterpolatesLinearlyBetweenGivenYears) {
  const YearPath path({{2025, 0.97}, {2035, 1.17}, {2045, 1.0}});
  EXPECT_DOUBLE_EQ(path.at(2025), 0.97);
  EXPECT_DOUBLE_EQ(path.at(2030), 1.07);
  EXPECT_DOUBLE_EQ(path.at(2035), 1.17);
  EXPECT_NEAR(path.at(2040), 1.085, 1e-12);
}

TEST(YearPath, HoldsTheNearestValueOutsideTheGivenYears) {
  const YearPath path({{2025, 0.97}, {2035, 1.1}});
  EXPECT_DOUBLE_EQ(path.at(2000), 0.97);
  EXPECT_DOUBLE_EQ(path.at(2060), 1.1);
}

}  // namespace
}  // namespace wardsim::scenarios
