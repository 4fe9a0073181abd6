#pragma once
// What a report is asked to show: which results, scenarios, year, districts, map indicators and
// district boundaries.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace wardsim::viz {

struct ReportRequest {
  std::filesystem::path results;
  std::vector<std::string> scenarios;  // empty = every scenario of the file, in its order
  std::optional<int> year;             // chosen year of pyramids and maps; default: the last year
  std::vector<std::string> districts;  // districts of the per-district charts; empty = all
  // Map indicators: population, population_change, share_0_14, share_65_plus, share_75_plus or
  // <service>.<indicator>; empty = the defaults (kDefaultMapIndicators).
  std::vector<std::string> indicators;
  std::filesystem::path boundaries;  // GeoJSON with one feature per district
  // An explicitly named boundaries file must exist and cover every district; the bundled default
  // may be absent (the map is then left out with a note), so reports work before it is installed.
  bool boundaries_required = false;
};

inline const std::vector<std::string> kDefaultMapIndicators = {"population_change",
                                                               "share_65_plus"};

}  // namespace wardsim::viz
