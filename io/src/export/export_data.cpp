#include "wardsim/io/export_data.h"

#include <algorithm>
#include <numeric>
#include <optional>

#include "wardsim/error.h"
#include "wardsim/io/results_reader.h"

namespace wardsim::io {
namespace {

namespace fs = std::filesystem;
using engine::kAges;
using engine::kCells;
using engine::kSexes;

constexpr const char* kPopulation = "population";
constexpr const char* kBirths = "births";

struct FlowCube {
  const char* name;
  engine::DistrictCube engine::YearFlows::*member;
  const char* description;
};

// The age-indexed flows, in the order of the results file.
constexpr FlowCube kFlowCubes[] = {
    {"deaths", &engine::YearFlows::deaths, "deaths during the flow year"},
    {"in_migration", &engine::YearFlows::in_migration, "arrivals from outside the ward"},
    {"out_migration", &engine::YearFlows::out_migration, "departures to outside the ward"},
    {"moves_in", &engine::YearFlows::moves_in, "moves into the district from another district"},
    {"moves_out", &engine::YearFlows::moves_out, "moves out of the district to another district"},
};

constexpr const char* kCohortAge =
    "; age = age reached on 1 January after the flow year (0 = born during the year)";

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

bool is_ratio(const std::string& units) {
  return units == "ratio" || units == "share" || units == "percent" || units == "%" ||
         units.find(" per ") != std::string::npos;
}

std::vector<int> year_range(int first, int count) {
  std::vector<int> years(static_cast<std::size_t>(count));
  std::iota(years.begin(), years.end(), first);
  return years;
}

// Everything one scenario holds, read once; indicators are cut from it by name.
struct ScenarioContent {
  engine::Projection projection;
  std::vector<models::ServiceResult> services;

  std::vector<std::string> names() const {
    std::vector<std::string> out = {kPopulation, kBirths};
    for (const auto& flow : kFlowCubes) out.emplace_back(flow.name);
    for (const auto& service : services) {
      for (const auto& indicator : service.indicators) {
        out.push_back(service.name + "." + indicator.name);
      }
    }
    return out;
  }

  ExportIndicator population() const {
    const auto& dims = projection.dims;
    ExportIndicator out{.name = kPopulation,
                        .units = "persons",
                        .description = "population on 1 January of the year",
                        .breakdown = Breakdown::kSexAge,
                        .years = year_range(dims.base_year, dims.years()),
                        .cells = kCells};
    for (const auto& cube : projection.population) {
      out.values.insert(out.values.end(), cube.data(), cube.data() + cube.size());
    }
    return out;
  }

  ExportIndicator births() const {
    const auto& dims = projection.dims;
    ExportIndicator out{.name = kBirths,
                        .units = "persons",
                        .description = "live births during the flow year, by sex of the child",
                        .breakdown = Breakdown::kSex,
                        .years = year_range(dims.base_year, dims.steps()),
                        .flow = true,
                        .cells = kSexes};
    for (const auto& flows : projection.flows) {
      out.values.insert(out.values.end(), flows.births.data(),
                        flows.births.data() + flows.births.size());
    }
    return out;
  }

  ExportIndicator flow(const FlowCube& cube) const {
    const auto& dims = projection.dims;
    ExportIndicator out{.name = cube.name,
                        .units = "persons",
                        .description = std::string(cube.description) + kCohortAge,
                        .breakdown = Breakdown::kSexAge,
                        .years = year_range(dims.base_year, dims.steps()),
                        .flow = true,
                        .cells = kCells};
    for (const auto& flows : projection.flows) {
      const auto& values = flows.*cube.member;
      out.values.insert(out.values.end(), values.data(), values.data() + values.size());
    }
    return out;
  }

