// Capacity under uncertainty on hand-made ensembles whose draws are known: the schedule sized to
// the demand at probability p meets the target in at least p of the draws, one place less in
// fewer, and its decision dates are still need year − lead time.

#include "wardsim/models/backcast/demand_at_probability.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>

#include "need_fixture.h"
#include "wardsim/models/backcast/capacity_schedule.h"

namespace wardsim::models::backcast {
namespace {

using testing::make_need;

constexpr int kDraws = 20;

// Draw k (1..20) wants, in year index i, 100 + k(i+1) places in unit 0 and 90 + 2k·i in unit 1;
// the draws are stored in a shuffled order.
std::vector<Eigen::ArrayXXd> hand_made_draws() {
  std::vector<int> order(kDraws);
  std::iota(order.begin(), order.end(), 1);
  std::mt19937 generator(11);
  std::shuffle(order.begin(), order.end(), generator);
  std::vector<Eigen::ArrayXXd> draws;
  for (const int k : order) {
    Eigen::ArrayXXd demand(4, 2);
    for (int i = 0; i < 4; ++i) {
      demand(i, 0) = 100.0 + k * (i + 1);
      demand(i, 1) = 90.0 + 2.0 * k * i;
    }
    draws.push_back(demand);
  }
  return draws;
}

// How many draws capacity + added meets in one year and unit.
int draws_met(const std::vector<Eigen::ArrayXXd>& draws, double capacity, double added, int year,
              int unit) {
  return static_cast<int>(std::count_if(draws.begin(), draws.end(), [&](const auto& demand) {
    return capacity + added >= demand(year, unit);
  }));
}

TEST(DemandAtProbability, ScheduleIsTheExactQuantileAndOnePlaceLessMeetsFewerDraws) {
  const ServiceNeed central = make_need({{0, 0, 0, 0}, {0, 0, 0, 0}}, 100.0);  // 2025-2028
  const auto draws = hand_made_draws();
  // p = 0.9 of 20 draws: the 18th smallest draw, k = 18.
  const ServiceNeed need = need_at_probability(central, draws, 0.9);
  EXPECT_EQ(need.demand(2, 0), 154.0);  // 100 + 18·3
  EXPECT_EQ(need.demand(3, 1), 198.0);  // 90 + 36·3
  EXPECT_TRUE((need.capacity == central.capacity).all());

  const CapacitySchedule schedule = least_capacity_schedule(need, 2027, 2028, 1);
  // By hand: unit 0 needs 54 places in 2027 and 72 in 2028; unit 1 needs 62 and 98.
  EXPECT_EQ(schedule.added(2, 0), 54.0);
  EXPECT_EQ(schedule.added(3, 0), 72.0);
  EXPECT_EQ(schedule.added(2, 1), 62.0);
  EXPECT_EQ(schedule.added(3, 1), 98.0);
  for (int year = 2; year <= 3; ++year) {
    for (int unit = 0; unit < 2; ++unit) {
      const double added = schedule.added(year, unit);
      EXPECT_GE(draws_met(draws, 100.0, added, year, unit), 18) << year << "/" << unit;
      EXPECT_LT(draws_met(draws, 100.0, added - 1.0, year, unit), 18) << year << "/" << unit;
    }
  }
  ASSERT_EQ(schedule.decisions.size(), 4u);
  for (const Decision& decision : schedule.decisions) {
    EXPECT_EQ(decision.decide_by, decision.need_year - 1);
  }
}

TEST(DemandAtProbability, AShareJustAboveAnOrderStatisticTakesTheNextDraw) {
  const ServiceNeed central = make_need({{0, 0, 0, 0}, {0, 0, 0, 0}}, 100.0);
  const auto draws = hand_made_draws();
  // 0.91 × 20 = 18.2: 18 draws are not enough, so the 19th smallest.
  EXPECT_EQ(need_at_probability(central, draws, 0.91).demand(0, 0), 119.0);
  EXPECT_EQ(need_at_probability(central, draws, 0.5).demand(0, 0), 110.0);  // the 10th
}

TEST(DemandAtProbability, DistrictQuantileIsSplitInTheCentralProportions) {
  ServiceNeed central = make_need({{30, 0}, {10, 0}, {5, 2}}, 0.0, 2025);
  central.unit_district = {0, 0, 1};  // two categories in district 0, one in district 1
  Eigen::ArrayXXd district_quantile(2, 2);
  district_quantile << 60, 7, 12, 3;
  const ServiceNeed need = need_from_district_quantile(central, district_quantile);
  EXPECT_DOUBLE_EQ(need.demand(0, 0), 45.0);  // 60 × 30/40
  EXPECT_DOUBLE_EQ(need.demand(0, 1), 15.0);
  EXPECT_DOUBLE_EQ(need.demand(0, 2), 7.0);  // one unit: the quantile itself
  EXPECT_DOUBLE_EQ(need.demand(1, 0), 6.0);  // no central demand: split equally
  EXPECT_DOUBLE_EQ(need.demand(1, 1), 6.0);
  EXPECT_DOUBLE_EQ(need.demand(1, 2), 3.0);
}

}  // namespace
}  // namespace wardsim::models::backcast
