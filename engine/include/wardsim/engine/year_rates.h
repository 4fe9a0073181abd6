#pragma once
// The rates that drive one annual step, already in the engine's cohort convention.
//
// Age convention (used by every flow and every cohort schedule here): a cohort is indexed by the
// age it reaches on 1 January of the next year. Cohort 0 are the babies born during the year;
// cohort a (1..99) were aged a-1 on 1 January; cohort 100 joins those aged 99 and 100+. With this
// convention every cell obeys the accounting identity on its own:
//   P(t+1)[a] = P(t)[a-1] + births(a=0) - deaths[a] - out[a] + in[a] - moves_out[a] + moves_in[a].

#include <Eigen/Core>

#include "wardsim/engine/dimensions.h"

namespace wardsim::engine {

struct YearRates {
  // Probability that a member of the cohort dies during the year (cohort 0: dies before 1 January).
  SexAgeSchedule death_probability = SexAgeSchedule::Zero();
  // Probability that a survivor leaves the ward during the year.
  SexAgeSchedule out_migration_probability = SexAgeSchedule::Zero();
  // Probability that a survivor who stays in the ward moves to another district.
  SexAgeSchedule move_probability = SexAgeSchedule::Zero();

  // Age-specific fertility rates by district (row) and mother's age in completed years (column),
  // applied to the mean of the female population at that age on 1 January and 31 December.
  Eigen::Array<double, Eigen::Dynamic, kAges, Eigen::RowMajor> fertility;
  // A scalar on the whole fertility table (a Monte Carlo draw's TFR multiplier): the kernels use
  // fertility × fertility_multiplier, rounded as if the table had been scaled, so a draw need not
  // rewrite the tables.
  double fertility_multiplier = 1.0;
  double male_birth_share = 0.5122;  // sex ratio at birth r gives r / (1 + r)

  // In-migration to the ward: a total, its sex × cohort-age profile (sums to 1) and its
  // allocation over districts (sums to 1).
  double in_migrants = 0.0;
  SexAgeSchedule in_migrant_profile = SexAgeSchedule::Zero();
  Eigen::ArrayXd in_migrant_allocation;

  // District multipliers on the ward-level schedules above.
  Eigen::ArrayXd mortality_multiplier;
  Eigen::ArrayXd out_migration_multiplier;
  Eigen::ArrayXd move_multiplier;

  // Destination shares of movers: row = origin, column = destination; zero diagonal, rows sum to 1.
  Eigen::MatrixXd move_destination;
};

}  // namespace wardsim::engine
