#include "wardsim/viz/report_data.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "district_indicators.h"
#include "wardsim/error.h"
#include "wardsim/io/ensemble_reader.h"
#include "wardsim/io/results_reader.h"
#include "wardsim/viz/boundaries.h"

namespace wardsim::viz {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

// Five-year age bands 0-4 … 95-99 and the open 100+, the usual resolution of a pyramid.
constexpr int kBandWidth = 5;
constexpr int kBands = engine::kAges / kBandWidth + 1;

std::string joined(const std::vector<std::string>& items) {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : ", ") + item;
  return text.empty() ? "none" : text;
}

template <class T>
bool contains(const std::vector<T>& items, const T& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

// What the request resolves to once checked against the file.
struct Plan {
  engine::Dimensions dims;
  std::vector<std::string> scenarios;
  int year = 0;
  std::vector<int> districts;  // indices into dims.districts
  std::vector<std::string> indicators;
  std::optional<DistrictBoundaries> boundaries;
  std::string map_note;  // why there is no map, when there is none
  std::map<std::string, std::vector<models::ServiceResult>> services;
};

Plan check_request(const ReportRequest& request) {
  const std::string where = "results file '" + request.results.string() + "'";
  const auto available = io::list_scenarios(request.results);  // InputError if not results
  Plan plan;
  plan.dims = io::read_dimensions(request.results);
  const auto& dims = plan.dims;
  std::vector<std::string> problems;

  if (available.empty()) problems.push_back(where + " holds no scenario");
  plan.scenarios = request.scenarios.empty() ? available : request.scenarios;
  for (const auto& name : request.scenarios) {
    if (!contains(available, name)) {
      problems.push_back(where + ": no scenario '" + name + "' (it has: " + joined(available) +
                         ")");
    }
  }
  plan.year = request.year.value_or(dims.end_year);
  if (plan.year < dims.base_year || plan.year > dims.end_year) {
    problems.push_back(where + ": no year " + std::to_string(plan.year) + " (it has " +
                       std::to_string(dims.base_year) + "-" + std::to_string(dims.end_year) + ")");
  }
  std::vector<std::string> ids;
  for (const auto& district : dims.districts) ids.push_back(district.id);
  for (const auto& id : request.districts) {
    const auto found = std::find(ids.begin(), ids.end(), id);
    if (found == ids.end()) {
      problems.push_back(where + ": no district '" + id + "' (it has: " + joined(ids) + ")");
    } else if (!contains(plan.districts, static_cast<int>(found - ids.begin()))) {
      plan.districts.push_back(static_cast<int>(found - ids.begin()));
    }
  }
  if (request.districts.empty()) {
    for (int d = 0; d < dims.district_count(); ++d) plan.districts.push_back(d);
  }

  plan.indicators = request.indicators.empty() ? kDefaultMapIndicators : request.indicators;
  for (const auto& name : plan.scenarios) {
    if (!contains(available, name)) continue;
    auto services = io::read_services(request.results, name);
    const auto names = map_indicator_names(services);
    for (const auto& indicator : plan.indicators) {
      if (!contains(names, indicator)) {
        problems.push_back(where + ": scenario '" + name + "' has no map indicator '" + indicator +
                           "' (it has: " + joined(names) + ")");
      }
    }
    plan.services.emplace(name, std::move(services));
  }

  if (request.boundaries_required || fs::exists(request.boundaries)) {
    try {
      plan.boundaries = load_boundaries(request.boundaries, ids);
    } catch (const InputError& error) {
      problems.insert(problems.end(), error.problems().begin(), error.problems().end());
    } catch (const IoError& error) {
      problems.emplace_back(error.what());
    }
  } else {
    plan.map_note = "No map: the boundaries file '" + request.boundaries.string() +
                    "' is not installed (give one with --boundaries).";
  }
  if (!problems.empty()) throw InputError(std::move(problems));
  return plan;
}

std::string band_label(int band) {
  if (band == kBands - 1) return std::to_string(band * kBandWidth) + "+";
  return std::to_string(band * kBandWidth) + "-" + std::to_string(band * kBandWidth + 4);
}

// Persons by sex and five-year band, for one district or (district < 0) the whole ward.
Json pyramid_side(const engine::DistrictCube& cube, int district) {
  Json sides = Json::object();
  for (int s = 0; s < engine::kSexes; ++s) {
    std::vector<double> bands(kBands, 0.0);
    for (int a = 0; a < engine::kAges; ++a) {
      const double count =
          district < 0 ? cube.col(engine::cell(s, a)).sum() : cube(district, engine::cell(s, a));
      bands[static_cast<std::size_t>(std::min(a / kBandWidth, kBands - 1))] += count;
    }
    sides[engine::sex_name(s)] = bands;
  }
  return sides;
}

Json pyramid(const engine::Projection& projection, int year_index, int district,
             const std::string& area, const std::string& label) {
  return Json{
      {"area", area},
      {"label", label},
      {"base", pyramid_side(projection.population.front(), district)},
      {"chosen",
       pyramid_side(projection.population.at(static_cast<std::size_t>(year_index)), district)}};
}

Json ward_series(const engine::Projection& projection, const engine::Dimensions& dims) {
  std::vector<double> totals;
  for (int y = 0; y < dims.years(); ++y) totals.push_back(projection.total(y));
  // The first year of the highest total: a plateau peaks where it starts.
  const auto peak = std::max_element(totals.begin(), totals.end());
  const auto index = static_cast<int>(peak - totals.begin());
  return Json{{"values", totals}, {"peak", {{"year", dims.base_year + index}, {"value", *peak}}}};
}

// An indicator summed over its categories: [year][district].
std::vector<std::vector<double>> by_year_district(const models::Indicator& indicator,
                                                  int districts) {
  const int categories = indicator.categories();
  std::vector<std::vector<double>> out;
  for (Eigen::Index y = 0; y < indicator.values.rows(); ++y) {
    std::vector<double> row;
    for (int d = 0; d < districts; ++d) {
      row.push_back(indicator.values.row(y).segment(d * categories, categories).sum());
    }
    out.push_back(std::move(row));
  }
  return out;
}

const models::Indicator* find_indicator(const models::ServiceResult& service,
                                        const std::string& name) {
  for (const auto& indicator : service.indicators) {
    if (indicator.name == name) return &indicator;
  }
  return nullptr;
}

Json service_json(const models::ServiceResult& service, const Plan& plan) {
  const int districts = plan.dims.district_count();
  const auto* demand = find_indicator(service, service.headline_demand);
  const auto* capacity = find_indicator(service, service.headline_capacity);
  Json out{{"name", service.name}, {"title", service.title}, {"description", service.description}};
  if (demand == nullptr) return out;  // nothing to draw
  const auto demand_values = by_year_district(*demand, districts);
  const auto capacity_values =
      capacity != nullptr ? by_year_district(*capacity, districts) : decltype(demand_values){};
  out["demand"] = {{"name", demand->name}, {"units", demand->units}};
  out["capacity"] = capacity != nullptr ? Json{{"name", capacity->name}, {"units", capacity->units}}
                                        : Json(nullptr);
  out["per_category_shortfall"] = demand->categories() > 1;

  // One district's series, or (d < 0) the ward's.
  auto column = [](const std::vector<std::vector<double>>& values, int d) {
    std::vector<double> series;
    for (const auto& row : values) {
      double value = 0.0;
      if (d < 0) {
        for (double v : row) value += v;
      } else {
        value = row[static_cast<std::size_t>(d)];
      }
      series.push_back(value);
    }
    return series;
  };
  out["ward"] = {{"demand", column(demand_values, -1)},
                 {"capacity", capacity != nullptr ? Json(column(capacity_values, -1)) : Json()}};
  Json per_district = Json::array();
  for (int d : plan.districts) {
    per_district.push_back(
        {{"district_id", plan.dims.districts[static_cast<std::size_t>(d)].id},
         {"demand", column(demand_values, d)},
         {"capacity", capacity != nullptr ? Json(column(capacity_values, d)) : Json()}});
  }
  out["districts"] = std::move(per_district);
  return out;
}

Json provenance_json(const io::Provenance& provenance) {
  Json inputs = Json::array();
  for (const auto& input : provenance.inputs) {
    inputs.push_back({{"path", input.path}, {"sha256", input.sha256}});
  }
  return Json{{"wardsim_version", provenance.wardsim_version},
              {"scenario_name", provenance.scenario_name},
              {"scenario_title", provenance.scenario_title},
              {"scenario_file", provenance.scenario_file},
              {"created", provenance.created},
              {"mode", provenance.mode},
              {"threads", provenance.threads},
              {"seed", provenance.seed},
              {"overrides", provenance.overrides},
              {"inputs", std::move(inputs)},
              {"estimates", provenance.estimates}};
}

Json ensemble_json(const std::optional<io::EnsembleSummary>& ensemble) {
  if (!ensemble.has_value()) return nullptr;
  Json quantiles = Json::array();
  for (const auto& q : ensemble->quantiles) {
    quantiles.push_back({{"name", q.name}, {"level", q.level}, {"values", q.values}});
  }
  return Json{{"replicates", ensemble->replicates},
              {"quantiles", std::move(quantiles)},
              {"mean", ensemble->mean.empty() ? Json() : Json(ensemble->mean)}};
}

Json scenario_json(const ReportRequest& request, const Plan& plan, const std::string& name) {
  const auto projection = io::read_projection(request.results, name);
  const auto& services = plan.services.at(name);
  const auto provenance = io::read_provenance(request.results, name);
  const int year_index = plan.year - plan.dims.base_year;

  Json pyramids = Json::array();
  pyramids.push_back(pyramid(projection, year_index, -1, "ward", "Ward"));
  for (int d : plan.districts) {
    const auto& district = plan.dims.districts[static_cast<std::size_t>(d)];
    pyramids.push_back(pyramid(projection, year_index, d, district.id, district.name_en));
  }
  Json service_list = Json::array();
  for (const auto& service : services) service_list.push_back(service_json(service, plan));
  Json maps = Json::array();
  for (const auto& indicator : plan.indicators) {
    const auto values = district_indicator(indicator, projection, services, year_index);
    maps.push_back({{"indicator", values.name},
                    {"label", values.label},
                    {"units", values.units},
                    {"year", plan.year},
                    {"values", values.values}});
  }
  return Json{{"name", name},
              {"title", provenance.scenario_title},
              {"provenance", provenance_json(provenance)},
              {"ward_total", ward_series(projection, plan.dims)},
              {"pyramids", std::move(pyramids)},
              {"services", std::move(service_list)},
              {"maps", std::move(maps)},
              {"ensemble", ensemble_json(io::read_ensemble_summary(request.results, name))}};
}

}  // namespace

