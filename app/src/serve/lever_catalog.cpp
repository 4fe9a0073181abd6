#include "lever_catalog.h"

#include <toml++/toml.h>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <string_view>

namespace wardsim::app::serve {
namespace {

using nlohmann::json;

struct LeverInfo {
  std::string_view key;
  std::string_view scenario_key;  // where the base's value is read; empty: none
  std::string_view label_en;
  std::string_view label_ja;
  std::string_view unit;
  double min;
  double max;  // for keys that are only "≥ 0", the largest value the page offers
  double step;
  std::string_view kind;
  double neutral;  // the value when the base does not set it
};

constexpr double kNoValue = std::numeric_limits<double>::quiet_NaN();

constexpr LeverInfo kLevers[] = {
    {"tfr", "fertility.tfr", "Total fertility rate", "合計特殊出生率", "children per woman", 0.1, 5,
     0.01, "year_path", kNoValue},
    {"mortality_improvement", "mortality.improvement", "Mortality improvement", "死亡率改善率",
     "annual decline of death rates", -0.05, 0.1, 0.001, "by_sex", kNoValue},
    {"in_migrants", "migration.in_migrants", "In-migrants", "転入者数", "persons a year", 0, 200000,
     100, "year_path", kNoValue},
    {"in_migration_multiplier", "migration.in_migration_multiplier", "In-migration volume",
     "転入者数の倍率", "× in-migrants", 0, 5, 0.01, "year_path", 1},
    {"in_migration_age_shift", "migration.in_migration_age_shift", "In-migrant age shift",
     "転入者の年齢シフト", "years", -15, 15, 0.5, "year_path", 0},
    {"out_migration_multiplier", "migration.out_migration_multiplier", "Out-migration rates",
     "転出率の倍率", "× out-migration rates", 0, 5, 0.01, "year_path", kNoValue},
    {"out_migration_multiplier_65_plus", "migration.out_migration_multiplier_65_plus",
     "Out-migration at 65+", "65歳以上の転出率の倍率", "× out-migration rates at 65+", 0, 5, 0.01,
     "year_path", 1},
    {"out_migration_age_shift", "migration.out_migration_age_shift", "Out-migrant age shift",
     "転出者の年齢シフト", "years", -15, 15, 0.5, "year_path", 0},
    {"move_multiplier", "migration.move_multiplier", "Moves between districts", "区内移動の倍率",
     "× move rates", 0, 5, 0.01, "year_path", kNoValue},
    {"shock", "", "Shock (e.g. pandemic)", "ショック(感染症など)", "multipliers in given years", 0,
     5, 0.01, "shock", kNoValue},
    {"housing", "housing", "Housing development", "住宅開発", "new dwellings", 0, 5000, 10,
     "housing", kNoValue},
    {"capacity", "services.capacity_additions", "Capacity additions", "定員・施設の追加",
     "places (classrooms for schools) added from a year on", 0, 1000, 10, "capacity", kNoValue},
    {"childcare_uptake_multiplier", "services.childcare.uptake_multiplier",
     "Childcare uptake trend", "保育利用率の倍率", "× uptake rates", 0, 3, 0.01, "year_path", 1},
    {"care_certification_multiplier", "services.elderly_care.certification_multiplier",
     "Care certification trend", "要介護認定率の倍率", "× certification rates", 0, 3, 0.01,
     "year_path", 1},
};

json json_of(const toml::node& node) {
  if (const auto* table = node.as_table()) {
    json object = json::object();
    for (auto&& [name, item] : *table) object[std::string(name.str())] = json_of(item);
    return object;
  }
  if (const auto* array = node.as_array()) {
    json list = json::array();
    for (const auto& item : *array) list.push_back(json_of(item));
    return list;
  }
  if (const auto* integer = node.as_integer()) return integer->get();
  if (const auto* floating = node.as_floating_point()) return floating->get();
  if (const auto* text = node.as_string()) return text->get();
  if (const auto* boolean = node.as_boolean()) return boolean->get();
  return nullptr;
}

}  // namespace

json lever_catalog(const scenarios::Scenario& base) {
  toml::table resolved;
  try {
    resolved = toml::parse(base.resolved_text);
  } catch (const toml::parse_error&) {
    // The loader wrote this text itself; if it ever fails to parse, defaults are only missing.
  }
  json levers = json::array();
  for (const auto& lever : kLevers) {
    json entry = {{"key", lever.key},   {"label_en", lever.label_en}, {"label_ja", lever.label_ja},
                  {"unit", lever.unit}, {"min", lever.min},           {"max", lever.max},
                  {"step", lever.step}, {"kind", lever.kind}};
    json value = nullptr;
    if (!lever.scenario_key.empty()) {
      if (const toml::node_view node = resolved.at_path(lever.scenario_key)) {
        value = json_of(*node.node());
      }
    }
    if (value.is_null() && !std::isnan(lever.neutral)) value = lever.neutral;
    entry["default"] = value;
    levers.push_back(std::move(entry));
  }
  return levers;
}

}  // namespace wardsim::app::serve
