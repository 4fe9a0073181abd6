#include <gtest/gtest.h>

#include "models/example_parameters.h"
#include "models/indicator_expect.h"
#include "models/tiny_projection.h"
#include "wardsim/models/services.h"

namespace wardsim::models {
namespace {

using testing::row_equals;

// District 0 has 100 people per sex and age: 20200 residents; aged 15+ 8600 per sex (14 bands of
// 500 and 1600 in 85+); aged 75+ 2600 per sex; 200 infants; 14800 aged 1-74.
// District 1 is empty; district 2 has 80 children aged 5.
//   households      = 8600 × 0.5 + 8600 × 0.3 = 6880;        housing = 6880 × 1.1 = 7568
//   living alone    = 2 × 8600 × 0.2 = 3440;                  75+ alone = 2 × 2600 × 0.2 = 1040
//   water           = 20200 × 200 / 1000 = 4040 m³/day;       waste = 20200 × 0.8 / 1000 = 16.16 t
//   evacuation help = 5200 × 0.3 + 200 + 14800 × 0.05 = 1560 + 200 + 740 = 2500
//   district 2: evacuation help = 80 × 0.05 = 4, no households.
class Infrastructure : public ::testing::Test {
 protected:
  ServiceResult result =
      infrastructure_demand(testing::three_districts(), testing::example_infrastructure());
};

TEST_F(Infrastructure, HouseholdsAndHousing) {
  EXPECT_TRUE(row_equals(result.indicator("households"), 0, {6880, 0, 0}));
  EXPECT_TRUE(row_equals(result.indicator("single_person_households"), 0, {3440, 0, 0}));
  EXPECT_TRUE(row_equals(result.indicator("aged_75_plus_living_alone"), 0, {1040, 0, 0}));
  EXPECT_TRUE(row_equals(result.indicator("housing_units_needed"), 0, {7568, 0, 0}));
}

TEST_F(Infrastructure, WaterAndWaste) {
  EXPECT_TRUE(row_equals(result.indicator("residents"), 0, {20200, 0, 80}));
  EXPECT_TRUE(row_equals(result.indicator("water_m3_per_day"), 0, {4040, 0, 16}));
  EXPECT_TRUE(row_equals(result.indicator("waste_tonnes_per_day"), 0, {16.16, 0, 0.064}));
}

TEST_F(Infrastructure, EvacuationHelpAndShelters) {
  EXPECT_TRUE(row_equals(result.indicator("evacuation_help_needed"), 0, {2500, 0, 4}));
  // Welfare-shelter places {2400, 0, 10}: gap = help needed − places.
  EXPECT_TRUE(row_equals(result.indicator("welfare_shelter_gap"), 0, {100, 0, -6}));
  EXPECT_TRUE(row_equals(result.indicator("welfare_shelter_shortfall"), 0, {100, 0, 0}));
  // Shelter places {20000, 100, 50}: gap = residents − places.
  EXPECT_TRUE(row_equals(result.indicator("shelter_gap"), 0, {200, -100, 30}));
  EXPECT_TRUE(row_equals(result.indicator("shelter_shortfall"), 0, {200, 0, 30}));
  EXPECT_EQ(result.markers[0].first_shortfall_year, 2025);
  EXPECT_EQ(result.markers[2].first_shortfall_year, 0);
  EXPECT_EQ(result.headline_demand, "evacuation_help_needed");
  EXPECT_EQ(result.headline_capacity, "welfare_shelter_places");
}

// 10 men at each of ages 14, 19, 20, 74, 75. Headship by band: 15-19 → 0.1, 20-24 → 0.2 (14 is
// no band): 1 + 2 = 3 households. Single-person 0.3 at 70-74 and 0.4 at 75-79: 75+ alone = 4.
// Evacuation: ages 14, 19, 20, 74 × 0.05 = 2 and age 75 × 0.3 = 3 → 5.
TEST(InfrastructureModel, BandsFollowTheAgeBoundaries) {
  const engine::Projection projection =
      testing::make_projection(3, 1, [](int, int district, int sex, int age) {
        const bool listed = age == 14 || age == 19 || age == 20 || age == 74 || age == 75;
        return district == 0 && sex == engine::kMale && listed ? 10.0 : 0.0;
      });
  InfrastructureParameters p = testing::example_infrastructure();
  p.headship_rate[0].setZero();
  p.headship_rate[0](0) = 0.1;
  p.headship_rate[0](1) = 0.2;
  p.single_person_rate[0].setZero();
  p.single_person_rate[0](11) = 0.3;
  p.single_person_rate[0](12) = 0.4;
  const ServiceResult result = infrastructure_demand(projection, p);
  EXPECT_TRUE(row_equals(result.indicator("households"), 0, {3, 0, 0}));
  EXPECT_TRUE(row_equals(result.indicator("single_person_households"), 0, {7, 0, 0}));
  EXPECT_TRUE(row_equals(result.indicator("aged_75_plus_living_alone"), 0, {4, 0, 0}));
  EXPECT_TRUE(row_equals(result.indicator("evacuation_help_needed"), 0, {5, 0, 0}));
}

TEST(InfrastructureModel, EveryInfantNeedsHelp) {
  const engine::Projection projection =
      testing::make_projection(3, 1, [](int, int, int, int age) { return age == 0 ? 7.0 : 0.0; });
  InfrastructureParameters p = testing::example_infrastructure();
  p.evacuation_help_rate_75_plus = 0.0;
  p.evacuation_help_rate_under_75 = 0.0;
  const ServiceResult result = infrastructure_demand(projection, p);
  EXPECT_TRUE(row_equals(result.indicator("evacuation_help_needed"), 0, {14, 14, 14}));
  EXPECT_TRUE((result.indicator("households").values == 0.0).all());
}

}  // namespace
}  // namespace wardsim::models
