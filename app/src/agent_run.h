#pragma once
// `wardsim run --mode agent`: an ensemble of the agent microsimulation, its results file and
// summary.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>

#include "wardsim/io/provenance.h"
#include "wardsim/scenarios/scenario.h"

namespace wardsim::app {

struct AgentRunRequest {
  std::optional<int> replicates;      // --replicates, else the scenario's agent.replicates
  std::optional<std::uint64_t> seed;  // --seed, else the scenario's agent.seed
  bool keep_trajectories = false;
  int threads = 1;
};

// Runs the ensemble, computes the services from its mean projection, writes `out_file` and prints
// the summary. `provenance` is the cohort provenance of the scenario: mode and seed are set here.
// InputError if the scenario has no [agent] section or the replicates are not ≥ 1.
void run_agent_mode(const scenarios::Scenario& scenario, const AgentRunRequest& request,
                    io::Provenance provenance, const std::filesystem::path& out_file,
                    std::ostream& out);

}  // namespace wardsim::app
