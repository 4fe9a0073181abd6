#pragma once
// The cohort Monte Carlo ensemble of a what-if, run as a background job of `wardsim serve`: the
// draws of batch::run_ensemble on the levers' scenario, with the uncertainty (the multipliers'
// distributions) of the base scenario's sweeps/baseline_uncertainty.toml, written as a
// one-scenario batch results file (docs/results_format.md, /scenarios/<name>/ensemble/).

#include <cstdint>
#include <filesystem>

#include "wardsim/batch/progress.h"
#include "wardsim/scenarios/sweep.h"
#include "what_if_run.h"

namespace wardsim::app::serve {

// The sweep file whose [monte_carlo.multipliers] an ensemble job of `base_file` draws from.
std::filesystem::path uncertainty_file(const std::filesystem::path& base_file);

// That file's multipliers with `draws` and `seed` of the request. InputError if the file is
// missing or has no [monte_carlo] section (its own problems otherwise).
scenarios::MonteCarloSpec ensemble_spec(const std::filesystem::path& base_file, int draws,
                                        std::uint64_t seed);

// Runs the ensemble on one thread (the request threads keep the other cores) and writes `file`
// atomically; `progress` counts draws. `uncertainty` is the file `spec` came from (recorded).
void write_ensemble_results(const WhatIfRun& run, const scenarios::MonteCarloSpec& spec,
                            const std::filesystem::path& uncertainty,
                            const std::filesystem::path& file, batch::ProgressLine& progress);

}  // namespace wardsim::app::serve
