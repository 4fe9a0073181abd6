#include "capacity_series.h"

#include <gtest/gtest.h>

#include "models/tiny_projection.h"

namespace wardsim::models {
namespace {

TEST(CapacitySeries, LaysOutDistrictMajorYearByYear) {
  const engine::Projection projection = testing::three_districts();  // 2025-2027
  CapacityPlan plan;
  plan.base.resize(3, 2);
  plan.base << 1, 2,  //
      3, 4,           //
      5, 6;
  plan.changes = {{.year = 2026, .district = 2, .category = 0, .capacity = 50}};
  const IndicatorValues values = capacity_series(plan, projection.dims);
  ASSERT_EQ(values.rows(), 3);
  ASSERT_EQ(values.cols(), 6);
  Eigen::Array<double, 1, 6> expected_2025;
  expected_2025 << 1, 2, 3, 4, 5, 6;
  EXPECT_TRUE((values.row(0) == expected_2025).all());
  EXPECT_EQ(values(1, 4), 50.0);  // district 2, category 0, from 2026
  EXPECT_EQ(values(2, 4), 50.0);
  EXPECT_EQ(values(1, 5), 6.0);
}

}  // namespace
}  // namespace wardsim::models
