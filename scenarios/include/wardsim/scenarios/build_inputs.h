#pragma once
// Validated settings and tables → the engine's inputs, one YearRates per step year.

#include "wardsim/engine/projection_inputs.h"
#include "wardsim/scenarios/scenario_settings.h"
#include "wardsim/scenarios/table_readers.h"

namespace wardsim::scenarios {

// The rates that drive the step from 1 January `year` to 1 January `year` + 1.
engine::YearRates build_year_rates(const ScenarioSettings& settings, const ScenarioTables& tables,
                                   int year);

// Both arguments must be complete (no problem recorded while reading them).
engine::ProjectionInputs build_inputs(const ScenarioSettings& settings,
                                      const ScenarioTables& tables);

}  // namespace wardsim::scenarios
