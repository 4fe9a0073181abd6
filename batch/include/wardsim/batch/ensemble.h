#pragma once
// A Monte Carlo ensemble of one scenario: every draw multiplies the uncertain rates of the built
// engine inputs, projects the population (lean path) and, if the scenario has services, computes
// its service demand; the draws are reduced to exact quantiles by district and year and to the
// probability that each service has a shortfall ("the risk of a waiting list").

#include <optional>

#include "wardsim/batch/progress.h"
#include "wardsim/engine/projection_inputs.h"
#include "wardsim/io/batch_results.h"
#include "wardsim/models/service_parameters.h"
#include "wardsim/scenarios/sweep.h"

namespace wardsim::batch {

// Memory the ensemble keeps for exact quantiles: one row of district × year values per draw for
// the population and each service's demand (8 bytes each).
std::uint64_t ensemble_memory_bytes(const engine::Dimensions& dims, bool with_services, int draws);
inline constexpr std::uint64_t kMaxEnsembleBytes = std::uint64_t{4} << 30;

// Runs the draws in parallel in the calling task arena (its thread count). The statistics are
// identical for any thread count. `progress` (may be null) counts draws.
io::EnsembleStatistics run_ensemble(const engine::ProjectionInputs& inputs,
                                    const std::optional<models::ServiceParameters>& services,
                                    const scenarios::MonteCarloSpec& spec, ProgressLine* progress);

}  // namespace wardsim::batch
