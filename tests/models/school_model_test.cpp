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

// District 0: 200 pupils per age on 1 April → elementary (6-11) 1200, junior high (12-14) 600.
// Public share {0.9, 0.7}: 1080 and 420 public pupils, i.e. 180 and 140 per grade. Classes per
// grade with limit 35: ceil(180 / 35) = 6 → 36 elementary classes; 140 / 35 = 4 exactly → 12.
// District 2: 20 six-year-olds on 1 April (a quarter of the 80 aged 5 on 1 January): 18 public
// pupils → 1 class.
class School : public ::testing::Test {
 protected:
  ServiceResult result = school_demand(testing::three_districts(), testing::example_school());
};

TEST_F(School, PupilsAndPublicPupilsByLevel) {
  const Indicator& pupils = result.indicator("pupils");
  EXPECT_EQ(pupils.category_dim, "school_level");
  EXPECT_THAT(pupils.category_labels, ::testing::ElementsAre("elementary", "junior_high"));
  EXPECT_TRUE(row_equals(pupils, 0, {1200, 600, 0, 0, 20, 0}));
  EXPECT_TRUE(row_equals(result.indicator("public_pupils"), 0, {1080, 420, 0, 0, 18, 0}));
}

TEST_F(School, ClassesByGradeWithCeilings) {
  EXPECT_TRUE(row_equals(result.indicator("classes"), 0, {36, 12, 0, 0, 1, 0}));
  EXPECT_TRUE(row_equals(result.indicator("classrooms_needed"), 0, {36, 12, 0, 0, 1, 0}));
}

TEST_F(School, ClassroomGapWithAPlannedExtension) {
  // Classrooms: district 0 {30, 12}, elementary → 40 from 2027.
  EXPECT_TRUE(row_equals(result.indicator("gap"), 0, {6, 0, 0, 0, 1, 0}));
  EXPECT_TRUE(row_equals(result.indicator("gap"), 1, {6, 0, 0, 0, 1, 0}));
  EXPECT_TRUE(row_equals(result.indicator("gap"), 2, {-4, 0, 0, 0, 1, 0}));
  EXPECT_TRUE(row_equals(result.indicator("shortfall"), 2, {0, 0, 0, 0, 1, 0}));
  EXPECT_TRUE(row_equals(result.indicator("surplus"), 2, {4, 0, 0, 0, 0, 0}));
  EXPECT_TRUE(testing::gap_is_consistent(result.indicator("gap"), result.indicator("shortfall"),
                                         result.indicator("surplus")));
  EXPECT_EQ(result.markers[0].first_shortfall_year, 2025);
  EXPECT_EQ(result.markers[0].peak_demand, 48.0);
  EXPECT_EQ(result.markers[0].peak_demand_year, 2025);
  EXPECT_THAT(result.markers[0].post_peak_surplus_years, ::testing::ElementsAre(2027));
  EXPECT_EQ(result.markers[0].largest_post_peak_surplus, 4.0);
}

// c people per sex and age → 2c pupils per grade on 1 April. Limit 35, all public.
double elementary_classes(double c) {
  SchoolParameters p = testing::example_school();
  p.public_share = {1.0, 1.0};
  p.classrooms.base = Eigen::ArrayXXd::Zero(1, 2);
  p.classrooms.changes.clear();
  const engine::Projection projection =
      testing::make_projection(1, 1, [c](int, int, int, int) { return c; });
  return school_demand(projection, p).indicator("classes").values(0, 0);
}

TEST(SchoolModel, ThirtySixPupilsMakeTwoClassesAndThirtyFiveOne) {
  EXPECT_EQ(elementary_classes(18.0), 12.0);  // 36 per grade → 2 classes × 6 grades
  EXPECT_EQ(elementary_classes(17.5), 6.0);   // 35 per grade → 1 class × 6 grades
  EXPECT_EQ(elementary_classes(0.5), 6.0);    // 1 pupil still needs a class
}

TEST(SchoolModel, GradesAreCeiledSeparately) {
  // 24 boys and 24 girls aged 6 on 1 January: on 1 April 36 in grade 1 (→ 2 classes) and 12 in
  // grade 2 (→ 1 class): 3 classes, where ceil(48 / 35) would give 2.
  const engine::Projection projection =
      testing::make_projection(1, 1, [](int, int, int, int age) { return age == 6 ? 24.0 : 0.0; });
  SchoolParameters p = testing::example_school();
  p.public_share = {1.0, 1.0};
  p.classrooms.base = Eigen::ArrayXXd::Zero(1, 2);
  p.classrooms.changes.clear();
  const ServiceResult result = school_demand(projection, p);
  EXPECT_TRUE(row_equals(result.indicator("pupils"), 0, {48, 0}));
  EXPECT_TRUE(row_equals(result.indicator("classes"), 0, {3, 0}));
}

TEST(SchoolModel, NoPupilsNoClasses) {
  const engine::Projection projection = testing::make_projection(
      3, 3, [](int, int, int, int age) { return age < 5 || age > 15 ? 70.0 : 0.0; });
  const ServiceResult result = school_demand(projection, testing::example_school());
  EXPECT_TRUE((result.indicator("pupils").values == 0.0).all());
  EXPECT_TRUE((result.indicator("classes").values == 0.0).all());
}

TEST(SchoolModel, RejectsANonPositiveClassSize) {
  SchoolParameters p = testing::example_school();
  p.class_size_limit[1] = 0;
  EXPECT_THROW(school_demand(testing::three_districts(), p), InputError);
}

}  // namespace
}  // namespace wardsim::models
