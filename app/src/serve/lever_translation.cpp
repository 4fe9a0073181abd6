#include "lever_translation.h"

#include <toml++/toml.h>

#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string_view>

namespace wardsim::app::serve {
namespace {

using nlohmann::json;

// Lever name → dotted scenario key (docs/scenario_format.md, "Levers"). Housing, shock and
// capacity have a structure of their own and are translated below.
struct LeverKey {
  std::string_view lever;
  std::string_view key;
};
constexpr LeverKey kPlainLevers[] = {
    {"tfr", "fertility.tfr"},
    {"mortality_improvement", "mortality.improvement"},
    {"in_migrants", "migration.in_migrants"},
    {"in_migration_multiplier", "migration.in_migration_multiplier"},
    {"in_migration_age_shift", "migration.in_migration_age_shift"},
    {"out_migration_multiplier", "migration.out_migration_multiplier"},
    {"out_migration_multiplier_65_plus", "migration.out_migration_multiplier_65_plus"},
    {"out_migration_age_shift", "migration.out_migration_age_shift"},
    {"move_multiplier", "migration.move_multiplier"},
    {"childcare_uptake_multiplier", "services.childcare.uptake_multiplier"},
    {"care_certification_multiplier", "services.elderly_care.certification_multiplier"},
};
constexpr std::string_view kShock = "shock";
constexpr std::string_view kShocks = "shocks";
constexpr std::string_view kHousing = "housing";
constexpr std::string_view kCapacity = "capacity";

bool to_toml(const json& value, const std::string& where, std::vector<std::string>& problems,
             toml::array& into);

// A JSON value as the TOML value a scenario file would hold, stored as `key` of `into`. Integers
// that do not fit TOML's 64-bit integers become floats (the loader then reports them as out of
// range); null has no TOML form and is reported.
bool to_toml(const json& value, const std::string& where, std::vector<std::string>& problems,
             toml::table& into, std::string_view key) {
  switch (value.type()) {
    case json::value_t::null:
      problems.push_back("levers: '" + where + "' is null; leave it out to keep the base value");
      return false;
    case json::value_t::boolean:
      into.insert_or_assign(key, value.get<bool>());
      return true;
    case json::value_t::number_integer:
      into.insert_or_assign(key, value.get<std::int64_t>());
      return true;
    case json::value_t::number_unsigned: {
      const auto number = value.get<std::uint64_t>();
      if (number <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
        into.insert_or_assign(key, static_cast<std::int64_t>(number));
      } else {
        into.insert_or_assign(key, static_cast<double>(number));
      }
      return true;
    }
    case json::value_t::number_float:
      into.insert_or_assign(key, value.get<double>());
      return true;
    case json::value_t::string:
      into.insert_or_assign(key, value.get<std::string>());
      return true;
    case json::value_t::object: {
      toml::table table;
      bool ok = true;
      for (const auto& [name, item] : value.items()) {
        ok = to_toml(item, where + "." + name, problems, table, name) && ok;
      }
      into.insert_or_assign(key, std::move(table));
      return ok;
    }
    case json::value_t::array: {
      toml::array array;
      bool ok = true;
      for (std::size_t i = 0; i < value.size(); ++i) {
        ok = to_toml(value[i], where + "[" + std::to_string(i) + "]", problems, array) && ok;
      }
      into.insert_or_assign(key, std::move(array));
      return ok;
    }
    case json::value_t::binary:
    case json::value_t::discarded:
      break;
  }
  problems.push_back("levers: '" + where + "' is not a JSON value a scenario can hold");
  return false;
}

bool to_toml(const json& value, const std::string& where, std::vector<std::string>& problems,
             toml::array& into) {
  toml::table holder;
  if (!to_toml(value, where, problems, holder, "v")) return false;
  into.push_back(std::move(*holder.get("v")));
  return true;
}

// Sets the dotted `key` (creating its sections) to the TOML form of `value`.
void set_key(toml::table& root, std::string_view key, const json& value, const std::string& lever,
             std::vector<std::string>& problems) {
  toml::table* section = &root;
  for (;;) {
    const std::size_t dot = key.find('.');
    if (dot == std::string_view::npos) break;
    const std::string_view part = key.substr(0, dot);
    if (section->get_as<toml::table>(part) == nullptr)
      section->insert_or_assign(part, toml::table{});
    section = section->get_as<toml::table>(part);
    key = key.substr(dot + 1);
  }
  to_toml(value, lever, problems, *section, key);
}

// "shock": one shock of the page → the scenario's [[shocks]] list (which replaces the base's).
void set_shocks(toml::table& root, const json& value, std::string_view lever,
                std::vector<std::string>& problems) {
  const json shocks = lever == kShock ? json::array({value}) : value;
  if (!shocks.is_array()) {
    problems.push_back("levers: 'shocks' must be an array of shocks, found " +
                       std::string(shocks.type_name()));
    return;
  }
  json named = shocks;
  for (std::size_t i = 0; i < named.size(); ++i) {
    if (named[i].is_object() && !named[i].contains("name")) {
      named[i]["name"] =
          named.size() == 1 ? std::string("shock") : "shock_" + std::to_string(i + 1);
    }
  }
  set_key(root, "shocks", named, std::string(lever), problems);
}

// "capacity": rows {service, district, category, from_year, add} → the scenario's inline
// [[services.capacity_additions]] (which replace the base's). The page lists the services of
// /api/meta; "infrastructure" there shows welfare shelter places as its capacity, so that is the
// plan its rows add to.
void set_capacity(toml::table& root, const json& value, std::vector<std::string>& problems) {
  if (!value.is_array()) {
    problems.push_back(
        "levers: 'capacity' must be an array of capacity additions {service, "
        "district, category, from_year, add}, found " +
        std::string(value.type_name()));
    return;
  }
  json rows = value;
  for (auto& row : rows) {
    if (row.is_object() && row.value("service", json()) == "infrastructure") {
      row["service"] = "welfare_shelters";
    }
  }
  set_key(root, "services.capacity_additions", rows, std::string(kCapacity), problems);
}

}  // namespace

const std::vector<std::string>& lever_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> all;
    for (const auto& plain : kPlainLevers) all.emplace_back(plain.lever);
    all.emplace_back(kShock);
    all.emplace_back(kHousing);
    all.emplace_back(kCapacity);
    return all;
  }();
  return names;
}

