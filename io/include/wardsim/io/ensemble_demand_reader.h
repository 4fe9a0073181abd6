#pragma once
// Reads what a backcast under uncertainty needs from an ensemble in a results file: either the
// stored demand quantiles of a batch Monte Carlo ensemble (docs/batch.md) or the kept
// per-replicate populations of an agent ensemble (docs/results_format.md, "Ensembles"), from
// which every replicate's demand can be recomputed exactly.

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "wardsim/engine/projection.h"

namespace wardsim::io {

struct EnsembleDemand {
  std::string source;  // "monte_carlo" (wardsim batch) or "agent" (wardsim run --mode agent)
  int draws = 0;       // draws or replicates
  std::vector<double> levels;  // the stored quantile levels, ascending
  // monte_carlo: each service's headline demand, [level][year][district], by service name.
  std::map<std::string, std::vector<double>> demand_quantiles;
  // agent with kept trajectories: every replicate's population in one array,
  // [replicate][year][district][sex·age] (whole persons); 0 replicates when the run did not keep
  // them. One array, as stored: the whole ward's replicates can be hundreds of megabytes.
  int kept_replicates = 0;
  std::vector<std::int32_t> trajectories;

  // Replicate r's population as a projection without flows (services read only population).
  engine::Projection replicate(std::size_t r, const engine::Dimensions& dims) const;
};

// The ensemble of `scenario` in `file`. InputError (naming the file) when the file has no such
// scenario, the scenario has no ensemble, or its years or districts differ from `expected` (the
// projection being backcast); IoError when the file cannot be read.
EnsembleDemand read_ensemble_demand(const std::filesystem::path& file, const std::string& scenario,
                                    const engine::Dimensions& expected);

}  // namespace wardsim::io
