#pragma once
// What the page needs to draw each lever: labels in English and Japanese, unit, range (the scenario
// loader's, docs/scenario_format.md "Levers"), step, kind, and the value the base scenario has.

#include <nlohmann/json_fwd.hpp>

#include "wardsim/scenarios/scenario.h"

namespace wardsim::app::serve {

// The "levers" array of GET /api/meta; each "default" is read from `base`'s resolved TOML (or the
// lever's neutral value when the base does not set it).
nlohmann::json lever_catalog(const scenarios::Scenario& base);

}  // namespace wardsim::app::serve
