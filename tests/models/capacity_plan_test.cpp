#include <gtest/gtest.h>

#include <stdexcept>

#include "wardsim/models/service_parameters.h"

namespace wardsim::models {
namespace {

CapacityPlan two_by_two() {
  CapacityPlan plan;
  plan.base = Eigen::ArrayXXd::Constant(2, 2, 10.0);
  return plan;
}

TEST(CapacityPlan, BaseIsInForceWithoutChanges) {
  const CapacityPlan plan = two_by_two();
  EXPECT_TRUE((plan.in_year(2025) == 10.0).all());
}

TEST(CapacityPlan, ChangeTakesEffectFromItsYear) {
  CapacityPlan plan = two_by_two();
  plan.changes = {{.year = 2027, .district = 1, .category = 0, .capacity = 25.0}};
  EXPECT_EQ(plan.in_year(2026)(1, 0), 10.0);
  EXPECT_EQ(plan.in_year(2027)(1, 0), 25.0);
  EXPECT_EQ(plan.in_year(2040)(1, 0), 25.0);
  EXPECT_EQ(plan.in_year(2027)(0, 0), 10.0);  // other cells untouched
}

TEST(CapacityPlan, ChangesApplyInYearOrderAndLaterRowsWinWithinAYear) {
  CapacityPlan plan = two_by_two();
  plan.changes = {{.year = 2030, .district = 0, .category = 1, .capacity = 40.0},
                  {.year = 2026, .district = 0, .category = 1, .capacity = 20.0},
                  {.year = 2026, .district = 0, .category = 1, .capacity = 30.0}};
  EXPECT_EQ(plan.in_year(2025)(0, 1), 10.0);
  EXPECT_EQ(plan.in_year(2026)(0, 1), 30.0);  // the later 2026 row wins
  EXPECT_EQ(plan.in_year(2029)(0, 1), 30.0);
  EXPECT_EQ(plan.in_year(2030)(0, 1), 40.0);  // listed first, applied last
}

TEST(CapacityPlan, ChangeOutsideTheTableThrows) {
  CapacityPlan plan = two_by_two();
  plan.changes = {{.year = 2026, .district = 2, .category = 0, .capacity = 1.0}};
  EXPECT_NO_THROW(plan.in_year(2025));
  EXPECT_THROW(plan.in_year(2026), std::out_of_range);
}

}  // namespace
}  // namespace wardsim::models
