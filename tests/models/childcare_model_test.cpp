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

// Fixture (three_districts): district 0 has 100 people per sex and age, so 200 per age on
// 1 April (0.75 × 200 + 0.25 × 200): age 0 → 200, ages 1-2 → 400, ages 3-5 → 600 children.
// District 1 is empty. District 2 has 80 children aged 5 on 1 January: on 1 April 60 are still
// 5 (group 3-5) and 20 are 6 (school). Uptake {0.3, 0.5, 0.6}, multiplier {1.0, 1.1, 0.9}.
class Childcare : public ::testing::Test {
 protected:
  ServiceResult result = childcare_demand(testing::three_districts(), testing::example_childcare());
};

TEST_F(Childcare, CountsChildrenByAgeGroupOnFirstApril) {
  const Indicator& children = result.indicator("children");
  EXPECT_EQ(children.category_dim, "age_group");
  EXPECT_THAT(children.category_labels, ::testing::ElementsAre("age_0", "age_1_2", "age_3_5"));
  EXPECT_TRUE(row_equals(children, 0, {200, 400, 600, 0, 0, 0, 0, 0, 60}));
}

TEST_F(Childcare, DemandIsChildrenTimesUptakeTimesMultiplier) {
  const Indicator& demand = result.indicator("demand");
  // 2025: 200 × 0.3 = 60, 400 × 0.5 = 200, 600 × 0.6 = 360; district 2: 60 × 0.6 = 36.
  EXPECT_TRUE(row_equals(demand, 0, {60, 200, 360, 0, 0, 0, 0, 0, 36}));
  // 2026, × 1.1: 66, 220, 396; 39.6.
  EXPECT_TRUE(row_equals(demand, 1, {66, 220, 396, 0, 0, 0, 0, 0, 39.6}));
  // 2027, × 0.9: 54, 180, 324; 32.4.
  EXPECT_TRUE(row_equals(demand, 2, {54, 180, 324, 0, 0, 0, 0, 0, 32.4}));
}

TEST_F(Childcare, GapShortfallSurplusAndUtilisation) {
  // Places: district 0 {50, 210, 400} (age 0 → 70 from 2026), district 1 {10, 0, 0},
  // district 2 {0, 0, 30}.
  EXPECT_TRUE(row_equals(result.indicator("capacity"), 0, {50, 210, 400, 10, 0, 0, 0, 0, 30}));
  EXPECT_TRUE(row_equals(result.indicator("capacity"), 1, {70, 210, 400, 10, 0, 0, 0, 0, 30}));
  // 2025 gap = demand − capacity: 60 − 50 = 10 (short), 200 − 210 = −10, 360 − 400 = −40;
  // district 1: −10 (idle places, no children); district 2: 36 − 30 = 6.
  EXPECT_TRUE(row_equals(result.indicator("gap"), 0, {10, -10, -40, -10, 0, 0, 0, 0, 6}));
  EXPECT_TRUE(row_equals(result.indicator("shortfall"), 0, {10, 0, 0, 0, 0, 0, 0, 0, 6}));
  EXPECT_TRUE(row_equals(result.indicator("surplus"), 0, {0, 10, 40, 10, 0, 0, 0, 0, 0}));
  // 2026 age 0: 66 against the 70 places opened that year → 4 idle.
  EXPECT_TRUE(row_equals(result.indicator("gap"), 1, {-4, 10, -4, -10, 0, 0, 0, 0, 9.6}));
  EXPECT_TRUE(testing::gap_is_consistent(result.indicator("gap"), result.indicator("shortfall"),
                                         result.indicator("surplus")));
  // Utilisation 60 / 50 = 1.2; 0 where there are no places.
  EXPECT_TRUE(
      row_equals(result.indicator("utilisation"), 0, {1.2, 200.0 / 210, 0.9, 0, 0, 0, 0, 0, 1.2}));
}

// District 0 has 660 places for 620 children in 2025, yet 10 babies have no place: places are
// age-specific, so the headline shortfall is the sum of the per-group shortfalls.
TEST_F(Childcare, MarkersUseThePerGroupShortfall) {
  ASSERT_EQ(result.markers.size(), 3u);
  EXPECT_EQ(result.markers[0].first_shortfall_year, 2025);
  EXPECT_EQ(result.markers[0].peak_demand_year, 2026);
  EXPECT_DOUBLE_EQ(result.markers[0].peak_demand, 682.0);  // 66 + 220 + 396
  // 2027: 558 children against 680 places.
  EXPECT_THAT(result.markers[0].post_peak_surplus_years, ::testing::ElementsAre(2027));
  EXPECT_NEAR(result.markers[0].largest_post_peak_surplus, 122.0, 1e-9);
  EXPECT_EQ(result.markers[1].first_shortfall_year, 0);
  EXPECT_EQ(result.markers[2].first_shortfall_year, 2025);
  EXPECT_EQ(result.headline_demand, "demand");
  EXPECT_EQ(result.headline_capacity, "capacity");
}

TEST(ChildcareModel, DemandIsZeroWithoutYoungChildren) {
  // Everyone is 6 or older on 1 January (so 6+ on 1 April, too).
  const engine::Projection projection =
      testing::make_projection(3, 3, [](int, int, int, int age) { return age >= 6 ? 50.0 : 0.0; });
  const ServiceResult result = childcare_demand(projection, testing::example_childcare());
  EXPECT_TRUE((result.indicator("demand").values == 0.0).all());
  EXPECT_TRUE((result.indicator("children").values == 0.0).all());
}

TEST(ChildcareModel, UptakeIsCappedAtOne) {
  ChildcareParameters p = testing::example_childcare();
  p.uptake_multiplier = {4.0, 1.0, 1.0};  // 0.3 × 4 = 1.2 → 1; 0.5 × 4 = 2 → 1; 0.6 × 4 → 1
  const ServiceResult result = childcare_demand(testing::three_districts(), p);
  EXPECT_TRUE(row_equals(result.indicator("demand"), 0, {200, 400, 600, 0, 0, 0, 0, 0, 60}));
}

TEST(ChildcareModel, RejectsParametersOfAnotherShape) {
  ChildcareParameters p = testing::example_childcare();
  p.uptake_multiplier.pop_back();
  p.places.base.conservativeResize(2, 3);
  try {
    childcare_demand(testing::three_districts(), p);
    FAIL() << "no exception";
  } catch (const InputError& error) {
    EXPECT_THAT(error.problems(),
                ::testing::ElementsAre("childcare uptake_multiplier: expected 3 years, found 2",
                                       "childcare places: expected 3 districts × 3 categories, "
                                       "found 2 × 3"));
  }
}

}  // namespace
}  // namespace wardsim::models
