#include "scenario_keys.h"

#include <algorithm>
#include <charconv>
#include <limits>
#include <optional>
#include <vector>

#include "capacity_addition_keys.h"
#include "housing_project_keys.h"
#include "number_text.h"
#include "shock_keys.h"
#include "wardsim/engine/dimensions.h"
#include "wardsim/scenarios/scenario_document.h"

namespace wardsim::scenarios {
namespace {

enum class Kind {
  Section,
  Integer,
  Number,
  Text,
  Name,
  TablePath,
  YearPath,
  TextList,
  ShockList,
  HousingProjects,
  CapacityAdditions
};

struct KeySpec {
  std::string_view key;
  Kind kind;
  bool required;
  std::string_view what;      // what the key means, for "missing required key" messages
  std::string_view expected;  // the rule, for "must be ..." messages
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
  bool exclusive = false;  // min < value < max rather than min ≤ value ≤ max
};

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::string_view kYearRule = "an integer year between 1900 and 2200";
constexpr std::string_view kTableRule = "a path to a CSV file (a string)";
constexpr std::string_view kRateRule = "a rate between 0 and 1";
constexpr std::string_view kShareRule = "a share between 0 and 1";
constexpr std::string_view kClassSizeRule = "an integer between 1 and 60";

// Every key of docs/scenario_format.md. Order matters only for messages about missing keys.
const std::vector<KeySpec>& key_specs() {
  static const std::vector<KeySpec> specs = {
      {"extends", Kind::Text, false, "the file to start from", "a path (a string)"},
      {"scenario", Kind::Section, false, "", "a table"},
      {"scenario.name", Kind::Name, true, "the scenario's name",
       "a string of lowercase letters, digits and _"},
      {"scenario.title", Kind::Text, false, "", "a string"},
      {"scenario.description", Kind::Text, false, "", "a string"},
      {"scenario.base_year", Kind::Integer, true, "the year of the base population", kYearRule,
       1900, 2200},
      {"scenario.end_year", Kind::Integer, true, "the year of the last snapshot", kYearRule, 1900,
       2200},
      {"tables", Kind::Section, false, "", "a table"},
      {"tables.districts", Kind::TablePath, true, "the districts table", kTableRule},
      {"tables.base_population", Kind::TablePath, true, "the base population table", kTableRule},
      {"tables.fertility", Kind::TablePath, true, "the fertility table", kTableRule},
      {"tables.mortality", Kind::TablePath, true, "the mortality table", kTableRule},
      {"tables.out_migration", Kind::TablePath, true, "the out-migration table", kTableRule},
      {"tables.in_migration_profile", Kind::TablePath, true, "the in-migration profile table",
       kTableRule},
      {"tables.moves", Kind::TablePath, true, "the moves table", kTableRule},
      {"tables.move_destinations", Kind::TablePath, true, "the move destinations table",
       kTableRule},
      {"tables.district_factors", Kind::TablePath, true, "the district factors table", kTableRule},
      {"fertility", Kind::Section, false, "", "a table"},
      {"fertility.tfr", Kind::YearPath, true, "total fertility rate", "a number between 0.1 and 5",
       0.1, 5},
      {"fertility.sex_ratio_at_birth", Kind::Number, true, "male births per female birth",
       "a number between 0.9 and 1.2", 0.9, 1.2},
      {"mortality", Kind::Section, false, "", "a table"},
      {"mortality.table_year", Kind::Integer, true, "the year the qx table describes", kYearRule,
       1900, 2200},
      {"mortality.improvement", Kind::Section, false, "", "a table { male = ..., female = ... }"},
      {"mortality.improvement.male", Kind::Number, true, "annual proportional decline of male qx",
       "a number between -0.05 and 0.1", -0.05, 0.1},
      {"mortality.improvement.female", Kind::Number, true,
       "annual proportional decline of female qx", "a number between -0.05 and 0.1", -0.05, 0.1},
      {"mortality.infant_a0", Kind::Number, true, "mean age at death of infants",
       "a number between 0 and 1", 0, 1, true},
      {"migration", Kind::Section, false, "", "a table"},
      {"migration.in_migrants", Kind::YearPath, true, "persons moving into the ward per year",
       "a number ≥ 0", 0, kInf},
      {"migration.out_migration_multiplier", Kind::YearPath, true,
       "multiplier of the out_migration table", "a number ≥ 0", 0, kInf},
      {"migration.move_multiplier", Kind::YearPath, true, "multiplier of the moves table",
       "a number ≥ 0", 0, kInf},
      // What-if levers (lever_settings.h): optional, neutral when absent.
      {"migration.in_migration_multiplier", Kind::YearPath, false, "", "a number between 0 and 5",
       0, kMaxLeverMultiplier},
      {"migration.in_migration_age_shift", Kind::YearPath, false, "",
       "a number of years between -15 and 15", -kMaxAgeShift, kMaxAgeShift},
      {"migration.out_migration_age_shift", Kind::YearPath, false, "",
       "a number of years between -15 and 15", -kMaxAgeShift, kMaxAgeShift},
      {"migration.out_migration_multiplier_65_plus", Kind::YearPath, false, "",
       "a number between 0 and 5", 0, kMaxLeverMultiplier},
      {"shocks", Kind::ShockList, false, "", "an array of tables"},
      // [housing] is optional; once present, its keys are required.
      {"housing", Kind::Section, false, "", "a table"},
      {"housing.developments", Kind::TablePath, true, "the housing developments table", kTableRule},
      {"housing.persons_per_dwelling", Kind::Number, true, "persons per new dwelling",
       "a number of persons between 0.5 and 6", 0.5, 6},
      {"housing.share_from_outside", Kind::Number, true,
       "share of new-dwelling occupants who move in from outside the ward", kShareRule, 0, 1},
      // Inline projects; with them the developments table is optional.
      {"housing.projects", Kind::HousingProjects, false, "", "an array of tables"},
      // A scalar on every new dwelling, so that "new housing" can be solved for.
      {"housing.developments_multiplier", Kind::Number, false, "", "a number between 0 and 20", 0,
       20},
      {"provenance", Kind::Section, false, "", "a table"},
      {"provenance.estimates", Kind::TextList, false, "", "a list of strings"},
      {"provenance.lever_assumptions", Kind::TextList, false, "", "a list of strings"},
      // [services] is optional; once present, every key below without `false` is required.
      {"services", Kind::Section, false, "", "a table"},
      {"services.childcare_uptake", Kind::TablePath, true, "the childcare uptake table",
       kTableRule},
      {"services.childcare_places", Kind::TablePath, true, "the childcare places table",
       kTableRule},
      {"services.school_classrooms", Kind::TablePath, true, "the school classrooms table",
       kTableRule},
      {"services.care_certification", Kind::TablePath, true, "the care certification table",
       kTableRule},
      {"services.care_places", Kind::TablePath, true, "the residential care places table",
       kTableRule},
      {"services.headship", Kind::TablePath, true, "the headship rates table", kTableRule},
      {"services.shelters", Kind::TablePath, true, "the shelter places table", kTableRule},
      // Inline capacity plans on top of the capacity tables.
      {"services.capacity_additions", Kind::CapacityAdditions, false, "", "an array of tables"},
      {"services.sources", Kind::Section, false, "", "a table"},
      {"services.sources.childcare_uptake", Kind::Text, false, "", "a string"},
      {"services.sources.childcare_places", Kind::Text, false, "", "a string"},
      {"services.sources.school_classrooms", Kind::Text, false, "", "a string"},
      {"services.sources.care_certification", Kind::Text, false, "", "a string"},
      {"services.sources.care_places", Kind::Text, false, "", "a string"},
      {"services.sources.headship", Kind::Text, false, "", "a string"},
      {"services.sources.shelters", Kind::Text, false, "", "a string"},
      {"services.childcare", Kind::Section, false, "", "a table"},
      {"services.childcare.uptake_multiplier", Kind::YearPath, true,
       "multiplier of every childcare uptake rate", "a number ≥ 0", 0, kInf},
      {"services.school", Kind::Section, false, "", "a table"},
      {"services.school.public_share", Kind::Section, false, "",
       "a table { elementary = ..., junior_high = ... }"},
      {"services.school.public_share.elementary", Kind::Number, true,
       "share of elementary pupils in ward-run schools", kShareRule, 0, 1},
      {"services.school.public_share.junior_high", Kind::Number, true,
       "share of junior-high pupils in ward-run schools", kShareRule, 0, 1},
      {"services.school.class_size_limit", Kind::Section, false, "",
       "a table { elementary = ..., junior_high = ... }"},
      {"services.school.class_size_limit.elementary", Kind::Integer, true,
       "largest elementary class allowed", kClassSizeRule, 1, 60},
      {"services.school.class_size_limit.junior_high", Kind::Integer, true,
       "largest junior-high class allowed", kClassSizeRule, 1, 60},
      {"services.elderly_care", Kind::Section, false, "", "a table"},
      {"services.elderly_care.certification_multiplier", Kind::YearPath, true,
       "multiplier of every care certification rate", "a number ≥ 0", 0, kInf},
      {"services.elderly_care.residential_rate", Kind::Number, true,
       "share of people at care level 3+ needing a residential place", kRateRule, 0, 1},
      {"services.elderly_care.home_care_rate", Kind::Number, true,
       "share of other certified people using home-visit care", kRateRule, 0, 1},
      {"services.elderly_care.day_care_rate", Kind::Number, true,
       "share of other certified people using day care", kRateRule, 0, 1},
      {"services.elderly_care.residents_per_care_worker", Kind::Number, true,
       "residents per care worker in residential care", "a number > 0", 0, kInf, true},
      {"services.elderly_care.community_users_per_care_worker", Kind::Number, true,
       "home and day care users per care worker", "a number > 0", 0, kInf, true},
      {"services.infrastructure", Kind::Section, false, "", "a table"},
      {"services.infrastructure.housing_units_per_household", Kind::Number, true,
       "dwellings needed per household", "a number between 1 and 2", 1, 2},
      {"services.infrastructure.water_litres_per_person_day", Kind::Number, true,
       "daily water use per person (litres)", "a number ≥ 0", 0, kInf},
      {"services.infrastructure.waste_kg_per_person_day", Kind::Number, true,
       "daily waste per person (kg)", "a number ≥ 0", 0, kInf},
      {"services.infrastructure.evacuation_help_rate_75_plus", Kind::Number, true,
       "share of people 75+ needing help to evacuate", kRateRule, 0, 1},
      {"services.infrastructure.evacuation_help_rate_under_75", Kind::Number, true,
       "share of people under 75 needing help to evacuate", kRateRule, 0, 1},
      // [agent] is optional; once present, every key below without `false` is required.
      {"agent", Kind::Section, false, "", "a table"},
      {"agent.household_types", Kind::TablePath, true, "the household types table", kTableRule},
      {"agent.replicates", Kind::Integer, true, "the number of replicates of an agent run",
       "an integer between 1 and 1000000", 1, 1000000},
      {"agent.seed", Kind::Integer, true, "the random seed of an agent run", "an integer ≥ 0", 0,
       kInf},
      {"agent.leaving_home_rate", Kind::Number, true,
       "annual probability of leaving the parental home (ages 18-34)", kRateRule, 0, 1},
      {"agent.union_rate", Kind::Number, true,
       "annual probability that a person aged 25-49 living alone seeks a partner", kRateRule, 0, 1},
      {"agent.in_migrant_couple_share", Kind::Number, true,
       "share of adult in-migrants arriving as a couple", kShareRule, 0, 1},
      {"agent.mode", Kind::Text, false, "", "\"cohort\" or \"agent\""},
  };
  return specs;
}

const KeySpec* find_spec(std::string_view key) {
  for (const auto& spec : key_specs()) {
    if (spec.key == key) return &spec;
  }
  return nullptr;
}

std::string suggestion_for(std::string_view key) {
  const KeySpec* best = nullptr;
  std::size_t best_distance = std::numeric_limits<std::size_t>::max();
  for (const auto& spec : key_specs()) {
    const std::size_t distance = edit_distance(key, spec.key);
    if (distance < best_distance) {
      best = &spec;
      best_distance = distance;
    }
  }
  const std::size_t tolerated = std::max<std::size_t>(2, key.size() / 5);
  if (best == nullptr || best_distance > tolerated) return {};
  return " (did you mean '" + std::string(best->key) + "'?)";
}

bool is_name(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

std::optional<int> parse_year_key(std::string_view text) {
  int year = 0;
  const auto [stop, error] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (text.empty() || error != std::errc() || stop != text.data() + text.size() || year < 1900 ||
      year > 2200) {
    return std::nullopt;
  }
  return year;
}

class Checker {
 public:
  Checker(const KeyOrigins& origins, ProblemList& problems)
      : origins_(origins), problems_(problems) {}

  void walk(const toml::table& table, const std::string& prefix) {
    for (auto&& [name, node] : table) {
      const std::string key =
          prefix.empty() ? std::string(name.str()) : prefix + '.' + std::string(name.str());
      const KeySpec* spec = find_spec(key);
      if (spec == nullptr) {
        problem(key, "unknown key '" + key + "'" + suggestion_for(key));
      } else if (spec->kind == Kind::Section) {
        if (const auto* section = node.as_table()) {
          walk(*section, key);
        } else {
          must_be(*spec, key, node);
        }
      } else {
        check_value(*spec, key, node);
      }
    }
  }

  void report_missing(const toml::table& merged) {
    // The keys of [services], [housing] and [agent] are required only in a scenario that has the
    // section.
    const bool has_services = merged.get_as<toml::table>("services") != nullptr;
    const bool has_housing = merged.get_as<toml::table>("housing") != nullptr;
    const bool has_agent = merged.get_as<toml::table>("agent") != nullptr;
    for (const auto& spec : key_specs()) {
      if (!has_services && spec.key.starts_with("services.")) continue;
      if (!has_housing && spec.key.starts_with("housing.")) continue;
      if (!has_agent && spec.key.starts_with("agent.")) continue;
      if (spec.key == "housing.developments" && merged.at_path("housing.projects")) continue;
      if (spec.required && !merged.at_path(spec.key)) {
        problems_.add(origins_.of("").display + ": missing required key '" + std::string(spec.key) +
                      "' (" + std::string(spec.what) + ", " + std::string(spec.expected) + ")");
      }
    }
  }

  bool valid(std::string_view key) const {
    return std::find(invalid_.begin(), invalid_.end(), key) == invalid_.end();
  }

  void problem(std::string_view key, const std::string& message) {
    problems_.add(origins_.of(key).display + ": " + message);
    invalid_.emplace_back(key);
  }

 private:
  void must_be(const KeySpec& spec, const std::string& key, const toml::node& node,
               std::string_view alternative = {}) {
    problem(key, "key '" + key + "' must be " + std::string(spec.expected) +
                     std::string(alternative) + ", found " + describe_value(node));
  }

  // A number in the spec's range; `key` may name one year of a year path.
  void check_number(const KeySpec& spec, const std::string& key, const toml::node& node,
                    std::string_view alternative = {}) {
    const std::optional<double> value = node.value<double>();
    if (!node.is_number() || !value) return must_be(spec, key, node, alternative);
    const bool in_range = spec.exclusive ? (*value > spec.min && *value < spec.max)
                                         : (*value >= spec.min && *value <= spec.max);
    if (!in_range) must_be(spec, key, node);
  }

  void check_value(const KeySpec& spec, const std::string& key, const toml::node& node) {
    switch (spec.kind) {
      case Kind::Section:
        break;
      case Kind::Integer:
        if (!node.is_integer()) return must_be(spec, key, node);
        check_number(spec, key, node);
        break;
      case Kind::Number:
        check_number(spec, key, node);
        break;
      case Kind::Text:
        if (!node.is_string()) must_be(spec, key, node);
        break;
      case Kind::Name:
      case Kind::TablePath: {
        const auto* text = node.as_string();
        if (text == nullptr ||
            (spec.kind == Kind::Name ? !is_name(text->get()) : text->get().empty())) {
          must_be(spec, key, node);
        }
        break;
      }
      case Kind::YearPath:
        check_year_path(spec, key, node);
        break;
      case Kind::ShockList:
        check_shocks(node, [&](std::string message) { problem(key, message); });
        break;
      case Kind::HousingProjects:
        check_housing_projects(node, [&](std::string message) { problem(key, message); });
        break;
      case Kind::CapacityAdditions:
        check_capacity_additions(node, [&](std::string message) { problem(key, message); });
        break;
      case Kind::TextList: {
        const auto* list = node.as_array();
        if (list == nullptr || !list->is_homogeneous(toml::node_type::string)) {
          if (list == nullptr || !list->empty()) must_be(spec, key, node);
        }
        break;
      }
    }
  }

  void check_year_path(const KeySpec& spec, const std::string& key, const toml::node& node) {
    static constexpr std::string_view kOrTable = ", or a table of year = value";
    const auto* points = node.as_table();
    if (points == nullptr) return check_number(spec, key, node, kOrTable);
    if (points->empty()) {
      return problem(key, "key '" + key + "' must be " + std::string(spec.expected) +
                              std::string(kOrTable) + ", found an empty table");
    }
    for (auto&& [year, value] : *points) {
      if (!parse_year_key(year.str())) {
        problem(key, "key '" + key + "' has '" + std::string(year.str()) +
                         "' where a year between 1900 and 2200 was expected");
      } else {
        const std::size_t before = invalid_.size();
        check_number(spec, key + '.' + std::string(year.str()), value);
        if (invalid_.size() != before) invalid_.push_back(key);
      }
    }
  }

  const KeyOrigins& origins_;
  ProblemList& problems_;
  std::vector<std::string> invalid_;
};

YearPath year_path_of(const toml::node& node) {
  if (const auto* points = node.as_table()) {
    std::map<int, double> values;
    for (auto&& [year, value] : *points) {
      values[*parse_year_key(year.str())] = *value.value<double>();
    }
    return YearPath(std::move(values));
  }
  return YearPath(*node.value<double>());
}

}  // namespace

void KeyOrigins::set(const std::string& key, const KeyOrigin& origin) {
  // A key set as a whole replaces whatever set its parts before.
  const std::string below = key + '.';
  for (auto it = by_key_.lower_bound(below); it != by_key_.end() && it->first.starts_with(below);) {
    it = by_key_.erase(it);
  }
  by_key_.insert_or_assign(key, origin);
}

const KeyOrigin& KeyOrigins::of(std::string_view key) const {
  for (;;) {
    if (const auto it = by_key_.find(key); it != by_key_.end()) return it->second;
    const std::size_t dot = key.rfind('.');
    if (dot == std::string_view::npos) return fallback_;
    key = key.substr(0, dot);
  }
}

bool is_value_key(std::string_view key) {
  const KeySpec* spec = find_spec(key);
  return spec != nullptr && spec->kind != Kind::Section;
}

std::string describe_value(const toml::node& node) {
  if (const auto* text = node.as_string()) return "the string \"" + text->get() + "\"";
  if (const auto* integer = node.as_integer()) return std::to_string(integer->get());
  if (const auto* floating = node.as_floating_point()) return number_text(floating->get());
  if (const auto* boolean = node.as_boolean()) return boolean->get() ? "true" : "false";
  if (node.is_table()) return "a table";
  if (node.is_array()) return "an array";
  return "a date or time";
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> previous(b.size() + 1);
  std::vector<std::size_t> current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

void extract_settings(const toml::table& merged, const KeyOrigins& origins, ProblemList& problems,
                      ScenarioSettings& settings) {
  Checker checker(origins, problems);
  checker.walk(merged, "");
  checker.report_missing(merged);

  // Only keys that are present and valid are read below.
  const auto usable = [&](std::string_view key) -> const toml::node* {
    const toml::node_view<const toml::node> view = merged.at_path(key);
    return view && checker.valid(key) ? view.node() : nullptr;
  };
  const auto text_of = [&](std::string_view key, std::string& out) {
    if (const auto* node = usable(key)) out = *node->value<std::string>();
  };
  const auto integer_of = [&](std::string_view key, int& out) {
    if (const auto* node = usable(key)) out = static_cast<int>(*node->value<std::int64_t>());
  };
  const auto number_of = [&](std::string_view key, double& out) {
    if (const auto* node = usable(key)) out = *node->value<double>();
  };
  const auto path_of = [&](std::string_view key, YearPath& out) {
    if (const auto* node = usable(key)) out = year_path_of(*node);
  };

  text_of("scenario.name", settings.name);
  text_of("scenario.title", settings.title);
  text_of("scenario.description", settings.description);
  integer_of("scenario.base_year", settings.base_year);
  integer_of("scenario.end_year", settings.end_year);
  if (usable("scenario.base_year") && usable("scenario.end_year") &&
      settings.end_year <= settings.base_year) {
    checker.problem("scenario.end_year",
                    "key 'scenario.end_year' must be greater than scenario.base_year (" +
                        std::to_string(settings.base_year) + "), found " +
                        std::to_string(settings.end_year));
  }

  // A table path resolves against the file (or --set) that named it.
  const auto table_of = [&](const std::string& key, std::string_view table_key,
                            std::map<std::string, TableLocation, std::less<>>& out) {
    if (const auto* node = usable(key)) {
      const std::string named_as = *node->value<std::string>();
      const KeyOrigin& origin = origins.of(key);
      out.emplace(std::string(table_key),
                  TableLocation{origin.directory / named_as,
                                (origin.display_directory / named_as).lexically_normal().string(),
                                named_as});
    }
  };
  for (const auto table_key : kTableKeys) {
    table_of("tables." + std::string(table_key), table_key, settings.tables);
  }

  path_of("fertility.tfr", settings.tfr);
  number_of("fertility.sex_ratio_at_birth", settings.sex_ratio_at_birth);
  integer_of("mortality.table_year", settings.mortality_table_year);
  number_of("mortality.improvement.male", settings.mortality_improvement[engine::kMale]);
  number_of("mortality.improvement.female", settings.mortality_improvement[engine::kFemale]);
  number_of("mortality.infant_a0", settings.infant_a0);
  path_of("migration.in_migrants", settings.in_migrants);
  path_of("migration.out_migration_multiplier", settings.out_migration_multiplier);
  path_of("migration.move_multiplier", settings.move_multiplier);
  path_of("migration.in_migration_multiplier", settings.levers.in_migration_multiplier);
  path_of("migration.in_migration_age_shift", settings.levers.in_migration_age_shift);
  path_of("migration.out_migration_age_shift", settings.levers.out_migration_age_shift);
  path_of("migration.out_migration_multiplier_65_plus",
          settings.levers.out_migration_multiplier_older);
  if (const auto* node = usable("shocks")) {
    settings.levers.shocks = shocks_of(*node);
    if (usable("scenario.base_year") && usable("scenario.end_year")) {
      check_shock_years(settings.levers.shocks, settings.base_year, settings.end_year,
                        [&](std::string message) { checker.problem("shocks", message); });
    }
  }
  if (merged.get_as<toml::table>("housing") != nullptr) {
    table_of("housing.developments", kHousingTableKey, settings.tables);
    HousingRule& housing = settings.levers.housing.emplace();
    number_of("housing.persons_per_dwelling", housing.persons_per_dwelling);
    number_of("housing.share_from_outside", housing.share_from_outside);
    if (const auto* node = usable("housing.projects")) {
      housing.projects = housing_projects_of(*node);
      housing.projects_origin = origins.of("housing.projects").display;
      if (usable("scenario.base_year") && usable("scenario.end_year")) {
        check_housing_project_years(
            housing.projects, settings.base_year, settings.end_year,
            [&](std::string message) { checker.problem("housing.projects", message); });
      }
    }
    number_of("housing.developments_multiplier", housing.developments_multiplier);
  }
  if (const auto* node = usable("provenance.estimates")) {
    for (const auto& item : *node->as_array())
      settings.estimates.push_back(*item.value<std::string>());
  }
  // A what-if states its own assumptions without repeating the estimates it inherits.
  if (const auto* node = usable("provenance.lever_assumptions")) {
    for (const auto& item : *node->as_array())
      settings.estimates.push_back(*item.value<std::string>());
  }

  if (merged.get_as<toml::table>("agent") != nullptr) {
    AgentSettings& agent = settings.agent.emplace();
    table_of("agent.household_types", "household_types", agent.tables);
    integer_of("agent.replicates", agent.replicates);
    if (const auto* node = usable("agent.seed")) {
      agent.seed = static_cast<std::uint64_t>(*node->value<std::int64_t>());
    }
    number_of("agent.leaving_home_rate", agent.leaving_home_rate);
    number_of("agent.union_rate", agent.union_rate);
    number_of("agent.in_migrant_couple_share", agent.in_migrant_couple_share);
    text_of("agent.mode", agent.mode);
    if (agent.mode != "cohort" && agent.mode != "agent") {
      checker.problem("agent.mode", "key 'agent.mode' must be \"cohort\" or \"agent\", found \"" +
                                        agent.mode + "\"");
    }
  }

  if (merged.get_as<toml::table>("services") == nullptr) return;
  ServiceSettings& services = settings.services.emplace();
  for (const auto table_key : kServiceTableKeys) {
    table_of("services." + std::string(table_key), table_key, services.tables);
    std::string source;
    text_of("services.sources." + std::string(table_key), source);
    if (!source.empty()) services.sources.emplace(std::string(table_key), std::move(source));
  }
  path_of("services.childcare.uptake_multiplier", services.childcare_uptake_multiplier);
  if (const auto* node = usable("services.capacity_additions")) {
    services.capacity_additions = capacity_additions_of(*node);
    services.capacity_additions_origin = origins.of("services.capacity_additions").display;
  }
  number_of("services.school.public_share.elementary", services.public_share[0]);
  number_of("services.school.public_share.junior_high", services.public_share[1]);
  integer_of("services.school.class_size_limit.elementary", services.class_size_limit[0]);
  integer_of("services.school.class_size_limit.junior_high", services.class_size_limit[1]);
  path_of("services.elderly_care.certification_multiplier", services.certification_multiplier);
  number_of("services.elderly_care.residential_rate", services.residential_rate);
  number_of("services.elderly_care.home_care_rate", services.home_care_rate);
  number_of("services.elderly_care.day_care_rate", services.day_care_rate);
  number_of("services.elderly_care.residents_per_care_worker", services.residents_per_care_worker);
  number_of("services.elderly_care.community_users_per_care_worker",
            services.community_users_per_care_worker);
  number_of("services.infrastructure.housing_units_per_household",
            services.housing_units_per_household);
  number_of("services.infrastructure.water_litres_per_person_day",
            services.water_litres_per_person_day);
  number_of("services.infrastructure.waste_kg_per_person_day", services.waste_kg_per_person_day);
  number_of("services.infrastructure.evacuation_help_rate_75_plus",
            services.evacuation_help_rate_75_plus);
  number_of("services.infrastructure.evacuation_help_rate_under_75",
            services.evacuation_help_rate_under_75);
}

}  // namespace wardsim::scenarios
