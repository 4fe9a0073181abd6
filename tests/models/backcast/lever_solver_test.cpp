#include "wardsim/models/backcast/lever_solver.h"

#include <gtest/gtest.h>

#include <cmath>

namespace wardsim::models::backcast {
namespace {

TEST(LeverSolver, ReachesTheTargetWithinTolerance) {
  // x³ + 2x = 10 has its one real root near 1.8474.
  const auto indicator = [](double x) { return x * x * x + 2.0 * x; };
  const LeverSolution solution = solve_lever(indicator, 10.0, 0.0, 5.0, 1e-9);
  ASSERT_TRUE(solution.solved) << solution.reason;
  EXPECT_NEAR(indicator(solution.value), 10.0, 1e-9);
  EXPECT_NEAR(solution.achieved, 10.0, 1e-9);
  EXPECT_LT(solution.evaluations, 30);
}

TEST(LeverSolver, WorksForADecreasingIndicator) {
  const auto indicator = [](double x) { return 100.0 * std::exp(-x); };
  const LeverSolution solution = solve_lever(indicator, 25.0, 0.0, 10.0, 1e-6);
  ASSERT_TRUE(solution.solved);
  EXPECT_NEAR(solution.value, std::log(4.0), 1e-6);
}

TEST(LeverSolver, ATargetOutOfReachIsAFindingWithTheReason) {
  const auto indicator = [](double x) { return x * x + 1.0; };
  const LeverSolution solution = solve_lever(indicator, 0.5, 0.0, 2.0, 1e-6);
  EXPECT_FALSE(solution.solved);
  EXPECT_EQ(solution.at_low, 1.0);
  EXPECT_EQ(solution.at_high, 5.0);
  EXPECT_EQ(solution.reason,
            "the indicator stays between 1 and 5 for values 0..2 and never reaches 0.5");
}

}  // namespace
}  // namespace wardsim::models::backcast
