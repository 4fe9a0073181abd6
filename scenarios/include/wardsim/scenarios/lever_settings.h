#pragma once
// The what-if levers of a scenario beyond the base rates (docs/scenario_format.md, "Levers"):
// in-migration volume and age-profile shifts, out-migration age-profile shifts, shocks in given
// years and housing development. Every lever is optional and neutral when absent, so that a
// scenario without levers runs exactly as before.

#include <optional>
#include <string>
#include <vector>

#include "wardsim/scenarios/year_path.h"

namespace wardsim::scenarios {

// A shock in given years, e.g. a pandemic: multipliers on the in-migrant volume and on the
// out-migration rates of those step years. Several shocks in one year multiply.
struct Shock {
  std::string name;
  std::vector<int> years;  // step years (the step from 1 January y to 1 January y + 1)
  double in_migration_multiplier = 1.0;
  double out_migration_multiplier = 1.0;
  std::string note;  // why, and which numbers are assumptions
};

// A housing project written inline in [housing] (`[[housing.projects]]`): dwellings_per_year new
// dwellings in `district` in every step year from_year..to_year, on top of the developments table.
struct HousingProject {
  std::string district;  // a district id of the districts table (checked with the tables)
  int from_year = 0;
  int to_year = 0;
  double dwellings_per_year = 0.0;
};

// The dwellings-to-people rule of [housing]: each new dwelling of district d completed in year y
// brings persons_per_dwelling × share_from_outside extra in-migrants to d during year y.
struct HousingRule {
  double persons_per_dwelling = 0.0;     // persons per new dwelling
  double share_from_outside = 0.0;       // share of those persons who move in from outside the ward
  std::vector<HousingProject> projects;  // inline rows; the developments table is then optional
  std::string projects_origin;           // the file that set them, for messages
};

struct LeverSettings {
  YearPath in_migration_multiplier{1.0};  // × migration.in_migrants
  YearPath in_migration_age_shift{0.0};   // years; > 0 makes in-migrants older
  YearPath out_migration_age_shift{0.0};  // years; > 0 moves the out-migration peak to older ages
  YearPath out_migration_multiplier_older{1.0};  // × out-migration rates at ages ≥ kOlderAge
  std::vector<Shock> shocks;
  std::optional<HousingRule> housing;  // present with a [housing] section
};

// Maximum absolute age shift in years, and the largest multiplier a lever accepts.
inline constexpr double kMaxAgeShift = 15.0;
inline constexpr double kMaxLeverMultiplier = 5.0;
// The first age (in completed years) of migration.out_migration_multiplier_65_plus.
inline constexpr int kOlderAge = 65;

}  // namespace wardsim::scenarios
