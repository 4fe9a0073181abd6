#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "models/example_parameters.h"
#include "models/indicator_expect.h"
#include "models/tiny_projection.h"
#include "wardsim/error.h"
#include "wardsim/models/services.h"

namespace wardsim::models {
namespace {

using testing::row_equals;

// District 0 has 100 people per sex and age: 500 per sex in each band 65-69 … 85-89 and 1100 in
// 90+ (ages 90..100); 65+ = 3600 per sex; 75+ = 2600 per sex. Districts 1 and 2 have nobody 65+.
// Rates: men care_3 0.1 in every band; women care_5 0.2 at 85-89 and support_1 0.5 at 90+;
// multiplier {1, 2, 3}.
//
// 2025: care_3 = 3600 × 0.1 = 360, care_5 = 500 × 0.2 = 100, support_1 = 1100 × 0.5 = 550;
// certified 1010; residential = (360 + 100) × 0.5 = 230; at home 1010 − 230 = 780:
// home care 780 × 0.4 = 312, day care 780 × 0.25 = 195;
// workers 230 / 2 + (312 + 195) / 10 = 115 + 50.7 = 165.7.
class ElderlyCare : public ::testing::Test {
 protected:
  ServiceResult result =
      elderly_care_demand(testing::three_districts(), testing::example_elderly_care());
};

TEST_F(ElderlyCare, CertifiedByLevel) {
  const Indicator& certified = result.indicator("certified");
  EXPECT_EQ(certified.category_dim, "care_level");
  EXPECT_THAT(certified.category_labels,
              ::testing::ElementsAre("support_1", "support_2", "care_1", "care_2", "care_3",
                                     "care_4", "care_5"));
  std::vector<double> expected(21, 0.0);
  expected[0] = 550;
  expected[4] = 360;
  expected[6] = 100;
  EXPECT_TRUE(row_equals(certified, 0, expected));
  EXPECT_TRUE(row_equals(result.indicator("certified_total"), 0, {1010, 0, 0}));
}

TEST_F(ElderlyCare, CareUseAndWorkers) {
  EXPECT_TRUE(row_equals(result.indicator("residential_demand"), 0, {230, 0, 0}));
  EXPECT_TRUE(row_equals(result.indicator("home_care_users"), 0, {312, 0, 0}));
  EXPECT_TRUE(row_equals(result.indicator("day_care_users"), 0, {195, 0, 0}));
  EXPECT_TRUE(row_equals(result.indicator("care_workers_needed"), 0, {165.7, 0, 0}));
}

// 2026 (× 2): care_3 720, care_5 200, support_1 1100 × 1.0 = 1100 (a band sum of exactly 1 is
// kept). 2027 (× 3): women 90+ would be 1.5 certified per person: capped to 1, so support_1 stays
// 1100; care_3 1080, care_5 300; residential (1080 + 300) × 0.5 = 690.
TEST_F(ElderlyCare, MultiplierScalesRatesAndCapsABandAtEveryone) {
  EXPECT_TRUE(row_equals(result.indicator("certified_total"), 1, {2020, 0, 0}));
  EXPECT_TRUE(row_equals(result.indicator("certified_total"), 2, {2480, 0, 0}));
  EXPECT_TRUE(row_equals(result.indicator("residential_demand"), 2, {690, 0, 0}));
}

TEST_F(ElderlyCare, ResidentialGapAndPlacesPer1000Aged75Plus) {
  // Places {260, 20, 0}, district 0 → 700 from 2027. Residential demand 230, 460, 690.
  EXPECT_TRUE(row_equals(result.indicator("residential_gap"), 0, {-30, -20, 0}));
  EXPECT_TRUE(row_equals(result.indicator("residential_gap"), 1, {200, -20, 0}));
  EXPECT_TRUE(row_equals(result.indicator("residential_gap"), 2, {-10, -20, 0}));
  EXPECT_TRUE(testing::gap_is_consistent(result.indicator("residential_gap"),
                                         result.indicator("residential_shortfall"),
                                         result.indicator("residential_surplus")));
  // 260 / 5200 × 1000 = 50; 700 / 5200 × 1000; no one aged 75+ in districts 1 and 2 → 0.
  EXPECT_TRUE(row_equals(result.indicator("places_per_1000_aged_75_plus"), 0, {50, 0, 0}));
  EXPECT_TRUE(
      row_equals(result.indicator("places_per_1000_aged_75_plus"), 2, {700000.0 / 5200, 0, 0}));
  EXPECT_EQ(result.markers[0].first_shortfall_year, 2026);
  EXPECT_EQ(result.markers[0].peak_demand_year, 2027);
  EXPECT_DOUBLE_EQ(result.markers[0].peak_demand, 690.0);
  EXPECT_EQ(result.headline_demand, "residential_demand");
  EXPECT_EQ(result.headline_capacity, "residential_places");
}

TEST(ElderlyCareModel, BandsStartAt65) {
  // 10 women aged 64 and 10 aged 65, rate 0.3 at care_1 in band 65-69: only the 65s count.
  const engine::Projection projection =
      testing::make_projection(1, 1, [](int, int, int sex, int age) {
        return sex == engine::kFemale && (age == 64 || age == 65) ? 10.0 : 0.0;
      });
  ElderlyCareParameters p = testing::example_elderly_care();
  p.certification[0].setZero();
  p.certification[1].setZero();
  p.certification[1](0, 2) = 0.3;
  p.certification_multiplier = {1.0};
  p.residential_places.base = Eigen::ArrayXXd::Zero(1, 1);
  p.residential_places.changes.clear();
  EXPECT_TRUE(
      row_equals(elderly_care_demand(projection, p).indicator("certified_total"), 0, {3.0}));
}

TEST(ElderlyCareModel, NobodyCertifiedWithoutOlderPeople) {
  const engine::Projection projection =
      testing::make_projection(3, 3, [](int, int, int, int age) { return age < 65 ? 80.0 : 0.0; });
  const ServiceResult result = elderly_care_demand(projection, testing::example_elderly_care());
  for (const char* name : {"certified", "certified_total", "residential_demand", "home_care_users",
                           "day_care_users", "care_workers_needed"}) {
    EXPECT_TRUE((result.indicator(name).values == 0.0).all()) << name;
  }
}

TEST(ElderlyCareModel, RejectsAZeroStaffingRatio) {
  ElderlyCareParameters p = testing::example_elderly_care();
  p.residents_per_care_worker = 0.0;
  EXPECT_THROW(elderly_care_demand(testing::three_districts(), p), InputError);
}

}  // namespace
}  // namespace wardsim::models
