#pragma once
// The keys of a resolved scenario file as plain values (no TOML types), validated.

#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wardsim/scenarios/lever_settings.h"
#include "wardsim/scenarios/year_path.h"

namespace wardsim::scenarios {

// A table named in [tables], resolved against the file that named it.
struct TableLocation {
  std::filesystem::path file;  // where to read it
  std::string display;         // how problems name it
  std::string named_as;        // the path as written in the scenario
};

// The table keys of [services], in the order of docs/scenario_format.md.
inline constexpr std::string_view kServiceTableKeys[] = {
    "childcare_uptake", "childcare_places", "school_classrooms", "care_certification",
    "care_places",      "headship",         "shelters"};

// A row of `[[services.capacity_additions]]`: `add` places (classrooms for schools) on top of the
// service's capacity table in `district` (and `category`, for services with categories) from
// `from_year` on. The names are checked against the service tables (service_tables.h).
struct CapacityAddition {
  std::string service;   // childcare, school, elderly_care, welfare_shelters or shelters
  std::string district;  // a district id of the districts table
  std::string category;  // empty for services without categories
  int from_year = 0;
  double add = 0.0;
};

// The [services] section: parameters of the service-demand models.
struct ServiceSettings {
  // [services] table keys (e.g. "childcare_places") that resolved to a path.
  std::map<std::string, TableLocation, std::less<>> tables;
  // [services.sources]: one sentence per table key stating its source or that it is an assumption.
  std::map<std::string, std::string, std::less<>> sources;

  YearPath childcare_uptake_multiplier;

  std::array<double, 2> public_share{};   // elementary, junior high
  std::array<int, 2> class_size_limit{};  // elementary, junior high

  YearPath certification_multiplier;
  double residential_rate = 0.0;
  double home_care_rate = 0.0;
  double day_care_rate = 0.0;
  double residents_per_care_worker = 0.0;
  double community_users_per_care_worker = 0.0;

  double housing_units_per_household = 0.0;
  double water_litres_per_person_day = 0.0;
  double waste_kg_per_person_day = 0.0;
  double evacuation_help_rate_75_plus = 0.0;
  double evacuation_help_rate_under_75 = 0.0;

  std::vector<CapacityAddition> capacity_additions;  // inline capacity plans, in file order
  std::string capacity_additions_origin;             // the file that set them, for messages
};

// The key under which ScenarioSettings::tables holds [housing] developments.
inline constexpr std::string_view kHousingTableKey = "housing_developments";

// The [agent] section: the agent kernel's household model and run defaults.
struct AgentSettings {
  std::map<std::string, TableLocation, std::less<>> tables;  // "household_types" if valid
  int replicates = 0;
  std::uint64_t seed = 0;
  double leaving_home_rate = 0.0;
  double union_rate = 0.0;
  double in_migrant_couple_share = 0.0;
  std::string mode = "cohort";  // the kernel `wardsim run` uses unless --mode says otherwise
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

  // The what-if levers; the housing developments table is tables[kHousingTableKey].
  LeverSettings levers;

  std::vector<std::string> estimates;

  // Present if the scenario has a [services] section (after extends and overrides).
  std::optional<ServiceSettings> services;

  // Present if the scenario has an [agent] section.
  std::optional<AgentSettings> agent;
};

}  // namespace wardsim::scenarios
