#pragma once
// Private to wardsim::viz: the indicators a map can show, one value per district for one year.

#include <string>
#include <vector>

#include "wardsim/engine/projection.h"
#include "wardsim/models/service_result.h"

namespace wardsim::viz {

struct DistrictIndicator {
  std::string name;   // as asked for on the command line
  std::string label;  // for people
  std::string units;
  std::vector<double> values;  // by district
};

// Names of every indicator available for this scenario: the demographic ones, then
// <service>.<indicator> for each service indicator.
std::vector<std::string> map_indicator_names(const std::vector<models::ServiceResult>& services);

// The indicator `name` (one of map_indicator_names) at population-year index `year_index`.
// Service indicators with categories are summed over them.
DistrictIndicator district_indicator(const std::string& name, const engine::Projection& projection,
                                     const std::vector<models::ServiceResult>& services,
                                     int year_index);

}  // namespace wardsim::viz
