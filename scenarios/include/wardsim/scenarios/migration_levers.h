#pragma once
// The arithmetic of the migration levers, on published schedules (by age in completed years),
// before they are converted to the engine's cohort convention. Pure functions, hand-checkable.

#include <span>

#include "wardsim/engine/dimensions.h"
#include "wardsim/scenarios/lever_settings.h"

namespace wardsim::scenarios {

// The schedule moved k years older (k < 0: younger): s'(x) = (1 − f)·s(x − n) + f·s(x − n − 1),
// n = ⌊k⌋, f = k − n, ages outside 0..100 read as the nearest end age; then each sex is rescaled
// to its original sum, so the shift changes the age pattern and never the level. k = 1 moves every
// value exactly one age up.
engine::SexAgeSchedule shift_age_profile(const engine::SexAgeSchedule& schedule, double years);

// The schedule with every value at ages ≥ first_age (completed years) times `multiplier`.
engine::SexAgeSchedule scaled_from_age(const engine::SexAgeSchedule& schedule, int first_age,
                                       double multiplier);

// The combined multipliers of every shock that covers `year` (1 if none).
struct ShockFactors {
  double in_migration = 1.0;
  double out_migration = 1.0;
};
ShockFactors shock_factors(std::span<const Shock> shocks, int year);

// Adds district-specific extra in-migrants (e.g. from new housing) to a ward total allocated by
// shares: returns the new shares of `base_total + Σ extra`, such that every district receives
// base_total × allocation[d] + extra[d]. With no in-migrants at all the allocation is unchanged.
Eigen::ArrayXd allocation_with_extra(double base_total, const Eigen::ArrayXd& allocation,
                                     const Eigen::ArrayXd& extra);

}  // namespace wardsim::scenarios
