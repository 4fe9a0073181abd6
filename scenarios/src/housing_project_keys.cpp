#include "housing_project_keys.h"

#include <array>
#include <cmath>
#include <cstdint>
#include <string_view>

#include "scenario_keys.h"

namespace wardsim::scenarios {
namespace {

constexpr std::array<std::string_view, 4> kProjectKeys = {"district", "from_year", "to_year",
                                                          "dwellings_per_year"};

std::string element_key(std::size_t index, std::string_view key) {
  return "housing.projects[" + std::to_string(index) + "]." + std::string(key);
}

}  // namespace

void check_housing_projects(const toml::node& node,
                            const std::function<void(std::string)>& problem) {
  const auto* rows = node.as_array();
  if (rows == nullptr) {
    problem(
        "key 'housing.projects' must be an array of tables {district, from_year, to_year, "
        "dwellings_per_year}, found " +
        describe_value(node));
    return;
  }
  for (std::size_t i = 0; i < rows->size(); ++i) {
    const auto* row = (*rows)[i].as_table();
    if (row == nullptr) {
      problem("key 'housing.projects[" + std::to_string(i) +
              "]' must be a table {district, from_year, to_year, dwellings_per_year}, found " +
              describe_value((*rows)[i]));
      continue;
    }
    for (auto&& [name, value] : *row) {
      const std::string_view key = name.str();
      if (key == "district") {
        const auto* text = value.as_string();
        if (text == nullptr || text->get().empty()) {
          problem("key '" + element_key(i, key) + "' must be a district id (a string), found " +
                  describe_value(value));
        }
      } else if (key == "from_year" || key == "to_year") {
        const auto year = value.value<std::int64_t>();
        if (!value.is_integer() || *year < 1900 || *year > 2200) {
          problem("key '" + element_key(i, key) +
                  "' must be an integer year between 1900 and 2200, found " +
                  describe_value(value));
        }
      } else if (key == "dwellings_per_year") {
        const auto count = value.value<double>();
        if (!value.is_number() || !count || !std::isfinite(*count) || *count < 0) {
          problem("key '" + element_key(i, key) + "' must be a number of dwellings ≥ 0, found " +
                  describe_value(value));
        }
      } else {
        problem("unknown key '" + element_key(i, key) +
                "' (expected district, from_year, to_year, dwellings_per_year)");
      }
    }
    for (const auto key : kProjectKeys) {
      if (!row->contains(key)) problem("missing required key '" + element_key(i, key) + "'");
    }
    const auto from = row->get("from_year");
    const auto to = row->get("to_year");
    if (from != nullptr && to != nullptr && from->is_integer() && to->is_integer() &&
        *from->value<std::int64_t>() > *to->value<std::int64_t>()) {
      problem("key '" + element_key(i, "to_year") + "' must not be before from_year (" +
              std::to_string(*from->value<std::int64_t>()) + "), found " +
              std::to_string(*to->value<std::int64_t>()));
    }
  }
}

std::vector<HousingProject> housing_projects_of(const toml::node& node) {
  std::vector<HousingProject> projects;
  for (const auto& item : *node.as_array()) {
    const auto& row = *item.as_table();
    projects.push_back({*row.get("district")->value<std::string>(),
                        static_cast<int>(*row.get("from_year")->value<std::int64_t>()),
                        static_cast<int>(*row.get("to_year")->value<std::int64_t>()),
                        *row.get("dwellings_per_year")->value<double>()});
  }
  return projects;
}

void check_housing_project_years(const std::vector<HousingProject>& projects, int base_year,
                                 int end_year, const std::function<void(std::string)>& problem) {
  for (std::size_t i = 0; i < projects.size(); ++i) {
    for (const auto& [key, year] :
         {std::pair<std::string_view, int>{"from_year", projects[i].from_year},
          std::pair<std::string_view, int>{"to_year", projects[i].to_year}}) {
      if (year < base_year || year >= end_year) {
        problem("key '" + element_key(i, key) + "' must be a step year between " +
                std::to_string(base_year) + " and " + std::to_string(end_year - 1) +
                " (scenario.base_year to scenario.end_year - 1), found " + std::to_string(year));
      }
    }
  }
}

}  // namespace wardsim::scenarios
