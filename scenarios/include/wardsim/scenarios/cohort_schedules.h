#pragma once
// Conversion of published schedules (by age in completed years x) to the engine's cohort
// convention (by the age a cohort reaches on the next 1 January), as docs/scenario_format.md
// "From tables to the engine's rates" specifies.

#include <array>

#include "wardsim/engine/dimensions.h"

namespace wardsim::scenarios {

// p_c(a) = 1 − √((1 − p(a−1))(1 − p(a))) for a = 1..100; p_c(0) = 1 − √(1 − p(0)).
engine::SexAgeSchedule cohort_probability(const engine::SexAgeSchedule& p);

// As cohort_probability, except p_c(0) = q(0) × (1 − a0): the infants who die before 1 January.
engine::SexAgeSchedule cohort_death_probability(const engine::SexAgeSchedule& q, double infant_a0);

// Shares by age at arrival → shares by cohort: s_c(0) = s(0)/2, s_c(a) = (s(a−1) + s(a))/2,
// s_c(100) = s(99)/2 + s(100). The total is preserved.
engine::SexAgeSchedule cohort_arrival_profile(const engine::SexAgeSchedule& shares);

// qx(t) = qx × (1 − improvement[sex])^(t − table_year), capped at 1.
engine::SexAgeSchedule improved_qx(const engine::SexAgeSchedule& qx,
                                   const std::array<double, 2>& improvement, int table_year,
                                   int year);

// Every probability × multiplier, capped at 1.
engine::SexAgeSchedule scaled_probability(const engine::SexAgeSchedule& p, double multiplier);

// Male births per female birth r → share of births that are male, r / (1 + r).
double male_birth_share(double sex_ratio_at_birth);

}  // namespace wardsim::scenarios
