#pragma once
// Everything the kernels need, resolved and validated by scenarios/: no file names, no parsing.

#include <cstdint>
#include <vector>

#include "wardsim/engine/dimensions.h"
#include "wardsim/engine/year_rates.h"

namespace wardsim::engine {

struct RunOptions {
  int threads = 0;         // 0 = all hardware threads
  std::uint64_t seed = 0;  // for the stochastic kernels; the cohort kernel ignores it
};

struct ProjectionInputs {
  Dimensions dims;
  DistrictCube base_population;  // 1 January of dims.base_year, by district × sex × age
  std::vector<YearRates> rates;  // one per step: rates[i] drives base_year + i → base_year + i + 1
};

// Checks the contract the kernels rely on (shapes, ranges, shares summing to one, no NaN) and
// throws InputError listing every violation. scenarios/ validates user input with better
// messages first; this guards every other caller.
void check_inputs(const ProjectionInputs& inputs);

}  // namespace wardsim::engine
