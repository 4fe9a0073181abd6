#pragma once
// The cohort kernel for ensembles: population snapshots only, on the calling thread.
//
// An ensemble runs thousands of projections and reads only their populations. Keeping one year's
// flows in a scratch buffer (instead of 35 years of six flow cubes) keeps the whole working set in
// cache, and running on the calling thread leaves the parallelism to the loop over projections.
// The numbers are those of project_cohort, bit for bit: the same cohort_step does the work.

#include <oneapi/tbb/task_arena.h>

#include <vector>

#include "wardsim/engine/cohort_kernel.h"

namespace wardsim::engine {

// Scratch space of one thread of an ensemble; reused by every projection it runs.
class PopulationWorkspace {
 public:
  explicit PopulationWorkspace(int districts = 0);

 private:
  friend void project_population(const ProjectionInputs&, PopulationWorkspace&,
                                 std::vector<DistrictCube>&);
  StepWorkspace step_;
  YearFlows flows_;             // the flows of the current year only
  tbb::task_arena one_thread_;  // keeps cohort_step's district loop on the calling thread
};

// Projects `inputs` (checked with check_inputs) into `population`: inputs.dims.years()
// snapshots, base year first, reusing its storage when the shape already fits.
void project_population(const ProjectionInputs& inputs, PopulationWorkspace& workspace,
                        std::vector<DistrictCube>& population);

}  // namespace wardsim::engine
