#pragma once
// The JSON answer of POST /api/project (serve-contract, "POST /api/project"): ward totals and peak,
// age groups, district indicators, a pyramid, services (demand, capacity, gap, shortfall) and the
// difference from the base scenario without levers.

#include <nlohmann/json_fwd.hpp>
#include <string>

#include "what_if_run.h"

namespace wardsim::app::serve {

// Which pyramid the page shows: a year and "ward" or a district id.
struct PyramidView {
  int year = 0;  // 0 = the last year
  std::string district = "ward";
};

// Throws InputError if the view names a year or district the projection does not have.
nlohmann::json project_json(const WhatIfRun& run, const engine::Projection& base,
                            const PyramidView& view);

// The services part alone (also used by the meta answer for categories).
nlohmann::json services_json(const std::vector<models::ServiceResult>& services, int years,
                             int districts);

}  // namespace wardsim::app::serve
