#pragma once
// Exact quantiles of a sample, the definition R calls type 7 (NumPy's default, "linear"): with
// the values sorted x[0] ≤ … ≤ x[n-1] and h = (n - 1) p, the p-quantile is
// x[⌊h⌋] + (h - ⌊h⌋) (x[⌊h⌋ + 1] - x[⌊h⌋]). It depends only on the values, not their order, so an
// ensemble's statistics do not depend on which thread or rank computed which draw.

#include <span>
#include <vector>

namespace wardsim::batch {

// The quantiles `probabilities` (each in [0, 1]) of `values` (not empty), in the same order.
// Reorders `values` (selection, not a full sort: linear time per quantile).
std::vector<double> quantiles(std::span<double> values, std::span<const double> probabilities);

}  // namespace wardsim::batch
