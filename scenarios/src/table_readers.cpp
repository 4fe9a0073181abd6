#include "wardsim/scenarios/table_readers.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

#include "number_text.h"
#include "table_rows.h"
#include "wardsim/scenarios/housing_developments.h"

namespace wardsim::scenarios {
namespace {

using engine::kAges;
using engine::kSexes;

constexpr std::string_view kAgeRule = "an integer age between 0 and 100";

// First line on which each sex × age was seen (0 = not yet).
using SexAgeLines = std::array<std::array<int, kAges>, kSexes>;

std::string sex_age_text(int sex, int age) {
  return std::string(kSexNames[sex]) + " age " + std::to_string(age);
}

// Records "FILE: PREFIXsex: missing ages ..." for every sex with an age never seen.
void report_missing_ages(const CsvTable& table, const std::string& prefix, const SexAgeLines& lines,
                         ProblemList& problems) {
  for (int sex = 0; sex < kSexes; ++sex) {
    std::vector<int> missing;
    for (int age = 0; age < kAges; ++age) {
      if (lines[static_cast<std::size_t>(sex)][static_cast<std::size_t>(age)] == 0) {
        missing.push_back(age);
      }
    }
    if (!missing.empty()) {
      problems.add(table.file(), "missing rows",
                   table.file() + ": " + prefix + std::string(kSexNames[sex]) + ": missing ages " +
                       age_ranges(missing));
    }
  }
}

int& line_of(SexAgeLines& lines, int sex, int age) {
  return lines[static_cast<std::size_t>(sex)][static_cast<std::size_t>(age)];
}

std::optional<int> read_sex(const CsvTable& table, const CsvRow& row, std::size_t column,
                            ProblemList& problems) {
  const auto sex = table.choice(row, column, kSexNames, problems);
  if (!sex) return std::nullopt;
  return static_cast<int>(*sex);
}

std::optional<int> read_district(const CsvTable& table, const CsvRow& row, std::size_t column,
                                 const DistrictLookup& districts, ProblemList& problems) {
  if (!districts.known) return std::nullopt;
  const std::string& id = row.cells.at(column);
  if (const auto index = districts.find(id)) return index;
  table.add_problem(row, column, "unknown district '" + id + "' (not in " + districts.source + ")",
                    problems);
  return std::nullopt;
}

void report_missing_districts(const CsvTable& table, const DistrictLookup& districts,
                              const std::vector<bool>& seen, ProblemList& problems) {
  for (std::size_t d = 0; d < seen.size(); ++d) {
    if (!seen[d]) {
      problems.add(table.file(), "missing rows",
                   table.file() + ": district " + districts.ids[d] + " is missing");
    }
  }
}

bool sums_to_one(double sum) { return std::abs(sum - 1.0) <= kShareTolerance; }

std::string sum_problem(double sum) {
  return "shares sum to " + number_text(sum) + ", expected 1 (± 1e-6)";
}

}  // namespace

std::optional<int> DistrictLookup::find(std::string_view id) const {
  const auto it = index.find(id);
  if (it == index.end()) return std::nullopt;
  return it->second;
}

std::string age_ranges(const std::vector<int>& ages) {
  std::string text;
  for (std::size_t i = 0; i < ages.size();) {
    std::size_t j = i;
    while (j + 1 < ages.size() && ages[j + 1] == ages[j] + 1) ++j;
    if (!text.empty()) text += ", ";
    text += std::to_string(ages[i]);
    if (j > i) text += '-' + std::to_string(ages[j]);
    i = j + 1;
  }
  return text;
}

std::vector<engine::District> read_districts(const CsvTable& table, ProblemList& problems) {
  std::vector<engine::District> districts;
  std::map<std::string, int, std::less<>> first_line;
  for (const auto& row : table.rows()) {
    std::array<std::optional<std::string>, 5> texts;
    for (std::size_t column = 0; column < texts.size(); ++column) {
      texts[column] = table.text(row, column, problems);
    }
    table.number(row, 5, -90, 90, "a latitude between -90 and 90", problems);
    table.number(row, 6, -180, 180, "a longitude between -180 and 180", problems);
    if (!texts[0]) continue;
    const auto [it, inserted] = first_line.try_emplace(*texts[0], row.line);
    if (!inserted) {
      table.add_problem(row, 0,
                        "duplicate district '" + *texts[0] + "' (first on line " +
                            std::to_string(it->second) + ")",
                        problems);
      continue;
    }
    districts.push_back({*texts[0], texts[1].value_or(""), texts[2].value_or(""),
                         texts[3].value_or(""), texts[4].value_or("")});
  }
  if (table.rows().empty()) problems.add(table.file() + ": no districts");
  return districts;
}

DistrictLookup make_district_lookup(const std::vector<engine::District>& districts,
                                    std::string source) {
  DistrictLookup lookup;
  lookup.known = true;
  lookup.source = std::move(source);
  for (const auto& district : districts) {
    lookup.index.emplace(district.id, static_cast<int>(lookup.ids.size()));
    lookup.ids.push_back(district.id);
  }
  return lookup;
}

engine::DistrictCube read_base_population(const CsvTable& table, const DistrictLookup& districts,
                                          ProblemList& problems) {
  const auto count = static_cast<Eigen::Index>(districts.ids.size());
  engine::DistrictCube population = engine::DistrictCube::Zero(count, engine::kCells);
  std::vector<SexAgeLines> lines(districts.ids.size(), SexAgeLines{});
  for (const auto& row : table.rows()) {
    const auto district = read_district(table, row, 0, districts, problems);
    const auto sex = read_sex(table, row, 1, problems);
    const auto age = table.integer(row, 2, 0, kAges - 1, kAgeRule, problems);
    const auto value = table.number(row, 3, 0, HUGE_VAL, "a number ≥ 0", problems);
    if (!district || !sex || !age) continue;
    int& first = line_of(lines[static_cast<std::size_t>(*district)], *sex, *age);
    if (first != 0) {
      report_duplicate_row(table, row, "district " + row.cells[0] + ' ' + sex_age_text(*sex, *age),
                           first, problems);
      continue;
    }
    first = row.line;
    if (value) population(*district, engine::cell(*sex, *age)) = *value;
  }
  for (std::size_t d = 0; d < lines.size(); ++d) {
    const bool any = std::any_of(lines[d].begin(), lines[d].end(), [](const auto& ages) {
      return std::any_of(ages.begin(), ages.end(), [](int line) { return line != 0; });
    });
    if (!any) {
      problems.add(table.file(), "missing rows",
                   table.file() + ": district " + districts.ids[d] + " is missing");
    } else {
      report_missing_ages(table, "district " + districts.ids[d] + ' ', lines[d], problems);
    }
  }
  return population;
}

AgeRow read_fertility(const CsvTable& table, ProblemList& problems) {
  AgeRow asfr = AgeRow::Zero();
  std::array<int, kAges> first_line{};
  const std::size_t before = problems.size();
  for (const auto& row : table.rows()) {
    const auto age = table.integer(row, 0, kFirstFertileAge, kLastFertileAge,
                                   "an integer age between 10 and 55", problems);
    const auto value = table.number(row, 1, 0, 0.5, "a rate between 0 and 0.5", problems);
    if (!age) continue;
    int& first = first_line[static_cast<std::size_t>(*age)];
    if (first != 0) {
      report_duplicate_row(table, row, "age " + std::to_string(*age), first, problems);
      continue;
    }
    first = row.line;
    if (value) asfr(*age) = *value;
  }
  if (problems.size() == before && (asfr == 0.0).all()) {
    problems.add(table.file() + ": every asfr is 0, so the schedule cannot be rescaled to the tfr");
  }
  return asfr;
}

engine::SexAgeSchedule read_sex_age_schedule(const CsvTable& table, ScheduleRule rule,
                                             ProblemList& problems) {
  engine::SexAgeSchedule schedule = engine::SexAgeSchedule::Zero();
  SexAgeLines lines{};
  const std::size_t before = problems.size();
  const bool shares = rule == ScheduleRule::Shares;
  for (const auto& row : table.rows()) {
    const auto sex = read_sex(table, row, 0, problems);
    const auto age = table.integer(row, 1, 0, kAges - 1, kAgeRule, problems);
    const auto value = shares
                           ? table.number(row, 2, 0, HUGE_VAL, "a share ≥ 0", problems)
                           : table.number(row, 2, 0, 1, "a probability between 0 and 1", problems);
    if (!sex || !age) continue;
    int& first = line_of(lines, *sex, *age);
    if (first != 0) {
      report_duplicate_row(table, row, sex_age_text(*sex, *age), first, problems);
      continue;
    }
    first = row.line;
    if (value) schedule(*sex, *age) = *value;
  }
  report_missing_ages(table, "", lines, problems);
  if (shares && problems.size() == before && !sums_to_one(schedule.sum())) {
    problems.add(table.file() + ": " + sum_problem(schedule.sum()));
  }
  return schedule;
}

Eigen::MatrixXd read_move_destinations(const CsvTable& table, const DistrictLookup& districts,
                                       ProblemList& problems) {
  const auto count = static_cast<Eigen::Index>(districts.ids.size());
  Eigen::MatrixXd shares = Eigen::MatrixXd::Zero(count, count);
  std::map<std::pair<int, int>, int> first_line;
  const std::size_t before = problems.size();
  for (const auto& row : table.rows()) {
    // Checked on the ids so that it is reported even when the districts table is broken.
    if (row.cells[0] == row.cells[1]) {
      table.add_problem(row, 1,
                        "expected a district other than the origin, found '" + row.cells[1] + "'",
                        problems);
      continue;
    }
    const auto origin = read_district(table, row, 0, districts, problems);
    const auto destination = read_district(table, row, 1, districts, problems);
    const auto value = table.number(row, 2, 0, 1, "a share between 0 and 1", problems);
    if (!origin || !destination) continue;
    const auto [it, inserted] = first_line.try_emplace({*origin, *destination}, row.line);
    if (!inserted) {
      report_duplicate_row(table, row, "origin " + row.cells[0] + " destination " + row.cells[1],
                           it->second, problems);
      continue;
    }
    if (value) shares(*origin, *destination) = *value;
  }
  if (problems.size() == before && count > 1) {
    for (Eigen::Index d = 0; d < count; ++d) {
      const double sum = shares.row(d).sum();
      if (!sums_to_one(sum)) {
        problems.add(table.file(), "origins whose shares do not sum to 1",
                     table.file() + ": origin " + districts.ids[static_cast<std::size_t>(d)] +
                         ": " + sum_problem(sum));
      }
    }
  }
  return shares;
}

DistrictFactors read_district_factors(const CsvTable& table, const DistrictLookup& districts,
                                      ProblemList& problems) {
  const auto count = static_cast<Eigen::Index>(districts.ids.size());
  DistrictFactors factors;
  for (Eigen::ArrayXd* column : {&factors.fertility, &factors.mortality, &factors.out_migration,
                                 &factors.move, &factors.in_migration_weight}) {
    column->setZero(count);
  }
  std::vector<int> first_line(districts.ids.size(), 0);
  const std::size_t before = problems.size();
  for (const auto& row : table.rows()) {
    const auto district = read_district(table, row, 0, districts, problems);
    std::array<std::optional<double>, 5> values;
    for (std::size_t k = 0; k < 4; ++k) {
      values[k] = table.number(row, k + 1, 0, 5, "a multiplier between 0 and 5", problems);
    }
    values[4] = table.number(row, 5, 0, HUGE_VAL, "a weight ≥ 0", problems);
    if (!district) continue;
    int& first = first_line[static_cast<std::size_t>(*district)];
    if (first != 0) {
      report_duplicate_row(table, row, "district " + row.cells[0], first, problems);
      continue;
    }
    first = row.line;
    factors.fertility(*district) = values[0].value_or(0.0);
    factors.mortality(*district) = values[1].value_or(0.0);
    factors.out_migration(*district) = values[2].value_or(0.0);
    factors.move(*district) = values[3].value_or(0.0);
    factors.in_migration_weight(*district) = values[4].value_or(0.0);
  }
  std::vector<bool> seen(first_line.size());
  for (std::size_t d = 0; d < seen.size(); ++d) seen[d] = first_line[d] != 0;
  report_missing_districts(table, districts, seen, problems);
  if (problems.size() == before && count > 0 && (factors.in_migration_weight == 0.0).all()) {
    problems.add(table.file() +
                 ": in_migration_weight is 0 for every district (at least one must be positive)");
  }
  return factors;
}

ScenarioTables read_scenario_tables(const ScenarioSettings& settings, InputReader& reader,
                                    ProblemList& problems) {
  const auto parse = [&](std::string_view key,
                         std::span<const std::string_view> columns) -> std::optional<CsvTable> {
    const auto location = settings.tables.find(key);
    if (location == settings.tables.end()) return std::nullopt;  // already reported
    const TableLocation& where = location->second;
    const auto bytes = reader.read(where.file, where.display, where.named_as, problems);
    if (!bytes) return std::nullopt;
    return CsvTable::parse(*bytes, where.display, columns, problems);
  };

  ScenarioTables tables;
  DistrictLookup districts;
  if (const auto table = parse("districts", kDistrictsColumns)) {
    const std::size_t before = problems.size();
    tables.districts = read_districts(*table, problems);
    // Membership checks against a broken districts table would only repeat its problems.
    if (problems.size() == before)
      districts = make_district_lookup(tables.districts, table->file());
  }
  if (const auto table = parse("base_population", kBasePopulationColumns)) {
    tables.base_population = read_base_population(*table, districts, problems);
  }
  if (const auto table = parse("fertility", kFertilityColumns)) {
    tables.fertility_asfr = read_fertility(*table, problems);
  }
  if (const auto table = parse("mortality", kMortalityColumns)) {
    tables.mortality_qx = read_sex_age_schedule(*table, ScheduleRule::Probability, problems);
  }
  if (const auto table = parse("out_migration", kRateColumns)) {
    tables.out_migration_rate = read_sex_age_schedule(*table, ScheduleRule::Probability, problems);
  }
  if (const auto table = parse("in_migration_profile", kInMigrationProfileColumns)) {
    tables.in_migration_share = read_sex_age_schedule(*table, ScheduleRule::Shares, problems);
  }
  if (const auto table = parse("moves", kRateColumns)) {
    tables.move_rate = read_sex_age_schedule(*table, ScheduleRule::Probability, problems);
  }
  if (const auto table = parse("move_destinations", kMoveDestinationsColumns)) {
    tables.move_destinations = read_move_destinations(*table, districts, problems);
  }
  if (const auto table = parse("district_factors", kDistrictFactorsColumns)) {
    tables.district_factors = read_district_factors(*table, districts, problems);
  }
  if (const auto table = parse(kHousingTableKey, kHousingDevelopmentsColumns)) {
    tables.new_dwellings = read_housing_developments(*table, districts, settings.base_year,
                                                     settings.end_year, problems);
  }
  const auto& housing = settings.levers.housing;
  if (housing && !housing->projects.empty() && districts.known &&
      settings.end_year > settings.base_year) {
    if (tables.new_dwellings.size() == 0) {
      tables.new_dwellings = Eigen::ArrayXXd::Zero(settings.end_year - settings.base_year,
                                                   static_cast<Eigen::Index>(districts.ids.size()));
    }
    add_housing_projects(housing->projects, housing->projects_origin, districts, settings.base_year,
                         tables.new_dwellings, problems);
  }
  tables.district_lookup = std::move(districts);
  return tables;
}

}  // namespace wardsim::scenarios
