#pragma once
// Counts over ages of one sex in one district, and the five-year bands the rate tables use.

#include "wardsim/engine/dimensions.h"

namespace wardsim::models {

struct AgeBand {
  int from = 0;
  int to = 0;  // inclusive; engine::kOpenAge for the last, open band
};

// Band `band` of `bands` five-year bands starting at `first_age`; the last one is open (…+).
constexpr AgeBand five_year_band(int first_age, int band, int bands) {
  const int from = first_age + 5 * band;
  return {from, band == bands - 1 ? engine::kOpenAge : from + 4};
}

// People of `sex` aged band.from..band.to in one district (engine::count_sex_ages).
double count_band(const engine::DistrictCube& population, Eigen::Index district, int sex,
                  AgeBand band);

}  // namespace wardsim::models
