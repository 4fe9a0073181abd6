#pragma once
// A service target as demand against capacity per planning unit (district × category) and year.

#include <Eigen/Core>
#include <string>
#include <vector>

#include "wardsim/engine/projection.h"
#include "wardsim/models/backcast/targets.h"
#include "wardsim/models/service_result.h"

namespace wardsim::models::backcast {

struct ServiceNeed {
  std::string facility;                  // key of the facility terms
  std::string units;                     // "places", "classrooms"
  std::vector<std::string> unit_labels;  // "SE01" or "SE01/age_0"
  std::vector<int> unit_district;        // district index of each unit
  int base_year = 0;                     // row 0
  Eigen::ArrayXXd demand;                // year × unit: capacity the target asks for
  Eigen::ArrayXXd capacity;              // year × unit: capacity in force (the scenario's plan)

  int year_count() const { return static_cast<int>(demand.rows()); }
  int unit_count() const { return static_cast<int>(demand.cols()); }
  // Whole places missing in a year: ceil(demand − capacity) where positive (places are whole).
  double shortfall(int year_index, int unit) const;
};

// The need of a service target, from the services computed on `projection` (childcare demand vs
// places per age group, classrooms needed vs classrooms per level, at_least × people 75+ / 1000
// vs residential places, people needing help to evacuate vs welfare-shelter places).
ServiceNeed service_need(const Target& target, const std::vector<ServiceResult>& services,
                         const engine::Projection& projection);

}  // namespace wardsim::models::backcast
