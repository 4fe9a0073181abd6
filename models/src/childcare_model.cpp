// Childcare (hoiku): children by age group on 1 April × enrolment-based uptake × trend lever,
// against age-specific places.

#include <array>
#include <string>
#include <utility>
#include <vector>

#include "capacity_series.h"
#include "demand_factors.h"
#include "district_markers.h"
#include "indicator_math.h"
#include "parameter_checks.h"
#include "projection_years.h"
#include "school_year_age.h"
#include "wardsim/engine/population_queries.h"
#include "wardsim/models/demand_decomposition.h"
#include "wardsim/models/services.h"

namespace wardsim::models {
namespace {

struct AgeGroup {
  int from;
  int to;
};
constexpr std::array<AgeGroup, kChildcareGroups> kGroups = {{{0, 0}, {1, 2}, {3, 5}}};

std::vector<std::string> group_labels() { return {"age_0", "age_1_2", "age_3_5"}; }

void check(const engine::Projection& projection, const ChildcareParameters& p) {
  ParameterChecks checks("childcare", projection.dims);
  checks.year_series(p.uptake_multiplier, "uptake_multiplier");
  checks.capacity_plan(p.places, kChildcareGroups, "places");
  checks.throw_if_failed();
}

// Children of each group on 1 April of population year `i`: district × group.
Eigen::ArrayXXd children_in_year(const engine::Projection& projection, int i) {
  const engine::DistrictCube april =
      april_basis(projection.population[static_cast<std::size_t>(i)]);
  Eigen::ArrayXXd children(april.rows(), kChildcareGroups);
  for (Eigen::Index d = 0; d < april.rows(); ++d) {
    for (int g = 0; g < kChildcareGroups; ++g) {
      children(d, g) = engine::count_ages(april, d, kGroups[static_cast<std::size_t>(g)].from,
                                          kGroups[static_cast<std::size_t>(g)].to);
    }
  }
  return children;
}

// Uptake of each group in population year `i`: a share, so capped at 1 after the lever.
Eigen::Array<double, 1, kChildcareGroups> uptake_in_year(const ChildcareParameters& p, int i) {
  const double multiplier = p.uptake_multiplier[static_cast<std::size_t>(i)];
  return (p.uptake.transpose() * multiplier).min(1.0);
}

}  // namespace

DemandFactors demand_factors(const engine::Projection& projection, const ChildcareParameters& p,
                             int year) {
  check(projection, p);
  const int i = year_index(projection.dims, year);
  const Eigen::ArrayXXd children = children_in_year(projection, i);
  return factors_from_counts(projection.population[static_cast<std::size_t>(i)], children,
                             uptake_in_year(p, i).replicate(children.rows(), 1));
}

ServiceResult childcare_demand(const engine::Projection& projection, const ChildcareParameters& p) {
  check(projection, p);
  const engine::Dimensions& dims = projection.dims;
  const Eigen::Index columns = Eigen::Index{dims.district_count()} * kChildcareGroups;
  IndicatorValues children(dims.years(), columns);
  IndicatorValues demand(dims.years(), columns);
  for (int i = 0; i < dims.years(); ++i) {
    const Eigen::ArrayXXd by_group = children_in_year(projection, i);
    const auto uptake = uptake_in_year(p, i);
    for (Eigen::Index d = 0; d < by_group.rows(); ++d) {
      children.row(i).segment<kChildcareGroups>(d * kChildcareGroups) = by_group.row(d);
      demand.row(i).segment<kChildcareGroups>(d * kChildcareGroups) = by_group.row(d) * uptake;
    }
  }
  const IndicatorValues capacity = capacity_series(p.places, dims);
  const CapacityGap gap = capacity_gap(demand, capacity);

  ServiceResult result;
  result.name = "childcare";
  result.title = "Childcare (hoiku)";
  result.description =
      "Children aged 0, 1-2 and 3-5 on 1 April times enrolment-based uptake (with its trend "
      "lever), against the places of each age group.";
  result.headline_demand = "demand";
  result.headline_capacity = "capacity";
  const auto indicator = [&](std::string name, std::string units, std::string description,
                             IndicatorValues values) {
    add_indicator(result, std::move(name), std::move(units), std::move(description),
                  std::move(values), "age_group", group_labels());
  };
  indicator("children", "children", "Children of the age group on 1 April.", children);
  indicator("demand", "children",
            "Children expected to use a place: children x uptake x uptake multiplier.", demand);
  indicator("capacity", "places", "Places for the age group in force that year.", capacity);
  indicator("gap", "children", "Demand minus capacity (positive: not enough places).", gap.gap);
  indicator("shortfall", "children", "Children without a place: max(0, demand - capacity).",
            gap.shortfall);
  indicator("surplus", "places", "Idle places: max(0, capacity - demand).", gap.surplus);
  indicator("utilisation", "ratio", "Demand divided by capacity (0 where there are no places).",
            ratio_or_zero(demand, capacity));

  // A place for a 3-year-old cannot serve a baby: the headline shortfall is the sum of the
  // per-group shortfalls, not the shortfall of the summed demand.
  result.markers = district_markers(dims.base_year, sum_over_categories(demand, kChildcareGroups),
                                    sum_over_categories(capacity, kChildcareGroups),
                                    sum_over_categories(gap.shortfall, kChildcareGroups));
  result.decomposition = decompose_demand(projection, p, dims.base_year, dims.end_year);
  return result;
}

}  // namespace wardsim::models
