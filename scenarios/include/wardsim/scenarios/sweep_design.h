#pragma once
// The designs that turn a sweep's keys into points: every combination of listed values (a grid),
// or a Latin hypercube sample of ranges.

#include <cstdint>
#include <vector>

namespace wardsim::scenarios {

// Every combination of `values[k]` (one list per key), the last key varying fastest.
std::vector<std::vector<double>> grid_points(const std::vector<std::vector<double>>& values);

// `samples` points in the unit cube [0, 1]^dimensions such that, in every dimension, each of the
// `samples` equal strata holds exactly one point. Reproducible from `seed` (a counter-based
// generator keyed by seed and dimension), independent of anything else.
std::vector<std::vector<double>> latin_hypercube(int samples, int dimensions, std::uint64_t seed);

}  // namespace wardsim::scenarios
