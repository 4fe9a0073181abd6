#pragma once
// The moves product of the cohort kernel: every district's movers in, from every district's movers
// out and the destination shares.

#include <Eigen/Dense>

#include "wardsim/engine/dimensions.h"

namespace wardsim::engine {

// moves_in = destinationᵀ × moves_out, cell by cell: cell (j, c) of moves_in is
// Σ_o destination(o, j) × moves_out(o, c), summed from 0 in origin order, so that the numbers are
// the same whatever the vector width or thread count. destination: row = origin, column =
// destination.
void gather_moves(const Eigen::MatrixXd& destination, const DistrictCube& moves_out,
                  DistrictCube& moves_in);

}  // namespace wardsim::engine
