#pragma once
// One reader per CSV table of docs/scenario_format.md. Each checks its table's rules, records every
// problem (file, line, column, expected vs found) and returns what it could read.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wardsim/engine/dimensions.h"
#include "wardsim/scenarios/csv_table.h"
#include "wardsim/scenarios/input_reader.h"
#include "wardsim/scenarios/problem_list.h"
#include "wardsim/scenarios/scenario_settings.h"

namespace wardsim::scenarios {

using AgeRow = Eigen::Array<double, 1, engine::kAges>;

inline constexpr std::string_view kDistrictsColumns[] = {
    "district_id", "name_ja", "name_en", "region_ja", "region_en", "approx_lat", "approx_lon"};
inline constexpr std::string_view kBasePopulationColumns[] = {"district_id", "sex", "age",
                                                              "population"};
inline constexpr std::string_view kFertilityColumns[] = {"age", "asfr"};
inline constexpr std::string_view kMortalityColumns[] = {"sex", "age", "qx"};
inline constexpr std::string_view kRateColumns[] = {"sex", "age", "rate"};  // out_migration, moves
inline constexpr std::string_view kInMigrationProfileColumns[] = {"sex", "age", "share"};
inline constexpr std::string_view kMoveDestinationsColumns[] = {"origin", "destination", "share"};
inline constexpr std::string_view kDistrictFactorsColumns[] = {
    "district_id",     "fertility_multiplier", "mortality_multiplier", "out_migration_multiplier",
    "move_multiplier", "in_migration_weight"};

inline constexpr int kFirstFertileAge = 10;
inline constexpr int kLastFertileAge = 55;
inline constexpr double kShareTolerance = 1e-6;

// The districts of the districts table, for the tables keyed by district. If the districts table
// could not be read, `known` is false and membership is not checked (that problem is reported).
struct DistrictLookup {
  bool known = false;
  std::string source;  // the districts table as problems name it
  std::vector<std::string> ids;
  std::map<std::string, int, std::less<>> index;

  std::optional<int> find(std::string_view id) const;
};

struct DistrictFactors {
  Eigen::ArrayXd fertility;
  Eigen::ArrayXd mortality;
  Eigen::ArrayXd out_migration;
  Eigen::ArrayXd move;
  Eigen::ArrayXd in_migration_weight;  // not normalised
};

// Which rule a sex × age table follows.
enum class ScheduleRule {
  Probability,  // 0 ≤ value ≤ 1
  Shares,       // value ≥ 0, all values sum to 1
};

std::vector<engine::District> read_districts(const CsvTable& table, ProblemList& problems);
DistrictLookup make_district_lookup(const std::vector<engine::District>& districts,
                                    std::string source);

engine::DistrictCube read_base_population(const CsvTable& table, const DistrictLookup& districts,
                                          ProblemList& problems);
// ASFR by mother's age 0..100 (zero outside 10..55 and for ages not listed).
AgeRow read_fertility(const CsvTable& table, ProblemList& problems);
engine::SexAgeSchedule read_sex_age_schedule(const CsvTable& table, ScheduleRule rule,
                                             ProblemList& problems);
// Shares by origin (row) and destination (column).
Eigen::MatrixXd read_move_destinations(const CsvTable& table, const DistrictLookup& districts,
                                       ProblemList& problems);
DistrictFactors read_district_factors(const CsvTable& table, const DistrictLookup& districts,
                                      ProblemList& problems);

// Every table of a scenario, as read.
struct ScenarioTables {
  std::vector<engine::District> districts;
  engine::DistrictCube base_population;
  AgeRow fertility_asfr = AgeRow::Zero();
  engine::SexAgeSchedule mortality_qx = engine::SexAgeSchedule::Zero();
  engine::SexAgeSchedule out_migration_rate = engine::SexAgeSchedule::Zero();
  engine::SexAgeSchedule in_migration_share = engine::SexAgeSchedule::Zero();
  engine::SexAgeSchedule move_rate = engine::SexAgeSchedule::Zero();
  Eigen::MatrixXd move_destinations;
  DistrictFactors district_factors;
  // The districts table as a lookup for the tables keyed by district (`known` is false if it could
  // not be read without problems).
  DistrictLookup district_lookup;
  // New dwellings by step year (row) and district (column) from [housing]; empty without it.
  Eigen::ArrayXXd new_dwellings;
};

// Reads every table named in `settings.tables` (through `reader`, which records digests). The
// result is complete only if no problem was recorded.
ScenarioTables read_scenario_tables(const ScenarioSettings& settings, InputReader& reader,
                                    ProblemList& problems);

// "17, 40-45": ascending ages as compact ranges, for messages.
std::string age_ranges(const std::vector<int>& ages);

}  // namespace wardsim::scenarios
