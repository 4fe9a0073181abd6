#include "shock_keys.h"

#include <algorithm>
#include <array>
#include <limits>
#include <string_view>

#include "scenario_keys.h"
#include "wardsim/scenarios/scenario_document.h"

namespace wardsim::scenarios {
namespace {

constexpr std::array<std::string_view, 5> kShockKeys = {"name", "years", "in_migration_multiplier",
                                                        "out_migration_multiplier", "note"};
constexpr std::string_view kMultiplierRule = "a number between 0 and 5";

std::string element_key(std::size_t index, std::string_view key) {
  return "shocks[" + std::to_string(index) + "]." + std::string(key);
}

std::string suggestion(std::string_view key) {
  std::string_view best;
  std::size_t best_distance = std::numeric_limits<std::size_t>::max();
  for (const auto candidate : kShockKeys) {
    const std::size_t distance = edit_distance(key, candidate);
    if (distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  if (best_distance > std::max<std::size_t>(2, key.size() / 5)) return {};
  return std::string(best);
}

bool is_name(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

void check_shock(const toml::table& shock, std::size_t index,
                 const std::function<void(std::string)>& problem) {
  const auto must_be = [&](std::string_view key, std::string_view rule, const toml::node& found) {
    problem("key '" + element_key(index, key) + "' must be " + std::string(rule) + ", found " +
            describe_value(found));
  };
  for (auto&& [name, node] : shock) {
    const std::string_view key = name.str();
    if (key == "name") {
      const auto* text = node.as_string();
      if (text == nullptr || !is_name(text->get())) {
        must_be(key, "a string of lowercase letters, digits and _", node);
      }
    } else if (key == "years") {
      const auto* years = node.as_array();
      const bool valid = years != nullptr && !years->empty() &&
                         std::all_of(years->begin(), years->end(), [](const toml::node& year) {
                           const auto value = year.value<std::int64_t>();
                           return year.is_integer() && *value >= 1900 && *value <= 2200;
                         });
      if (!valid) must_be(key, "a non-empty array of integer years between 1900 and 2200", node);
    } else if (key == "in_migration_multiplier" || key == "out_migration_multiplier") {
      const auto value = node.value<double>();
      if (!node.is_number() || !value || *value < 0.0 || *value > kMaxLeverMultiplier) {
        must_be(key, kMultiplierRule, node);
      }
    } else if (key == "note") {
      if (!node.is_string()) must_be(key, "a string", node);
    } else {
      const std::string meant = suggestion(key);
      problem("unknown key '" + element_key(index, key) + "'" +
              (meant.empty() ? "" : " (did you mean '" + element_key(index, meant) + "'?)"));
    }
  }
  for (const auto required : {std::string_view("name"), std::string_view("years")}) {
    if (!shock.contains(required)) {
      problem("missing required key '" + element_key(index, required) + "' (" +
              (required == "name" ? "the shock's name" : "the years the shock applies to") + ")");
    }
  }
}

}  // namespace

void check_shocks(const toml::node& node, const std::function<void(std::string)>& problem) {
  const auto* shocks = node.as_array();
  if (shocks == nullptr || !std::all_of(shocks->begin(), shocks->end(),
                                        [](const toml::node& item) { return item.is_table(); })) {
    problem(
        "key 'shocks' must be an array of tables ([[shocks]] with name, years and "
        "multipliers), found " +
        describe_value(node));
    return;
  }
  for (std::size_t i = 0; i < shocks->size(); ++i) {
    check_shock(*shocks->get(i)->as_table(), i, problem);
  }
}

std::vector<Shock> shocks_of(const toml::node& node) {
  std::vector<Shock> shocks;
  for (const auto& item : *node.as_array()) {
    const toml::table& table = *item.as_table();
    Shock shock;
    shock.name = table["name"].value_or(std::string());
    for (const auto& year : *table["years"].as_array()) {
      shock.years.push_back(static_cast<int>(*year.value<std::int64_t>()));
    }
    shock.in_migration_multiplier = table["in_migration_multiplier"].value_or(1.0);
    shock.out_migration_multiplier = table["out_migration_multiplier"].value_or(1.0);
    shock.note = table["note"].value_or(std::string());
    shocks.push_back(std::move(shock));
  }
  return shocks;
}

void check_shock_years(const std::vector<Shock>& shocks, int base_year, int end_year,
                       const std::function<void(std::string)>& problem) {
  for (std::size_t i = 0; i < shocks.size(); ++i) {
    for (const int year : shocks[i].years) {
      if (year < base_year || year >= end_year) {
        problem("key '" + element_key(i, "years") + "' must hold step years between " +
                std::to_string(base_year) + " and " + std::to_string(end_year - 1) +
                " (scenario.base_year to scenario.end_year - 1), found " + std::to_string(year));
      }
    }
  }
}

}  // namespace wardsim::scenarios
