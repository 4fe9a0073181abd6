#include "wardsim/scenarios/service_tables.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <string>
#include <tuple>
#include <utility>

#include "number_text.h"
#include "table_rows.h"

namespace wardsim::scenarios {
namespace {

constexpr std::string_view kRateRule = "a rate between 0 and 1";
constexpr std::string_view kCapacityRule = "a number ≥ 0";
constexpr double kSumTolerance = 1e-9;

void missing(const CsvTable& table, const std::string& message, ProblemList& problems) {
  problems.add(table.file(), "missing rows", table.file() + ": " + message);
}

std::optional<int> choice_index(const CsvTable& table, const CsvRow& row, std::size_t column,
                                std::span<const std::string_view> choices, ProblemList& problems) {
  const auto index = table.choice(row, column, choices, problems);
  if (!index) return std::nullopt;
  return static_cast<int>(*index);
}

std::optional<int> read_district(const CsvTable& table, const CsvRow& row,
                                 const DistrictLookup& districts, ProblemList& problems) {
  if (!districts.known) return std::nullopt;
  const std::string& id = row.cells.at(0);
  if (const auto index = districts.find(id)) return index;
  table.add_problem(row, 0, "unknown district '" + id + "' (not in " + districts.source + ")",
                    problems);
  return std::nullopt;
}

std::string joined(const std::vector<std::string_view>& labels) {
  std::string text;
  for (const auto label : labels) {
    if (!text.empty()) text += ", ";
    text += label;
  }
  return text;
}

std::size_t at(int index) { return static_cast<std::size_t>(index); }

models::YearSeries year_series(const YearPath& path, YearRange years) {
  models::YearSeries series;
  for (int year = years.base_year; years.base_year != 0 && year <= years.end_year; ++year) {
    series.push_back(path.at(year));
  }
  return series;
}

// `add` on top of the plan's capacity of (district, category) from `year` on: every table value
// from then on grows by `add`, and a change row at `year` carries the value then in force + add.
void add_capacity(models::CapacityPlan& plan, int year, int base_year, int district, int category,
                  double add) {
  const double in_force = plan.in_year(year)(district, category);
  for (auto& change : plan.changes) {
    if (change.district == district && change.category == category && change.year >= year) {
      change.capacity += add;
    }
  }
  if (year <= base_year) {
    plan.base(district, category) += add;
    return;
  }
  plan.changes.push_back({year, district, category, in_force + add});
  std::stable_sort(plan.changes.begin(), plan.changes.end(),
                   [](const models::CapacityPlan::Change& a,
                      const models::CapacityPlan::Change& b) { return a.year < b.year; });
}

struct AddableService {
  std::string_view name;
  std::span<const std::string_view> categories;
  models::CapacityPlan* plan;
};

void apply_capacity_additions(const ServiceSettings& services, const DistrictLookup& districts,
                              YearRange years, models::ServiceParameters& parameters,
                              ProblemList& problems) {
  const std::array<AddableService, 5> addable = {{
      {"childcare", kChildcareGroupLabels, &parameters.childcare.places},
      {"school", kSchoolLevelLabels, &parameters.school.classrooms},
      {"elderly_care", {}, &parameters.elderly_care.residential_places},
      {"welfare_shelters", {}, &parameters.infrastructure.welfare_shelter_places},
      {"shelters", {}, &parameters.infrastructure.shelter_places},
  }};
  const auto& additions = services.capacity_additions;
  for (std::size_t i = 0; i < additions.size(); ++i) {
    const CapacityAddition& addition = additions[i];
    const std::string where = services.capacity_additions_origin +
                              ": key 'services.capacity_additions[" + std::to_string(i) + "].";
    const std::size_t before = problems.size();

    const auto service = std::find_if(addable.begin(), addable.end(), [&](const auto& candidate) {
      return candidate.name == addition.service;
    });
    std::optional<int> category;
    if (service == addable.end()) {
      std::vector<std::string_view> names;
      for (const auto& candidate : addable) names.push_back(candidate.name);
      problems.add(where + "service': unknown service '" + addition.service +
                   "' (expected one of " + joined(names) + ")");
    } else if (service->categories.empty()) {
      category = 0;
      if (!addition.category.empty()) {
        problems.add(where + "category': service '" + addition.service +
                     "' has no categories; leave category out, found '" + addition.category + "'");
      }
    } else {
      const auto& labels = service->categories;
      const auto found = std::find(labels.begin(), labels.end(), addition.category);
      if (found != labels.end()) {
        category = static_cast<int>(found - labels.begin());
      } else {
        const std::string expected = joined({labels.begin(), labels.end()});
        if (addition.category.empty()) {
          problems.add(where + "category' is missing: service '" + addition.service +
                       "' needs one of " + expected);
        } else {
          problems.add(where + "category': unknown category '" + addition.category +
                       "' of service '" + addition.service + "' (expected one of " + expected +
                       ")");
        }
      }
    }
    std::optional<int> district;
    if (districts.known) {
      district = districts.find(addition.district);
      if (!district) {
        problems.add(where + "district': unknown district '" + addition.district + "' (not in " +
                     districts.source + ")");
      }
    }
    if (years.base_year != 0 &&
        (addition.from_year < years.base_year || addition.from_year > years.end_year)) {
      problems.add(where + "from_year' must be a year between " + std::to_string(years.base_year) +
                   " and " + std::to_string(years.end_year) +
                   " (scenario.base_year to scenario.end_year), found " +
                   std::to_string(addition.from_year));
    }
    if (problems.size() != before || !district || !category || years.base_year == 0) continue;
    models::CapacityPlan& plan = *service->plan;
    // A plan whose table could not be read has been reported already.
    if (*district >= plan.base.rows() || *category >= plan.base.cols()) continue;
    add_capacity(plan, addition.from_year, years.base_year, *district, *category, addition.add);
  }
}

}  // namespace

std::vector<models::CapacityPlan> read_capacity_table(const CsvTable& table,
                                                      const DistrictLookup& districts,
                                                      std::span<const std::string_view> categories,
                                                      std::size_t capacity_columns, YearRange years,
                                                      ProblemList& problems) {
  const std::size_t district_count = districts.ids.size();
  const int category_count = categories.empty() ? 1 : static_cast<int>(categories.size());
  const std::size_t year_column = categories.empty() ? 1 : 2;
  const bool years_known = years.base_year != 0;
  const int first_year = years_known ? years.base_year : 1900;
  const int last_year = years_known ? years.end_year : 2200;
  const std::string year_rule = years_known ? "a year between " + std::to_string(first_year) +
                                                  " and " + std::to_string(last_year) +
                                                  " (scenario.base_year to scenario.end_year)"
                                            : "an integer year between 1900 and 2200";

  std::vector<models::CapacityPlan> plans(capacity_columns);
  for (auto& plan : plans) {
    plan.base = Eigen::ArrayXXd::Zero(static_cast<Eigen::Index>(district_count), category_count);
  }
  std::map<std::tuple<int, int, int>, int> first_line;  // (district, category, year) → line
  std::vector<std::vector<bool>> has_base(
      district_count, std::vector<bool>(static_cast<std::size_t>(category_count)));
  std::vector<bool> any_row(district_count);
  struct PendingChange {
    int year;
    int district;
    int category;
    std::vector<double> capacity;
  };
  std::vector<PendingChange> changes;

  for (const auto& row : table.rows()) {
    const auto district = read_district(table, row, districts, problems);
    const auto category = categories.empty() ? std::optional<int>(0)
                                             : choice_index(table, row, 1, categories, problems);
    const auto year = table.integer(row, year_column, first_year, last_year, year_rule, problems);
    std::vector<double> capacity(capacity_columns);
    for (std::size_t k = 0; k < capacity_columns; ++k) {
      capacity[k] =
          table.number(row, year_column + 1 + k, 0, HUGE_VAL, kCapacityRule, problems).value_or(0);
    }
    if (!district || !category || !year) continue;
    any_row[at(*district)] = true;
    const auto [it, inserted] = first_line.try_emplace({*district, *category, *year}, row.line);
    if (!inserted) {
      std::string what = "district " + row.cells[0];
      if (!categories.empty()) what += ' ' + row.cells[1];
      report_duplicate_row(table, row, what + " from " + std::to_string(*year), it->second,
                           problems);
      continue;
    }
    if (*year == first_year) {
      has_base[at(*district)][at(*category)] = true;
      for (std::size_t k = 0; k < capacity_columns; ++k) {
        plans[k].base(*district, *category) = capacity[k];
      }
    } else {
      changes.push_back({*year, *district, *category, std::move(capacity)});
    }
  }

  std::stable_sort(changes.begin(), changes.end(),
                   [](const PendingChange& a, const PendingChange& b) { return a.year < b.year; });
  for (const auto& change : changes) {
    for (std::size_t k = 0; k < capacity_columns; ++k) {
      plans[k].changes.push_back(
          {change.year, change.district, change.category, change.capacity[k]});
    }
  }

  if (districts.known && years_known) {
    for (std::size_t d = 0; d < district_count; ++d) {
      if (!any_row[d]) {
        missing(table, "district " + districts.ids[d] + " is missing", problems);
        continue;
      }
      std::vector<std::string_view> without_base;
      for (std::size_t c = 0; c < has_base[d].size(); ++c) {
        if (!has_base[d][c]) without_base.push_back(categories.empty() ? "" : categories[c]);
      }
      if (without_base.empty()) continue;
      std::string message = "district " + districts.ids[d] + ": no row from the base year " +
                            std::to_string(first_year);
      if (!categories.empty()) message += " for " + joined(without_base);
      missing(table, message, problems);
    }
  }
  return plans;
}

Eigen::Array<double, models::kChildcareGroups, 1> read_childcare_uptake(const CsvTable& table,
                                                                        ProblemList& problems) {
  Eigen::Array<double, models::kChildcareGroups, 1> uptake =
      Eigen::Array<double, models::kChildcareGroups, 1>::Zero();
  std::vector<int> first_line(std::size(kChildcareGroupLabels), 0);
  for (const auto& row : table.rows()) {
    const auto group = choice_index(table, row, 0, kChildcareGroupLabels, problems);
    const auto value = table.number(row, 1, 0, 1, kRateRule, problems);
    if (!group) continue;
    int& first = first_line[at(*group)];
    if (first != 0) {
      report_duplicate_row(table, row, row.cells[0], first, problems);
      continue;
    }
    first = row.line;
    if (value) uptake(*group) = *value;
  }
  for (std::size_t g = 0; g < first_line.size(); ++g) {
    if (first_line[g] == 0) {
      missing(table, "missing row for " + std::string(kChildcareGroupLabels[g]), problems);
    }
  }
  return uptake;
}

std::array<models::CertificationRates, 2> read_care_certification(const CsvTable& table,
                                                                  ProblemList& problems) {
  std::array<models::CertificationRates, 2> rates{models::CertificationRates::Zero(),
                                                  models::CertificationRates::Zero()};
  std::map<std::tuple<int, int, int>, int> first_line;
  const std::size_t before = problems.size();
  for (const auto& row : table.rows()) {
    const auto sex = choice_index(table, row, 0, kSexNames, problems);
    const auto band = choice_index(table, row, 1, kCareAgeBandLabels, problems);
    const auto level = choice_index(table, row, 2, kCareLevelLabels, problems);
    const auto value = table.number(row, 3, 0, 1, kRateRule, problems);
    if (!sex || !band || !level) continue;
    const auto [it, inserted] = first_line.try_emplace({*sex, *band, *level}, row.line);
    if (!inserted) {
      report_duplicate_row(table, row, row.cells[0] + ' ' + row.cells[1] + ' ' + row.cells[2],
                           it->second, problems);
      continue;
    }
    if (value) rates[static_cast<std::size_t>(*sex)](*band, *level) = *value;
  }
  for (int sex = 0; sex < 2; ++sex) {
    for (int band = 0; band < models::kCareAgeBands; ++band) {
      for (int level = 0; level < models::kCareLevels; ++level) {
        if (!first_line.contains({sex, band, level})) {
          missing(table,
                  "missing row for " + std::string(kSexNames[sex]) + ' ' +
                      std::string(kCareAgeBandLabels[band]) + ' ' +
                      std::string(kCareLevelLabels[level]),
                  problems);
        }
      }
    }
  }
  if (problems.size() == before) {
    for (int sex = 0; sex < 2; ++sex) {
      for (int band = 0; band < models::kCareAgeBands; ++band) {
        const double sum = rates[static_cast<std::size_t>(sex)].row(band).sum();
        if (sum > 1 + kSumTolerance) {
          problems.add(table.file() + ": " + std::string(kSexNames[sex]) + ' ' +
                       std::string(kCareAgeBandLabels[band]) + ": rates sum to " +
                       number_text(sum) + ", expected at most 1");
        }
      }
    }
  }
  return rates;
}

HeadshipRates read_headship(const CsvTable& table, ProblemList& problems) {
  HeadshipRates rates;
  for (auto& sex : rates.headship) sex.setZero();
  for (auto& sex : rates.single_person) sex.setZero();
  std::map<std::pair<int, int>, int> first_line;
  for (const auto& row : table.rows()) {
    const auto sex = choice_index(table, row, 0, kSexNames, problems);
    const auto band = choice_index(table, row, 1, kHeadshipBandLabels, problems);
    const auto headship = table.number(row, 2, 0, 1, kRateRule, problems);
    auto single = table.number(row, 3, 0, 1, kRateRule, problems);
    if (headship && single && *single > *headship) {
      table.add_problem(row, 3,
                        "expected a rate between 0 and headship_rate (" + row.cells[2] +
                            "), found '" + row.cells[3] + "'",
                        problems);
    }
    if (!sex || !band) continue;
    const auto [it, inserted] = first_line.try_emplace({*sex, *band}, row.line);
    if (!inserted) {
      report_duplicate_row(table, row, row.cells[0] + ' ' + row.cells[1], it->second, problems);
      continue;
    }
    const auto s = static_cast<std::size_t>(*sex);
    if (headship) rates.headship[s](*band) = *headship;
    if (single) rates.single_person[s](*band) = *single;
  }
  for (int sex = 0; sex < 2; ++sex) {
    for (int band = 0; band < models::kHeadshipBands; ++band) {
      if (!first_line.contains({sex, band})) {
        missing(table,
                "missing row for " + std::string(kSexNames[sex]) + ' ' +
                    std::string(kHeadshipBandLabels[band]),
                problems);
      }
    }
  }
  return rates;
}

std::optional<models::ServiceParameters> read_service_parameters(const ScenarioSettings& settings,
                                                                 const DistrictLookup& districts,
                                                                 InputReader& reader,
                                                                 ProblemList& problems) {
  if (!settings.services) return std::nullopt;
  const ServiceSettings& services = *settings.services;
  const auto parse = [&](std::string_view key,
                         std::span<const std::string_view> columns) -> std::optional<CsvTable> {
    const auto location = services.tables.find(key);
    if (location == services.tables.end()) return std::nullopt;  // already reported
    const TableLocation& where = location->second;
    const auto bytes = reader.read(where.file, where.display, where.named_as, problems);
    if (!bytes) return std::nullopt;
    return CsvTable::parse(*bytes, where.display, columns, problems);
  };
  const YearRange years = settings.base_year != 0 && settings.end_year > settings.base_year
                              ? YearRange{settings.base_year, settings.end_year}
                              : YearRange{};
  const auto capacity = [&](const CsvTable& table, std::span<const std::string_view> categories,
                            std::size_t columns) {
    return read_capacity_table(table, districts, categories, columns, years, problems);
  };

  models::ServiceParameters parameters;
  models::ChildcareParameters& childcare = parameters.childcare;
  if (const auto table = parse("childcare_uptake", kChildcareUptakeColumns)) {
    childcare.uptake = read_childcare_uptake(*table, problems);
  }
  childcare.uptake_multiplier = year_series(services.childcare_uptake_multiplier, years);
  if (const auto table = parse("childcare_places", kChildcarePlacesColumns)) {
    childcare.places = capacity(*table, kChildcareGroupLabels, 1).front();
  }

  models::SchoolParameters& school = parameters.school;
  school.public_share = services.public_share;
  school.class_size_limit = services.class_size_limit;
  if (const auto table = parse("school_classrooms", kSchoolClassroomsColumns)) {
    school.classrooms = capacity(*table, kSchoolLevelLabels, 1).front();
  }

  models::ElderlyCareParameters& care = parameters.elderly_care;
  if (const auto table = parse("care_certification", kCareCertificationColumns)) {
    care.certification = read_care_certification(*table, problems);
  }
  care.certification_multiplier = year_series(services.certification_multiplier, years);
  care.residential_rate = services.residential_rate;
  care.home_care_rate = services.home_care_rate;
  care.day_care_rate = services.day_care_rate;
  care.residents_per_care_worker = services.residents_per_care_worker;
  care.community_users_per_care_worker = services.community_users_per_care_worker;
  if (const auto table = parse("care_places", kCarePlacesColumns)) {
    care.residential_places = capacity(*table, {}, 1).front();
  }

  models::InfrastructureParameters& infrastructure = parameters.infrastructure;
  if (const auto table = parse("headship", kHeadshipColumns)) {
    HeadshipRates rates = read_headship(*table, problems);
    infrastructure.headship_rate = rates.headship;
    infrastructure.single_person_rate = rates.single_person;
  }
  infrastructure.housing_units_per_household = services.housing_units_per_household;
  infrastructure.water_litres_per_person_day = services.water_litres_per_person_day;
  infrastructure.waste_kg_per_person_day = services.waste_kg_per_person_day;
  infrastructure.evacuation_help_rate_75_plus = services.evacuation_help_rate_75_plus;
  infrastructure.evacuation_help_rate_under_75 = services.evacuation_help_rate_under_75;
  if (const auto table = parse("shelters", kShelterColumns)) {
    std::vector<models::CapacityPlan> plans = capacity(*table, {}, 2);
    infrastructure.welfare_shelter_places = std::move(plans[0]);
    infrastructure.shelter_places = std::move(plans[1]);
  }

  apply_capacity_additions(services, districts, years, parameters, problems);

  for (const auto key : kServiceTableKeys) {
    if (const auto source = services.sources.find(key); source != services.sources.end()) {
      parameters.assumptions.push_back(source->second);
    } else if (const auto table = services.tables.find(key); table != services.tables.end()) {
      parameters.assumptions.push_back("services." + std::string(key) + " (" +
                                       table->second.named_as +
                                       "): no source is stated in the scenario");
    }
  }
  return parameters;
}

}  // namespace wardsim::scenarios
