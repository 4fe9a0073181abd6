#include "wardsim/scenarios/build_inputs.h"

#include "wardsim/scenarios/cohort_schedules.h"

namespace wardsim::scenarios {

engine::YearRates build_year_rates(const ScenarioSettings& settings, const ScenarioTables& tables,
                                   int year) {
  const DistrictFactors& factors = tables.district_factors;
  engine::YearRates rates;
  rates.death_probability =
      cohort_death_probability(improved_qx(tables.mortality_qx, settings.mortality_improvement,
                                           settings.mortality_table_year, year),
                               settings.infant_a0);
  rates.out_migration_probability = cohort_probability(
      scaled_probability(tables.out_migration_rate, settings.out_migration_multiplier.at(year)));
  rates.move_probability =
      cohort_probability(scaled_probability(tables.move_rate, settings.move_multiplier.at(year)));

  // The table's shape, rescaled so that a district with multiplier 1 has the year's TFR.
  const AgeRow ward_asfr =
      tables.fertility_asfr * (settings.tfr.at(year) / tables.fertility_asfr.sum());
  rates.fertility = factors.fertility.matrix() * ward_asfr.matrix();
  rates.male_birth_share = male_birth_share(settings.sex_ratio_at_birth);

  rates.in_migrants = settings.in_migrants.at(year);
  rates.in_migrant_profile = cohort_arrival_profile(tables.in_migration_share);
  rates.in_migrant_allocation = factors.in_migration_weight / factors.in_migration_weight.sum();

  rates.mortality_multiplier = factors.mortality;
  rates.out_migration_multiplier = factors.out_migration;
  rates.move_multiplier = factors.move;
  rates.move_destination = tables.move_destinations;
  return rates;
}

engine::ProjectionInputs build_inputs(const ScenarioSettings& settings,
                                      const ScenarioTables& tables) {
  engine::ProjectionInputs inputs;
  inputs.dims.base_year = settings.base_year;
  inputs.dims.end_year = settings.end_year;
  inputs.dims.districts = tables.districts;
  inputs.base_population = tables.base_population;
  inputs.rates.reserve(static_cast<std::size_t>(inputs.dims.steps()));
  for (int year = settings.base_year; year < settings.end_year; ++year) {
    inputs.rates.push_back(build_year_rates(settings, tables, year));
  }
  return inputs;
}

}  // namespace wardsim::scenarios
