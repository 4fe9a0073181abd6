// `[[services.capacity_additions]]`: inline capacity plans add to the capacity tables from their
// year on, and their problems are reported like every other key's, all at once.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "scenario_test_support.h"
#include "wardsim/scenarios/scenario.h"

namespace wardsim::scenarios {
namespace {

using testing::problems_thrown;
using testing::TinyCopy;
using ::testing::UnorderedElementsAre;

// A scenario that extends tiny_services.toml with the capacity addition `rows`.
std::filesystem::path with_additions(const TinyCopy& copy, const std::string& rows) {
  copy.write("added.toml", "extends = \"tiny_services.toml\"\n" + rows);
  return copy.path("added.toml");
}

TEST(CapacityAdditions, AddToTheTableFromTheirYearOn) {
  TinyCopy copy;
  // The tables (tests/scenarios/fixtures/tiny/tables/services): childcare A1 age_1_2 has 20 places
  // from 2025 and 25 from 2028; A2 age_0 has 10; care places in B1 are 5, and 15 from 2027.
  const auto file = with_additions(copy, R"(
[[services.capacity_additions]]
service = "childcare"
district = "A1"
category = "age_1_2"
from_year = 2027
add = 10
[[services.capacity_additions]]
service = "childcare"
district = "A2"
category = "age_0"
from_year = 2025
add = 3
[[services.capacity_additions]]
service = "elderly_care"
district = "B1"
from_year = 2027
add = 4.5
[[services.capacity_additions]]
service = "elderly_care"
district = "B1"
from_year = 2029
add = 1
)");
  const Scenario added = load_scenario(file);
  const Scenario plain = load_scenario(copy.path("tiny_services.toml"));
  ASSERT_TRUE(added.services && plain.services);
  const auto& places = added.services->childcare.places;
  const auto& care = added.services->elderly_care.residential_places;
  // Hand-checked: {year, A1 age_1_2, A2 age_0, B1 care places}.
  const double expected[][4] = {{2025, 20, 13, 5},    {2026, 20, 13, 5},    {2027, 30, 13, 19.5},
                                {2028, 35, 13, 19.5}, {2029, 35, 13, 20.5}, {2030, 35, 13, 20.5}};
  for (const auto& row : expected) {
    const int year = static_cast<int>(row[0]);
    EXPECT_DOUBLE_EQ(places.in_year(year)(0, 1), row[1]) << year;
    EXPECT_DOUBLE_EQ(places.in_year(year)(1, 0), row[2]) << year;
    EXPECT_DOUBLE_EQ(care.in_year(year)(2, 0), row[3]) << year;
    // Every other cell is the table's.
    Eigen::ArrayXXd difference =
        places.in_year(year) - plain.services->childcare.places.in_year(year);
    difference(0, 1) = 0;
    difference(1, 0) = 0;
    EXPECT_TRUE((difference == 0).all()) << year;
    EXPECT_TRUE((added.services->school.classrooms.in_year(year) ==
                 plain.services->school.classrooms.in_year(year))
                    .all())
        << year;
  }
}

TEST(CapacityAdditions, ShelterAndSchoolAdditionsReachTheirPlans) {
  TinyCopy copy;
  const auto file = with_additions(copy, R"(
services.capacity_additions = [
  { service = "school", district = "B1", category = "junior_high", from_year = 2026, add = 2 },
  { service = "welfare_shelters", district = "A1", from_year = 2030, add = 7 },
  { service = "shelters", district = "A2", from_year = 2025, add = 0 },
]
)");
  const Scenario added = load_scenario(file);
  const Scenario plain = load_scenario(copy.path("tiny_services.toml"));
  const auto& a = *added.services;
  const auto& p = *plain.services;
  EXPECT_DOUBLE_EQ(a.school.classrooms.in_year(2025)(2, 1),
                   p.school.classrooms.in_year(2025)(2, 1));
  EXPECT_DOUBLE_EQ(a.school.classrooms.in_year(2026)(2, 1),
                   p.school.classrooms.in_year(2026)(2, 1) + 2);
  // The table closes B1's junior high classrooms in 2030 (0); the addition still stands.
  EXPECT_DOUBLE_EQ(a.school.classrooms.in_year(2030)(2, 1), 2.0);
  EXPECT_DOUBLE_EQ(a.infrastructure.welfare_shelter_places.in_year(2029)(0, 0),
                   p.infrastructure.welfare_shelter_places.in_year(2029)(0, 0));
  EXPECT_DOUBLE_EQ(a.infrastructure.welfare_shelter_places.in_year(2030)(0, 0),
                   p.infrastructure.welfare_shelter_places.in_year(2030)(0, 0) + 7);
  EXPECT_TRUE((a.infrastructure.shelter_places.in_year(2030) ==
               p.infrastructure.shelter_places.in_year(2030))
                  .all());
}

TEST(CapacityAdditions, EveryBadRowIsReported) {
  TinyCopy copy;
  const auto file = with_additions(copy, R"(
services.capacity_additions = [
  { service = "kindergarten", district = "A1", from_year = 2026, add = 1 },
  { service = "childcare", district = "Z9", category = "age_9", from_year = 2031, add = 1 },
  { service = "childcare", district = "A1", from_year = 2024, add = 1 },
  { service = "elderly_care", district = "A1", category = "age_0", from_year = 2026, add = 1 },
]
)");
  const std::string shown = file.string();
  const std::string key = shown + ": key 'services.capacity_additions[";
  EXPECT_THAT(
      problems_thrown([&] { load_scenario(file); }),
      UnorderedElementsAre(
          key + "0].service': unknown service 'kindergarten' (expected one of childcare, school, "
                "elderly_care, welfare_shelters, shelters)",
          key + "1].category': unknown category 'age_9' of service 'childcare' (expected one of "
                "age_0, age_1_2, age_3_5)",
          key + "1].district': unknown district 'Z9' (not in " +
              copy.shown("tables/districts.csv") + ")",
          key + "1].from_year' must be a year between 2025 and 2030 (scenario.base_year to "
                "scenario.end_year), found 2031",
          key + "2].category' is missing: service 'childcare' needs one of age_0, age_1_2, "
                "age_3_5",
          key + "2].from_year' must be a year between 2025 and 2030 (scenario.base_year to "
                "scenario.end_year), found 2024",
          key + "3].category': service 'elderly_care' has no categories; leave category out, "
                "found 'age_0'"));

  // Malformed rows: a negative addition, a misspelt key and a missing one, all at once.
  copy.write("added.toml", R"(extends = "tiny_services.toml"
services.capacity_additions = [
  { service = "childcare", district = "A1", category = "age_0", from_year = 2026, add = -5 },
  { service = "childcare", district = "A1", category = "age_0", from_yaer = 2026, add = 1 },
]
)");
  EXPECT_THAT(problems_thrown([&] { load_scenario(file); }),
              UnorderedElementsAre(
                  key + "0].add' must be a number ≥ 0, found -5",
                  shown + ": unknown key 'services.capacity_additions[1].from_yaer' (expected "
                          "service, district, category, from_year, add)",
                  shown + ": missing required key 'services.capacity_additions[1].from_year'"));
}

}  // namespace
}  // namespace wardsim::scenarios
