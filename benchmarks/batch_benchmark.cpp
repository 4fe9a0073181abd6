// The Monte Carlo ensemble of `wardsim batch` on the bundled Setagaya baseline (28 districts,
// 2025→2060: 35 annual steps): 10,000 draws of TFR, in- and out-migration multipliers, reduced to
// quantiles and shortfall risks and written to HDF5, beside the naive way of doing the same draws
// one by one as `wardsim run` does (load the scenario, project with flows, compute the services,
// write a results file), timed on a few draws and scaled to 10,000.
//
// Run: build-bench/benchmarks/wardsim_batch_benchmark [--benchmark_filter=...]
// Environment: WARDSIM_BENCH_DRAWS (default 10000), WARDSIM_BENCH_THREADS (default 2).

#include <benchmark/benchmark.h>
#include <oneapi/tbb/task_arena.h>
#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>

#include "wardsim/batch/ensemble.h"
#include "wardsim/batch/rate_draws.h"
#include "wardsim/engine/cohort_kernel.h"
#include "wardsim/engine/population_projection.h"
#include "wardsim/io/batch_results.h"
#include "wardsim/io/results_writer.h"
#include "wardsim/models/services.h"
#include "wardsim/scenarios/scenario.h"

namespace wardsim::benchmarks {
namespace {

namespace fs = std::filesystem;
const char* const kBaseline = WARDSIM_SOURCE_DIR "/scenarios/setagaya/baseline.toml";

int env_int(const char* name, int fallback) {
  const char* value = std::getenv(name);
  return value != nullptr ? std::atoi(value) : fallback;
}

scenarios::MonteCarloSpec spec(int draws) {
  scenarios::MonteCarloSpec result;
  result.draws = draws;
  result.seed = 2025;
  result.rates = {{"tfr", scenarios::MultiplierDistribution::kLognormal, 0.1, 1, 1},
                  {"in_migration", scenarios::MultiplierDistribution::kUniform, 0, 0.85, 1.15},
                  {"out_migration", scenarios::MultiplierDistribution::kLognormal, 0.05, 1, 1}};
  return result;
}

const scenarios::Scenario& baseline() {
  static const scenarios::Scenario scenario = scenarios::load_scenario(kBaseline);
  return scenario;
}

// User + system CPU time of the whole process (all threads) so far.
double process_cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto seconds = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6;
  };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

fs::path scratch(const std::string& name) {
  return fs::temp_directory_path() / ("wardsim-batch-bench-" + name + ".h5");
}

// The whole ensemble: draws in parallel (lean projection, headline demand only), reduction, and
// the part file (central run + ensemble statistics) written to HDF5.
void ensemble_engine(benchmark::State& state) {
  const int draws = env_int("WARDSIM_BENCH_DRAWS", 10000);
  const int threads = env_int("WARDSIM_BENCH_THREADS", 2);
  const auto& scenario = baseline();
  tbb::task_arena arena(threads);
  double cpu_seconds = 0.0;
  for (auto _ : state) {
    io::EnsembleStatistics stats;
    const double cpu_before = process_cpu_seconds();
    arena.execute([&] {
      stats = batch::run_ensemble(scenario.inputs, scenario.services, spec(draws), nullptr);
    });
    cpu_seconds += process_cpu_seconds() - cpu_before;
    const engine::Projection central = engine::project_cohort(scenario.inputs, {.threads = 1});
    const auto services = models::compute_services(central, *scenario.services);
    io::Provenance provenance;
    provenance.scenario_name = "baseline";
    io::write_batch_part(scratch("engine"), {&central, provenance, &services}, &stats, "bench");
  }
  // CPU time of every thread of the ensemble (user + sys), and the load the machine was under.
  const auto runs = static_cast<double>(state.iterations());
  state.counters["cpu_s"] = cpu_seconds / runs;
  state.counters["cpu_per_draw_ms"] = cpu_seconds / runs / draws * 1e3;
  double load[1] = {0.0};
  if (getloadavg(load, 1) == 1) state.counters["load_1min"] = load[0];
  state.counters["draws"] = draws;
  state.counters["threads"] = threads;
  state.counters["per_draw_us"] =
      benchmark::Counter(static_cast<double>(draws) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
  fs::remove(scratch("engine"));
}

// One draw the naive way, as `wardsim run` would do it: the multipliers cannot be given as
// --set keys without re-deriving every year path, so they are applied to the loaded inputs.
void ensemble_naive(benchmark::State& state) {
  std::uint64_t draw = 0;
  for (auto _ : state) {
    scenarios::Scenario scenario = scenarios::load_scenario(kBaseline);
    const engine::ProjectionInputs base = scenario.inputs;
    batch::apply_multipliers(base, batch::draw_multipliers(spec(1), draw++), scenario.inputs);
    const engine::Projection projection = engine::project_cohort(scenario.inputs, {.threads = 1});
    const auto services = models::compute_services(projection, *scenario.services);
    io::Provenance provenance;
    provenance.scenario_name = "draw";
    io::write_results(scratch("naive"), {{&projection, provenance, &services}});
  }
  fs::remove(scratch("naive"));
}

// The lean projection against the full kernel, one thread, same inputs.
void projection_lean(benchmark::State& state) {
  engine::PopulationWorkspace workspace;
  std::vector<engine::DistrictCube> population;
  for (auto _ : state) {
    engine::project_population(baseline().inputs, workspace, population);
    benchmark::DoNotOptimize(population.back().data());
  }
}

void projection_full(benchmark::State& state) {
  engine::Projection projection;
  for (auto _ : state) {
    engine::project_cohort(baseline().inputs, {.threads = 1}, projection);
    benchmark::DoNotOptimize(projection.population.back().data());
  }
}

void services_per_draw(benchmark::State& state) {
  const engine::Projection projection = engine::project_cohort(baseline().inputs, {.threads = 1});
  for (auto _ : state) {
    auto services = models::compute_services(projection, *baseline().services);
    benchmark::DoNotOptimize(services.data());
  }
}

BENCHMARK(ensemble_engine)
    ->Name("ensemble/engine")
    ->Iterations(1)
    ->Unit(benchmark::kSecond)
    ->UseRealTime();
BENCHMARK(ensemble_naive)->Name("ensemble/naive")->Unit(benchmark::kMillisecond);
BENCHMARK(projection_lean)->Name("projection/lean")->Unit(benchmark::kMicrosecond);
BENCHMARK(projection_full)->Name("projection/full")->Unit(benchmark::kMicrosecond);
BENCHMARK(services_per_draw)->Name("services/all_four")->Unit(benchmark::kMicrosecond);

// After the table: the ensemble's time for its draws against the naive time per draw times the
// same number of draws, and the lean projection against the full one.
class EnsembleReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& run : runs) {
      if (run.run_type != Run::RT_Iteration || run.error_occurred) continue;
      seconds_[run.run_name.function_name] =
          run.real_accumulated_time / static_cast<double>(run.iterations);
    }
  }
  void Finalize() override {
    ConsoleReporter::Finalize();
    const int draws = env_int("WARDSIM_BENCH_DRAWS", 10000);
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("\nPeak memory (max RSS): %.0f MB\n", static_cast<double>(usage.ru_maxrss) / 1024);
    if (seconds_.count("ensemble/engine") != 0U && seconds_.count("ensemble/naive") != 0U) {
      const double engine = seconds_["ensemble/engine"];
      const double naive = seconds_["ensemble/naive"] * draws;
      std::printf(
          "%d-draw ensemble with %d thread(s): engine %.2f s; naive (one draw at a time, "
          "%.1f ms each) %.1f s; ratio %.1fx\n",
          draws, env_int("WARDSIM_BENCH_THREADS", 2), engine, seconds_["ensemble/naive"] * 1e3,
          naive, naive / engine);
    }
    if (seconds_.count("projection/lean") != 0U && seconds_.count("projection/full") != 0U) {
      std::printf("projection 2025-2060, one thread: lean %.0f us, full %.0f us, ratio %.2fx\n",
                  seconds_["projection/lean"] * 1e6, seconds_["projection/full"] * 1e6,
                  seconds_["projection/full"] / seconds_["projection/lean"]);
    }
  }

 private:
  std::map<std::string, double> seconds_;
};

}  // namespace
}  // namespace wardsim::benchmarks

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  wardsim::benchmarks::EnsembleReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}
