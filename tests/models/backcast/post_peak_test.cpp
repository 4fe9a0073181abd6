#include "wardsim/models/backcast/post_peak.h"

#include <gtest/gtest.h>

#include "models/backcast/need_fixture.h"

namespace wardsim::models::backcast {
namespace {

TEST(PostPeakSurplus, CountsIdleWholePlacesAfterEachUnitsPeak) {
  // Unit 0 peaks in 2027 at 15 against 10 places + 5 added: idle 2.5 → 2 in 2028, 6 in 2029.
  // Unit 1 never has idle capacity.
  const ServiceNeed need =
      testing::make_need({{10.0, 12.0, 15.0, 12.5, 9.0}, {10.0, 10.0, 10.0, 10.0, 10.0}}, 10.0);
  Eigen::ArrayXXd added = Eigen::ArrayXXd::Zero(5, 2);
  added.col(0).tail(4) = 5.0;
  const std::vector<UnitSurplus> surplus = post_peak_surplus(need, added);
  ASSERT_EQ(surplus.size(), 2u);
  EXPECT_EQ(surplus[0].peak_year, 2027);
  EXPECT_EQ(surplus[0].first_surplus_year, 2028);
  EXPECT_EQ(surplus[0].largest_surplus, 6.0);
  EXPECT_EQ(surplus[0].largest_surplus_year, 2029);
  EXPECT_EQ(surplus[1].first_surplus_year, 0);
  EXPECT_EQ(surplus[1].largest_surplus, 0.0);
}

TEST(DistrictSurplus, SumsTheUnitsOfEachDistrict) {
  ServiceNeed need = testing::make_need({{8.0, 9.5}, {7.0, 12.0}, {3.0, 3.0}}, 10.0);
  need.unit_district = {0, 0, 1};  // units 0 and 1 are two age groups of district 0
  const Eigen::ArrayXXd idle = district_surplus(need, Eigen::ArrayXXd::Zero(2, 3), 2);
  ASSERT_EQ(idle.rows(), 2);
  EXPECT_EQ(idle(0, 0), 2.0 + 3.0);
  EXPECT_EQ(idle(0, 1), 0.0);  // half a place idle is not a place; a shortfall is not negative
  EXPECT_EQ(idle(1, 0), 7.0);
  EXPECT_EQ(idle(1, 1), 7.0);
}

}  // namespace
}  // namespace wardsim::models::backcast
