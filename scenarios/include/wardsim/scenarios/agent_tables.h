#pragma once
// The [agent] section of a scenario: the household-type table read and checked, and the agent
// kernel's parameters and run defaults resolved (docs/scenario_format.md, "Agent").

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "wardsim/engine/agent/agent_parameters.h"
#include "wardsim/scenarios/csv_table.h"
#include "wardsim/scenarios/input_reader.h"
#include "wardsim/scenarios/problem_list.h"
#include "wardsim/scenarios/scenario.h"
#include "wardsim/scenarios/scenario_settings.h"

namespace wardsim::scenarios {

inline constexpr std::string_view kHouseholdTypesColumns[] = {"household_type", "share"};

// Shares by household type (engine order): every type exactly once, 0 ≤ share ≤ 1, summing to 1
// (± 1e-6).
std::array<double, engine::agent::kHouseholdTypes> read_household_types(const CsvTable& table,
                                                                        ProblemList& problems);

// Nothing if the scenario has no [agent] section; the result is complete only if no problem was
// recorded.
std::optional<AgentScenario> read_agent_scenario(const ScenarioSettings& settings,
                                                 InputReader& reader, ProblemList& problems);

}  // namespace wardsim::scenarios
