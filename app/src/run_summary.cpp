#include "run_summary.h"

#include <string>
#include <vector>

#include "number_format.h"
#include "wardsim/engine/population_queries.h"

namespace wardsim::app {
namespace {

struct AgeGroup {
  const char* label;
  int from;
  int to;
};

// Childcare (0–5), compulsory schooling (6–14), older people (65+) and care-intensive ages (75+).
constexpr AgeGroup kGroups[] = {
    {"0-5", 0, 5}, {"6-14", 6, 14}, {"65+", 65, engine::kOpenAge}, {"75+", 75, engine::kOpenAge}};

}  // namespace

void print_run_summary(const engine::Projection& projection, std::ostream& out) {
  const auto& dims = projection.dims;
  const auto at = [&](int year) -> const engine::DistrictCube& {
    return projection.population[static_cast<std::size_t>(year - dims.base_year)];
  };

  out << "Ward total on 1 January\n";
  for (int year = dims.base_year; year <= dims.end_year; ++year) {
    if ((year - dims.base_year) % 5 != 0 && year != dims.end_year) continue;
    out << "  " << year << padded(thousands(at(year).sum()), 12) << "\n";
  }
  const engine::Peak peak = engine::ward_peak(projection);
  out << "Peak: " << peak.year << ", " << thousands(peak.population) << "\n\n";

  // The base year, then every decade.
  std::vector<int> years{dims.base_year};
  for (int year = (dims.base_year / 10 + 1) * 10; year <= dims.end_year; year += 10) {
    years.push_back(year);
  }
  out << "Age group" << padded("", 1);
  for (int year : years) out << padded(std::to_string(year), 11);
  out << "\n";
  for (const AgeGroup& group : kGroups) {
    out << "  " << group.label << padded("", 8 - std::string(group.label).size());
    for (int year : years) {
      out << padded(thousands(engine::count_ages(at(year), group.from, group.to)), 11);
    }
    out << "\n";
  }
}

}  // namespace wardsim::app
