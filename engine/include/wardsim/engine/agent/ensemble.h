#pragma once
// An ensemble of independent replicates of the agent kernel, run in parallel and reduced on the
// fly: means of every population and flow cell, and the exact distribution (mean, sd, quantiles)
// of coarser cells, without keeping the replicates' trajectories unless asked.

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "wardsim/engine/agent/agent_model.h"
#include "wardsim/engine/agent/agent_parameters.h"
#include "wardsim/engine/projection.h"

namespace wardsim::engine::agent {

inline constexpr std::array<double, 5> kQuantiles = {0.05, 0.25, 0.50, 0.75, 0.95};
inline constexpr std::array<const char*, 5> kQuantileNames = {"q05", "q25", "q50", "q75", "q95"};
// Five-year age bands 0-4 … 95-99 and 100+ (ages on 1 January).
inline constexpr int kAgeBands = 21;
constexpr int band_of(int age) { return age / 5 < kAgeBands ? age / 5 : kAgeBands - 1; }
std::string age_band_label(int band);

// Statistics over replicates of one quantity, each array row-major with `shape`.
struct CellStatistics {
  std::vector<std::uint64_t> shape;
  std::vector<double> mean;
  std::vector<double> sd;
  std::array<std::vector<double>, kQuantiles.size()> quantiles;
};

struct EnsembleResult {
  int replicates = 0;
  std::uint64_t seed = 0;
  // Mean over replicates of every population and flow cell (same shapes as the cohort kernel's).
  Projection mean;
  CellStatistics population_by_band;       // [year, district, sex, age band]
  CellStatistics district_population;      // [year, district]
  CellStatistics ward_population;          // [year]
  std::vector<CellStatistics> indicators;  // one per household indicator, each [year, district]
  // Each replicate's population [year][district][cell], only with keep_trajectories.
  std::vector<std::vector<std::int32_t>> trajectories;
  MemoryUse memory;  // of replicate 0
};

// Runs options.replicates replicates (replicate r uses streams keyed by options.seed and r) on
// options.threads threads. Bit-identical for any thread count. InputError for bad options,
// parameters or inputs.
EnsembleResult run_agent_ensemble(const ProjectionInputs& inputs, const AgentParameters& parameters,
                                  const EnsembleOptions& options);

}  // namespace wardsim::engine::agent
