// The least-cost plan with discounted costs, on a case solved by hand: one place is needed in
// 2026, none in 2027, and one from 2028 to 2035; building costs 100, a temporary place 30 a year.

#include <gtest/gtest.h>

#include "models/backcast/need_fixture.h"
#include "wardsim/models/backcast/least_cost_plan.h"

namespace wardsim::models::backcast {
namespace {

ServiceNeed gap_year_need() {
  //                      2025 2026 2027 2028 …                          2035
  return testing::make_need({{0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1}}, 0.0);
}

PlanRequest request_for(const ServiceNeed& need, double discount_rate) {
  PlanRequest request;
  request.need = &need;
  request.from_year = 2026;
  request.to_year = 2035;
  request.terms.build_cost = 100.0;
  request.terms.temporary_cost = 30.0;
  request.terms.convert_cost = 0.0;
  request.discount_rate = discount_rate;
  return request;
}

TEST(DiscountedLeastCostPlan, UndiscountedBuildsWhenFirstNeeded) {
  // Build in 2026: 100. Rent in 2026 and build in 2028: 130. Rent throughout: 9 × 30 = 270.
  const ServiceNeed need = gap_year_need();
  const LeastCostPlan plan = least_cost_plan({request_for(need, 0.0)}, {}, {});
  ASSERT_TRUE(plan.solved) << plan.status;
  EXPECT_DOUBLE_EQ(plan.cost, 100.0);
  EXPECT_EQ(plan.plans[0].build(1, 0), 1.0);
  EXPECT_EQ(plan.plans[0].temporary.sum(), 0.0);
}

TEST(DiscountedLeastCostPlan, DiscountingMovesTheBuildLaterWhenThatIsCheaper) {
  // At 25 % a year (factors 0.8, 0.64, 0.512, … for 2026, 2027, 2028): build in 2026 = 80;
  // rent in 2026 and build in 2028 = 24 + 51.2 = 75.2; build in 2029 after renting 2026 and
  // 2028 = 24 + 15.36 + 40.96 = 80.32; rent throughout = 30 × 2.9305 = 87.9. So: 75.2.
  const ServiceNeed need = gap_year_need();
  const PlanRequest request = request_for(need, 0.25);
  const LeastCostPlan plan = least_cost_plan({request}, {}, {});
  ASSERT_TRUE(plan.solved) << plan.status;
  EXPECT_NEAR(plan.cost, 75.2, 1e-9);
  EXPECT_EQ(plan.plans[0].build(3, 0), 1.0);  // built for 2028
  EXPECT_EQ(plan.plans[0].build.sum(), 1.0);
  EXPECT_EQ(plan.plans[0].temporary(1, 0), 1.0);  // rented in 2026
  EXPECT_EQ(plan.plans[0].temporary.sum(), 1.0);
  // The undiscounted plan, valued at the same rate, costs more.
  ServicePlan early;
  early.build = Eigen::ArrayXXd::Zero(11, 1);
  early.temporary = early.build;
  early.convert = early.build;
  early.build(1, 0) = 1.0;
  EXPECT_NEAR(plan_cost(request, early), 80.0, 1e-9);
  EXPECT_LT(plan.cost, plan_cost(request, early));
}

}  // namespace
}  // namespace wardsim::models::backcast
