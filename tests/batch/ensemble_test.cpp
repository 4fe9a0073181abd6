#include "wardsim/batch/ensemble.h"

#include <gtest/gtest.h>
#include <oneapi/tbb/task_arena.h>

#include "batch/batch_test_support.h"
#include "wardsim/batch/rate_draws.h"
#include "wardsim/engine/cohort_kernel.h"
#include "wardsim/models/services.h"
#include "wardsim/scenarios/scenario.h"

namespace wardsim::batch {
namespace {

using testing::kTinyServices;

scenarios::MonteCarloSpec uncertain(int draws, double sigma) {
  scenarios::MonteCarloSpec spec;
  spec.draws = draws;
  spec.seed = 99;
  spec.rates.push_back({"tfr", scenarios::MultiplierDistribution::kLognormal, sigma, 1, 1});
  spec.rates.push_back(
      {"in_migration", scenarios::MultiplierDistribution::kUniform, 0, 1 - sigma, 1 + sigma});
  return spec;
}

const io::EnsembleIndicator& find(const io::EnsembleStatistics& stats, const std::string& name) {
  for (const auto& indicator : stats.indicators) {
    if (indicator.name == name) return indicator;
  }
  throw std::runtime_error("no indicator " + name);
}

// District totals by year of a projection: [year][district].
std::vector<double> district_totals(const engine::Projection& projection) {
  std::vector<double> totals;
  for (const auto& cube : projection.population) {
    for (Eigen::Index d = 0; d < cube.rows(); ++d) totals.push_back(cube.row(d).sum());
  }
  return totals;
}

TEST(Ensemble, WithoutUncertaintyEveryQuantileIsTheDeterministicRun) {
  const auto scenario = scenarios::load_scenario(kTinyServices);
  const io::EnsembleStatistics stats =
      run_ensemble(scenario.inputs, scenario.services, uncertain(5, 0.0), nullptr);
  const engine::Projection projection = engine::project_cohort(scenario.inputs, {.threads = 1});
  const auto services = models::compute_services(projection, *scenario.services);
  const std::vector<double> totals = district_totals(projection);
  const std::size_t cells = totals.size();

  const auto& population = find(stats, "population");
  ASSERT_EQ(population.values.size(), 5 * cells);
  for (std::size_t q = 0; q < 5; ++q) {
    for (std::size_t c = 0; c < cells; ++c) {
      ASSERT_EQ(population.values[q * cells + c], totals[c]) << "quantile " << q << ", cell " << c;
    }
  }
  // Childcare: demand and gap summed over age groups; the risk is 0 or 1, as the deterministic
  // run has a shortfall in some age group or not.
  const auto& demand = services[0].indicator("demand").values;
  const auto& capacity = services[0].indicator("capacity").values;
  const auto& risk = find(stats, "childcare/shortfall_probability").values;
  const auto& gap = find(stats, "childcare/gap").values;
  const Eigen::Index districts = 3;
  int shortfalls = 0;
  for (Eigen::Index y = 0; y < demand.rows(); ++y) {
    for (Eigen::Index d = 0; d < districts; ++d) {
      double want = 0.0, have = 0.0, short_by = 0.0;
      for (int g = 0; g < 3; ++g) {
        want += demand(y, d * 3 + g);
        have += capacity(y, d * 3 + g);
        short_by += std::max(0.0, demand(y, d * 3 + g) - capacity(y, d * 3 + g));
      }
      const auto c = static_cast<std::size_t>(y * districts + d);
      EXPECT_DOUBLE_EQ(gap[2 * cells + c], want - have);
      EXPECT_EQ(risk[c], short_by > 0.0 ? 1.0 : 0.0);
      shortfalls += short_by > 0.0 ? 1 : 0;
    }
  }
  EXPECT_GT(shortfalls, 0) << "the fixture should have some shortfall for this check to bite";
}

TEST(Ensemble, OneDrawIsTheProjectionOfItsMultipliedInputs) {
  const auto scenario = scenarios::load_scenario(kTinyServices);
  const auto spec = uncertain(1, 0.3);
  const io::EnsembleStatistics stats =
      run_ensemble(scenario.inputs, scenario.services, spec, nullptr);
  engine::ProjectionInputs drawn = scenario.inputs;
  const DrawMultipliers m = draw_multipliers(spec, 0);
  ASSERT_NE(m.tfr, 1.0);
  apply_multipliers(scenario.inputs, m, drawn);
  const std::vector<double> totals = district_totals(engine::project_cohort(drawn, {.threads = 1}));
  const auto& population = find(stats, "population").values;
  for (std::size_t c = 0; c < totals.size(); ++c) {
    ASSERT_EQ(population[c], totals[c]);                      // 5 %
    ASSERT_EQ(population[4 * totals.size() + c], totals[c]);  // 95 %
  }
  EXPECT_EQ(stats.multipliers, (std::vector<double>{m.tfr, m.in_migration}));
}

TEST(Ensemble, HigherFertilityDrawsRaiseTheUpperQuantilesOfChildcareDemand) {
  const auto scenario = scenarios::load_scenario(kTinyServices);
  const io::EnsembleStatistics stats =
      run_ensemble(scenario.inputs, scenario.services, uncertain(60, 0.3), nullptr);
  const auto& demand = find(stats, "childcare/demand").values;
  const std::size_t cells = demand.size() / 5;
  const std::size_t last_year = cells - 3;  // the last year's first district
  for (std::size_t q = 1; q < 5; ++q) {
    EXPECT_GE(demand[q * cells + last_year], demand[(q - 1) * cells + last_year]);
  }
  EXPECT_GT(demand[4 * cells + last_year], demand[0 * cells + last_year]);
  // In the base year nothing is uncertain yet: all quantiles agree.
  EXPECT_EQ(demand[0], demand[4 * cells]);
}

TEST(Ensemble, IdenticalForAnyThreadCount) {
  const auto scenario = scenarios::load_scenario(kTinyServices);
  const auto spec = uncertain(30, 0.3);
  io::EnsembleStatistics one, three;
  tbb::task_arena(1).execute(
      [&] { one = run_ensemble(scenario.inputs, scenario.services, spec, nullptr); });
  tbb::task_arena(3).execute(
      [&] { three = run_ensemble(scenario.inputs, scenario.services, spec, nullptr); });
  ASSERT_EQ(one.indicators.size(), three.indicators.size());
  for (std::size_t i = 0; i < one.indicators.size(); ++i) {
    EXPECT_EQ(one.indicators[i].values, three.indicators[i].values) << one.indicators[i].name;
  }
  EXPECT_EQ(one.multipliers, three.multipliers);
}

}  // namespace
}  // namespace wardsim::batch
