#pragma once
// Building the (N, s_k, r_k) form of a headline demand from the model's cell counts.

#include <Eigen/Core>

#include "wardsim/engine/dimensions.h"
#include "wardsim/models/demand_decomposition.h"

namespace wardsim::models {

// N = each district's total population on 1 January; s = counts / N (0 where N is 0);
// counts and rates are district × cell.
DemandFactors factors_from_counts(const engine::DistrictCube& population,
                                  const Eigen::ArrayXXd& counts, Eigen::ArrayXXd rates);

}  // namespace wardsim::models
