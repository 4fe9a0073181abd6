#pragma once
// Runs every scenario of a sweep and assembles one results file.
//
// Each finished scenario is written to its own part file in `<out>.parts/` (atomically), so that
// an interrupted batch resumes where it stopped and an MPI job's ranks write in parallel without
// a parallel HDF5 library; the results file is assembled from the parts at the end (atomically)
// and the parts are then removed.

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "wardsim/batch/communicator.h"
#include "wardsim/scenarios/sweep.h"

namespace wardsim::batch {

struct BatchOptions {
  std::filesystem::path out;         // the results file
  int threads = 0;                   // per process; 0 = all cores
  bool resume = false;               // reuse finished parts of the same sweep
  std::ostream* progress = nullptr;  // the progress line (rank 0 only), or none
  // Test hook: stop, as an interruption would, once this many scenarios have been computed by
  // this process (-1: run to the end).
  int stop_after = -1;
  std::string wardsim_version;
};

struct BatchSummary {
  int scenarios = 0;               // in the sweep
  int computed = 0;                // by this process, this time
  int reused = 0;                  // finished parts found by --resume, on this process
  bool complete = false;           // the results file was assembled
  std::vector<std::string> names;  // the scenarios, in order
};

// The directory of part files of a batch writing `out`.
std::filesystem::path parts_directory(const std::filesystem::path& out);

// Runs `sweep` (already read with read_sweep and checked with check_sweep_levers). Scenario i is
// computed by rank i mod ranks. Throws the first error of this process, or Error if another rank
// failed; nothing is assembled then, and finished parts stay for --resume.
BatchSummary run_batch(const scenarios::Sweep& sweep, const BatchOptions& options,
                       Communicator& communicator);

}  // namespace wardsim::batch
