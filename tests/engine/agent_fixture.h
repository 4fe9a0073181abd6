#pragma once
// Small fixtures for the agent-kernel tests: the engine's tiny three-district city scaled down to
// a few thousand persons, and household parameters of plausible shape.

#include "wardsim/engine/agent/agent_parameters.h"
#include "wardsim/engine/projection_inputs.h"

namespace wardsim::engine::testing {

// tiny_city(steps) with every population and in-migration count × `scale`, rounded to whole
// persons.
ProjectionInputs small_city(int steps, double scale = 0.02);

agent::AgentParameters household_parameters();

}  // namespace wardsim::engine::testing
