#include "school_year_age.h"

#include <gtest/gtest.h>

namespace wardsim::models {
namespace {

using engine::kOpenAge;

// january[a] = 4a + 8. Hand: april[0] = january[0] = 8;
// april[a] = 0.75 (4a + 8) + 0.25 (4(a−1) + 8) = 4a + 7 for 1 ≤ a ≤ 99;
// april[100] = 408 + 0.25 × 404 = 509.
TEST(SchoolYearAge, ConvertsAKnownVector) {
  AgeRow january;
  for (int a = 0; a <= kOpenAge; ++a) january(a) = 4.0 * a + 8.0;
  const AgeRow april = april_ages(january);
  EXPECT_DOUBLE_EQ(april(0), 8.0);
  for (int a = 1; a < kOpenAge; ++a) EXPECT_DOUBLE_EQ(april(a), 4.0 * a + 7.0) << "age " << a;
  EXPECT_DOUBLE_EQ(april(kOpenAge), 509.0);
  // Everyone is still counted, plus the January-March births (a quarter of age 0).
  EXPECT_NEAR(april.sum(), january.sum() + 0.25 * january(0), 1e-9);
}

TEST(SchoolYearAge, ACohortOfOneAgeSpillsAQuarterIntoTheNextAge) {
  AgeRow january = AgeRow::Zero();
  january(5) = 80.0;
  const AgeRow april = april_ages(january);
  EXPECT_DOUBLE_EQ(april(5), 60.0);
  EXPECT_DOUBLE_EQ(april(6), 20.0);
  EXPECT_DOUBLE_EQ(april.sum(), 80.0);
}

TEST(SchoolYearAge, ConvertsEveryDistrictAndSexOfACube) {
  engine::DistrictCube january = engine::DistrictCube::Zero(2, engine::kCells);
  january(1, engine::cell(engine::kFemale, 11)) = 40.0;
  january(0, engine::cell(engine::kMale, kOpenAge)) = 7.0;
  const engine::DistrictCube april = april_basis(january);
  EXPECT_DOUBLE_EQ(april(1, engine::cell(engine::kFemale, 11)), 30.0);
  EXPECT_DOUBLE_EQ(april(1, engine::cell(engine::kFemale, 12)), 10.0);
  EXPECT_DOUBLE_EQ(april(0, engine::cell(engine::kMale, kOpenAge)), 7.0);
  // Ages do not leak from one sex to the other: women's age 0 is not men's 100+.
  EXPECT_DOUBLE_EQ(april(0, engine::cell(engine::kFemale, 0)), 0.0);
  EXPECT_DOUBLE_EQ(april.sum(), january.sum());
}

}  // namespace
}  // namespace wardsim::models
