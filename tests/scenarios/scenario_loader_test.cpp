#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "scenarios/scenario_test_support.h"
#include "wardsim/error.h"
#include "wardsim/scenarios/scenario.h"

namespace wardsim::scenarios {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::problems_thrown;
using testing::TinyCopy;

TEST(LoadScenario, TheTinyScenarioLoadsWithProvenance) {
  const auto file = testing::tiny_fixture_dir() / "tiny.toml";
  const Scenario scenario = load_scenario(file, {"migration.in_migrants=150"});
  EXPECT_EQ(scenario.name, "tiny");
  EXPECT_EQ(scenario.title, "Tiny city");
  EXPECT_EQ(scenario.description, "Three districts in two regions");
  EXPECT_EQ(scenario.file, file);
  EXPECT_THAT(scenario.overrides, ElementsAre("migration.in_migrants=150"));
  EXPECT_THAT(scenario.resolved_text, HasSubstr("in_migrants = 150"));
  EXPECT_THAT(scenario.estimates, ElementsAre("every table is invented for tests"));
  ASSERT_EQ(scenario.input_files.size(), 10u);
  EXPECT_EQ(scenario.input_files[0].path, file.string());
  EXPECT_EQ(scenario.input_files[1].path, "tables/districts.csv");
  EXPECT_EQ(scenario.input_files[9].path, "tables/district_factors.csv");
  for (const auto& input : scenario.input_files) {
    EXPECT_EQ(input.sha256.size(), 64u) << input.path;
  }
  EXPECT_EQ(scenario.inputs.dims.district_count(), 3);
  EXPECT_EQ(scenario.inputs.rates.size(), 5u);
  EXPECT_EQ(scenario.inputs.rates[0].in_migrants, 150.0);
}

TEST(LoadScenario, AMissingScenarioFileIsAProblem) {
  TinyCopy copy;
  EXPECT_THAT(
      problems_thrown([&] { load_scenario(copy.path("absent.toml")); }),
      ElementsAre(copy.shown("absent.toml") + ": cannot read file (No such file or directory)"));
}

TEST(LoadScenario, AMissingTableIsAProblem) {
  TinyCopy copy;
  std::filesystem::remove(copy.path("tables/move_rates.csv"));
  EXPECT_THAT(problems_thrown([&] { load_scenario(copy.scenario()); }),
              ElementsAre(copy.shown("tables/move_rates.csv") +
                          ": cannot read file (No such file or directory)"));
}

TEST(LoadScenario, ATableWithAMissingDistrict) {
  TinyCopy copy;
  copy.replace("tables/district_factors.csv", "B1,0.8,1.1,1,1,1\n", "");
  EXPECT_THAT(problems_thrown([&] { load_scenario(copy.scenario()); }),
              ElementsAre(copy.shown("tables/district_factors.csv") + ": district B1 is missing"));
}

TEST(LoadScenario, AWrongHeader) {
  TinyCopy copy;
  copy.replace("tables/move_rates.csv", "sex,age,rate", "sex,age,move_rate");
  EXPECT_THAT(problems_thrown([&] { load_scenario(copy.scenario()); }),
              ElementsAre(copy.shown("tables/move_rates.csv") +
                          ":1: header must be 'sex,age,rate', found 'sex,age,move_rate'"));
}

TEST(LoadScenario, ANonNumericCellAndANegativePopulation) {
  TinyCopy copy;
  copy.replace("tables/base_population_2025.csv", "A1,male,7,10\n", "A1,male,7,ten\n");
  copy.replace("tables/base_population_2025.csv", "A2,female,30,20\n", "A2,female,30,-20\n");
  const std::string file = copy.shown("tables/base_population_2025.csv");
  EXPECT_THAT(problems_thrown([&] { load_scenario(copy.scenario()); }),
              ElementsAre(file + ":9: column 'population': expected a number ≥ 0, found 'ten'",
                          file + ":335: column 'population': expected a number ≥ 0, found '-20'"));
}

TEST(LoadScenario, ARateOutsideZeroToOne) {
  TinyCopy copy;
  copy.replace("tables/mortality_qx.csv", "female,100,0.5\n", "female,100,1.5\n");
  copy.replace("tables/out_migration_rates.csv", "\nmale,3,0.05\n", "\nmale,3,-0.05\n");
  EXPECT_THAT(problems_thrown([&] { load_scenario(copy.scenario()); }),
              ElementsAre(copy.shown("tables/mortality_qx.csv") +
                              ":203: column 'qx': expected a probability between 0 and 1, found "
                              "'1.5'",
                          copy.shown("tables/out_migration_rates.csv") +
                              ":5: column 'rate': expected a probability between 0 and 1, found "
                              "'-0.05'"));
}

TEST(LoadScenario, FertilityOutsideTheSaneRange) {
  TinyCopy copy;
  copy.replace("tables/fertility_asfr.csv", "30,0.04\n", "30,0.8\n");
  EXPECT_THAT(problems_thrown([&] { load_scenario(copy.scenario()); }),
              ElementsAre(copy.shown("tables/fertility_asfr.csv") +
                          ":17: column 'asfr': expected a rate between 0 and 0.5, found '0.8'"));
}

TEST(LoadScenario, MissingAges) {
  TinyCopy copy;
  for (const int age : {17, 40, 41, 42, 43, 44, 45}) {
    copy.replace("tables/base_population_2025.csv", "B1,female," + std::to_string(age) + ",5\n",
                 "");
  }
  EXPECT_THAT(problems_thrown([&] { load_scenario(copy.scenario()); }),
              ElementsAre(copy.shown("tables/base_population_2025.csv") +
                          ": district B1 female: missing ages 17, 40-45"));
}

TEST(LoadScenario, SharesNotSummingToOne) {
  TinyCopy copy;
  copy.replace("tables/in_migration_profile.csv", "female,25,0.025\n", "female,25,0.02\n");
  copy.replace("tables/move_destinations.csv", "A2,B1,0.5\n", "A2,B1,0.4\n");
  EXPECT_THAT(problems_thrown([&] { load_scenario(copy.scenario()); }),
              ElementsAre(copy.shown("tables/in_migration_profile.csv") +
                              ": shares sum to 0.995, expected 1 (± 1e-6)",
                          copy.shown("tables/move_destinations.csv") +
                              ": origin A2: shares sum to 0.9, expected 1 (± 1e-6)"));
}

TEST(LoadScenario, BadOverrides) {
  TinyCopy copy;
  EXPECT_THAT(problems_thrown([&] {
                load_scenario(copy.scenario(), {"fertility.tfr", "fertility.tfrr=1.2"});
              }),
              ElementsAre("--set fertility.tfr: expected KEY=VALUE",
                          "--set fertility.tfrr=1.2: unknown key 'fertility.tfrr' (did you mean "
                          "'fertility.tfr'?)"));
}

TEST(LoadScenario, ProblemsAcrossFilesAreReportedTogether) {
  TinyCopy copy;
  copy.replace("tiny.toml", "infant_a0 = 0.1", "infant_a0 = 1.5");
  copy.replace("tiny.toml", "tables/fertility_asfr.csv", "tables/asfr.csv");
  copy.replace("tables/districts.csv", "A2,朝日二", "A1,朝日二");
  copy.replace("tables/mortality_qx.csv", "\nmale,50,0.001\n", "\nmale,50,high\n");
  copy.replace("tables/move_destinations.csv", "B1,A1,0.5\n", "B1,B1,0.5\n");
  EXPECT_THAT(
      problems_thrown([&] { load_scenario(copy.scenario(), {"scenario.end_year=2020"}); }),
      ElementsAre(
          copy.shown("tiny.toml") +
              ": key 'mortality.infant_a0' must be a number between 0 and 1, found 1.5",
          "--set scenario.end_year=2020: key 'scenario.end_year' must be greater than "
          "scenario.base_year (2025), found 2020",
          copy.shown("tables/districts.csv") +
              ":3: column 'district_id': duplicate district 'A1' (first on line 2)",
          copy.shown("tables/asfr.csv") + ": cannot read file (No such file or directory)",
          copy.shown("tables/mortality_qx.csv") +
              ":52: column 'qx': expected a probability between 0 and 1, found 'high'",
          copy.shown("tables/move_destinations.csv") +
              ":6: column 'destination': expected a district other than the origin, found 'B1'"));
}

TEST(LoadScenario, TheBundledSetagayaBaseline) {
  const std::filesystem::path file =
      std::filesystem::path(WARDSIM_SOURCE_DIR) / "scenarios" / "setagaya" / "baseline.toml";
  if (!std::filesystem::exists(file)) GTEST_SKIP() << file << " is not there yet";
  const Scenario scenario = load_scenario(file);
  EXPECT_EQ(scenario.inputs.dims.district_count(), 28);
  EXPECT_NEAR(scenario.inputs.base_population.sum(), 923210.0, 1e-6);
  EXPECT_EQ(scenario.inputs.rates.size(), 35u);
}

}  // namespace
}  // namespace wardsim::scenarios
