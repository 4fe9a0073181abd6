#include "indicator_math.h"

#include <gtest/gtest.h>

#include <cmath>

namespace wardsim::models {
namespace {

TEST(IndicatorMath, SumsOverCategoriesPerDistrict) {
  IndicatorValues values(2, 6);   // 2 districts × 3 categories
  values << 1, 2, 3, 10, 20, 30,  //
      4, 5, 6, 40, 50, 60;
  const IndicatorValues sums = sum_over_categories(values, 3);
  ASSERT_EQ(sums.cols(), 2);
  EXPECT_EQ(sums(0, 0), 6.0);
  EXPECT_EQ(sums(0, 1), 60.0);
  EXPECT_EQ(sums(1, 0), 15.0);
  EXPECT_EQ(sums(1, 1), 150.0);
}

TEST(IndicatorMath, RatioIsZeroWhereTheDenominatorIsZero) {
  IndicatorValues num(1, 3), den(1, 3);
  num << 6, 5, 0;
  den << 3, 0, 0;
  const IndicatorValues ratio = ratio_or_zero(num, den, 1000.0);
  EXPECT_EQ(ratio(0, 0), 2000.0);
  EXPECT_EQ(ratio(0, 1), 0.0);
  EXPECT_EQ(ratio(0, 2), 0.0);
}

TEST(IndicatorMath, GapIsDemandMinusCapacity) {
  IndicatorValues demand(1, 3), capacity(1, 3);
  demand << 12, 5, 7;
  capacity << 10, 8, 7;
  const CapacityGap gap = capacity_gap(demand, capacity);
  EXPECT_EQ(gap.gap(0, 0), 2.0);  // positive: not enough capacity
  EXPECT_EQ(gap.shortfall(0, 0), 2.0);
  EXPECT_EQ(gap.surplus(0, 0), 0.0);
  EXPECT_EQ(gap.gap(0, 1), -3.0);  // negative: idle capacity
  EXPECT_EQ(gap.shortfall(0, 1), 0.0);
  EXPECT_EQ(gap.surplus(0, 1), 3.0);
  EXPECT_FALSE(std::signbit(gap.surplus(0, 2)));  // an exact match is +0, not −0
  EXPECT_FALSE(std::signbit(gap.shortfall(0, 2)));
}

}  // namespace
}  // namespace wardsim::models
