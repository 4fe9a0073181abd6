#include "engine/agent_fixture.h"

#include "engine/tiny_city.h"

namespace wardsim::engine::testing {

ProjectionInputs small_city(int steps, double scale) {
  ProjectionInputs inputs = tiny_city(steps);
  inputs.base_population = (inputs.base_population * scale).round();
  for (YearRates& rates : inputs.rates) rates.in_migrants *= scale;
  return inputs;
}

agent::AgentParameters household_parameters() {
  agent::AgentParameters parameters;
  parameters.household_type_shares = {0.45, 0.17, 0.22, 0.07, 0.03, 0.06};
  parameters.leaving_home_rate = 0.1;
  parameters.union_rate = 0.1;
  parameters.in_migrant_couple_share = 0.3;
  return parameters;
}

}  // namespace wardsim::engine::testing
