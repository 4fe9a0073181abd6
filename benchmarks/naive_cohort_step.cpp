#include "naive_cohort_step.h"

#include <algorithm>

namespace wardsim::benchmarks {

using engine::kAges;
using engine::kFemale;
using engine::kOpenAge;
using engine::kSexes;

NaiveCube to_naive(const engine::DistrictCube& cube) {
  NaiveCube naive(static_cast<std::size_t>(cube.rows()),
                  std::vector<std::vector<double>>(kSexes, std::vector<double>(kAges)));
  for (Eigen::Index d = 0; d < cube.rows(); ++d) {
    for (int s = 0; s < kSexes; ++s) {
      for (int a = 0; a < kAges; ++a) {
        naive[static_cast<std::size_t>(d)][static_cast<std::size_t>(s)]
             [static_cast<std::size_t>(a)] = cube(d, engine::cell(s, a));
      }
    }
  }
  return naive;
}

NaiveCube naive_cohort_step(const NaiveCube& start, const engine::YearRates& rates) {
  const std::size_t districts = start.size();
  NaiveCube stay = start;  // survivors who stay in their district, by cohort age
  NaiveCube movers = start;
  NaiveCube end = start;

  // One cohort cell: deaths, emigration, moves out (sequential decrements).
  const auto decrement = [&](std::size_t d, int s, int a, double cohort) {
    const auto di = static_cast<Eigen::Index>(d);
    const double q = std::min(1.0, rates.death_probability(s, a) * rates.mortality_multiplier(di));
    const double o =
        std::min(1.0, rates.out_migration_probability(s, a) * rates.out_migration_multiplier(di));
    const double m = std::min(1.0, rates.move_probability(s, a) * rates.move_multiplier(di));
    const double after_deaths = cohort - cohort * q;
    const double after_out = after_deaths - after_deaths * o;
    movers[d][static_cast<std::size_t>(s)][static_cast<std::size_t>(a)] = after_out * m;
    stay[d][static_cast<std::size_t>(s)][static_cast<std::size_t>(a)] = after_out - after_out * m;
  };
  const auto in_migrants = [&](std::size_t d, int s, int a) {
    return rates.in_migrants * rates.in_migrant_allocation(static_cast<Eigen::Index>(d)) *
           rates.in_migrant_profile(s, a);
  };
  const auto moved_in = [&](std::size_t d, int s, int a) {
    double total = 0.0;
    for (std::size_t o = 0; o < districts; ++o) {
      total += rates.move_destination(static_cast<Eigen::Index>(o), static_cast<Eigen::Index>(d)) *
               movers[o][static_cast<std::size_t>(s)][static_cast<std::size_t>(a)];
    }
    return total;
  };

  for (std::size_t d = 0; d < districts; ++d) {
    for (int s = 0; s < kSexes; ++s) {
      const auto& row = start[d][static_cast<std::size_t>(s)];
      for (int a = 1; a <= kOpenAge; ++a) {
        double cohort = row[static_cast<std::size_t>(a - 1)];
        if (a == kOpenAge) cohort += row[kOpenAge];
        decrement(d, s, a, cohort);
      }
    }
  }
  for (std::size_t d = 0; d < districts; ++d) {
    for (int s = 0; s < kSexes; ++s) {
      for (int a = 1; a <= kOpenAge; ++a) {
        end[d][static_cast<std::size_t>(s)][static_cast<std::size_t>(a)] =
            stay[d][static_cast<std::size_t>(s)][static_cast<std::size_t>(a)] + moved_in(d, s, a) +
            in_migrants(d, s, a);
      }
    }
  }
  for (std::size_t d = 0; d < districts; ++d) {
    double births = 0.0;
    for (int x = 0; x < kAges; ++x) {
      const auto xi = static_cast<std::size_t>(x);
      births += rates.fertility(static_cast<Eigen::Index>(d), x) * rates.fertility_multiplier *
                0.5 * (start[d][kFemale][xi] + end[d][kFemale][xi]);
    }
    const double male = births * rates.male_birth_share;
    decrement(d, 0, 0, male);
    decrement(d, 1, 0, births - male);
  }
  for (std::size_t d = 0; d < districts; ++d) {
    for (int s = 0; s < kSexes; ++s) {
      end[d][static_cast<std::size_t>(s)][0] =
          stay[d][static_cast<std::size_t>(s)][0] + moved_in(d, s, 0) + in_migrants(d, s, 0);
    }
  }
  return end;
}

}  // namespace wardsim::benchmarks
