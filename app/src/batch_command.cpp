#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <sstream>
#include <string>

#include "command_options.h"
#include "wardsim/app/exit_codes.h"
#include "wardsim/batch/batch_runner.h"
#include "wardsim/batch/communicator.h"
#include "wardsim/error.h"
#include "wardsim/io/batch_results.h"
#include "wardsim/scenarios/sweep.h"

namespace wardsim::app {
namespace {

// The highest shortfall probability of each service in the ensemble, with where and when.
void print_ensemble_risks(const std::filesystem::path& file, const std::string& scenario,
                          std::ostream& out) {
  const io::EnsembleStatistics ensemble = io::read_ensemble(file, scenario);
  if (ensemble.draws == 0) return;
  out << "  " << scenario << ": " << ensemble.draws << " draws";
  for (const auto& indicator : ensemble.indicators) {
    const std::string suffix = "/shortfall_probability";
    if (!indicator.name.ends_with(suffix)) continue;
    double highest = 0.0;
    for (const double p : indicator.values) highest = std::max(highest, p);
    out << "; " << indicator.name.substr(0, indicator.name.size() - suffix.size())
        << " risk of a shortfall up to " << static_cast<int>(highest * 100.0 + 0.5) << " %";
  }
  out << "\n";
}

// Reads, checks and runs the sweep; `speaks` on rank 0 only.
int run_sweep(const CommandContext& context, const po::variables_map& values,
              batch::Communicator& communicator, bool speaks) {
  // Every rank validates the same input and fails the same way; only rank 0 reports it.
  std::ostringstream silenced;
  std::ostream& out = speaks ? context.out : silenced;

  const auto started = std::chrono::steady_clock::now();
  const scenarios::Sweep sweep = scenarios::read_sweep(values["sweep"].as<std::string>());
  scenarios::check_sweep_levers(sweep);

  batch::BatchOptions options;
  options.out = values.count("out") != 0U ? std::filesystem::path(values["out"].as<std::string>())
                                          : std::filesystem::path("results") / (sweep.name + ".h5");
  options.threads = values["threads"].as<int>();
  options.resume = values["resume"].as<bool>();
  options.progress = speaks ? &context.err : nullptr;
  options.wardsim_version = WARDSIM_VERSION;
  if (const char* stop = std::getenv("WARDSIM_BATCH_STOP_AFTER")) {
    // Test hook: behave as if interrupted after this many scenarios.
    options.stop_after = std::stoi(stop);
  }

  out << "wardsim " << WARDSIM_VERSION << ": batch '" << sweep.name << "', "
      << sweep.variants.size() << " scenario(s) (" << sweep.design << ")"
      << (sweep.monte_carlo
              ? ", " + std::to_string(sweep.monte_carlo->draws) + " Monte Carlo draws each"
              : std::string())
      << ", " << communicator.size() << " process(es)\n";
  const batch::BatchSummary summary = batch::run_batch(sweep, options, communicator);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!summary.complete) {
    out << "Stopped after " << summary.computed << " new scenario(s); finished parts are in "
        << batch::parts_directory(options.out).string() << " (run again with --resume)\n";
    return 0;
  }
  if (speaks && sweep.monte_carlo) {
    for (const auto& name : summary.names) print_ensemble_risks(options.out, name, out);
  }
  out << "Computed " << summary.computed << ", reused " << summary.reused << " (rank 0); wrote "
      << options.out.string() << " in " << seconds << " s\n";
  return 0;
}

}  // namespace

int batch_command(const CommandContext& context) {
  CommandSpec spec(
      "wardsim batch SWEEP.toml [--out FILE] [--threads N] [--resume]",
      "Runs every scenario of a sweep (variants, a grid, a Latin hypercube sample, Monte Carlo "
      "draws) and writes them into one results file. Under mpirun the scenarios are split over "
      "the ranks.");
  spec.options.add_options()("sweep", po::value<std::string>()->required(), "sweep file (TOML)")(
      "out,o", po::value<std::string>(),
      "results file to write (default: results/<sweep name>.h5)")(
      "threads,t", po::value<int>()->default_value(0),
      "worker threads per process (0 = all cores)")(
      "resume", po::bool_switch(), "reuse the finished scenarios of an interrupted run");
  spec.positional.add("sweep", 1);
  po::variables_map values;
  if (!parse_command(context, spec, values)) return 0;
  if (values["threads"].as<int>() < 0) throw UsageError("--threads must be 0 or more");

  // MPI only when mpirun started us; a plain `wardsim batch` never touches it.
  std::unique_ptr<batch::Communicator> communicator = batch::launched_by_mpirun()
                                                          ? batch::open_mpi_world()
                                                          : std::make_unique<batch::Communicator>();
  const bool speaks = communicator->rank() == 0;
  try {
    return run_sweep(context, values, *communicator, speaks);
  } catch (const std::exception& error) {
    // Every rank meets the same bad input, or learns of another rank's failure: rank 0 reports.
    if (!speaks) return exit_code_for(error);
    throw;
  }
}

}  // namespace wardsim::app
