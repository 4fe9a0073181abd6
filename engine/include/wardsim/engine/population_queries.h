#pragma once
// Small read-only questions planners ask of a projection.

#include "wardsim/engine/projection.h"

namespace wardsim::engine {

// People aged from..to (inclusive, completed years; to = kOpenAge includes 100+) in all districts.
double count_ages(const DistrictCube& population, int from, int to);

// People aged from..to in one district.
double count_ages(const DistrictCube& population, Eigen::Index district, int from, int to);

struct Peak {
  int year = 0;
  double population = 0.0;
};

// The year (1 January) at which the ward total is largest; the earliest if tied.
Peak ward_peak(const Projection& projection);

}  // namespace wardsim::engine
