#pragma once
// Age on 1 April (the school and childcare year) from the population on 1 January.

#include <Eigen/Core>

#include "wardsim/engine/dimensions.h"
#include "wardsim/engine/population_queries.h"

namespace wardsim::models {

using AgeRow = Eigen::Array<double, 1, engine::kAges>;

// A quarter of every cohort has its birthday between 1 January and 31 March (births are spread
// evenly over the year), so the count aged a on 1 April is
//   april[a] = 0.75 × january[a] + 0.25 × january[a − 1].
// Age 0: the babies born January–March are not yet in the January count; with steady births they
// are a quarter of the cohort aged 0 on 1 January, so april[0] = january[0]. Age 100+: the open
// group keeps everyone, so april[100] = january[100] + 0.25 × january[99].
AgeRow april_ages(const AgeRow& january);

// The same conversion applied to every district and sex of a 1 January population.
engine::DistrictCube april_basis(const engine::DistrictCube& january);

// The same numbers for ages 0 .. kYoungAprilAges − 1 only, on a population with districts
// innermost, written into those columns of `april` (sized like `january`; its other columns are
// left as they are): the childcare and school headlines of an ensemble read no older age.
inline constexpr int kYoungAprilAges = 16;
void young_april_basis(const engine::CellMajorCube& january, engine::CellMajorCube& april);

}  // namespace wardsim::models
