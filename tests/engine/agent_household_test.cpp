// The agent kernel's household count against the services' headship-based estimate on the bundled
// Setagaya baseline (scaled to a tenth of its persons, so the test stays fast).

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "wardsim/engine/agent/agent_model.h"
#include "wardsim/scenarios/scenario.h"

namespace wardsim::engine::agent {
namespace {

constexpr int kFirstHeadshipAge = 15;  // headship bands 15-19, …, 80-84, 85+ (service_parameters.h)

struct Counts {
  double households = 0.0;
  double headship_estimate = 0.0;
};

// Households the agents formed on 1 January of `year`, and Σ persons × headship rate of their sex
// and band — the services' estimate (models/src/infrastructure_model.cpp) from the same persons.
Counts counts_in(const ReplicateTrajectory& t, int year,
                 const models::InfrastructureParameters& p) {
  Counts counts;
  for (int d = 0; d < t.districts; ++d) {
    const auto row = static_cast<std::size_t>(year * t.districts + d);
    counts.households += t.indicators[row * static_cast<std::size_t>(kIndicators) +
                                      static_cast<std::size_t>(Indicator::kHouseholds)];
    for (int sex = 0; sex < kSexes; ++sex) {
      for (int age = kFirstHeadshipAge; age < kAges; ++age) {
        const int band = std::min((age - kFirstHeadshipAge) / 5, models::kHeadshipBands - 1);
        counts.headship_estimate += t.population_at(year, d, cell(sex, age)) *
                                    p.headship_rate[static_cast<std::size_t>(sex)](band);
      }
    }
  }
  return counts;
}

// The synthesis is built to the census household count and the headship table is calibrated to
// the same census, so the two agree in the base year; ten years on, the agents' households must
// stay within a band of the headship estimate. The band is a guard, not a calibration: the
// headship rates are an assumption fixed at base-year shapes (they let household size fall only
// through ageing), while the agents' household formation is calibrated to the base year's living
// arrangements but lets migrants arrive as smaller households than the ones they leave (migration
// has no duration dependence, docs/agent_model.md "Households"), which leaves an excess of about
// 15 % by 2035. The upper bound of +20 % fails the drift this guards against (+26 % before the
// calibration); the lower bound of −5 % fails a model that stops forming households.
TEST(AgentHouseholds, CountStaysWithinABandOfTheHeadshipEstimate) {
  scenarios::Scenario scenario =
      scenarios::load_scenario(WARDSIM_SOURCE_DIR "/scenarios/setagaya/baseline.toml");
  ASSERT_TRUE(scenario.agent.has_value());
  ASSERT_TRUE(scenario.services.has_value());
  ProjectionInputs& inputs = scenario.inputs;
  const int steps = 10;  // 2025 → 2035
  ASSERT_GE(inputs.dims.steps(), steps);
  inputs.dims.end_year = inputs.dims.base_year + steps;
  inputs.rates.resize(steps);
  // A tenth of the persons and of the in-migrants: rates are per person, so the household
  // dynamics keep their shape (about 92,000 persons).
  const double scale = 0.1;
  inputs.base_population = (inputs.base_population * scale).round();
  for (YearRates& rates : inputs.rates) rates.in_migrants *= scale;

  const AgentModel model(inputs, scenario.agent->parameters);
  ReplicateTrajectory trajectory;
  model.run(20250101, 0, trajectory);
  const auto& headship = scenario.services->infrastructure;

  const Counts base = counts_in(trajectory, 0, headship);
  EXPECT_NEAR(base.households / base.headship_estimate, 1.0, 0.05)
      << base.households << " households against " << base.headship_estimate;
  const Counts later = counts_in(trajectory, steps, headship);
  const double ratio = later.households / later.headship_estimate;
  EXPECT_GE(ratio, 0.95) << later.households << " households against " << later.headship_estimate;
  EXPECT_LE(ratio, 1.20) << later.households << " households against " << later.headship_estimate;
}

}  // namespace
}  // namespace wardsim::engine::agent
