#include "wardsim/engine/agent/agent_parameters.h"

#include <cmath>
#include <string>
#include <vector>

#include "wardsim/error.h"

namespace wardsim::engine::agent {
namespace {

void check_rate(double value, const std::string& name, std::vector<std::string>& problems) {
  if (!(value >= 0.0 && value <= 1.0)) {
    problems.push_back("agent parameters: " + name + " must be between 0 and 1, found " +
                       std::to_string(value));
  }
}

}  // namespace

void check_parameters(const AgentParameters& parameters) {
  std::vector<std::string> problems;
  double sum = 0.0;
  for (int t = 0; t < kHouseholdTypes; ++t) {
    const double share = parameters.household_type_shares[static_cast<std::size_t>(t)];
    check_rate(share,
               "the share of " + std::string(kHouseholdTypeNames[static_cast<std::size_t>(t)]) +
                   " households",
               problems);
    sum += share;
  }
  if (!(std::abs(sum - 1.0) <= 1e-6)) {
    problems.push_back("agent parameters: household type shares must sum to 1, found " +
                       std::to_string(sum));
  }
  check_rate(parameters.leaving_home_rate, "leaving_home_rate", problems);
  check_rate(parameters.union_rate, "union_rate", problems);
  check_rate(parameters.in_migrant_couple_share, "in_migrant_couple_share", problems);
  if (!problems.empty()) throw InputError(std::move(problems));
}

void check_options(const EnsembleOptions& options) {
  std::vector<std::string> problems;
  if (options.replicates <= 0) {
    problems.push_back("the number of replicates must be at least 1, found " +
                       std::to_string(options.replicates));
  }
  if (options.threads < 0) {
    problems.push_back("the number of threads must be 0 (all cores) or more, found " +
                       std::to_string(options.threads));
  }
  if (!problems.empty()) throw InputError(std::move(problems));
}

}  // namespace wardsim::engine::agent
