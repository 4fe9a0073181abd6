#pragma once
// The result of a projection: population snapshots and the flows between them.

#include <vector>

#include "wardsim/engine/dimensions.h"

namespace wardsim::engine {

// Flows during one year (1 January t → 1 January t+1), by district × sex × cohort age
// (see year_rates.h for the age convention); births by district × sex.
struct YearFlows {
  DistrictSexTable births;
  DistrictCube deaths;
  DistrictCube out_migration;
  DistrictCube in_migration;
  DistrictCube moves_out;
  DistrictCube moves_in;

  explicit YearFlows(int districts = 0);
};

struct Projection {
  Dimensions dims;
  std::vector<DistrictCube> population;  // dims.years() snapshots, base year first
  std::vector<YearFlows> flows;          // dims.steps() years of flows

  double total(int year_index) const {
    return population.at(static_cast<std::size_t>(year_index)).sum();
  }
};

}  // namespace wardsim::engine
