// The cohort kernel on the bundled 28-district Setagaya baseline: one annual step and the whole
// 2025→2060 projection, each beside the naive reference of the same work.

#include <benchmark/benchmark.h>
#include <oneapi/tbb/task_arena.h>

#include <cmath>
#include <exception>
#include <optional>

#include "naive_cohort_step.h"
#include "ratio_reporter.h"
#include "wardsim/engine/cohort_kernel.h"
#include "wardsim/scenarios/scenario.h"

namespace wardsim::benchmarks {
namespace {

const engine::ProjectionInputs* setagaya() {
  static const std::optional<engine::ProjectionInputs> inputs =
      []() -> std::optional<engine::ProjectionInputs> {
    try {
      return scenarios::load_scenario(WARDSIM_SOURCE_DIR "/scenarios/setagaya/baseline.toml")
          .inputs;
    } catch (const std::exception&) {
      return std::nullopt;
    }
  }();
  return inputs ? &*inputs : nullptr;
}

// The naive reference must compute the same numbers, or the ratio would mean nothing.
bool naive_agrees(const engine::ProjectionInputs& inputs) {
  engine::DistrictCube end(inputs.base_population.rows(), engine::kCells);
  engine::YearFlows flows(static_cast<int>(inputs.base_population.rows()));
  engine::StepWorkspace workspace(static_cast<int>(inputs.base_population.rows()));
  engine::cohort_step(inputs.base_population, inputs.rates[0], end, flows, workspace);
  const NaiveCube naive = naive_cohort_step(to_naive(inputs.base_population), inputs.rates[0]);
  const NaiveCube engine_result = to_naive(end);
  for (std::size_t d = 0; d < naive.size(); ++d) {
    for (std::size_t s = 0; s < naive[d].size(); ++s) {
      for (std::size_t a = 0; a < naive[d][s].size(); ++a) {
        const double x = naive[d][s][a];
        if (std::abs(x - engine_result[d][s][a]) > 1e-9 * std::max(1.0, x)) return false;
      }
    }
  }
  return true;
}

bool ready(benchmark::State& state) {
  if (setagaya() == nullptr) {
    state.SkipWithError("the bundled Setagaya baseline could not be loaded");
    return false;
  }
  if (!naive_agrees(*setagaya())) {
    state.SkipWithError("the naive reference disagrees with the engine");
    return false;
  }
  return true;
}

void annual_step_engine(benchmark::State& state) {
  if (!ready(state)) return;
  const auto& inputs = *setagaya();
  const auto districts = static_cast<int>(inputs.base_population.rows());
  engine::DistrictCube end(districts, engine::kCells);
  engine::YearFlows flows(districts);
  engine::StepWorkspace workspace(districts);
  // One core, like the reference: the step runs serially inside a one-thread arena.
  tbb::task_arena one_thread(1);
  one_thread.execute([&] {
    for (auto _ : state) {
      engine::cohort_step(inputs.base_population, inputs.rates[0], end, flows, workspace);
      benchmark::DoNotOptimize(end.data());
      benchmark::ClobberMemory();
    }
  });
}

void annual_step_naive(benchmark::State& state) {
  if (!ready(state)) return;
  const auto& inputs = *setagaya();
  const NaiveCube start = to_naive(inputs.base_population);
  for (auto _ : state) {
    NaiveCube end = naive_cohort_step(start, inputs.rates[0]);
    benchmark::DoNotOptimize(end.data());
  }
}

// The what-if loop: the same ward re-run into the same storage, on one thread, input checks
// included.
void projection_engine(benchmark::State& state) {
  if (!ready(state)) return;
  engine::Projection projection;
  for (auto _ : state) {
    engine::project_cohort(*setagaya(), {.threads = 1}, projection);
    benchmark::DoNotOptimize(projection.population.back().data());
  }
}

void projection_naive(benchmark::State& state) {
  if (!ready(state)) return;
  const auto& inputs = *setagaya();
  for (auto _ : state) {
    std::vector<NaiveCube> years{to_naive(inputs.base_population)};
    for (const engine::YearRates& rates : inputs.rates) {
      years.push_back(naive_cohort_step(years.back(), rates));
    }
    benchmark::DoNotOptimize(years.back().data());
  }
}

BENCHMARK(annual_step_engine)->Name("annual_step/engine")->Unit(benchmark::kMicrosecond);
BENCHMARK(annual_step_naive)->Name("annual_step/naive")->Unit(benchmark::kMicrosecond);
BENCHMARK(projection_engine)->Name("projection_2025_2060/engine")->Unit(benchmark::kMicrosecond);
BENCHMARK(projection_naive)->Name("projection_2025_2060/naive")->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace wardsim::benchmarks

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  wardsim::benchmarks::RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}
