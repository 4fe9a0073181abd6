#include "wardsim/scenarios/service_tables.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "scenarios/scenario_test_support.h"
#include "wardsim/scenarios/scenario.h"

namespace wardsim::scenarios {
namespace {

using ::testing::DoubleEq;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testing::problems_thrown;
using testing::TinyCopy;

constexpr const char* kServices = "tiny_services.toml";

// The tiny city with services: tiny_services.toml extends tiny.toml.
Scenario load_services(const TinyCopy& copy, const std::vector<std::string>& overrides = {}) {
  return load_scenario(copy.path(kServices), overrides);
}

std::vector<std::string> services_problems(const TinyCopy& copy,
                                           const std::vector<std::string>& overrides = {}) {
  return problems_thrown([&] { load_services(copy, overrides); });
}

TEST(ServiceParameters, TheTinyScenarioResolvesItsServices) {
  TinyCopy copy;
  const Scenario scenario = load_services(copy);
  ASSERT_TRUE(scenario.services.has_value());
  const models::ServiceParameters& services = *scenario.services;

  const models::ChildcareParameters& childcare = services.childcare;
  EXPECT_THAT(std::vector<double>(childcare.uptake.begin(), childcare.uptake.end()),
              ElementsAre(0.3, 0.5, 0.6));
  // One value per population year 2025..2030, interpolated from { 2025 = 1.0, 2030 = 0.5 }.
  ASSERT_EQ(childcare.uptake_multiplier.size(), 6u);
  EXPECT_THAT(childcare.uptake_multiplier,
              ElementsAre(DoubleEq(1.0), DoubleEq(0.9), DoubleEq(0.8), DoubleEq(0.7), DoubleEq(0.6),
                          DoubleEq(0.5)));
  ASSERT_EQ(childcare.places.base.rows(), 3);
  ASSERT_EQ(childcare.places.base.cols(), 3);
  EXPECT_EQ(childcare.places.base(0, 1), 20.0);  // A1 age_1_2
  EXPECT_EQ(childcare.places.base(1, 2), 80.0);  // A2 age_3_5
  EXPECT_EQ(childcare.places.base(2, 0), 3.0);   // B1 age_0
  ASSERT_EQ(childcare.places.changes.size(), 1u);
  EXPECT_EQ(childcare.places.changes[0].year, 2028);
  EXPECT_EQ(childcare.places.changes[0].district, 0);
  EXPECT_EQ(childcare.places.changes[0].category, 1);
  EXPECT_EQ(childcare.places.changes[0].capacity, 25.0);

  const models::SchoolParameters& school = services.school;
  EXPECT_THAT(school.public_share, ElementsAre(0.9, 0.6));
  EXPECT_THAT(school.class_size_limit, ElementsAre(35, 30));
  ASSERT_EQ(school.classrooms.base.rows(), 3);
  ASSERT_EQ(school.classrooms.base.cols(), 2);
  EXPECT_EQ(school.classrooms.base(1, 0), 24.0);
  ASSERT_EQ(school.classrooms.changes.size(), 1u);
  EXPECT_EQ(school.classrooms.changes[0].year, 2030);
  EXPECT_EQ(school.classrooms.changes[0].district, 2);
  EXPECT_EQ(school.classrooms.changes[0].category, 1);
  EXPECT_EQ(school.classrooms.changes[0].capacity, 0.0);

  const models::ElderlyCareParameters& care = services.elderly_care;
  EXPECT_DOUBLE_EQ(care.certification[engine::kMale](0, 0), 0.01);    // male 65-69 support_1
  EXPECT_DOUBLE_EQ(care.certification[engine::kFemale](5, 6), 0.12);  // female 90+ care_5
  EXPECT_DOUBLE_EQ(care.certification[engine::kMale](2, 4), 0.03);    // male 75-79 care_3
  EXPECT_EQ(care.certification_multiplier, models::YearSeries(6, 1.0));
  EXPECT_EQ(care.residential_rate, 0.3);
  EXPECT_EQ(care.home_care_rate, 0.2);
  EXPECT_EQ(care.day_care_rate, 0.25);
  EXPECT_EQ(care.residents_per_care_worker, 3.0);
  EXPECT_EQ(care.community_users_per_care_worker, 6.5);
  ASSERT_EQ(care.residential_places.base.rows(), 3);
  ASSERT_EQ(care.residential_places.base.cols(), 1);
  EXPECT_EQ(care.residential_places.base(2, 0), 5.0);
  ASSERT_EQ(care.residential_places.changes.size(), 1u);
  EXPECT_EQ(care.residential_places.changes[0].year, 2027);
  EXPECT_EQ(care.residential_places.changes[0].capacity, 15.0);

  const models::InfrastructureParameters& infrastructure = services.infrastructure;
  EXPECT_TRUE((infrastructure.headship_rate[engine::kMale] == 0.5).all());
  EXPECT_TRUE((infrastructure.headship_rate[engine::kFemale] == 0.4).all());
  EXPECT_TRUE((infrastructure.single_person_rate[engine::kMale] == 0.2).all());
  EXPECT_TRUE((infrastructure.single_person_rate[engine::kFemale] == 0.3).all());
  EXPECT_EQ(infrastructure.housing_units_per_household, 1.05);
  EXPECT_EQ(infrastructure.water_litres_per_person_day, 215.0);
  EXPECT_EQ(infrastructure.waste_kg_per_person_day, 0.5);
  EXPECT_EQ(infrastructure.evacuation_help_rate_75_plus, 0.15);
  EXPECT_EQ(infrastructure.evacuation_help_rate_under_75, 0.03);
  EXPECT_EQ(infrastructure.welfare_shelter_places.base(1, 0), 4.0);
  EXPECT_EQ(infrastructure.shelter_places.base(2, 0), 600.0);
  ASSERT_EQ(infrastructure.shelter_places.changes.size(), 1u);
  EXPECT_EQ(infrastructure.shelter_places.changes[0].year, 2029);
  EXPECT_EQ(infrastructure.shelter_places.changes[0].district, 1);
  EXPECT_EQ(infrastructure.shelter_places.changes[0].capacity, 300.0);
  ASSERT_EQ(infrastructure.welfare_shelter_places.changes.size(), 1u);
  EXPECT_EQ(infrastructure.welfare_shelter_places.changes[0].capacity, 4.0);

  const std::vector<std::string> assumptions = {
      "Childcare uptake: invented for tests.",
      "Childcare places: invented for tests.",
      "School classrooms: invented for tests.",
      "Care certification: invented for tests.",
      "Care places: invented for tests.",
      "Headship: invented for tests.",
      "services.shelters (tables/services/shelter_places.csv): no source is stated in the "
      "scenario"};
  EXPECT_EQ(services.assumptions, assumptions);
  ASSERT_EQ(scenario.estimates.size(), 1u + assumptions.size());
  EXPECT_EQ(scenario.estimates[0], "every table is invented for tests");
  EXPECT_EQ(scenario.estimates.back(), assumptions.back());
  // Two scenario files, the 9 population tables and the 7 service tables.
  ASSERT_EQ(scenario.input_files.size(), 18u);
  EXPECT_EQ(scenario.input_files[11].path, "tables/services/childcare_uptake.csv");
  EXPECT_EQ(scenario.input_files[17].path, "tables/services/shelter_places.csv");
}

TEST(ServiceParameters, AScenarioWithoutServicesHasNone) {
  const Scenario scenario = load_scenario(testing::tiny_fixture_dir() / "tiny.toml");
  EXPECT_FALSE(scenario.services.has_value());
}

TEST(ServiceParameters, ACapacityPlanCanBeSwappedByAnOverride) {
  TinyCopy copy;
  copy.write("tables/services/plan_b.csv",
             "district_id,age_group,from_year,places\n"
             "A1,age_0,2025,5\nA1,age_1_2,2025,20\nA1,age_3_5,2025,40\n"
             "A2,age_0,2025,10\nA2,age_1_2,2025,40\nA2,age_3_5,2025,80\n"
             "B1,age_0,2025,3\nB1,age_1_2,2025,12\nB1,age_3_5,2025,24\n"
             "B1,age_1_2,2027,30\nA2,age_0,2026,0\n");
  const Scenario scenario =
      load_services(copy, {"services.childcare_places=\"tables/services/plan_b.csv\"",
                           "services.childcare.uptake_multiplier={ 2027 = 1.2 }"});
  const models::CapacityPlan& places = scenario.services->childcare.places;
  ASSERT_EQ(places.changes.size(), 2u);  // in year order
  EXPECT_EQ(places.changes[0].year, 2026);
  EXPECT_EQ(places.changes[0].district, 1);
  EXPECT_EQ(places.changes[1].year, 2027);
  EXPECT_EQ(places.changes[1].capacity, 30.0);
  EXPECT_EQ(scenario.services->childcare.uptake_multiplier, models::YearSeries(6, 1.2));
}

TEST(ServiceParameters, UnknownServiceKeys) {
  TinyCopy copy;
  copy.replace(kServices, "[services.school]",
               "[services.hospitals]\nbeds = 3\n\n[services.school]");
  copy.replace(kServices, "day_care_rate = 0.25", "daycare_rate = 0.25");
  const std::string file = copy.shown(kServices);
  EXPECT_THAT(
      services_problems(copy, {"services.childcare.uptake_multipler=1.1"}),
      ElementsAre("--set services.childcare.uptake_multipler=1.1: unknown key "
                  "'services.childcare.uptake_multipler' (did you mean "
                  "'services.childcare.uptake_multiplier'?)",
                  file + ": unknown key 'services.elderly_care.daycare_rate' (did you mean "
                         "'services.elderly_care.day_care_rate'?)",
                  file + ": unknown key 'services.hospitals'",
                  file + ": missing required key 'services.elderly_care.day_care_rate' (share of "
                         "other certified people using day care, a rate between 0 and 1)"));
}

TEST(ServiceParameters, LeversOutOfRange) {
  TinyCopy copy;
  copy.replace(kServices, "residential_rate = 0.3", "residential_rate = 1.5");
  copy.replace(kServices, "evacuation_help_rate_under_75 = 0.03",
               "evacuation_help_rate_under_75 = -0.1");
  copy.replace(kServices, "junior_high = 0.6", "junior_high = 1.3");
  copy.replace(kServices, "elementary = 35", "elementary = 0");
  copy.replace(kServices, "junior_high = 30", "junior_high = 61");
  copy.replace(kServices, "residents_per_care_worker = 3", "residents_per_care_worker = 0");
  const std::string file = copy.shown(kServices);
  EXPECT_THAT(
      services_problems(copy, {"services.school.class_size_limit.elementary=35.5",
                               "services.elderly_care.certification_multiplier={ 2030 = -1 }"}),
      // Keys are checked in the merged document's (alphabetical) order.
      ElementsAre("--set services.elderly_care.certification_multiplier={ 2030 = -1 }: key "
                  "'services.elderly_care.certification_multiplier.2030' must be a number ≥ 0, "
                  "found -1",
                  file + ": key 'services.elderly_care.residential_rate' must be a rate between 0 "
                         "and 1, found 1.5",
                  file + ": key 'services.elderly_care.residents_per_care_worker' must be a number "
                         "> 0, found 0",
                  file + ": key 'services.infrastructure.evacuation_help_rate_under_75' must be a "
                         "rate between 0 and 1, found -0.1",
                  "--set services.school.class_size_limit.elementary=35.5: key "
                  "'services.school.class_size_limit.elementary' must be an integer between 1 and "
                  "60, found 35.5",
                  file + ": key 'services.school.class_size_limit.junior_high' must be an integer "
                         "between 1 and 60, found 61",
                  file + ": key 'services.school.public_share.junior_high' must be a share between "
                         "0 and 1, found 1.3"));
}

TEST(ServiceParameters, RatesOutsideZeroToOneInTables) {
  TinyCopy copy;
  copy.replace("tables/services/childcare_uptake.csv", "age_1_2,0.5", "age_1_2,1.2");
  copy.replace("tables/services/care_certification.csv", "female,90+,care_5,0.12",
               "female,90+,care_5,-0.1");
  copy.replace("tables/services/headship_rates.csv", "male,85+,0.5,0.2", "male,85+,1.5,0.2");
  copy.replace("tables/services/headship_rates.csv", "female,20-24,0.4,0.3",
               "female,20-24,0.4,0.45");
  EXPECT_THAT(
      services_problems(copy),
      ElementsAre(copy.shown("tables/services/childcare_uptake.csv") +
                      ":3: column 'uptake': expected a rate between 0 and 1, found '1.2'",
                  copy.shown("tables/services/care_certification.csv") +
                      ":85: column 'rate': expected a rate between 0 and 1, found '-0.1'",
                  copy.shown("tables/services/headship_rates.csv") +
                      ":16: column 'headship_rate': expected a rate between 0 and 1, found '1.5'",
                  copy.shown("tables/services/headship_rates.csv") +
                      ":18: column 'single_person_rate': expected a rate between 0 and "
                      "headship_rate (0.4), found '0.45'"));
}

TEST(ServiceParameters, CertificationLevelsSummingAboveOne) {
  TinyCopy copy;
  copy.replace("tables/services/care_certification.csv", "female,90+,care_5,0.12",
               "female,90+,care_5,0.5");
  EXPECT_THAT(services_problems(copy),
              ElementsAre(copy.shown("tables/services/care_certification.csv") +
                          ": female 90+: rates sum to 1.22, expected at most 1"));
}

TEST(ServiceParameters, NegativeCapacity) {
  TinyCopy copy;
  copy.replace("tables/services/childcare_places.csv", "A2,age_0,2025,10", "A2,age_0,2025,-10");
  copy.replace("tables/services/shelter_places.csv", "B1,2025,1,600", "B1,2025,-1,600");
  EXPECT_THAT(services_problems(copy),
              ElementsAre(copy.shown("tables/services/childcare_places.csv") +
                              ":5: column 'places': expected a number ≥ 0, found '-10'",
                          copy.shown("tables/services/shelter_places.csv") +
                              ":4: column 'welfare_shelter_places': expected a number ≥ 0, found "
                              "'-1'"));
}

TEST(ServiceParameters, ACapacityTableMissingADistrictOrBaseRows) {
  TinyCopy copy;
  copy.replace("tables/services/care_places.csv", "A2,2025,20\n", "");
  copy.replace("tables/services/childcare_places.csv", "B1,age_1_2,2025,12\n", "");
  copy.replace("tables/services/childcare_places.csv", "B1,age_3_5,2025,24\n", "");
  copy.replace("tables/services/shelter_places.csv", "A2,2025,4,0\n", "");  // A2 keeps a 2029 row
  EXPECT_THAT(
      services_problems(copy),
      ElementsAre(copy.shown("tables/services/childcare_places.csv") +
                      ": district B1: no row from the base year 2025 for age_1_2, age_3_5",
                  copy.shown("tables/services/care_places.csv") + ": district A2 is missing",
                  copy.shown("tables/services/shelter_places.csv") +
                      ": district A2: no row from the base year 2025"));
}

TEST(ServiceParameters, UnknownLabelsAndDistricts) {
  TinyCopy copy;
  copy.replace("tables/services/childcare_uptake.csv", "age_3_5,0.6", "age_3_6,0.6");
  copy.replace("tables/services/school_classrooms.csv", "A1,junior_high,2025,6", "A1,high,2025,6");
  copy.replace("tables/services/care_certification.csv", "male,90+,care_5,0.06",
               "male,95+,care_5,0.06");
  copy.replace("tables/services/care_certification.csv", "female,65-69,care_5,0.02",
               "female,65-69,care_6,0.02");
  copy.replace("tables/services/headship_rates.csv", "\nmale,15-19,", "\nmale,10-14,");
  copy.replace("tables/services/care_places.csv", "B1,2027,15", "C9,2027,15");
  const std::string uptake = copy.shown("tables/services/childcare_uptake.csv");
  const std::string schools = copy.shown("tables/services/school_classrooms.csv");
  const std::string care = copy.shown("tables/services/care_certification.csv");
  const std::string headship = copy.shown("tables/services/headship_rates.csv");
  EXPECT_THAT(
      services_problems(copy),
      ElementsAre(
          uptake + ":4: column 'age_group': expected 'age_0', 'age_1_2' or 'age_3_5', found "
                   "'age_3_6'",
          uptake + ": missing row for age_3_5",
          schools + ":3: column 'school_level': expected 'elementary' or 'junior_high', found "
                    "'high'",
          schools + ": district A1: no row from the base year 2025 for junior_high",
          care + ":43: column 'age_band': expected '65-69', '70-74', '75-79', '80-84', '85-89' or "
                 "'90+', found '95+'",
          care + ":50: column 'care_level': expected 'support_1', 'support_2', 'care_1', "
                 "'care_2', 'care_3', 'care_4' or 'care_5', found 'care_6'",
          care + ": missing row for male 90+ care_5",
          care + ": missing row for female 65-69 care_5",
          copy.shown("tables/services/care_places.csv") +
              ":5: column 'district_id': unknown district 'C9' (not in " +
              copy.shown("tables/districts.csv") + ")",
          headship + ":2: column 'age_band': expected '15-19', '20-24', '25-29', '30-34', "
                     "'35-39', '40-44', '45-49', '50-54', '55-59', '60-64', '65-69', '70-74', "
                     "'75-79', '80-84' or '85+', found '10-14'",
          headship + ": missing row for male 15-19"));
}

TEST(ServiceParameters, FromYearOutsideTheProjectionAndDuplicates) {
  TinyCopy copy;
  copy.replace("tables/services/childcare_places.csv", "A1,age_1_2,2028,25", "A1,age_1_2,2024,25");
  copy.replace("tables/services/school_classrooms.csv", "B1,junior_high,2030,0",
               "B1,junior_high,2031,0");
  copy.replace("tables/services/care_places.csv", "B1,2027,15", "B1,2025,15");
  EXPECT_THAT(services_problems(copy),
              ElementsAre(copy.shown("tables/services/childcare_places.csv") +
                              ":11: column 'from_year': expected a year between 2025 and 2030 "
                              "(scenario.base_year to scenario.end_year), found '2024'",
                          copy.shown("tables/services/school_classrooms.csv") +
                              ":8: column 'from_year': expected a year between 2025 and 2030 "
                              "(scenario.base_year to scenario.end_year), found '2031'",
                          copy.shown("tables/services/care_places.csv") +
                              ":5: duplicate row for district B1 from 2025 (first on line 4)"));
}

TEST(ServiceParameters, AMissingServiceTableAndMissingKeys) {
  TinyCopy copy;
  std::filesystem::remove(copy.path("tables/services/headship_rates.csv"));
  copy.replace(kServices, "[services.infrastructure]\n", "[services.infra]\n");
  const std::string file = copy.shown(kServices);
  const std::vector<std::string> problems = services_problems(copy);
  ASSERT_EQ(problems.size(), 7u);
  EXPECT_EQ(problems[0], file + ": unknown key 'services.infra'");
  EXPECT_EQ(problems[1],
            file +
                ": missing required key 'services.infrastructure.housing_units_per_household' "
                "(dwellings needed per household, a number between 1 and 2)");
  EXPECT_EQ(problems[6], copy.shown("tables/services/headship_rates.csv") +
                             ": cannot read file (No such file or directory)");
}

TEST(ServiceParameters, TheBundledSetagayaBaselineHasServices) {
  const std::filesystem::path file =
      std::filesystem::path(WARDSIM_SOURCE_DIR) / "scenarios" / "setagaya" / "baseline.toml";
  const Scenario scenario = load_scenario(file);
  ASSERT_TRUE(scenario.services.has_value());
  const models::ServiceParameters& services = *scenario.services;
  EXPECT_EQ(services.childcare.places.base.rows(), 28);
  EXPECT_EQ(services.childcare.places.base.cols(), 3);
  EXPECT_EQ(services.childcare.places.base.sum(), 20923.0);
  EXPECT_THAT(services.childcare.places.changes, IsEmpty());
  EXPECT_DOUBLE_EQ(services.childcare.uptake(0), 0.307);
  EXPECT_EQ(services.childcare.uptake_multiplier.size(), 36u);
  EXPECT_EQ(services.school.classrooms.base.rows(), 28);
  EXPECT_EQ(services.school.classrooms.base.col(0).sum(), 61.0 * 21);
  EXPECT_EQ(services.school.classrooms.base.col(1).sum(), 29.0 * 19);
  EXPECT_EQ(services.elderly_care.residential_places.base.rows(), 28);
  EXPECT_EQ(services.infrastructure.shelter_places.base.sum(), 49.0 * 300);
  EXPECT_EQ(services.assumptions.size(), 7u);
  EXPECT_EQ(scenario.estimates.size(), 9u + 7u);  // 9 [provenance] estimates (one on households)

  // The ipss2023 variant inherits the services through extends.
  const Scenario ipss = load_scenario(file.parent_path() / "ipss2023.toml");
  ASSERT_TRUE(ipss.services.has_value());
  EXPECT_EQ(ipss.services->childcare.places.base.sum(), 20923.0);
}

}  // namespace
}  // namespace wardsim::scenarios
