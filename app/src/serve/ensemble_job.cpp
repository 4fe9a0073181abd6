#include "ensemble_job.h"

#include <oneapi/tbb/task_arena.h>

#include <mutex>
#include <system_error>

#include "result_download.h"
#include "wardsim/batch/ensemble.h"
#include "wardsim/error.h"
#include "wardsim/io/batch_results.h"

namespace wardsim::app::serve {

namespace fs = std::filesystem;

fs::path uncertainty_file(const fs::path& base_file) {
  return base_file.parent_path() / "sweeps" / "baseline_uncertainty.toml";
}

scenarios::MonteCarloSpec ensemble_spec(const fs::path& base_file, int draws, std::uint64_t seed) {
  const fs::path file = uncertainty_file(base_file);
  std::error_code missing;
  if (!fs::is_regular_file(file, missing)) {
    throw InputError({"request: an ensemble job draws its uncertainty from '" + file.string() +
                      "', which does not exist"});
  }
  const scenarios::Sweep sweep = scenarios::read_sweep(file);
  if (!sweep.monte_carlo) {
    throw InputError({file.string() + ": an ensemble job needs its [monte_carlo] section"});
  }
  scenarios::MonteCarloSpec spec = *sweep.monte_carlo;
  spec.draws = draws;
  spec.seed = seed;
  return spec;
}

void write_ensemble_results(const WhatIfRun& run, const scenarios::MonteCarloSpec& spec,
                            const fs::path& uncertainty, const fs::path& file,
                            batch::ProgressLine& progress) {
  tbb::task_arena one_core(1);
  const io::EnsembleStatistics ensemble = one_core.execute([&] {
    return batch::run_ensemble(run.scenario.inputs, run.scenario.services, spec, &progress);
  });
  progress.finish();

  io::Provenance provenance = what_if_provenance(run, 1);
  provenance.mode = "cohort+monte_carlo";
  provenance.seed = spec.seed;
  io::BatchRecord record;
  record.wardsim_version = provenance.wardsim_version;
  record.sweep_name = run.scenario.name + "_ensemble";
  record.sweep_title = "Monte Carlo ensemble of a what-if from wardsim serve";
  record.sweep_file = uncertainty.string();
  record.sweep_text = run.scenario_toml;
  record.resolved_text = run.scenario_toml;
  record.design = "base";

  // A one-scenario batch: its part, then the assembled file (each written atomically).
  fs::path part = file;
  part += ".part";
  const std::lock_guard files(file_library_lock());
  io::write_batch_part(
      part,
      {&run.projection, std::move(provenance), run.services.empty() ? nullptr : &run.services},
      &ensemble, "serve");
  io::assemble_batch_results(file, {part}, record);
  std::error_code ignored;
  fs::remove(part, ignored);
}

}  // namespace wardsim::app::serve
