#pragma once
// The [housing] developments table: new dwellings by district and year, the input of the housing
// lever (docs/scenario_format.md, "Levers").

#include <Eigen/Core>
#include <string>
#include <string_view>
#include <vector>

#include "wardsim/scenarios/csv_table.h"
#include "wardsim/scenarios/lever_settings.h"
#include "wardsim/scenarios/problem_list.h"
#include "wardsim/scenarios/table_readers.h"

namespace wardsim::scenarios {

inline constexpr std::string_view kHousingDevelopmentsColumns[] = {"district_id", "year",
                                                                   "new_dwellings"};

// New dwellings completed during each step year (row: year − base_year, base_year..end_year − 1)
// in each district (column, in the order of the districts table). Each district × year at most
// once; years are step years; dwellings ≥ 0. Cells not listed are 0.
Eigen::ArrayXXd read_housing_developments(const CsvTable& table, const DistrictLookup& districts,
                                          int base_year, int end_year, ProblemList& problems);

// Adds the inline `[[housing.projects]]` rows to `dwellings` (rows: step years, columns:
// districts). A district that is not in the districts table is a problem naming `origin` and the
// row.
void add_housing_projects(const std::vector<HousingProject>& projects, const std::string& origin,
                          const DistrictLookup& districts, int base_year,
                          Eigen::ArrayXXd& dwellings, ProblemList& problems);

}  // namespace wardsim::scenarios
