#pragma once
// The cohort kernel for ensembles: population snapshots only, on the calling thread.
//
// An ensemble runs thousands of projections and reads only their populations. Handing each year
// to the caller as it is made (instead of keeping 36 snapshots and 35 years of six flow cubes)
// keeps the whole working set in cache, and running on the calling thread leaves the parallelism
// to the loop over projections. The numbers are those of project_cohort, bit for bit: the same
// cohort_step does the work.

#include <oneapi/tbb/task_arena.h>

#include <array>
#include <functional>
#include <vector>

#include "wardsim/engine/cohort_kernel.h"

namespace wardsim::engine {

// Who checks the inputs of a projection.
enum class InputCheck {
  kHere,          // check_inputs before projecting (throws InputError)
  kDoneByCaller,  // an ensemble that has checked the extremes of its draws once for all draws
};

// Scratch space of one thread of an ensemble; reused by every projection it runs.
class PopulationWorkspace {
 public:
  explicit PopulationWorkspace(int districts = 0);

 private:
  friend void project_population(const ProjectionInputs&, PopulationWorkspace&,
                                 const std::function<void(int, const DistrictCube&)>&, InputCheck);
  StepWorkspace step_;
  YearFlows flows_;                        // the flows of the current year only
  std::array<DistrictCube, 2> snapshots_;  // this year and the next
  tbb::task_arena one_thread_;  // keeps cohort_step's district loop on the calling thread
};

// Projects `inputs`, calling on_year(i, population on 1 January of year i) for i = 0 ..
// inputs.dims.years() - 1 in order, base year first. The snapshot is overwritten two calls
// later: on_year copies what it keeps.
void project_population(const ProjectionInputs& inputs, PopulationWorkspace& workspace,
                        const std::function<void(int, const DistrictCube&)>& on_year,
                        InputCheck check = InputCheck::kHere);

// The same, keeping every snapshot in `population` (reusing its storage when the shape fits).
void project_population(const ProjectionInputs& inputs, PopulationWorkspace& workspace,
                        std::vector<DistrictCube>& population,
                        InputCheck check = InputCheck::kHere);

}  // namespace wardsim::engine
