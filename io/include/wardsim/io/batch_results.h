#pragma once
// Results of a batch (`wardsim batch`): one part file per finished scenario, assembled into one
// results file with the sweep recorded. Layout: docs/batch.md.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "wardsim/io/results_writer.h"

namespace wardsim::io {

// A reduced indicator of a Monte Carlo ensemble: values by district and year.
struct EnsembleIndicator {
  std::string name;         // dataset path below ensemble/, e.g. "population", "childcare/demand"
  std::string units;        // e.g. "persons", "children", "probability"
  std::string description;  // one sentence
  bool by_quantile = true;  // values [quantile][year][district], else [year][district]
  std::vector<double> values;
};

struct EnsembleStatistics {
  int draws = 0;
  std::uint64_t seed = 0;
  std::vector<double> quantiles;              // e.g. 0.05 … 0.95
  std::vector<std::string> multiplier_names;  // the uncertain rates, e.g. "tfr"
  std::vector<std::string> multiplier_notes;  // their distributions, e.g. "lognormal sigma 0.1"
  std::vector<double> multipliers;            // [draw][rate]: each draw's multipliers
  std::vector<EnsembleIndicator> indicators;  // in the order written
};

// What the assembled file records about the batch, under /batch.
struct BatchRecord {
  std::string wardsim_version;
  std::string sweep_name;
  std::string sweep_title;
  std::string sweep_file;     // as given on the command line
  std::string sweep_text;     // the file as read
  std::string resolved_text;  // the expanded definition: every scenario's overrides
  std::string design;         // variants, grid, latin_hypercube or base
  int ranks = 1;              // MPI processes that computed the parts
  int threads = 1;            // threads per process
};

// Writes one finished scenario (and its ensemble, if any) to `part`, atomically: under a staging
// name first, renamed when complete. `sweep_digest` identifies the sweep that made it, so that a
// resumed batch never mixes parts of different sweeps.
void write_batch_part(const std::filesystem::path& part, const ScenarioResults& scenario,
                      const EnsembleStatistics* ensemble, const std::string& sweep_digest);

// The sweep digest recorded in `part`, or an empty string if it is not a complete part file.
std::string read_part_digest(const std::filesystem::path& part) noexcept;

// Assembles the part files (one scenario each, in the batch's order) into `file`: under a
// temporary name first, renamed when complete. Throws IoError on failure.
void assemble_batch_results(const std::filesystem::path& file,
                            const std::vector<std::filesystem::path>& parts,
                            const BatchRecord& record);

// The /batch record of an assembled batch results file (InputError if the file has none).
BatchRecord read_batch_record(const std::filesystem::path& file);

// The ensemble of `scenario` in a results file (empty statistics with draws = 0 if it has none).
EnsembleStatistics read_ensemble(const std::filesystem::path& file, const std::string& scenario);

}  // namespace wardsim::io
