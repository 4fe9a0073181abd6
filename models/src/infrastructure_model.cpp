// Infrastructure: households and housing, daily water and waste, and disaster preparedness
// (people needing help to evacuate vs welfare-shelter places; residents vs shelter places).

#include <array>
#include <string>
#include <utility>

#include "age_bands.h"
#include "capacity_series.h"
#include "demand_factors.h"
#include "district_markers.h"
#include "indicator_math.h"
#include "parameter_checks.h"
#include "projection_years.h"
#include "wardsim/engine/population_queries.h"
#include "wardsim/models/demand_decomposition.h"
#include "wardsim/models/services.h"

namespace wardsim::models {
namespace {

constexpr int kFirstHeadshipAge = 15;
constexpr int kFirst75PlusBand = 12;  // 75-79, 80-84, 85+

using HeadshipRates = std::array<Eigen::Array<double, kHeadshipBands, 1>, engine::kSexes>;

AgeBand headship_band(int band) { return five_year_band(kFirstHeadshipAge, band, kHeadshipBands); }

void check(const engine::Projection& projection, const InfrastructureParameters& p) {
  ParameterChecks checks("infrastructure", projection.dims);
  checks.capacity_plan(p.welfare_shelter_places, 1, "welfare_shelter_places");
  checks.capacity_plan(p.shelter_places, 1, "shelter_places");
  checks.throw_if_failed();
}

// Σ_sex Σ_band (from first_band) people of the band × rate, in one district.
double banded_sum(const engine::DistrictCube& population, Eigen::Index d,
                  const HeadshipRates& rates, int first_band = 0) {
  double sum = 0.0;
  for (int sex = 0; sex < engine::kSexes; ++sex) {
    for (int band = first_band; band < kHeadshipBands; ++band) {
      sum += count_band(population, d, sex, headship_band(band)) *
             rates[static_cast<std::size_t>(sex)](band);
    }
  }
  return sum;
}

// People needing help to evacuate fall into three cells: infants (all of them), ages 1-74 (the
// disability rate) and 75+ (the rate for the old). Counts: district × cell.
constexpr int kEvacuationCells = 3;
Eigen::ArrayXXd evacuation_counts(const engine::DistrictCube& population) {
  Eigen::ArrayXXd counts(population.rows(), kEvacuationCells);
  for (Eigen::Index d = 0; d < population.rows(); ++d) {
    counts(d, 0) = engine::count_ages(population, d, 0, 0);
    counts(d, 1) = engine::count_ages(population, d, 1, 74);
    counts(d, 2) = engine::count_ages(population, d, 75, engine::kOpenAge);
  }
  return counts;
}

Eigen::Array<double, 1, kEvacuationCells> evacuation_rates(const InfrastructureParameters& p) {
  return {1.0, p.evacuation_help_rate_under_75, p.evacuation_help_rate_75_plus};
}

}  // namespace

DemandFactors demand_factors(const engine::Projection& projection,
                             const InfrastructureParameters& p, int year) {
  check(projection, p);
  const engine::DistrictCube& population =
      projection.population[static_cast<std::size_t>(year_index(projection.dims, year))];
  return factors_from_counts(population, evacuation_counts(population),
                             evacuation_rates(p).replicate(population.rows(), 1));
}

ServiceResult infrastructure_demand(const engine::Projection& projection,
                                    const InfrastructureParameters& p) {
  check(projection, p);
  const engine::Dimensions& dims = projection.dims;
  const int districts = dims.district_count();
  IndicatorValues residents(dims.years(), districts);
  IndicatorValues households(dims.years(), districts);
  IndicatorValues single(dims.years(), districts);
  IndicatorValues alone_75_plus(dims.years(), districts);
  IndicatorValues help_needed(dims.years(), districts);
  for (int i = 0; i < dims.years(); ++i) {
    const engine::DistrictCube& population = projection.population[static_cast<std::size_t>(i)];
    const Eigen::ArrayXXd evacuation = evacuation_counts(population);
    for (Eigen::Index d = 0; d < districts; ++d) {
      residents(i, d) = population.row(d).sum();
      households(i, d) = banded_sum(population, d, p.headship_rate);
      single(i, d) = banded_sum(population, d, p.single_person_rate);
      alone_75_plus(i, d) = banded_sum(population, d, p.single_person_rate, kFirst75PlusBand);
      help_needed(i, d) = (evacuation.row(d) * evacuation_rates(p)).sum();
    }
  }
  const IndicatorValues welfare_places = capacity_series(p.welfare_shelter_places, dims);
  const IndicatorValues shelter_places = capacity_series(p.shelter_places, dims);
  const CapacityGap welfare_gap = capacity_gap(help_needed, welfare_places);
  const CapacityGap shelter_gap = capacity_gap(residents, shelter_places);

  ServiceResult result;
  result.name = "infrastructure";
  result.title = "Households, utilities and disaster preparedness";
  result.description =
      "Households from headship rates, housing, daily water and waste, people needing help to "
      "evacuate against welfare-shelter places, and residents against shelter places.";
  result.headline_demand = "evacuation_help_needed";
  result.headline_capacity = "welfare_shelter_places";
  const auto indicator = [&](std::string name, std::string units, std::string description,
                             IndicatorValues values) {
    add_indicator(result, std::move(name), std::move(units), std::move(description),
                  std::move(values));
  };
  indicator("households", "households",
            "Private households: population 15+ by sex and 5-year band x headship rate.",
            households);
  indicator("single_person_households", "households",
            "People living alone: population 15+ x single-person rate.", single);
  indicator("aged_75_plus_living_alone", "persons",
            "People aged 75+ living alone: population 75+ x single-person rate.", alone_75_plus);
  indicator("housing_units_needed", "dwellings",
            "Households x housing units per household (vacancy allowance).",
            households * p.housing_units_per_household);
  indicator("water_m3_per_day", "m3/day", "Residents x litres per person-day / 1000.",
            residents * p.water_litres_per_person_day / 1000.0);
  indicator("waste_tonnes_per_day", "tonnes/day", "Residents x kg per person-day / 1000.",
            residents * p.waste_kg_per_person_day / 1000.0);
  indicator("evacuation_help_needed", "persons",
            "People needing help to evacuate: 75+ x rate + every infant (age 0) + ages 1-74 x "
            "disability rate.",
            help_needed);
  indicator("welfare_shelter_places", "places", "Welfare-shelter places in force that year.",
            welfare_places);
  indicator("welfare_shelter_gap", "persons",
            "People needing help minus welfare-shelter places (positive: too few).",
            welfare_gap.gap);
  indicator("welfare_shelter_shortfall", "persons",
            "People needing help without a welfare-shelter place: max(0, gap).",
            welfare_gap.shortfall);
  indicator("residents", "persons", "Population on 1 January.", residents);
  indicator("shelter_places", "places", "Places at designated evacuation sites in force.",
            shelter_places);
  indicator("shelter_gap", "persons", "Residents minus shelter places (positive: too few).",
            shelter_gap.gap);
  indicator("shelter_shortfall", "persons", "Residents without a shelter place: max(0, gap).",
            shelter_gap.shortfall);

  result.markers = district_markers(dims.base_year, help_needed, welfare_places);
  result.decomposition = decompose_demand(projection, p, dims.base_year, dims.end_year);
  return result;
}

}  // namespace wardsim::models
