#include "wardsim/scenarios/build_inputs.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>

#include "scenarios/scenario_test_support.h"
#include "wardsim/scenarios/scenario_document.h"

namespace wardsim::scenarios {
namespace {

using engine::cell;
using engine::kFemale;
using engine::kMale;

class BuildInputsTiny : public ::testing::Test {
 protected:
  void SetUp() override {
    InputReader reader;
    ProblemList problems;
    auto document =
        read_scenario_document(testing::tiny_fixture_dir() / "tiny.toml", {}, reader, problems);
    ASSERT_TRUE(document);
    settings_ = document->settings;
    tables_ = read_scenario_tables(settings_, reader, problems);
    ASSERT_TRUE(problems.empty()) << problems.messages().front();
    inputs_ = build_inputs(settings_, tables_);
  }

  const engine::YearRates& rates(int year) const {
    return inputs_.rates.at(static_cast<std::size_t>(year - 2025));
  }

  ScenarioSettings settings_;
  ScenarioTables tables_;
  engine::ProjectionInputs inputs_;
};

TEST_F(BuildInputsTiny, DimensionsAndBasePopulation) {
  EXPECT_EQ(inputs_.dims.base_year, 2025);
  EXPECT_EQ(inputs_.dims.end_year, 2030);
  ASSERT_EQ(inputs_.dims.district_count(), 3);
  EXPECT_EQ(inputs_.dims.districts[0].id, "A1");
  EXPECT_EQ(inputs_.dims.districts[2].id, "B1");
  EXPECT_EQ(inputs_.dims.districts[2].name_ja, "Bay, East");
  EXPECT_EQ(inputs_.dims.districts[2].region_en, "South");
  ASSERT_EQ(inputs_.base_population.rows(), 3);
  EXPECT_DOUBLE_EQ(inputs_.base_population.sum(), 202.0 * (10 + 20 + 5));
  EXPECT_EQ(inputs_.base_population(1, cell(kFemale, 100)), 20.0);
  EXPECT_EQ(inputs_.rates.size(), 5u);  // 2025..2029
}

TEST_F(BuildInputsTiny, FertilityIsRescaledToTheTfrPathTimesTheDistrictMultiplier) {
  const double multipliers[] = {1.0, 1.2, 0.8};
  for (int year = 2025; year < 2030; ++year) {
    const double tfr = settings_.tfr.at(year);
    ASSERT_EQ(rates(year).fertility.rows(), 3);
    for (int d = 0; d < 3; ++d) {
      EXPECT_NEAR(rates(year).fertility.row(d).sum(), tfr * multipliers[d], 1e-12) << year;
    }
  }
  EXPECT_NEAR(rates(2027).fertility(0, 30), 1.2 / 35.0, 1e-15);  // 35 equal ages 15..49
  EXPECT_EQ(rates(2027).fertility(0, 14), 0.0);
  EXPECT_DOUBLE_EQ(rates(2025).male_birth_share, 1.05 / 2.05);
}

TEST_F(BuildInputsTiny, MortalityImprovesPerSexAndIsInTheCohortConvention) {
  const double male_factor = std::pow(0.99, 5);     // 2025 − table_year 2020
  const double female_factor = std::pow(0.992, 6);  // 2026
  EXPECT_DOUBLE_EQ(rates(2025).death_probability(kMale, 0), 0.002 * male_factor * 0.9);
  EXPECT_NEAR(rates(2025).death_probability(kMale, 30), 0.001 * male_factor, 1e-15);
  EXPECT_NEAR(rates(2026).death_probability(kFemale, 30), 0.001 * female_factor, 1e-15);
  const double q59 = 0.001 * male_factor;
  const double q60 = 0.01 * male_factor;
  EXPECT_DOUBLE_EQ(rates(2025).death_probability(kMale, 60),
                   1.0 - std::sqrt((1.0 - q59) * (1.0 - q60)));
}

TEST_F(BuildInputsTiny, MigrationAndMovesFollowTheirPaths) {
  EXPECT_NEAR(rates(2025).out_migration_probability(kMale, 40), 0.05, 1e-15);
  EXPECT_NEAR(rates(2025).move_probability(kFemale, 40), 0.03, 1e-15);
  EXPECT_NEAR(rates(2027).move_probability(kFemale, 40), 0.03 * 0.75, 1e-15);
  EXPECT_EQ(rates(2029).in_migrants, 100.0);
  EXPECT_DOUBLE_EQ(rates(2025).in_migrant_profile.sum(), 1.0);
  EXPECT_DOUBLE_EQ(rates(2025).in_migrant_profile(kMale, 20), 0.0125);
  EXPECT_DOUBLE_EQ(rates(2025).in_migrant_profile(kMale, 21), 0.025);
  EXPECT_DOUBLE_EQ(rates(2025).in_migrant_profile(kMale, 40), 0.0125);
  EXPECT_THAT(std::vector<double>(rates(2025).in_migrant_allocation.begin(),
                                  rates(2025).in_migrant_allocation.end()),
              ::testing::ElementsAre(0.5, 0.25, 0.25));
}

TEST_F(BuildInputsTiny, DistrictFactorsAndDestinations) {
  const engine::YearRates& year = rates(2026);
  EXPECT_EQ(year.mortality_multiplier(1), 0.9);
  EXPECT_EQ(year.mortality_multiplier(2), 1.1);
  EXPECT_EQ(year.out_migration_multiplier(0), 1.0);
  EXPECT_EQ(year.move_multiplier(2), 1.0);
  ASSERT_EQ(year.move_destination.rows(), 3);
  ASSERT_EQ(year.move_destination.cols(), 3);
  EXPECT_EQ(year.move_destination(0, 1), 0.6);
  EXPECT_EQ(year.move_destination(0, 2), 0.4);
  EXPECT_EQ(year.move_destination(2, 1), 0.5);
  EXPECT_EQ(year.move_destination(1, 1), 0.0);
}

}  // namespace
}  // namespace wardsim::scenarios
