#include "wardsim/models/backcast/least_cost_plan.h"

#include <gtest/gtest.h>

#include "models/backcast/need_fixture.h"
#include "wardsim/models/backcast/capacity_schedule.h"

namespace wardsim::models::backcast {
namespace {

// Shortfall 0, 2, 5, 2, 0 over 2025-2029 against 10 places.
ServiceNeed bump() { return testing::make_need({{10.0, 12.0, 15.0, 12.0, 10.0}}, 10.0); }

PlanRequest request_for(const ServiceNeed& need, double build, double temporary, double convert) {
  PlanRequest request;
  request.need = &need;
  request.from_year = 2025;
  request.to_year = 2029;
  request.terms.build_cost = build;
  request.terms.temporary_cost = temporary;
  request.terms.convert_cost = convert;
  return request;
}

// Hand-made plan: build `built` places in 2026, rent the rest year by year.
ServicePlan build_then_rent(const ServiceNeed& need, double built) {
  ServicePlan plan;
  plan.build = Eigen::ArrayXXd::Zero(5, 1);
  plan.temporary = plan.build;
  plan.convert = plan.build;
  plan.build(1, 0) = built;
  for (int i = 1; i < 5; ++i) plan.temporary(i, 0) = std::max(0.0, need.shortfall(i, 0) - built);
  return plan;
}

TEST(LeastCostPlan, MatchesTheHandSolvedBuildAndRentCase) {
  // Building k places costs 50k + 30 × (9 − 3k + …): k = 0: 270, 1: 230, 2: 190, 3: 210.
  const ServiceNeed need = bump();
  const PlanRequest request = request_for(need, 50.0, 30.0, 0.0);
  const LeastCostPlan plan = least_cost_plan({request}, {}, {});
  ASSERT_TRUE(plan.solved) << plan.status;
  EXPECT_TRUE(plan.proven_optimal);
  EXPECT_DOUBLE_EQ(plan.cost, 190.0);
  EXPECT_LE(plan.lower_bound, plan.cost + 1e-9);
  EXPECT_EQ(plan.plans[0].build.sum(), 2.0);
  // Built by 2026, when they are first needed (building in 2025 costs the same).
  EXPECT_EQ(plan.plans[0].build.topRows(2).sum(), 2.0);
  EXPECT_EQ(plan.plans[0].temporary(2, 0), 3.0);
  EXPECT_EQ(plan.plans[0].temporary.sum(), 3.0);
}

TEST(LeastCostPlan, IsNotAboveAnyHandMadePlan) {
  const ServiceNeed need = bump();
  for (double build : {20.0, 50.0, 75.0, 100.0, 200.0}) {
    const PlanRequest request = request_for(need, build, 30.0, 0.0);
    const LeastCostPlan plan = least_cost_plan({request}, {}, {});
    ASSERT_TRUE(plan.solved);
    for (double built = 0.0; built <= 5.0; built += 1.0) {
      EXPECT_LE(plan.cost, plan_cost(request, build_then_rent(need, built)) + 1e-9)
          << "build cost " << build << ", " << built << " built";
    }
    // The least capacity schedule, all built, is a feasible plan too.
    const CapacitySchedule schedule = least_capacity_schedule(need, 2025, 2029, 0);
    EXPECT_LE(plan.cost, build * schedule.total_places() + 1e-9);
  }
}

TEST(LeastCostPlan, AllTemporaryWhenBuildingIsDear) {
  const ServiceNeed need = bump();
  const LeastCostPlan plan = least_cost_plan({request_for(need, 100.0, 30.0, 0.0)}, {}, {});
  ASSERT_TRUE(plan.solved);
  EXPECT_DOUBLE_EQ(plan.cost, 270.0);  // 9 place-years; building k costs 270 + 10k
  EXPECT_EQ(plan.plans[0].build.sum(), 0.0);
}

TEST(LeastCostPlan, ConvertsIdlePlacesOfAnotherServiceThatStayIdle) {
  const ServiceNeed need = bump();
  const PlanRequest request = request_for(need, 50.0, 30.0, 20.0);
  const std::vector<Conversion> conversions = {{"school", "childcare", 1.0}};
  // Three idle places every year: convert 3 in 2026 (60) and rent 2 in 2027 (60).
  DonorSurplus idle{"school", Eigen::ArrayXXd::Constant(1, 5, 3.0)};
  LeastCostPlan plan = least_cost_plan({request}, conversions, {idle});
  ASSERT_TRUE(plan.solved) << plan.status;
  EXPECT_DOUBLE_EQ(plan.cost, 120.0);
  EXPECT_EQ(plan.plans[0].convert.sum(), 3.0);
  // Only one place stays idle from 2028: a converted place never returns, so at most one can be
  // converted: 20 + build 1 (50) + rent 1, 4, 1 … best is 20 + 50 + 30 × 3 = 160.
  idle.places(0, 3) = 1.0;
  plan = least_cost_plan({request}, conversions, {idle});
  ASSERT_TRUE(plan.solved);
  EXPECT_DOUBLE_EQ(plan.cost, 160.0);
  EXPECT_EQ(plan.plans[0].convert.sum(), 1.0);
}

TEST(LeastCostPlan, ReportsYearsBeforeAnyOptionCanBeInPlace) {
  const ServiceNeed need = bump();
  PlanRequest request = request_for(need, 50.0, 30.0, 0.0);
  request.terms.build_lead_time = 3;
  request.terms.temporary_lead_time = 2;
  const LeastCostPlan plan = least_cost_plan({request}, {}, {});
  ASSERT_TRUE(plan.solved);
  EXPECT_EQ(plan.plans[0].unmet_years, (std::vector<int>{2026}));
  // 2027 and 2028 can only be rented (build from 2028 on): 5 + 2 place-years.
  EXPECT_DOUBLE_EQ(plan.cost, 30.0 * 7);
}

}  // namespace
}  // namespace wardsim::models::backcast
