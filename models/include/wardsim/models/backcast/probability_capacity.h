#pragma once
// Capacity under uncertainty: from a set of demand draws (an ensemble), the least capacity that
// meets the demand with a given probability.

#include <Eigen/Core>

namespace wardsim::models::backcast {

// draws: row = draw, column = unit. For each unit, the smallest draw value c such that at least
// a share p of the draws are ≤ c (the empirical p-quantile, inverse of the distribution function).
Eigen::ArrayXd capacity_at_probability(const Eigen::ArrayXXd& draws, double p);

}  // namespace wardsim::models::backcast
