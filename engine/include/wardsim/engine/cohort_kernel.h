#pragma once
// The deterministic multiregional cohort-component kernel.

#include "wardsim/engine/projection.h"
#include "wardsim/engine/projection_inputs.h"

namespace wardsim::engine {

// What a step records besides the population.
enum class StepFlows {
  kAll,  // every flow of every district: a projection's accounts
  // Births and moves only: deaths, emigrants and in-migrants are computed but not stored (an
  // ensemble reads only the population), and districts run one after another. The population is
  // the same, bit for bit.
  kPopulationOnly,
};

// Scratch space reused across steps so that the annual step allocates nothing.
struct StepWorkspace {
  DistrictCube survivors;  // cohort after deaths and out-migration, before moves
  explicit StepWorkspace(int districts = 0);
};

// Advances `start` (1 January t) by one year into `end` (1 January t+1) and records the flows
// `detail` asks for. `end`, `flows` and `workspace` must be sized for start.rows() districts.
void cohort_step(const DistrictCube& start, const YearRates& rates, DistrictCube& end,
                 YearFlows& flows, StepWorkspace& workspace, StepFlows detail = StepFlows::kAll);

// Runs the whole projection. Results are identical for any options.threads.
Projection project_cohort(const ProjectionInputs& inputs, const RunOptions& options = {});

// The same, into `out`, reusing its storage when its shape already fits: a what-if loop that
// re-runs the same ward many times then allocates (and first touches) no memory at all.
void project_cohort(const ProjectionInputs& inputs, const RunOptions& options, Projection& out);

}  // namespace wardsim::engine
