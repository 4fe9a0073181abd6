#pragma once
// What the agent kernel needs beyond the cohort kernel's rates: the household model's parameters.

#include <array>
#include <cstdint>

#include "wardsim/engine/agent/household_types.h"

namespace wardsim::engine::agent {

struct AgentParameters {
  // Share of each household type among the base year's households (sums to 1); the synthesis
  // builds family households in these proportions, single-person households take the rest.
  std::array<double, kHouseholdTypes> household_type_shares{};
  // Annual probability that an unpartnered person aged 18-34 living with their parents' generation
  // (and with no children of their own in the household) leaves to form a one-person household.
  double leaving_home_rate = 0.0;
  // Annual probability that an unpartnered person aged 25-49 living alone seeks a partner; seekers
  // of one district and year are paired man to woman (the woman joins the man's household), so the
  // realised rate is lower where one sex is short.
  double union_rate = 0.0;
  // Share of adult in-migrants who arrive as a couple (the others arrive alone, or as a parent with
  // the children who come with them).
  double in_migrant_couple_share = 0.0;
};

// Throws InputError listing every violation (shares not in [0, 1] or not summing to 1 within
// 1e-6, rates outside [0, 1]).
void check_parameters(const AgentParameters& parameters);

struct EnsembleOptions {
  int replicates = 1;
  std::uint64_t seed = 0;
  int threads = 0;                 // 0 = all hardware threads
  bool keep_trajectories = false;  // keep every replicate's population cube
};

// Throws InputError if replicates ≤ 0.
void check_options(const EnsembleOptions& options);

}  // namespace wardsim::engine::agent
