#include "wardsim/batch/ensemble.h"

#include <gtest/gtest.h>
#include <oneapi/tbb/task_arena.h>

#include <algorithm>
#include <cmath>

#include "batch/batch_test_support.h"
#include "wardsim/batch/rate_draws.h"
#include "wardsim/engine/cohort_kernel.h"
#include "wardsim/engine/population_queries.h"
#include "wardsim/error.h"
#include "wardsim/models/headline_demand.h"
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
    for (Eigen::Index d = 0; d < cube.rows(); ++d) {
      totals.push_back(engine::count_ages(cube, d, 0, engine::kOpenAge));
    }
  }
  return totals;
}

// Each service's headline demand summed over categories ([service][year][district]), and whether
// some category's demand exceeds its capacity, read from the full models.
struct FullModelHeadlines {
  std::vector<double> demand;
  std::vector<double> capacity;
  std::vector<std::uint8_t> shortfall;
};
FullModelHeadlines full_model_headlines(const std::vector<models::ServiceResult>& services,
                                        int districts) {
  FullModelHeadlines result;
  for (const auto& service : services) {
    const auto& demand = service.indicator(service.headline_demand);
    const auto& capacity = service.indicator(service.headline_capacity);
    const int categories = demand.categories();
    for (Eigen::Index y = 0; y < demand.values.rows(); ++y) {
      for (int d = 0; d < districts; ++d) {
        double want = 0.0, have = 0.0;
        bool short_of_places = false;
        for (int c = 0; c < categories; ++c) {
          want += demand.values(y, d * categories + c);
          have += capacity.values(y, d * categories + c);
          short_of_places |=
              demand.values(y, d * categories + c) > capacity.values(y, d * categories + c);
        }
        result.demand.push_back(want);
        result.capacity.push_back(have);
        result.shortfall.push_back(short_of_places ? 1 : 0);
      }
    }
  }
  return result;
}

// Type 7 from the sorted values, as the definition reads.
double sorted_quantile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  const double h = static_cast<double>(values.size() - 1) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, values.size() - 1);
  return values[lo] + (h - static_cast<double>(lo)) * (values[hi] - values[lo]);
}

TEST(Ensemble, HeadlineDemandEqualsTheFullModelsOnTheBundledBaseline) {
  // The ensemble's lean service path on the whole ward (28 districts, 2025-2060).
  const auto scenario =
      scenarios::load_scenario(WARDSIM_SOURCE_DIR "/scenarios/setagaya/baseline.toml");
  ASSERT_TRUE(scenario.services.has_value());
  const engine::Projection projection = engine::project_cohort(scenario.inputs, {.threads = 1});
  const int districts = projection.dims.district_count();
  const FullModelHeadlines expected =
      full_model_headlines(models::compute_services(projection, *scenario.services), districts);
  const models::HeadlineDemand headline(projection.dims, *scenario.services);
  std::vector<double> demand(expected.demand.size());
  std::vector<std::uint8_t> shortfall(expected.demand.size());
  models::HeadlineDemand::Workspace workspace;
  headline.compute(projection.population, workspace, demand, shortfall);
  for (std::size_t i = 0; i < demand.size(); ++i) {
    ASSERT_EQ(demand[i], expected.demand[i]) << "value " << i;
    ASSERT_EQ(shortfall[i], expected.shortfall[i]) << "value " << i;
  }
}

TEST(Ensemble, EqualsTheDrawsRunOneByOneThroughTheFullModels) {
  const auto scenario = scenarios::load_scenario(kTinyServices);
  const auto spec = uncertain(9, 0.3);
  const io::EnsembleStatistics stats =
      run_ensemble(scenario.inputs, scenario.services, spec, nullptr);
  const int districts = scenario.inputs.dims.district_count();

  // Each draw as `wardsim run` computes it: full kernel, full service models.
  std::vector<std::vector<double>> population_by_draw;
  std::vector<FullModelHeadlines> services_by_draw;
  for (int k = 0; k < spec.draws; ++k) {
    engine::ProjectionInputs drawn = scenario.inputs;
    apply_multipliers(scenario.inputs, draw_multipliers(spec, static_cast<std::uint64_t>(k)),
                      drawn);
    const engine::Projection projection = engine::project_cohort(drawn, {.threads = 1});
    population_by_draw.push_back(district_totals(projection));
    services_by_draw.push_back(
        full_model_headlines(models::compute_services(projection, *scenario.services), districts));
  }
  const std::size_t cells = population_by_draw[0].size();
  const auto draws = static_cast<std::size_t>(spec.draws);
  const auto over_draws = [&](const auto& value_of_draw) {
    std::vector<double> values;
    for (std::size_t k = 0; k < draws; ++k) values.push_back(value_of_draw(k));
    return values;
  };
  const char* const names[] = {"childcare", "school", "elderly_care", "infrastructure"};
  for (std::size_t c = 0; c < cells; ++c) {
    for (std::size_t q = 0; q < 5; ++q) {
      const double p = scenarios::kEnsembleQuantiles[q];
      ASSERT_EQ(
          find(stats, "population").values[q * cells + c],
          sorted_quantile(over_draws([&](std::size_t k) { return population_by_draw[k][c]; }), p));
      for (std::size_t s = 0; s < 4; ++s) {
        const std::size_t i = s * cells + c;
        const double demand = sorted_quantile(
            over_draws([&](std::size_t k) { return services_by_draw[k].demand[i]; }), p);
        const std::string name = names[s];
        ASSERT_EQ(find(stats, name + "/demand").values[q * cells + c], demand) << name;
        ASSERT_EQ(find(stats, name + "/gap").values[q * cells + c],
                  demand - services_by_draw[0].capacity[i])
            << name;
      }
    }
    for (std::size_t s = 0; s < 4; ++s) {
      const std::size_t i = s * cells + c;
      double short_draws = 0;
      for (std::size_t k = 0; k < draws; ++k) short_draws += services_by_draw[k].shortfall[i];
      ASSERT_EQ(find(stats, std::string(names[s]) + "/shortfall_probability").values[c],
                short_draws / spec.draws);
    }
  }
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

// Draws are not checked one by one: the extremes of all draws are, before any draw runs, and a
// range that takes fertility above 1 is refused naming the multipliers and the table.
TEST(Ensemble, MultipliersThatLeaveTheCheckedRangesAreRefusedUpFront) {
  const auto scenario = scenarios::load_scenario(kTinyServices);
  scenarios::MonteCarloSpec spec;
  spec.draws = 50;
  spec.seed = 7;
  spec.rates.push_back({"tfr", scenarios::MultiplierDistribution::kUniform, 0, 1, 1e4});
  try {
    run_ensemble(scenario.inputs, scenario.services, spec, nullptr);
    FAIL() << "a TFR multiplier near 10,000 was accepted";
  } catch (const InputError& error) {
    ASSERT_FALSE(error.problems().empty());
    for (const std::string& problem : error.problems()) {
      EXPECT_NE(problem.find("monte_carlo draws (multipliers tfr "), std::string::npos) << problem;
    }
    EXPECT_NE(error.problems().front().find("fertility"), std::string::npos)
        << error.problems().front();
  }
  // The same range within bounds runs.
  spec.rates.back().max = 1.2;
  EXPECT_NO_THROW(run_ensemble(scenario.inputs, scenario.services, spec, nullptr));
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
