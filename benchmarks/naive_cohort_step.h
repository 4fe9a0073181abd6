#pragma once
// A straightforward reference implementation of the cohort step: nested vectors and scalar loops,
// one cell at a time. Same method and order of events as engine::cohort_step; kept here only to
// measure what the engine's layout and vectorised kernels buy.

#include <vector>

#include "wardsim/engine/year_rates.h"

namespace wardsim::benchmarks {

using NaiveCube = std::vector<std::vector<std::vector<double>>>;  // [district][sex][age]

NaiveCube to_naive(const engine::DistrictCube& cube);

// Advances `start` one year; returns the population on the next 1 January.
NaiveCube naive_cohort_step(const NaiveCube& start, const engine::YearRates& rates);

}  // namespace wardsim::benchmarks