nlohmann::ordered_json build_report_data(const ReportRequest& request) {
  const Plan plan = check_request(request);
  const auto& dims = plan.dims;

  std::vector<int> years;
  for (int y = dims.base_year; y <= dims.end_year; ++y) years.push_back(y);
  Json districts = Json::array();
  for (const auto& district : dims.districts) {
    districts.push_back({{"id", district.id},
                         {"name_ja", district.name_ja},
                         {"name_en", district.name_en},
                         {"region_ja", district.region_ja},
                         {"region_en", district.region_en}});
  }
  Json chosen = Json::array();
  for (int d : plan.districts) chosen.push_back(dims.districts[static_cast<std::size_t>(d)].id);
  std::vector<std::string> bands;
  for (int b = 0; b < kBands; ++b) bands.push_back(band_label(b));

  Json boundaries = nullptr;
  if (plan.boundaries.has_value()) {
    boundaries = {{"source", plan.boundaries->source.string()},
                  {"illustrative", plan.boundaries->illustrative},
                  {"note", plan.boundaries->note},
                  {"features", plan.boundaries->features}};
  }
  Json scenarios = Json::array();
  for (const auto& name : plan.scenarios) scenarios.push_back(scenario_json(request, plan, name));

  return Json{{"format", kReportDataFormat},
              {"format_version", kReportDataVersion},
              {"results_file", request.results.string()},
              {"base_year", dims.base_year},
              {"end_year", dims.end_year},
              {"years", years},
              {"chosen_year", plan.year},
              {"districts", std::move(districts)},
              {"chosen_districts", std::move(chosen)},
              {"age_bands", bands},
              {"boundaries", std::move(boundaries)},
              {"map_note", plan.map_note},
              {"scenarios", std::move(scenarios)}};
}

}  // namespace wardsim::viz
