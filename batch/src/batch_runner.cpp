#include "wardsim/batch/batch_runner.h"

#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/task_arena.h>

#include <atomic>
#include <exception>
#include <mutex>
#include <optional>
#include <system_error>

#include "wardsim/batch/ensemble.h"
#include "wardsim/batch/progress.h"
#include "wardsim/engine/cohort_kernel.h"
#include "wardsim/engine/thread_count.h"
#include "wardsim/error.h"
#include "wardsim/io/batch_results.h"
#include "wardsim/models/services.h"
#include "wardsim/scenarios/file_digest.h"
#include "wardsim/scenarios/scenario.h"

namespace wardsim::batch {
namespace {

namespace fs = std::filesystem;

fs::path part_path(const fs::path& directory, std::size_t index, const std::string& name) {
  std::string number = std::to_string(index);
  number.insert(0, number.size() < 6 ? 6 - number.size() : 0, '0');
  return directory / (number + "_" + name + ".h5");
}

io::Provenance provenance_of(const scenarios::Scenario& scenario,
                             const scenarios::SweepVariant& variant, const scenarios::Sweep& sweep,
                             int threads, std::uint64_t seed) {
  io::Provenance provenance;
  provenance.scenario_name = variant.name;
  provenance.scenario_title = scenario.title.empty() ? sweep.name + ": " + variant.name
                                                     : scenario.title + ": " + variant.name;
  provenance.scenario_file = sweep.base_scenario.string();
  provenance.scenario_text = scenario.resolved_text;
  provenance.overrides = variant.overrides;
  for (const auto& input : scenario.input_files) {
    provenance.inputs.push_back({input.path, input.sha256});
  }
  provenance.estimates = scenario.estimates;
  provenance.mode = sweep.monte_carlo ? "cohort+monte_carlo" : "cohort";
  provenance.threads = threads;
  provenance.seed = seed;
  return provenance;
}

// Computes scenario `index` and writes its part file. Part writes are serialised: the HDF5
// library is not thread-safe.
void compute_part(const scenarios::Sweep& sweep, std::size_t index, const fs::path& part,
                  const std::string& digest, const BatchOptions& options, int threads,
                  std::mutex& hdf5, ProgressLine* draw_progress) {
  const scenarios::SweepVariant& variant = sweep.variants[index];
  const scenarios::Scenario scenario =
      scenarios::load_scenario(sweep.base_scenario, variant.overrides);
  const engine::Projection projection = engine::project_cohort(scenario.inputs, {.threads = 1});
  std::vector<models::ServiceResult> services;
  if (scenario.services) services = models::compute_services(projection, *scenario.services);
  std::optional<io::EnsembleStatistics> ensemble;
  if (sweep.monte_carlo) {
    ensemble = run_ensemble(scenario.inputs, scenario.services, *sweep.monte_carlo, draw_progress);
  }
  io::Provenance provenance = provenance_of(scenario, variant, sweep, threads,
                                            sweep.monte_carlo ? sweep.monte_carlo->seed : 0);
  provenance.wardsim_version = options.wardsim_version;
  const std::lock_guard lock(hdf5);
  io::write_batch_part(
      part, {&projection, std::move(provenance), scenario.services ? &services : nullptr},
      ensemble ? &*ensemble : nullptr, digest);
}

}  // namespace

fs::path parts_directory(const fs::path& out) {
  fs::path directory = out;
  directory += ".parts";
  return directory;
}

BatchSummary run_batch(const scenarios::Sweep& sweep, const BatchOptions& options,
                       Communicator& communicator) {
  const int rank = communicator.rank();
  const int ranks = communicator.size();
  const int threads = engine::resolve_thread_count(options.threads);
  const fs::path directory = parts_directory(options.out);
  // Parts of another sweep, of a changed base scenario or table, or of another wardsim are never
  // reused: the digest covers all of them.
  std::string identity = options.wardsim_version + "\n" + sweep.resolved_text;
  for (const auto& input : scenarios::load_scenario(sweep.base_scenario).input_files) {
    identity += input.path + " " + input.sha256 + "\n";
  }
  const std::string digest = scenarios::sha256_hex(identity);

  BatchSummary summary;
  summary.scenarios = static_cast<int>(sweep.variants.size());
  for (const auto& variant : sweep.variants) summary.names.push_back(variant.name);

  // Rank 0 prepares the parts directory; the others wait for it.
  std::exception_ptr failure;
  if (rank == 0) {
    try {
      std::error_code error;
      if (!options.resume) fs::remove_all(directory, error);
      fs::create_directories(directory, error);
      if (error) {
        throw IoError("cannot create the parts directory '" + directory.string() +
                      "': " + error.message());
      }
    } catch (...) {
      failure = std::current_exception();
    }
  }
  if (!communicator.all_true(failure == nullptr)) {
    if (failure) std::rethrow_exception(failure);
    throw Error("batch stopped: another MPI rank failed");
  }

  // This rank's scenarios, minus those a resumed batch finished already.
  std::vector<std::size_t> todo;
  for (std::size_t i = 0; i < sweep.variants.size(); ++i) {
    if (static_cast<int>(i % static_cast<std::size_t>(ranks)) != rank) continue;
    const fs::path part = part_path(directory, i, sweep.variants[i].name);
    if (options.resume && io::read_part_digest(part) == digest) {
      ++summary.reused;
    } else {
      todo.push_back(i);
    }
  }

  std::ostream* progress_out = rank == 0 ? options.progress : nullptr;
  std::atomic<int> started{0};
  std::atomic<int> computed{0};
  const auto may_start = [&] {
    return options.stop_after < 0 || started.fetch_add(1) < options.stop_after;
  };
  std::mutex hdf5;
  try {
    tbb::task_arena arena(threads);
    if (sweep.monte_carlo) {
      // Draws are the parallel work: scenarios one after another, each ensemble on every thread.
      for (const std::size_t i : todo) {
        if (!may_start()) break;
        ProgressLine draws(progress_out, sweep.variants[i].name, sweep.monte_carlo->draws, "draws");
        arena.execute([&] {
          compute_part(sweep, i, part_path(directory, i, sweep.variants[i].name), digest, options,
                       threads, hdf5, &draws);
        });
        draws.finish();
        ++computed;
      }
    } else {
      ProgressLine scenarios_done(progress_out, "batch " + sweep.name,
                                  static_cast<std::int64_t>(todo.size()), "scenarios");
      arena.execute([&] {
        tbb::parallel_for(std::size_t{0}, todo.size(), [&](std::size_t t) {
          if (!may_start()) return;
          const std::size_t i = todo[t];
          compute_part(sweep, i, part_path(directory, i, sweep.variants[i].name), digest, options,
                       threads, hdf5, nullptr);
          ++computed;
          scenarios_done.advance();
        });
      });
      scenarios_done.finish();
    }
  } catch (...) {
    failure = std::current_exception();
  }
  summary.computed = computed.load();
  const bool interrupted = summary.computed < static_cast<int>(todo.size());
  if (!communicator.all_true(failure == nullptr)) {
    if (failure) std::rethrow_exception(failure);
    throw Error(
        "batch stopped: another MPI rank failed (its finished parts are kept for --resume)");
  }
  if (!communicator.all_true(!interrupted)) return summary;

  if (rank == 0) {
    std::vector<fs::path> parts;
    for (std::size_t i = 0; i < sweep.variants.size(); ++i) {
      parts.push_back(part_path(directory, i, sweep.variants[i].name));
    }
    io::BatchRecord record;
    record.wardsim_version = options.wardsim_version;
    record.sweep_name = sweep.name;
    record.sweep_title = sweep.title;
    record.sweep_file = sweep.file.string();
    record.sweep_text = sweep.text;
    record.resolved_text = sweep.resolved_text;
    record.design = sweep.design;
    record.ranks = ranks;
    record.threads = threads;
    try {
      io::assemble_batch_results(options.out, parts, record);
      std::error_code ignored;
      fs::remove_all(directory, ignored);
    } catch (...) {
      failure = std::current_exception();
    }
  }
  if (!communicator.all_true(failure == nullptr)) {
    if (failure) std::rethrow_exception(failure);
    throw Error("batch stopped: rank 0 could not assemble the results file");
  }
  summary.complete = true;
  return summary;
}

}  // namespace wardsim::batch
