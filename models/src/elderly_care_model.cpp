// Elderly care: people certified for long-term care by level, residential, home and day care
// users, care workers needed, and residential places.

#include <array>
#include <string>
#include <utility>
#include <vector>

#include "age_bands.h"
#include "capacity_series.h"
#include "certification_rates.h"
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

constexpr int kFirstCareAge = 65;
constexpr int kFirstResidentialLevel = 4;  // care_3: levels care_3..care_5 may need a bed
constexpr int kBandCells = engine::kSexes * kCareAgeBands;  // (sex, band) cells

std::vector<std::string> level_labels() {
  return {"support_1", "support_2", "care_1", "care_2", "care_3", "care_4", "care_5"};
}

AgeBand care_band(int band) { return five_year_band(kFirstCareAge, band, kCareAgeBands); }

void check(const engine::Projection& projection, const ElderlyCareParameters& p) {
  ParameterChecks checks("elderly_care", projection.dims);
  checks.year_series(p.certification_multiplier, "certification_multiplier");
  checks.positive(p.residents_per_care_worker, "residents_per_care_worker");
  checks.positive(p.community_users_per_care_worker, "community_users_per_care_worker");
  checks.capacity_plan(p.residential_places, 1, "residential_places");
  checks.throw_if_failed();
}

// People of each (sex, band) cell: district × cell, cell = sex * kCareAgeBands + band.
Eigen::ArrayXXd band_counts(const engine::DistrictCube& population) {
  Eigen::ArrayXXd counts(population.rows(), kBandCells);
  for (Eigen::Index d = 0; d < population.rows(); ++d) {
    for (int sex = 0; sex < engine::kSexes; ++sex) {
      for (int band = 0; band < kCareAgeBands; ++band) {
        counts(d, sex * kCareAgeBands + band) = count_band(population, d, sex, care_band(band));
      }
    }
  }
  return counts;
}

std::array<CertificationRates, engine::kSexes> rates_by_sex(const ElderlyCareParameters& p, int i) {
  const double multiplier = p.certification_multiplier[static_cast<std::size_t>(i)];
  return {certification_rates_in_year(p.certification[0], multiplier),
          certification_rates_in_year(p.certification[1], multiplier)};
}

}  // namespace

DemandFactors demand_factors(const engine::Projection& projection, const ElderlyCareParameters& p,
                             int year) {
  check(projection, p);
  const int i = year_index(projection.dims, year);
  const engine::DistrictCube& population = projection.population[static_cast<std::size_t>(i)];
  const auto rates = rates_by_sex(p, i);
  // Residential demand per person of the cell: certified at care 3+ × residential rate.
  Eigen::Array<double, 1, kBandCells> residential;
  for (int sex = 0; sex < engine::kSexes; ++sex) {
    for (int band = 0; band < kCareAgeBands; ++band) {
      residential(sex * kCareAgeBands + band) = rates[static_cast<std::size_t>(sex)]
                                                    .row(band)
                                                    .tail(kCareLevels - kFirstResidentialLevel)
                                                    .sum() *
                                                p.residential_rate;
    }
  }
  return factors_from_counts(population, band_counts(population),
                             residential.replicate(population.rows(), 1));
}

ServiceResult elderly_care_demand(const engine::Projection& projection,
                                  const ElderlyCareParameters& p) {
  check(projection, p);
  const engine::Dimensions& dims = projection.dims;
  const int districts = dims.district_count();
  IndicatorValues certified =
      IndicatorValues::Zero(dims.years(), Eigen::Index{districts} * kCareLevels);
  IndicatorValues aged_75_plus(dims.years(), districts);
  for (int i = 0; i < dims.years(); ++i) {
    const engine::DistrictCube& population = projection.population[static_cast<std::size_t>(i)];
    const Eigen::ArrayXXd counts = band_counts(population);
    const auto rates = rates_by_sex(p, i);
    for (Eigen::Index d = 0; d < districts; ++d) {
      for (int sex = 0; sex < engine::kSexes; ++sex) {
        for (int band = 0; band < kCareAgeBands; ++band) {
          certified.row(i).segment<kCareLevels>(d * kCareLevels) +=
              counts(d, sex * kCareAgeBands + band) *
              rates[static_cast<std::size_t>(sex)].row(band);
        }
      }
      aged_75_plus(i, d) = engine::count_ages(population, d, 75, engine::kOpenAge);
    }
  }
  const IndicatorValues total = sum_over_categories(certified, kCareLevels);
  IndicatorValues care_3_plus(dims.years(), districts);
  for (Eigen::Index d = 0; d < districts; ++d) {
    care_3_plus.col(d) = certified
                             .middleCols(d * kCareLevels + kFirstResidentialLevel,
                                         kCareLevels - kFirstResidentialLevel)
                             .rowwise()
                             .sum();
  }
  const IndicatorValues residential = care_3_plus * p.residential_rate;
  const IndicatorValues community = total - residential;  // certified people living at home
  const IndicatorValues home_care = community * p.home_care_rate;
  const IndicatorValues day_care = community * p.day_care_rate;
  const IndicatorValues workers = residential / p.residents_per_care_worker +
                                  (home_care + day_care) / p.community_users_per_care_worker;
  const IndicatorValues places = capacity_series(p.residential_places, dims);
  const CapacityGap gap = capacity_gap(residential, places);

  ServiceResult result;
  result.name = "elderly_care";
  result.title = "Long-term care for older people";
  result.description =
      "People certified for long-term care (population by sex and 5-year band from 65 x "
      "certification rates), the care they use and the workers it needs, against residential "
      "places.";
  result.headline_demand = "residential_demand";
  result.headline_capacity = "residential_places";
  const auto indicator = [&](std::string name, std::string units, std::string description,
                             IndicatorValues values) {
    add_indicator(result, std::move(name), std::move(units), std::move(description),
                  std::move(values));
  };
  result.indicators.push_back(
      {.name = "certified",
       .units = "persons",
       .description = "People certified at the level: population x certification rate x lever.",
       .category_dim = "care_level",
       .category_labels = level_labels(),
       .values = certified});
  indicator("certified_total", "persons", "People certified at any support or care level.", total);
  indicator("residential_demand", "persons",
            "People needing a residential place: certified at care 3-5 x residential rate.",
            residential);
  indicator("home_care_users", "persons",
            "Users of home-visit care: (certified - residential demand) x home care rate.",
            home_care);
  indicator("day_care_users", "persons",
            "Users of day care: (certified - residential demand) x day care rate.", day_care);
  indicator("care_workers_needed", "workers (FTE)",
            "Residential demand / residents per worker + (home + day care users) / community "
            "users per worker.",
            workers);
  indicator("residential_places", "places", "Residential care places in force that year.", places);
  indicator("residential_gap", "persons",
            "Residential demand minus places (positive: not enough places).", gap.gap);
  indicator("residential_shortfall", "persons",
            "People without a residential place: max(0, demand - places).", gap.shortfall);
  indicator("residential_surplus", "places", "Idle places: max(0, places - demand).", gap.surplus);
  indicator("places_per_1000_aged_75_plus", "places per 1000 persons",
            "Residential places per 1000 residents aged 75+ (0 where there are none).",
            ratio_or_zero(places, aged_75_plus, 1000.0));

  result.markers = district_markers(dims.base_year, residential, places);
  result.decomposition = decompose_demand(projection, p, dims.base_year, dims.end_year);
  return result;
}

}  // namespace wardsim::models
