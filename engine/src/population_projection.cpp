#include "wardsim/engine/population_projection.h"

namespace wardsim::engine {

PopulationWorkspace::PopulationWorkspace(int districts)
    : step_(districts), flows_(districts), one_thread_(1) {}

void project_population(const ProjectionInputs& inputs, PopulationWorkspace& workspace,
                        std::vector<DistrictCube>& population) {
  check_inputs(inputs);
  const int districts = inputs.dims.district_count();
  const auto steps = static_cast<std::size_t>(inputs.dims.steps());
  if (workspace.flows_.deaths.rows() != districts) {
    workspace.step_ = StepWorkspace(districts);
    workspace.flows_ = YearFlows(districts);
  }
  population.resize(steps + 1);
  for (DistrictCube& cube : population) {
    if (cube.rows() != districts) cube.resize(districts, kCells);
  }
  population.front() = inputs.base_population;
  workspace.one_thread_.execute([&] {
    for (std::size_t step = 0; step < steps; ++step) {
      cohort_step(population[step], inputs.rates[step], population[step + 1], workspace.flows_,
                  workspace.step_);
    }
  });
}

}  // namespace wardsim::engine
