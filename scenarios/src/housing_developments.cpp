#include "wardsim/scenarios/housing_developments.h"

#include <limits>
#include <map>
#include <utility>

#include "table_rows.h"

namespace wardsim::scenarios {

Eigen::ArrayXXd read_housing_developments(const CsvTable& table, const DistrictLookup& districts,
                                          int base_year, int end_year, ProblemList& problems) {
  const int steps = end_year - base_year;
  Eigen::ArrayXXd dwellings =
      Eigen::ArrayXXd::Zero(steps, static_cast<Eigen::Index>(districts.ids.size()));
  const std::string year_rule = "a step year between " + std::to_string(base_year) + " and " +
                                std::to_string(end_year - 1) +
                                " (scenario.base_year to scenario.end_year - 1)";
  std::map<std::pair<int, int>, int> first_line;
  for (const auto& row : table.rows()) {
    std::optional<int> district;
    if (districts.known) {
      district = districts.find(row.cells.at(0));
      if (!district) {
        table.add_problem(
            row, 0, "unknown district '" + row.cells.at(0) + "' (not in " + districts.source + ")",
            problems);
      }
    }
    const auto year = table.integer(row, 1, base_year, end_year - 1, year_rule, problems);
    const auto count = table.number(row, 2, 0, std::numeric_limits<double>::infinity(),
                                    "a number of dwellings ≥ 0", problems);
    if (!district || !year || !count) continue;
    const auto [it, inserted] = first_line.try_emplace({*district, *year}, row.line);
    if (!inserted) {
      report_duplicate_row(table, row,
                           "district " + row.cells.at(0) + " in " + std::to_string(*year),
                           it->second, problems);
      continue;
    }
    dwellings(*year - base_year, *district) = *count;
  }
  return dwellings;
}

void add_housing_projects(const std::vector<HousingProject>& projects, const std::string& origin,
                          const DistrictLookup& districts, int base_year,
                          Eigen::ArrayXXd& dwellings, ProblemList& problems) {
  for (std::size_t i = 0; i < projects.size(); ++i) {
    const HousingProject& project = projects[i];
    const std::optional<int> district = districts.find(project.district);
    if (!district) {
      problems.add(origin + ": key 'housing.projects[" + std::to_string(i) +
                   "].district' must be a district id of " + districts.source + ", found '" +
                   project.district + "'");
      continue;
    }
    // Rows with years outside the step years were reported when the keys were read.
    if (project.from_year < base_year || project.to_year >= base_year + dwellings.rows()) continue;
    // Projects that overlap add up.
    for (int year = project.from_year; year <= project.to_year; ++year) {
      dwellings(year - base_year, *district) += project.dwellings_per_year;
    }
  }
}

}  // namespace wardsim::scenarios
