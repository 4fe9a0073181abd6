#include "wardsim/scenarios/build_inputs.h"

#include "wardsim/scenarios/cohort_schedules.h"
#include "wardsim/scenarios/migration_levers.h"

namespace wardsim::scenarios {

engine::YearRates build_year_rates(const ScenarioSettings& settings, const ScenarioTables& tables,
                                   int year) {
  const DistrictFactors& factors = tables.district_factors;
  engine::YearRates rates;
  rates.death_probability =
      cohort_death_probability(improved_qx(tables.mortality_qx, settings.mortality_improvement,
                                           settings.mortality_table_year, year),
                               settings.infant_a0);
  const LeverSettings& levers = settings.levers;
  const ShockFactors shock = shock_factors(levers.shocks, year);
  // Out-migration: the table's age pattern shifted (level kept), older ages scaled, then the whole
  // schedule scaled by the volume multiplier and any shock.
  const engine::SexAgeSchedule out_pattern = scaled_from_age(
      shift_age_profile(tables.out_migration_rate, levers.out_migration_age_shift.at(year)),
      kOlderAge, levers.out_migration_multiplier_older.at(year));
  rates.out_migration_probability = cohort_probability(scaled_probability(
      out_pattern, settings.out_migration_multiplier.at(year) * shock.out_migration));
  rates.move_probability =
      cohort_probability(scaled_probability(tables.move_rate, settings.move_multiplier.at(year)));

  // The table's shape, rescaled so that a district with multiplier 1 has the year's TFR.
  const AgeRow ward_asfr =
      tables.fertility_asfr * (settings.tfr.at(year) / tables.fertility_asfr.sum());
  rates.fertility = factors.fertility.matrix() * ward_asfr.matrix();
  rates.male_birth_share = male_birth_share(settings.sex_ratio_at_birth);

  // In-migrants: the volume path × its multipliers, plus the occupants of new dwellings who come
  // from outside the ward, settled in the dwellings' districts. Both follow the year's profile.
  const double volume =
      settings.in_migrants.at(year) * levers.in_migration_multiplier.at(year) * shock.in_migration;
  const Eigen::ArrayXd allocation = factors.in_migration_weight / factors.in_migration_weight.sum();
  Eigen::ArrayXd housing = Eigen::ArrayXd::Zero(allocation.size());
  if (levers.housing && tables.new_dwellings.size() > 0) {
    housing = tables.new_dwellings.row(year - settings.base_year).transpose() *
              levers.housing->developments_multiplier * levers.housing->persons_per_dwelling *
              levers.housing->share_from_outside;
  }
  rates.in_migrants = volume + housing.sum();
  rates.in_migrant_profile = cohort_arrival_profile(
      shift_age_profile(tables.in_migration_share, levers.in_migration_age_shift.at(year)));
  rates.in_migrant_allocation = allocation_with_extra(volume, allocation, housing);

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
