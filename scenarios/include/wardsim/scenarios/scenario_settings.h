#pragma once
// The keys of a resolved scenario file as plain values (no TOML types), validated.

#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "wardsim/scenarios/year_path.h"

namespace wardsim::scenarios {

// A table named in [tables], resolved against the file that named it.
struct TableLocation {
  std::filesystem::path file;  // where to read it
  std::string display;         // how problems name it
  std::string named_as;        // the path as written in the scenario
};

struct ScenarioSettings {
  std::string name;
  std::string title;
  std::string description;
  int base_year = 0;
  int end_year = 0;

  // [tables] keys (e.g. "districts") that resolved to a path; a key that was missing or invalid
  // is absent and has been reported.
  std::map<std::string, TableLocation, std::less<>> tables;

  YearPath tfr;
  double sex_ratio_at_birth = 0.0;

  int mortality_table_year = 0;
  std::array<double, 2> mortality_improvement{};  // by engine sex index (male, female)
  double infant_a0 = 0.0;

  YearPath in_migrants;
  YearPath out_migration_multiplier;
  YearPath move_multiplier;

  std::vector<std::string> estimates;
};

}  // namespace wardsim::scenarios
