#include "wardsim/scenarios/cohort_schedules.h"

#include <cmath>

namespace wardsim::scenarios {

using engine::kAges;
using engine::kSexes;
using engine::SexAgeSchedule;

SexAgeSchedule cohort_probability(const SexAgeSchedule& p) {
  SexAgeSchedule cohort;
  for (int sex = 0; sex < kSexes; ++sex) {
    // Born during the year: exposed for half a year on average.
    cohort(sex, 0) = 1.0 - std::sqrt(1.0 - p(sex, 0));
    for (int age = 1; age < kAges; ++age) {
      cohort(sex, age) = 1.0 - std::sqrt((1.0 - p(sex, age - 1)) * (1.0 - p(sex, age)));
    }
  }
  return cohort;
}

SexAgeSchedule cohort_death_probability(const SexAgeSchedule& q, double infant_a0) {
  SexAgeSchedule cohort = cohort_probability(q);
  // Births spread evenly over the year: the share 1 − a0 of infant deaths falls before 1 January.
  cohort.col(0) = q.col(0) * (1.0 - infant_a0);
  return cohort;
}

SexAgeSchedule cohort_arrival_profile(const SexAgeSchedule& shares) {
  SexAgeSchedule cohort;
  for (int sex = 0; sex < kSexes; ++sex) {
    cohort(sex, 0) = shares(sex, 0) / 2.0;
    for (int age = 1; age < kAges; ++age) {
      cohort(sex, age) = (shares(sex, age - 1) + shares(sex, age)) / 2.0;
    }
    // The open group keeps everyone aged 100+ on arrival.
    cohort(sex, kAges - 1) += shares(sex, kAges - 1) / 2.0;
  }
  return cohort;
}

SexAgeSchedule improved_qx(const SexAgeSchedule& qx, const std::array<double, 2>& improvement,
                           int table_year, int year) {
  SexAgeSchedule improved;
  for (int sex = 0; sex < kSexes; ++sex) {
    const double factor = std::pow(1.0 - improvement[static_cast<std::size_t>(sex)],
                                   static_cast<double>(year - table_year));
    improved.row(sex) = (qx.row(sex) * factor).min(1.0);
  }
  return improved;
}

SexAgeSchedule scaled_probability(const SexAgeSchedule& p, double multiplier) {
  return (p * multiplier).min(1.0);
}

double male_birth_share(double sex_ratio_at_birth) {
  return sex_ratio_at_birth / (1.0 + sex_ratio_at_birth);
}

}  // namespace wardsim::scenarios
