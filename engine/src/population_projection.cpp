#include "wardsim/engine/population_projection.h"

namespace wardsim::engine {

PopulationWorkspace::PopulationWorkspace(int districts)
    : step_(districts), flows_(districts), one_thread_(1) {}

void project_population(const ProjectionInputs& inputs, PopulationWorkspace& workspace,
                        const std::function<void(int, const DistrictCube&)>& on_year,
                        InputCheck check) {
  if (check == InputCheck::kHere) check_inputs(inputs);
  const int districts = inputs.dims.district_count();
  const int steps = inputs.dims.steps();
  if (workspace.flows_.deaths.rows() != districts) {
    workspace.step_ = StepWorkspace(districts);
    workspace.flows_ = YearFlows(districts);
  }
  for (DistrictCube& cube : workspace.snapshots_) {
    if (cube.rows() != districts) cube.resize(districts, kCells);
  }
  workspace.snapshots_[0] = inputs.base_population;
  on_year(0, workspace.snapshots_[0]);
  workspace.one_thread_.execute([&] {
    for (int step = 0; step < steps; ++step) {
      const DistrictCube& start = workspace.snapshots_[static_cast<std::size_t>(step % 2)];
      DistrictCube& end = workspace.snapshots_[static_cast<std::size_t>((step + 1) % 2)];
      cohort_step(start, inputs.rates[static_cast<std::size_t>(step)], end, workspace.flows_,
                  workspace.step_, StepFlows::kPopulationOnly);
      on_year(step + 1, end);
    }
  });
}

void project_population(const ProjectionInputs& inputs, PopulationWorkspace& workspace,
                        std::vector<DistrictCube>& population, InputCheck check) {
  population.resize(static_cast<std::size_t>(inputs.dims.years()));
  project_population(
      inputs, workspace,
      [&](int year, const DistrictCube& cube) {
        population[static_cast<std::size_t>(year)] = cube;
      },
      check);
}

}  // namespace wardsim::engine
