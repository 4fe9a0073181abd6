#include "wardsim/models/backcast/capacity_schedule.h"

#include <gtest/gtest.h>

#include "models/backcast/need_fixture.h"

namespace wardsim::models::backcast {
namespace {

// Unit 0: a bump (whole-place shortfall 3, 5, 4, 1, 0 in 2026-2030) against 10 places;
// unit 1: always half a child over its 20 places (one place short every year).
ServiceNeed bump_and_steady() {
  ServiceNeed need = testing::make_need(
      {{10.0, 12.3, 15.0, 14.0, 11.0, 9.0}, {10.5, 10.5, 10.5, 10.5, 10.5, 10.5}}, 10.0);
  return need;
}

TEST(CapacitySchedule, IsTheRunningMaximumOfTheWholePlaceShortfall) {
  const ServiceNeed need = bump_and_steady();
  const CapacitySchedule schedule = least_capacity_schedule(need, 2026, 2030, 2);
  const double unit0[] = {0, 3, 5, 5, 5, 5};
  for (int i = 0; i < 6; ++i) {
    EXPECT_EQ(schedule.added(i, 0), unit0[i]) << "year " << 2025 + i;
    EXPECT_EQ(schedule.added(i, 1), i == 0 ? 0.0 : 1.0) << "year " << 2025 + i;
  }
  EXPECT_EQ(schedule.total_places(), 6.0);
  EXPECT_TRUE(meets_target(need, schedule.added, 2026, 2030));
}

TEST(CapacitySchedule, OnePlaceLessFailsTheTarget) {
  // Capacity once added stays: one place less in a decision is one place less from its need year
  // on, and the target then fails in that very year and unit.
  const ServiceNeed need = bump_and_steady();
  const CapacitySchedule schedule = least_capacity_schedule(need, 2026, 2030, 2);
  ASSERT_FALSE(schedule.decisions.empty());
  for (const Decision& decision : schedule.decisions) {
    Eigen::ArrayXXd less = schedule.added;
    const int first = decision.need_year - 2025;
    less.col(decision.unit).segment(first, less.rows() - first) -= 1.0;
    int failed_year = 0;
    int failed_unit = -1;
    EXPECT_FALSE(meets_target(need, less, 2026, 2030, &failed_year, &failed_unit))
        << "one place less in unit " << decision.unit << " from " << decision.need_year;
    EXPECT_EQ(failed_unit, decision.unit);
    EXPECT_EQ(failed_year, decision.need_year);
  }
}

TEST(CapacitySchedule, DecideByIsNeedYearMinusLeadTimeAndFlagsThePast) {
  const ServiceNeed need = bump_and_steady();
  const CapacitySchedule schedule = least_capacity_schedule(need, 2026, 2030, 2);
  ASSERT_EQ(schedule.decisions.size(), 3u);  // unit 0: 2026 (+3), 2027 (+2); unit 1: 2026 (+1)
  for (const Decision& decision : schedule.decisions) {
    EXPECT_EQ(decision.decide_by, decision.need_year - 2);
    EXPECT_EQ(decision.too_late, decision.decide_by < 2025);
  }
  EXPECT_EQ(schedule.decisions[0].need_year, 2026);
  EXPECT_EQ(schedule.decisions[0].places, 3.0);
  EXPECT_TRUE(schedule.decisions[0].too_late);
  EXPECT_EQ(schedule.decisions[2].need_year, 2027);
  EXPECT_EQ(schedule.decisions[2].places, 2.0);
  EXPECT_EQ(schedule.decisions[2].decide_by, 2025);
  EXPECT_FALSE(schedule.decisions[2].too_late);
  EXPECT_TRUE(schedule.any_too_late());
  EXPECT_EQ(schedule.earliest_feasible_year, 2027);
}

TEST(CapacitySchedule, SplitsPermanentFromTransientNeed) {
  const ServiceNeed need = bump_and_steady();
  const CapacitySchedule schedule = least_capacity_schedule(need, 2026, 2030, 2);
  // Unit 0's need is gone by 2030: all of it is transient. Unit 1 needs its place to the end.
  EXPECT_EQ(schedule.permanent.col(0).abs().maxCoeff(), 0.0);
  EXPECT_EQ(schedule.transient(2, 0), 5.0);
  EXPECT_EQ(schedule.permanent(3, 1), 1.0);
  EXPECT_EQ(schedule.transient(3, 1), 0.0);
}

TEST(CapacitySchedule, NothingToAddWhenCapacitySuffices) {
  const ServiceNeed need = testing::make_need({{5.0, 9.0, 10.0}}, 10.0);
  const CapacitySchedule schedule = least_capacity_schedule(need, 2025, 2027, 3);
  EXPECT_TRUE(schedule.decisions.empty());
  EXPECT_EQ(schedule.total_places(), 0.0);
}

}  // namespace
}  // namespace wardsim::models::backcast
