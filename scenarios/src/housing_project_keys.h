#pragma once
// `[[housing.projects]]`: housing developments written inline in the scenario file, one row per
// project (docs/scenario_format.md, "Housing development"), so that a what-if saved by
// `wardsim serve` is one self-contained file. Private to scenarios/ because it speaks toml++.

#include <toml++/toml.h>

#include <functional>
#include <string>
#include <vector>

#include "wardsim/scenarios/lever_settings.h"

namespace wardsim::scenarios {

// Checks the array's shape and each row's keys and values; `problem` gets each message.
void check_housing_projects(const toml::node& node,
                            const std::function<void(std::string)>& problem);

// The rows of an array that passed check_housing_projects.
std::vector<HousingProject> housing_projects_of(const toml::node& node);

// Each row's years must be step years of the scenario.
void check_housing_project_years(const std::vector<HousingProject>& projects, int base_year,
                                 int end_year, const std::function<void(std::string)>& problem);

}  // namespace wardsim::scenarios
