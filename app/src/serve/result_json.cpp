#include "result_json.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "indicator_catalog.h"
#include "wardsim/engine/population_queries.h"
#include "wardsim/error.h"

namespace wardsim::app::serve {
namespace {

using nlohmann::json;

// One value per population year.
template <typename Value>
json per_year(int years, Value value) {
  json series = json::array();
  for (int t = 0; t < years; ++t) series.push_back(value(t));
  return series;
}

// Headline indicator of a service summed over its categories: [district][year].
json by_district(const models::Indicator& indicator, int years, int districts) {
  json rows = json::array();
  const int categories = indicator.categories();
  for (int d = 0; d < districts; ++d) {
    rows.push_back(per_year(years, [&](int t) {
      return indicator.values.row(t).segment(d * categories, categories).sum();
    }));
  }
  return rows;
}

// Sex × age of one snapshot, for the ward (all districts) or one district.
void pyramid_of(const engine::DistrictCube& population, int district, json& male, json& female) {
  male = json::array();
  female = json::array();
  for (int age = 0; age < engine::kAges; ++age) {
    const auto column = [&](int sex) {
      const int c = engine::cell(sex, age);
      return district < 0 ? population.col(c).sum() : population(district, c);
    };
    male.push_back(column(engine::kMale));
    female.push_back(column(engine::kFemale));
  }
}

}  // namespace

json services_json(const std::vector<models::ServiceResult>& services, int years, int districts) {
  json list = json::array();
  for (const auto& service : services) {
    const models::Indicator& demand = service.indicator(service.headline_demand);
    const models::Indicator& capacity = service.indicator(service.headline_capacity);
    json gap = json::array();
    for (int d = 0; d < districts; ++d) {
      gap.push_back(per_year(years, [&](int t) {
        const int k = demand.categories();
        return capacity.values.row(t).segment(d * k, k).sum() -
               demand.values.row(t).segment(d * k, k).sum();
      }));
    }
    // The ward's shortfall counts every district × category cell short of capacity: a surplus in
    // one district does not serve a child in another.
    json shortfall = per_year(years, [&](int t) {
      return (demand.values.row(t) - capacity.values.row(t)).max(0.0).sum();
    });
    list.push_back(
        {{"key", service.name},
         {"title", service.title},
         {"demand_indicator", service.headline_demand},
         {"capacity_indicator", service.headline_capacity},
         {"unit", demand.units},
         {"demand", by_district(demand, years, districts)},
         {"capacity", by_district(capacity, years, districts)},
         {"gap", std::move(gap)},
         {"ward_demand", per_year(years, [&](int t) { return demand.values.row(t).sum(); })},
         {"ward_capacity", per_year(years, [&](int t) { return capacity.values.row(t).sum(); })},
         {"ward_shortfall", std::move(shortfall)}});
  }
  return list;
}

json project_json(const WhatIfRun& run, const engine::Projection& base, const PyramidView& view) {
  const engine::Projection& projection = run.projection;
  const engine::Dimensions& dims = projection.dims;
  const int years = dims.years();
  const int districts = dims.district_count();

  const int view_year = view.year == 0 ? dims.end_year : view.year;
  int view_district = -1;
  std::vector<std::string> problems;
  if (view_year < dims.base_year || view_year > dims.end_year) {
    problems.push_back("view: 'year' must be a year between " + std::to_string(dims.base_year) +
                       " and " + std::to_string(dims.end_year) + ", found " +
                       std::to_string(view_year));
  }
  if (view.district != "ward") {
    const auto found = std::find_if(dims.districts.begin(), dims.districts.end(),
                                    [&](const auto& d) { return d.id == view.district; });
    if (found == dims.districts.end()) {
      problems.push_back("view: 'district' must be \"ward\" or a district id such as " +
                         dims.districts.front().id + ", found \"" + view.district + "\"");
    } else {
      view_district = static_cast<int>(found - dims.districts.begin());
    }
  }
  if (!problems.empty()) throw InputError(std::move(problems));

  json answer;
  answer["scenario"] = {{"name", run.scenario.name}, {"title", run.scenario.title}};
  answer["timing_ms"] = {{"load", run.timing.load},
                         {"project", run.timing.project},
                         {"services", run.timing.services},
                         {"total", run.timing.total}};
  answer["years"] = per_year(years, [&](int t) { return dims.base_year + t; });
  json ids = json::array();
  for (const auto& district : dims.districts) ids.push_back(district.id);
  answer["districts"] = std::move(ids);

  const engine::Peak peak = engine::ward_peak(projection);
  json age_groups = json::object();
  for (const auto& group : kAgeGroups) {
    age_groups[group.label] = per_year(years, [&](int t) {
      return engine::count_ages(projection.population[static_cast<std::size_t>(t)], group.from,
                                group.to);
    });
  }
  answer["ward"] = {{"population", per_year(years, [&](int t) { return projection.total(t); })},
                    {"peak", {{"year", peak.year}, {"population", peak.population}}},
                    {"age_groups", std::move(age_groups)}};

  json indicators = json::object();
  for (const auto& indicator : district_indicators()) {
    json rows = json::array();
    for (int d = 0; d < districts; ++d) {
      rows.push_back(per_year(years, [&](int t) {
        return indicator.value(projection.population[static_cast<std::size_t>(t)], d);
      }));
    }
    indicators[indicator.key] = std::move(rows);
  }
  answer["district_indicators"] = std::move(indicators);

  json pyramid = {{"year", view_year}, {"district", view.district}};
  pyramid_of(projection.population[static_cast<std::size_t>(view_year - dims.base_year)],
             view_district, pyramid["male"], pyramid["female"]);
  pyramid_of(projection.population.front(), view_district, pyramid["base_male"],
             pyramid["base_female"]);
  answer["pyramid"] = std::move(pyramid);

  answer["services"] = services_json(run.services, years, districts);

  // This run minus the base scenario without levers, on the same years and districts (a lever
  // cannot change the dimensions: base_year, end_year and the districts table are not levers).
  json ward_diff = per_year(years, [&](int t) { return projection.total(t) - base.total(t); });
  json district_diff = json::array();
  for (int d = 0; d < districts; ++d) {
    district_diff.push_back(per_year(years, [&](int t) {
      const auto i = static_cast<std::size_t>(t);
      // Summed as the "population" indicator is, so that the difference is exact to the digit.
      return engine::count_ages(projection.population[i], d, 0, engine::kOpenAge) -
             engine::count_ages(base.population[i], d, 0, engine::kOpenAge);
    }));
  }
  answer["baseline_diff"] = {{"ward_population", std::move(ward_diff)},
                             {"district_population", std::move(district_diff)}};
  answer["scenario_toml"] = run.scenario_toml;
  return answer;
}

}  // namespace wardsim::app::serve