std::string with_scenario_key(const std::string& toml, const std::string& key, double value) {
  toml::table root = toml::parse(toml);
  std::vector<std::string> none;  // a number always has a TOML form: nothing to report
  set_key(root, key, json(value), key, none);
  std::ostringstream text;
  text << toml::toml_formatter(root) << '\n';
  return text.str();
}

LeverScenario levers_to_scenario(const json& levers, const std::filesystem::path& base,
                                 const std::string& name, const std::string& title) {
  LeverScenario result;
  toml::table root;
  root.insert("extends", std::filesystem::absolute(base).lexically_normal().string());
  toml::table scenario;
  scenario.insert("name", name);
  if (!title.empty()) scenario.insert("title", title);
  root.insert("scenario", std::move(scenario));

  if (!levers.is_null() && !levers.is_object()) {
    result.problems.push_back("levers: expected a JSON object of levers, found " +
                              std::string(levers.type_name()));
  } else if (levers.is_object()) {
    for (const auto& [lever, value] : levers.items()) {
      bool known = false;
      for (const auto& plain : kPlainLevers) {
        if (lever == plain.lever) {
          set_key(root, plain.key, value, lever, result.problems);
          known = true;
        }
      }
      if (known) continue;
      if (lever == kShock || lever == kShocks) {
        set_shocks(root, value, lever, result.problems);
      } else if (lever == kHousing) {
        // [housing] merges key by key with the base's: persons_per_dwelling, share_from_outside
        // and the inline `projects` rows (docs/scenario_format.md, "Housing development").
        set_key(root, "housing", value, lever, result.problems);
      } else if (lever == kCapacity) {
        set_capacity(root, value, result.problems);
      } else {
        std::string known_names;
        for (const auto& known_name : lever_names()) {
          known_names += (known_names.empty() ? "" : ", ") + known_name;
        }
        result.problems.push_back("levers: unknown lever '" + lever + "' (expected one of " +
                                  known_names + ")");
      }
    }
  }

  std::ostringstream text;
  text << "# What-if scenario written by `wardsim serve`: the base scenario named by `extends`\n"
          "# with the levers below. `wardsim run --scenario THIS_FILE` reproduces the page's "
          "numbers.\n"
       << toml::toml_formatter(root) << '\n';
  result.toml = text.str();
  return result;
}

}  // namespace wardsim::app::serve
