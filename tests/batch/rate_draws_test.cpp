#include "wardsim/batch/rate_draws.h"

#include <gtest/gtest.h>

#include <cmath>

#include "wardsim/scenarios/scenario.h"

namespace wardsim::batch {
namespace {

scenarios::MonteCarloSpec spec(double sigma, double min, double max) {
  scenarios::MonteCarloSpec result;
  result.draws = 1;
  result.seed = 2025;
  result.rates.push_back({"tfr", scenarios::MultiplierDistribution::kLognormal, sigma, 1, 1});
  result.rates.push_back(
      {"in_migration", scenarios::MultiplierDistribution::kUniform, 0, min, max});
  return result;
}

TEST(RateDraws, ADrawIsItsIndexsAloneAndDependsOnTheSeed) {
  const auto s = spec(0.1, 0.9, 1.1);
  const DrawMultipliers a = draw_multipliers(s, 17);
  const DrawMultipliers b = draw_multipliers(s, 17);
  EXPECT_EQ(a.tfr, b.tfr);
  EXPECT_EQ(a.in_migration, b.in_migration);
  EXPECT_EQ(a.out_migration, 1.0);  // not uncertain in this sweep
  EXPECT_NE(draw_multipliers(s, 18).tfr, a.tfr);
  auto other = s;
  other.seed = 2026;
  EXPECT_NE(draw_multipliers(other, 17).tfr, a.tfr);
}

TEST(RateDraws, DistributionsHaveTheStatedShape) {
  // Lognormal with median 1: log(multiplier) ~ N(0, sigma²); its sample mean and standard
  // deviation over n draws lie within a few standard errors of 0 and sigma.
  const auto s = spec(0.2, 0.8, 1.2);
  constexpr int kDraws = 20000;
  double sum = 0.0;
  double sum_squares = 0.0;
  double lowest = 10.0;
  double highest = 0.0;
  for (int k = 0; k < kDraws; ++k) {
    const DrawMultipliers m = draw_multipliers(s, static_cast<std::uint64_t>(k));
    const double z = std::log(m.tfr);
    sum += z;
    sum_squares += z * z;
    lowest = std::min(lowest, m.in_migration);
    highest = std::max(highest, m.in_migration);
  }
  const double mean = sum / kDraws;
  const double sd = std::sqrt(sum_squares / kDraws - mean * mean);
  EXPECT_NEAR(mean, 0.0, 4 * 0.2 / std::sqrt(kDraws));
  EXPECT_NEAR(sd, 0.2, 4 * 0.2 / std::sqrt(2.0 * kDraws));
  EXPECT_GE(lowest, 0.8);
  EXPECT_LE(highest, 1.2);
  EXPECT_LT(lowest, 0.801);  // the uniform fills its range
  EXPECT_GT(highest, 1.199);
  // Sigma 0 means no uncertainty: exactly 1.
  EXPECT_EQ(draw_multipliers(spec(0.0, 1.0, 1.0), 3).tfr, 1.0);
}

TEST(RateDraws, ApplyScalesOnlyTheUncertainRates) {
  const auto scenario =
      scenarios::load_scenario(WARDSIM_SOURCE_DIR "/tests/scenarios/fixtures/tiny/tiny.toml");
  const engine::ProjectionInputs& base = scenario.inputs;
  engine::ProjectionInputs drawn = base;
  apply_multipliers(base, {.tfr = 1.5, .in_migration = 0.5, .out_migration = 2.0}, drawn);
  for (std::size_t i = 0; i < base.rates.size(); ++i) {
    EXPECT_EQ(drawn.rates[i].fertility_multiplier, base.rates[i].fertility_multiplier * 1.5);
    EXPECT_TRUE((drawn.rates[i].fertility == base.rates[i].fertility).all());  // not rewritten
    EXPECT_EQ(drawn.rates[i].in_migrants, base.rates[i].in_migrants * 0.5);
    EXPECT_TRUE(
        (drawn.rates[i].out_migration_multiplier == base.rates[i].out_migration_multiplier * 2.0)
            .all());
    EXPECT_TRUE((drawn.rates[i].death_probability == base.rates[i].death_probability).all());
  }
  // Applying other multipliers to the same copy starts again from the base.
  apply_multipliers(base, {}, drawn);
  EXPECT_EQ(drawn.rates[0].fertility_multiplier, base.rates[0].fertility_multiplier);
  EXPECT_EQ(drawn.rates[0].in_migrants, base.rates[0].in_migrants);
}

}  // namespace
}  // namespace wardsim::batch
