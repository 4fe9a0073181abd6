#pragma once
// The multipliers of one Monte Carlo draw, and their application to built engine inputs.
//
// Each draw's numbers come from a counter-based generator (Philox) keyed by the sweep's seed and
// counted by draw index and rate, so that draw k is the same whichever thread or MPI rank runs it
// and however many draws run before it.

#include <cstdint>
#include <vector>

#include "wardsim/engine/projection_inputs.h"
#include "wardsim/scenarios/sweep.h"

namespace wardsim::batch {

// Multipliers of the uncertain rates; 1 = as in the scenario.
struct DrawMultipliers {
  double tfr = 1.0;            // every district's age-specific fertility rates, every year
  double in_migration = 1.0;   // in-migrants to the ward, every year
  double out_migration = 1.0;  // out-migration probabilities (via the district multipliers)
};

DrawMultipliers draw_multipliers(const scenarios::MonteCarloSpec& spec, std::uint64_t draw);

// A uniform number in (0, 1) of the stream (seed, draw, rate): exposed for tests of the streams.
double draw_uniform(std::uint64_t seed, std::uint64_t draw, int rate);

// `out` = `base` with the multipliers applied. `out` must be a copy of `base` (made once per
// thread): only the scalars a draw changes are rewritten (the TFR multiplier scales the fertility
// tables through YearRates::fertility_multiplier), so no table is re-read or re-written.
void apply_multipliers(const engine::ProjectionInputs& base, const DrawMultipliers& multipliers,
                       engine::ProjectionInputs& out);

}  // namespace wardsim::batch