  static ExportIndicator service_indicator(const models::ServiceResult& service,
                                           const models::Indicator& indicator,
                                           const engine::Dimensions& dims) {
    ExportIndicator out{
        .name = service.name + "." + indicator.name,
        .units = indicator.units,
        .description = indicator.description,
        .breakdown = indicator.category_labels.empty() ? Breakdown::kNone : Breakdown::kCategory,
        .category_dim = indicator.category_dim,
        .category_labels = indicator.category_labels,
        .years = year_range(dims.base_year, dims.years()),
        .additive = !is_ratio(indicator.units),
        .cells = indicator.categories()};
    // IndicatorValues is row-major [year][district * categories + category]: already the layout.
    out.values.assign(indicator.values.data(), indicator.values.data() + indicator.values.size());
    return out;
  }

  // The indicator called `name`, if there is one.
  std::optional<ExportIndicator> find(const std::string& name) const {
    if (name == kPopulation) return population();
    if (name == kBirths) return births();
    for (const auto& cube : kFlowCubes) {
      if (name == cube.name) return flow(cube);
    }
    for (const auto& service : services) {
      for (const auto& indicator : service.indicators) {
        if (name == service.name + "." + indicator.name) {
          return service_indicator(service, indicator, projection.dims);
        }
      }
    }
    return std::nullopt;
  }

  std::vector<std::string> defaults(DefaultIndicators which) const {
    std::vector<std::string> out = {kPopulation};
    for (const auto& service : services) {
      if (which == DefaultIndicators::kHeadlines) {
        out.push_back(service.name + "." + service.headline_demand);
        out.push_back(service.name + "." + service.headline_capacity);
        continue;
      }
      for (const auto& indicator : service.indicators) {
        out.push_back(service.name + "." + indicator.name);
      }
    }
    return out;
  }
};

ScenarioContent read_content(const fs::path& results, const std::string& scenario) {
  return {read_projection(results, scenario), read_services(results, scenario)};
}

}  // namespace

double ExportIndicator::district_total(std::size_t year, std::size_t district,
                                       std::size_t districts) const {
  double total = 0.0;
  for (std::size_t c = 0; c < static_cast<std::size_t>(cells); ++c) {
    total += at(year, district, c, districts);
  }
  return total;
}

std::vector<std::string> indicator_names(const fs::path& results, const std::string& scenario) {
  return read_content(results, scenario).names();
}

ExportData read_export_data(const fs::path& results, const ExportSelection& selection) {
  const auto available = list_scenarios(results);
  const auto quoted_file = "results file '" + results.string() + "': ";
  std::vector<std::string> problems;
  std::vector<std::string> scenarios;
  for (const auto& name : selection.scenarios.empty() ? available : selection.scenarios) {
    if (std::find(available.begin(), available.end(), name) == available.end()) {
      problems.push_back(quoted_file + "no scenario '" + name + "' (it has: " + joined(available) +
                         ")");
    } else if (std::find(scenarios.begin(), scenarios.end(), name) == scenarios.end()) {
      scenarios.push_back(name);
    }
  }

  ExportData data;
  data.source = results;
  for (const auto& name : scenarios) {
    const auto content = read_content(results, name);
    if (data.scenarios.empty()) data.dims = content.projection.dims;
    ExportScenario scenario{name, read_provenance(results, name), {}};
    std::vector<std::string> wanted;
    for (const auto& indicator : selection.indicators.empty() ? content.defaults(selection.defaults)
                                                              : selection.indicators) {
      if (std::find(wanted.begin(), wanted.end(), indicator) == wanted.end()) {
        wanted.push_back(indicator);
      }
    }
    for (const auto& indicator : wanted) {
      auto found = content.find(indicator);
      if (!found) {
        problems.push_back(quoted_file + "no indicator '" + indicator + "' in scenario '" + name +
                           "' (it has: " + joined(content.names()) + ")");
        continue;
      }
      scenario.indicators.push_back(std::move(*found));
    }
    data.scenarios.push_back(std::move(scenario));
  }
  if (!problems.empty()) throw InputError(std::move(problems));
  return data;
}

}  // namespace wardsim::io
