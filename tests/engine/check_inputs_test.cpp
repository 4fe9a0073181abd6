#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <limits>

#include "engine/tiny_city.h"
#include "wardsim/engine/projection_inputs.h"
#include "wardsim/error.h"

namespace wardsim::engine {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;

std::vector<std::string> problems_of(const ProjectionInputs& inputs) {
  try {
    check_inputs(inputs);
  } catch (const InputError& error) {
    return error.problems();
  }
  return {};
}

TEST(CheckInputs, AcceptsTheTinyCity) { EXPECT_NO_THROW(check_inputs(testing::tiny_city(5))); }

TEST(CheckInputs, ReportsEveryProblemOfAYearTogether) {
  ProjectionInputs inputs = testing::tiny_city(3);
  YearRates& rates = inputs.rates[1];
  rates.death_probability(0, 50) = 1.5;
  rates.in_migrant_allocation << 0.5, 0.5, 0.5;
  rates.move_destination(2, 2) = 0.1;
  const auto problems = problems_of(inputs);
  ASSERT_EQ(problems.size(), 4u) << ::testing::PrintToString(problems);
  EXPECT_THAT(problems[0], HasSubstr("rates 2026 death_probability: values must lie in [0"));
  EXPECT_THAT(problems, Contains("rates 2026 in_migrant_allocation: shares must sum to 1"));
  EXPECT_THAT(problems, Contains("rates 2026 move_destination: district 2 moves to itself"));
}

// The fertility table is checked as the kernels use it, scaled by its multiplier.
TEST(CheckInputs, ChecksFertilityScaledByItsMultiplier) {
  ProjectionInputs inputs = testing::tiny_city(2);
  const double highest = inputs.rates[0].fertility.maxCoeff();
  ASSERT_GT(highest, 0.0);
  inputs.rates[0].fertility_multiplier = 1.01 / highest;  // the highest rate becomes 1.01
  EXPECT_THAT(problems_of(inputs),
              Contains(HasSubstr("rates 2025 fertility: values must lie in [0")));
  inputs.rates[0].fertility_multiplier = -0.5;
  EXPECT_THAT(problems_of(inputs),
              Contains(HasSubstr("rates 2025 fertility_multiplier: values must lie in [0")));
  inputs.rates[0].fertility_multiplier = 0.99 / highest;
  EXPECT_THAT(problems_of(inputs), ::testing::IsEmpty());
}

TEST(CheckInputs, RejectsNegativeAndNaNPopulation) {
  ProjectionInputs inputs = testing::tiny_city(2);
  inputs.base_population(1, 7) = -1.0;
  EXPECT_THAT(problems_of(inputs), Contains(HasSubstr("base_population: values must lie in")));
  inputs.base_population(1, 7) = std::numeric_limits<double>::quiet_NaN();
  EXPECT_THAT(problems_of(inputs), Contains("base_population: contains NaN or infinite values"));
}

TEST(CheckInputs, RejectsMismatchedYearsAndDistricts) {
  ProjectionInputs inputs = testing::tiny_city(4);
  inputs.rates.pop_back();
  inputs.base_population.conservativeResize(2, Eigen::NoChange);
  const auto problems = problems_of(inputs);
  EXPECT_THAT(problems, Contains("base_population: expected 3 districts, found 2"));
  EXPECT_THAT(problems, Contains("rates: expected 4 years, found 3"));
}

}  // namespace
}  // namespace wardsim::engine
