#pragma once
// One replicate of the agent microsimulation: base-population synthesis, then every year's events
// for every district, in parallel over districts (results do not depend on the thread count).

#include <cstdint>
#include <functional>
#include <vector>

#include "wardsim/engine/agent/agent_parameters.h"
#include "wardsim/engine/agent/agent_year.h"
#include "wardsim/engine/agent/household_types.h"
#include "wardsim/engine/agent/year_tables.h"
#include "wardsim/engine/projection_inputs.h"

namespace wardsim::engine::agent {

// A replicate's whole trajectory in whole persons. Cubes are row-major:
// population [year][district][cell], flows [step][district][cell], births [step][district][sex],
// indicators [year][district][indicator] (see household_types.h).
struct ReplicateTrajectory {
  int years = 0;
  int districts = 0;
  std::vector<std::int32_t> population;
  std::vector<std::int32_t> births;
  std::vector<std::int32_t> deaths;
  std::vector<std::int32_t> out_migration;
  std::vector<std::int32_t> in_migration;
  std::vector<std::int32_t> moves_out;
  std::vector<std::int32_t> moves_in;
  std::vector<std::int32_t> indicators;

  int steps() const { return years - 1; }
  std::int32_t population_at(int year, int district, int c) const {
    return population[(static_cast<std::size_t>(year) * static_cast<std::size_t>(districts) +
                       static_cast<std::size_t>(district)) *
                          kCells +
                      static_cast<std::size_t>(c)];
  }
};

// Peak memory of a replicate's persons and households, for reports.
struct MemoryUse {
  std::size_t persons = 0;     // largest number of persons held at once
  std::size_t households = 0;  // largest number of households
  std::size_t bytes = 0;       // bytes of their arrays' elements at that point
};

// Called with the districts' states on each 1 January (year index 0 = base year), for checks.
using StateObserver = std::function<void(int year, const std::vector<DistrictState>& states)>;

class AgentModel {
 public:
  // Checks the inputs and parameters (InputError) and prepares every year's thresholds. `inputs`
  // must outlive the model.
  AgentModel(const ProjectionInputs& inputs, const AgentParameters& parameters);

  // Runs replicate `replicate` of the ensemble with `seed` into `out` (reusing its storage).
  // Parallel over districts when the calling task arena has more than one thread.
  void run(std::uint64_t seed, int replicate, ReplicateTrajectory& out, MemoryUse* memory = nullptr,
           const StateObserver& observer = {}) const;

  const ProjectionInputs& inputs() const { return inputs_; }

 private:
  const ProjectionInputs& inputs_;
  AgentParameters parameters_;
  std::vector<YearTables> tables_;
  std::vector<std::int32_t> base_;  // the integerised base table
};

}  // namespace wardsim::engine::agent
