#include "district_markers.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace wardsim::models {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// Years 2025-2030, two districts (columns).
IndicatorValues series(std::initializer_list<double> d0, std::initializer_list<double> d1) {
  IndicatorValues values(static_cast<Eigen::Index>(d0.size()), 2);
  Eigen::Index i = 0;
  for (double v : d0) values(i++, 0) = v;
  i = 0;
  for (double v : d1) values(i++, 1) = v;
  return values;
}

// District 0: demand 100 120 150 150 130 90 against capacity 110 110 140 160 160 160 —
// short from 2026 (120 > 110); peak 150 first reached in 2027; after it, idle capacity in 2028
// (10), 2029 (30) and 2030 (70). District 1: no demand, 5 places: never short, peak 0 in the
// base year, idle in every later year.
TEST(DistrictMarkers, FindsShortfallPeakAndPostPeakSurplus) {
  const IndicatorValues demand = series({100, 120, 150, 150, 130, 90}, {0, 0, 0, 0, 0, 0});
  const IndicatorValues capacity = series({110, 110, 140, 160, 160, 160}, {5, 5, 5, 5, 5, 5});
  const auto markers = district_markers(2025, demand, capacity);
  ASSERT_EQ(markers.size(), 2u);
  EXPECT_EQ(markers[0].first_shortfall_year, 2026);
  EXPECT_EQ(markers[0].peak_demand_year, 2027);
  EXPECT_EQ(markers[0].peak_demand, 150.0);
  EXPECT_THAT(markers[0].post_peak_surplus_years, ElementsAre(2028, 2029, 2030));
  EXPECT_EQ(markers[0].largest_post_peak_surplus, 70.0);

  EXPECT_EQ(markers[1].first_shortfall_year, 0);
  EXPECT_EQ(markers[1].peak_demand_year, 2025);
  EXPECT_EQ(markers[1].peak_demand, 0.0);
  EXPECT_THAT(markers[1].post_peak_surplus_years, ElementsAre(2026, 2027, 2028, 2029, 2030));
  EXPECT_EQ(markers[1].largest_post_peak_surplus, 5.0);
}

TEST(DistrictMarkers, NoPostPeakSurplusWhenDemandPeaksLastOrStaysAbove) {
  const IndicatorValues demand = series({10, 20, 30}, {30, 20, 15});
  const IndicatorValues capacity = series({40, 40, 40}, {10, 10, 10});
  const auto markers = district_markers(2025, demand, capacity);
  EXPECT_EQ(markers[0].peak_demand_year, 2027);
  EXPECT_THAT(markers[0].post_peak_surplus_years, IsEmpty());
  EXPECT_EQ(markers[0].largest_post_peak_surplus, 0.0);
  EXPECT_EQ(markers[1].first_shortfall_year, 2025);
  EXPECT_THAT(markers[1].post_peak_surplus_years, IsEmpty());
}

// Summed demand 10 < summed capacity 12, but one category is 3 short: the given (per-category)
// shortfall decides the first shortfall year, not the summed totals.
TEST(DistrictMarkers, UsesTheGivenPerCategoryShortfall) {
  const IndicatorValues demand = series({10, 10}, {10, 10});
  const IndicatorValues capacity = series({12, 12}, {12, 12});
  const IndicatorValues shortfall = series({0, 3}, {0, 0});
  const auto markers = district_markers(2025, demand, capacity, shortfall);
  EXPECT_EQ(markers[0].first_shortfall_year, 2026);
  EXPECT_EQ(markers[1].first_shortfall_year, 0);
}

}  // namespace
}  // namespace wardsim::models
