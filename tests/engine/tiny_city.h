#pragma once
// A tiny three-district city with hand-set rates: the closed-form fixture of the engine tests.

#include "wardsim/engine/projection_inputs.h"

namespace wardsim::engine::testing {

// Three districts, 2025 → 2025 + steps, smooth but distinct rates in every district, moves and
// migration switched on. Population numbers are arbitrary but positive in every cell.
ProjectionInputs tiny_city(int steps = 10);

// tiny_city's rates spread over `districts` districts (each with its own multipliers, allocation
// and population) with moves from every district to every other: enough districts for the
// kernel's blocked paths over destinations, which three districts never reach.
ProjectionInputs wide_city(int districts, int steps = 5);

// The same rates every year with no migration of any kind: a closed population.
ProjectionInputs closed_city(int steps, double death_probability, double tfr);

}  // namespace wardsim::engine::testing
