#pragma once
// Exact quantiles of a sample, the definition R calls type 7 (NumPy's default, "linear"): with
// the values sorted x[0] ≤ … ≤ x[n-1] and h = (n - 1) p, the p-quantile is
// x[⌊h⌋] + (h - ⌊h⌋) (x[⌊h⌋ + 1] - x[⌊h⌋]). It depends only on the values, not their order, so an
// ensemble's statistics do not depend on which thread or rank computed which draw.

#include <span>
#include <vector>

namespace wardsim::batch {

// The quantiles `probabilities` (each in [0, 1]) of `values` (not empty, all finite), in the same
// order. Reorders `values`. Linear time for all the quantiles together: the values are counted
// into order-preserving buckets, and only the few in the buckets holding the wanted ranks are
// selected among (quantiles.cpp).
std::vector<double> quantiles(std::span<double> values, std::span<const double> probabilities);

}  // namespace wardsim::batch
