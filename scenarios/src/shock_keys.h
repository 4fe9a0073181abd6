#pragma once
// The `[[shocks]]` array of a scenario file: validation and reading. Private to scenarios/ because
// it speaks toml++ types.

#include <toml++/toml.h>

#include <functional>
#include <string>
#include <vector>

#include "wardsim/scenarios/lever_settings.h"

namespace wardsim::scenarios {

// Checks `node` (the value of key `shocks`): an array of tables, each with `name`, `years` and
// optionally `in_migration_multiplier`, `out_migration_multiplier` and `note`. Every problem goes
// to `problem` as a message naming the element, e.g. "key 'shocks[0].years' must be ...".
void check_shocks(const toml::node& node, const std::function<void(std::string)>& problem);

// The shocks of a `node` that check_shocks accepted.
std::vector<Shock> shocks_of(const toml::node& node);

// Checks that every shock year is a step year of the run (base_year ≤ year < end_year).
void check_shock_years(const std::vector<Shock>& shocks, int base_year, int end_year,
                       const std::function<void(std::string)>& problem);

}  // namespace wardsim::scenarios
