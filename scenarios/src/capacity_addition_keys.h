#pragma once
// `[[services.capacity_additions]]`: capacity plans written inline in the scenario file, one row
// per addition (docs/scenario_format.md, "Capacity additions"), so that a what-if saved by `wardsim
// serve` with added places is one self-contained file. Private to scenarios/ because it speaks
// toml++; the service, category, district and year are checked with the service tables.

#include <toml++/toml.h>

#include <functional>
#include <string>
#include <vector>

#include "wardsim/scenarios/scenario_settings.h"

namespace wardsim::scenarios {

// Checks the array's shape and each row's keys and value types; `problem` gets each message.
void check_capacity_additions(const toml::node& node,
                              const std::function<void(std::string)>& problem);

// The rows of an array that passed check_capacity_additions.
std::vector<CapacityAddition> capacity_additions_of(const toml::node& node);

}  // namespace wardsim::scenarios
