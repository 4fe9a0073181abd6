#include "capacity_addition_keys.h"

#include <array>
#include <cmath>
#include <cstdint>
#include <string_view>

#include "scenario_keys.h"

namespace wardsim::scenarios {
namespace {

constexpr std::array<std::string_view, 4> kRequiredKeys = {"service", "district", "from_year",
                                                           "add"};
constexpr std::string_view kRowShape = "{service, district, category, from_year, add}";

std::string element_key(std::size_t index, std::string_view key) {
  return "services.capacity_additions[" + std::to_string(index) + "]." + std::string(key);
}

}  // namespace

void check_capacity_additions(const toml::node& node,
                              const std::function<void(std::string)>& problem) {
  const auto* rows = node.as_array();
  if (rows == nullptr) {
    problem("key 'services.capacity_additions' must be an array of tables " +
            std::string(kRowShape) + ", found " + describe_value(node));
    return;
  }
  for (std::size_t i = 0; i < rows->size(); ++i) {
    const auto* row = (*rows)[i].as_table();
    if (row == nullptr) {
      problem("key 'services.capacity_additions[" + std::to_string(i) + "]' must be a table " +
              std::string(kRowShape) + ", found " + describe_value((*rows)[i]));
      continue;
    }
    for (auto&& [name, value] : *row) {
      const std::string_view key = name.str();
      if (key == "service" || key == "district" || key == "category") {
        const auto* text = value.as_string();
        if (text == nullptr || text->get().empty()) {
          problem("key '" + element_key(i, key) + "' must be a non-empty string, found " +
                  describe_value(value));
        }
      } else if (key == "from_year") {
        const auto year = value.value<std::int64_t>();
        if (!value.is_integer() || *year < 1900 || *year > 2200) {
          problem("key '" + element_key(i, key) +
                  "' must be an integer year between 1900 and 2200, found " +
                  describe_value(value));
        }
      } else if (key == "add") {
        const auto count = value.value<double>();
        if (!value.is_number() || !count || !std::isfinite(*count) || *count < 0) {
          problem("key '" + element_key(i, key) + "' must be a number ≥ 0, found " +
                  describe_value(value));
        }
      } else {
        problem("unknown key '" + element_key(i, key) +
                "' (expected service, district, category, from_year, add)");
      }
    }
    for (const auto key : kRequiredKeys) {
      if (!row->contains(key)) problem("missing required key '" + element_key(i, key) + "'");
    }
  }
}

std::vector<CapacityAddition> capacity_additions_of(const toml::node& node) {
  std::vector<CapacityAddition> additions;
  for (const auto& item : *node.as_array()) {
    const auto& row = *item.as_table();
    CapacityAddition addition;
    addition.service = *row.get("service")->value<std::string>();
    addition.district = *row.get("district")->value<std::string>();
    if (const auto* category = row.get("category")) {
      addition.category = *category->value<std::string>();
    }
    addition.from_year = static_cast<int>(*row.get("from_year")->value<std::int64_t>());
    addition.add = *row.get("add")->value<double>();
    additions.push_back(std::move(addition));
  }
  return additions;
}

}  // namespace wardsim::scenarios
