#pragma once
// Small read-only questions planners ask of a projection.

#include "wardsim/engine/projection.h"

namespace wardsim::engine {

// People aged from..to (inclusive, completed years; to = kOpenAge includes 100+) in all districts.
double count_ages(const DistrictCube& population, int from, int to);

// People aged from..to in one district: count_sex_ages of each sex, men + women.
double count_ages(const DistrictCube& population, Eigen::Index district, int from, int to);

// People of one sex aged from..to in one district, added one age at a time in age order. The
// order is fixed so that the district-innermost sums below give the same numbers bit for bit.
double count_sex_ages(const DistrictCube& population, Eigen::Index district, int sex, int from,
                      int to);

// A population with districts innermost (column = sex × age cell, row = district): what an
// ensemble draw's demand reads, so that one vector instruction adds the same age of several
// districts. It may carry zero rows after the districts (see to_cell_major).
using CellMajorCube = Eigen::Array<double, Eigen::Dynamic, kCells, Eigen::ColMajor>;

// `population` with districts innermost, its rows padded with zeros to a multiple of 8 so that
// the sums below run whole vector registers.
void to_cell_major(const DistrictCube& population, CellMajorCube& out);

// count_sex_ages of every row at once, into `out` (one value per row); the same additions in the
// same order, so the same numbers.
void count_sex_ages(const CellMajorCube& population, int sex, int from, int to,
                    Eigen::ArrayXd& out);

// Both sexes at once, into `men` and `women`: the same numbers as two calls, in about the time
// of one.
void count_sex_ages(const CellMajorCube& population, int from, int to, Eigen::ArrayXd& men,
                    Eigen::ArrayXd& women);

struct Peak {
  int year = 0;
  double population = 0.0;
};

// The year (1 January) at which the ward total is largest; the earliest if tied.
Peak ward_peak(const Projection& projection);

}  // namespace wardsim::engine
