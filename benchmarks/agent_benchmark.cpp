// The agent kernel on the bundled Setagaya baseline (about 923,000 persons in 28 districts):
// the demographic core of one year (deaths, births, leaving home, out-migration, moves) beside a
// naive reference of the same events, and the whole ward 2025→2060 on one and two threads.

#include <benchmark/benchmark.h>
#include <oneapi/tbb/task_arena.h>

#include <cmath>
#include <exception>
#include <optional>

#include "naive_agent_core.h"
#include "wardsim/engine/agent/agent_model.h"
#include "wardsim/engine/cohort_kernel.h"
#include "wardsim/scenarios/scenario.h"

namespace wardsim::benchmarks {
namespace {

namespace agent = engine::agent;

struct Ward {
  scenarios::Scenario scenario;
  engine::ProjectionInputs first_year;     // the baseline cut to its first step
  std::vector<agent::DistrictState> base;  // replicate 0 on 1 January 2025
  std::vector<double> expected_births;     // by district, 2025
  std::vector<double> women_weight;        // by district, 2025
  agent::ArrangementShares base_shares;    // what unions and leaving home are calibrated to
  std::size_t persons = 0;
};

const Ward* ward() {
  static const std::optional<Ward> loaded = []() -> std::optional<Ward> {
    try {
      Ward w;
      w.scenario = scenarios::load_scenario(WARDSIM_SOURCE_DIR "/scenarios/setagaya/baseline.toml");
      if (!w.scenario.agent) return std::nullopt;
      w.first_year = w.scenario.inputs;
      w.first_year.dims.end_year = w.first_year.dims.base_year + 1;
      w.first_year.rates.resize(1);
      const agent::AgentModel model(w.first_year, w.scenario.agent->parameters);
      agent::ReplicateTrajectory trajectory;
      model.run(1, 0, trajectory, nullptr, [&](int year, const auto& states) {
        if (year == 0) w.base = states;
      });
      const int districts = w.first_year.dims.district_count();
      engine::DistrictCube start(districts, engine::kCells), end(districts, engine::kCells);
      engine::YearFlows flows(districts);
      engine::StepWorkspace workspace(districts);
      for (int d = 0; d < districts; ++d) {
        for (int c = 0; c < engine::kCells; ++c) start(d, c) = trajectory.population_at(0, d, c);
      }
      engine::cohort_step(start, w.first_year.rates[0], end, flows, workspace);
      const agent::YearTables tables = agent::make_year_tables(w.first_year.rates[0], districts);
      for (int d = 0; d < districts; ++d) {
        w.expected_births.push_back(flows.births.row(d).sum());
        w.women_weight.push_back(agent::women_weight(
            w.base[static_cast<std::size_t>(d)], tables.districts[static_cast<std::size_t>(d)]));
      }
      std::vector<agent::LivingArrangements> living;
      for (const auto& state : w.base) living.push_back(state.living);
      w.base_shares = agent::arrangement_shares(living);
      for (const auto& state : w.base) w.persons += state.agents.persons();
      return w;
    } catch (const std::exception&) {
      return std::nullopt;
    }
  }();
  return loaded ? &*loaded : nullptr;
}

struct CoreYear {
  long long deaths = 0;
  long long births = 0;
};

CoreYear engine_core_year(std::vector<agent::DistrictState>& states,
                          const agent::YearTables& tables, const agent::AgentParameters& parameters,
                          const Ward& w) {
  const agent::RandomStreams streams(2025, 0);
  const agent::YearContext year{&streams, 0, &tables, &parameters, &w.base_shares};
  CoreYear counts;
  for (std::size_t d = 0; d < states.size(); ++d) {
    agent::DistrictFlowCounts flows;
    agent::depart(states[d], static_cast<int>(d), year, w.expected_births[d], w.women_weight[d],
                  flows);
    for (const auto n : flows.deaths) counts.deaths += n;
    counts.births += flows.births[0] + flows.births[1];
  }
  return counts;
}

// The naive reference must do the same work: its deaths and births must agree with the engine's
// within Monte Carlo error (5 sd of the difference of two independent counts).
bool naive_agrees(const Ward& w, const agent::YearTables& tables) {
  auto states = w.base;
  const CoreYear fast = engine_core_year(states, tables, w.scenario.agent->parameters, w);
  auto persons = to_naive(w.base);
  const NaiveCoreCounts naive =
      naive_core_year(persons, w.first_year.rates[0], w.expected_births, w.women_weight,
                      w.scenario.agent->parameters.leaving_home_rate, 2025);
  const auto close = [](double a, double b) { return std::abs(a - b) <= 5.0 * std::sqrt(a + b); };
  return close(static_cast<double>(fast.deaths), static_cast<double>(naive.deaths)) &&
         close(static_cast<double>(fast.births), static_cast<double>(naive.births));
}

const agent::YearTables* ready(benchmark::State& state) {
  const Ward* w = ward();
  if (w == nullptr) {
    state.SkipWithError("the bundled Setagaya baseline (with [agent]) could not be loaded");
    return nullptr;
  }
  static const agent::YearTables tables =
      agent::make_year_tables(w->first_year.rates[0], w->first_year.dims.district_count());
  static const bool agrees = naive_agrees(*w, tables);
  if (!agrees) {
    state.SkipWithError("the naive reference disagrees with the engine");
    return nullptr;
  }
  return &tables;
}

// Resets states to base (1 January) except the scratch buffers, which keep their size as they do
// between years in AgentModel::run.
void restore(std::vector<agent::DistrictState>& states,
             const std::vector<agent::DistrictState>& base) {
  for (std::size_t d = 0; d < states.size(); ++d) {
    states[d].agents = base[d].agents;
    states[d].first_new = base[d].first_new;
    states[d].household_facts = base[d].household_facts;
    states[d].living = base[d].living;
  }
}

void core_engine(benchmark::State& state) {
  const agent::YearTables* tables = ready(state);
  if (tables == nullptr) return;
  const Ward& w = *ward();
  // The model keeps each district's arrays from one year to the next, so a year rarely allocates;
  // copy-assigning the base into the same states keeps their capacity (and scratch) likewise.
  std::vector<agent::DistrictState> states = w.base;
  for (auto _ : state) {
    state.PauseTiming();
    restore(states, w.base);
    state.ResumeTiming();
    const CoreYear counts = engine_core_year(states, *tables, w.scenario.agent->parameters, w);
    benchmark::DoNotOptimize(counts.deaths);
  }
  state.counters["person_years_per_s"] =
      benchmark::Counter(static_cast<double>(w.persons) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
}

void core_naive(benchmark::State& state) {
  if (ready(state) == nullptr) return;
  const Ward& w = *ward();
  const std::vector<NaivePerson> base = to_naive(w.base);
  for (auto _ : state) {
    state.PauseTiming();
    auto persons = base;
    state.ResumeTiming();
    const NaiveCoreCounts counts =
        naive_core_year(persons, w.first_year.rates[0], w.expected_births, w.women_weight,
                        w.scenario.agent->parameters.leaving_home_rate, 2025);
    benchmark::DoNotOptimize(counts.deaths);
  }
  state.counters["person_years_per_s"] =
      benchmark::Counter(static_cast<double>(w.persons) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
}

// One replicate of the whole ward 2025→2060 (synthesis included) on state.range(0) threads.
void whole_ward(benchmark::State& state) {
  if (ready(state) == nullptr) return;
  const Ward& w = *ward();
  const agent::AgentModel model(w.scenario.inputs, w.scenario.agent->parameters);
  agent::ReplicateTrajectory trajectory;
  agent::MemoryUse memory;
  tbb::task_arena arena(static_cast<int>(state.range(0)));
  arena.execute([&] {
    for (auto _ : state) {
      model.run(2025, 0, trajectory, &memory);
      benchmark::DoNotOptimize(trajectory.population.data());
    }
  });
  double person_years = 0.0;
  for (int y = 0; y + 1 < trajectory.years; ++y) {
    for (int d = 0; d < trajectory.districts; ++d) {
      for (int c = 0; c < engine::kCells; ++c) person_years += trajectory.population_at(y, d, c);
    }
  }
  state.counters["person_years_per_s"] = benchmark::Counter(
      person_years * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["peak_persons"] = static_cast<double>(memory.persons);
  state.counters["bytes_per_person"] =
      static_cast<double>(memory.bytes) / static_cast<double>(memory.persons);
}

// Not UseRealTime(): that appends "/real_time" to the names, which RatioReporter does not pair; the
// rates are then per CPU second, which is what a shared machine can measure.
BENCHMARK(core_engine)->Name("agent_core_year/engine")->Unit(benchmark::kMillisecond);
BENCHMARK(core_naive)->Name("agent_core_year/naive")->Unit(benchmark::kMillisecond);
BENCHMARK(whole_ward)
    ->Name("agent_ward_2025_2060_threads")
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace wardsim::benchmarks
