#include "wardsim/scenarios/migration_levers.h"

#include <algorithm>
#include <cmath>

namespace wardsim::scenarios {

using engine::kAges;
using engine::kSexes;

engine::SexAgeSchedule shift_age_profile(const engine::SexAgeSchedule& schedule, double years) {
  const double whole = std::floor(years);
  const double fraction = years - whole;
  const int n = static_cast<int>(whole);
  const auto at = [](int age) { return std::clamp(age, 0, kAges - 1); };
  engine::SexAgeSchedule shifted;
  for (int sex = 0; sex < kSexes; ++sex) {
    for (int age = 0; age < kAges; ++age) {
      shifted(sex, age) =
          (1.0 - fraction) * schedule(sex, at(age - n)) + fraction * schedule(sex, at(age - n - 1));
    }
    // Reading the end ages beyond 0..100 adds or loses a little: the level stays the table's.
    const double before = schedule.row(sex).sum();
    const double after = shifted.row(sex).sum();
    if (after > 0.0) shifted.row(sex) *= before / after;
  }
  return shifted;
}

engine::SexAgeSchedule scaled_from_age(const engine::SexAgeSchedule& schedule, int first_age,
                                       double multiplier) {
  engine::SexAgeSchedule scaled = schedule;
  scaled.rightCols(kAges - first_age) *= multiplier;
  return scaled;
}

ShockFactors shock_factors(std::span<const Shock> shocks, int year) {
  ShockFactors factors;
  for (const auto& shock : shocks) {
    if (std::find(shock.years.begin(), shock.years.end(), year) == shock.years.end()) continue;
    factors.in_migration *= shock.in_migration_multiplier;
    factors.out_migration *= shock.out_migration_multiplier;
  }
  return factors;
}

Eigen::ArrayXd allocation_with_extra(double base_total, const Eigen::ArrayXd& allocation,
                                     const Eigen::ArrayXd& extra) {
  // Without extra in-migrants the shares stay bit-identical to a run without the lever.
  if ((extra == 0.0).all()) return allocation;
  const double total = base_total + extra.sum();
  if (total <= 0.0) return allocation;
  return (base_total * allocation + extra) / total;
}

}  // namespace wardsim::scenarios
