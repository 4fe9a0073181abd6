#include "wardsim/engine/agent/agent_model.h"

#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/partitioner.h>
#include <oneapi/tbb/task_arena.h>

#include <algorithm>
#include <atomic>
#include <numeric>

#include "wardsim/engine/agent/agent_year.h"
#include "wardsim/engine/agent/synthesis.h"
#include "wardsim/engine/cohort_kernel.h"

namespace wardsim::engine::agent {
namespace {

// Runs body(d) for every district; in parallel when the current arena has more than one thread.
// Each district touches only its own state (and, in arrive, reads the others' outboxes, which are
// not written in that phase), so the result does not depend on the schedule. Districts differ
// in size by several times, so they are handed out largest first, one at a time, to whichever
// thread is free: the phase then ends with small districts, not with one thread finishing a
// large one while the other waits.
template <typename Body>
void for_each_district(const std::vector<DistrictState>& states, const Body& body) {
  const int districts = static_cast<int>(states.size());
  const int threads = tbb::this_task_arena::max_concurrency();
  if (threads <= 1) {
    for (int d = 0; d < districts; ++d) body(d);
    return;
  }
  std::vector<int> order(states.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
    return states[static_cast<std::size_t>(x)].agents.persons() >
           states[static_cast<std::size_t>(y)].agents.persons();
  });
  std::atomic<int> next{0};
  tbb::parallel_for(
      0, threads,
      [&](int) {
        for (int k = next++; k < districts; k = next++) body(order[static_cast<std::size_t>(k)]);
      },
      tbb::simple_partitioner());
}

template <typename Array>
void copy_to(const Array& values, std::vector<std::int32_t>& cube, std::size_t offset) {
  std::copy(values.begin(), values.end(), cube.begin() + static_cast<std::ptrdiff_t>(offset));
}

}  // namespace

AgentModel::AgentModel(const ProjectionInputs& inputs, const AgentParameters& parameters)
    : inputs_(inputs), parameters_(parameters) {
  check_inputs(inputs);
  check_parameters(parameters);
  const int districts = inputs.dims.district_count();
  for (const YearRates& rates : inputs.rates) tables_.push_back(make_year_tables(rates, districts));
  base_ = integerise(inputs.base_population);
}

void AgentModel::run(std::uint64_t seed, int replicate, ReplicateTrajectory& out, MemoryUse* memory,
                     const StateObserver& observer) const {
  const int districts = inputs_.dims.district_count();
  const auto d_count = static_cast<std::size_t>(districts);
  const int steps = inputs_.dims.steps();
  const auto cube = d_count * kCells;
  out.years = steps + 1;
  out.districts = districts;
  out.population.assign(static_cast<std::size_t>(out.years) * cube, 0);
  out.indicators.assign(static_cast<std::size_t>(out.years) * d_count * kIndicators, 0);
  out.births.assign(static_cast<std::size_t>(steps) * d_count * kSexes, 0);
  for (auto* flow :
       {&out.deaths, &out.out_migration, &out.in_migration, &out.moves_out, &out.moves_in}) {
    flow->assign(static_cast<std::size_t>(steps) * cube, 0);
  }

  const RandomStreams streams(seed, static_cast<std::uint32_t>(replicate));
  std::vector<DistrictState> states(d_count);
  std::vector<std::uint32_t> first_id(d_count + 1, 0);
  for (std::size_t d = 0; d < d_count; ++d) {
    const auto* row = base_.data() + d * kCells;
    first_id[d + 1] =
        first_id[d] + static_cast<std::uint32_t>(std::accumulate(row, row + kCells, 0LL));
  }
  std::uint32_t next_id = first_id.back();

  std::vector<DistrictSnapshot> snapshots(d_count);
  std::vector<DistrictFlowCounts> flows(d_count);
  const auto record_snapshot = [&](int year) {
    for (std::size_t d = 0; d < d_count; ++d) {
      copy_to(snapshots[d].population, out.population,
              (static_cast<std::size_t>(year) * d_count + d) * kCells);
      copy_to(snapshots[d].indicators, out.indicators,
              (static_cast<std::size_t>(year) * d_count + d) * kIndicators);
    }
  };
  MemoryUse peak;
  const auto measure = [&] {
    MemoryUse now;
    for (const auto& state : states) {
      now.persons += state.agents.persons();
      now.households += state.agents.households();
    }
    now.bytes = now.persons * DistrictAgents::kBytesPerPerson +
                now.households * DistrictAgents::kBytesPerHousehold;
    if (now.persons > peak.persons) peak = now;
  };

  for_each_district(states, [&](int d) {
    const auto i = static_cast<std::size_t>(d);
    states[i].outbox.resize(d_count);
    synthesise_district(states[i].agents, base_.data() + i * kCells, parameters_, streams, d,
                        first_id[i]);
    states[i].first_new = states[i].agents.persons();
    settle_households(states[i], snapshots[i]);
  });
  record_snapshot(0);
  measure();
  if (observer) observer(0, states);
  // The base year's living arrangements, which unions and leaving home are calibrated to.
  std::vector<LivingArrangements> base_living;
  for (const DistrictState& state : states) base_living.push_back(state.living);
  const ArrangementShares base_shares = arrangement_shares(base_living);

  // The cohort kernel's step from this replicate's own 1 January population gives each district's
  // expected births for the year (see depart()).
  DistrictCube start(districts, kCells);
  DistrictCube expected_end(districts, kCells);
  YearFlows expected(districts);
  StepWorkspace workspace(districts);
  std::vector<double> women_weight(d_count);

  for (int step = 0; step < steps; ++step) {
    const auto s = static_cast<std::size_t>(step);
    const YearTables& tables = tables_[s];
    for (std::size_t d = 0; d < d_count; ++d) {
      for (int c = 0; c < kCells; ++c) {
        start(static_cast<Eigen::Index>(d), c) =
            out.population[(s * d_count + d) * kCells + static_cast<std::size_t>(c)];
      }
      women_weight[d] = agent::women_weight(states[d], tables.districts[d]);
    }
    cohort_step(start, inputs_.rates[s], expected_end, expected, workspace);

    const YearContext year{&streams, static_cast<std::uint32_t>(step), &tables, &parameters_,
                           &base_shares};
    for (auto& f : flows) f = DistrictFlowCounts{};
    for_each_district(states, [&](int d) {
      const auto i = static_cast<std::size_t>(d);
      depart(states[i], d, year, expected.births.row(d).sum(), women_weight[i], flows[i]);
    });
    for_each_district(states, [&](int d) {
      arrive(states, d, year, flows[static_cast<std::size_t>(d)],
             snapshots[static_cast<std::size_t>(d)]);
    });
    // Newcomers get ids in district order, so ids never depend on the schedule.
    for (std::size_t d = 0; d < d_count; ++d) next_id += assign_ids(states[d], next_id);

    record_snapshot(step + 1);
    for (std::size_t d = 0; d < d_count; ++d) {
      const std::size_t at = (s * d_count + d) * kCells;
      copy_to(flows[d].deaths, out.deaths, at);
      copy_to(flows[d].out_migration, out.out_migration, at);
      copy_to(flows[d].in_migration, out.in_migration, at);
      copy_to(flows[d].moves_out, out.moves_out, at);
      copy_to(flows[d].moves_in, out.moves_in, at);
      copy_to(flows[d].births, out.births, (s * d_count + d) * kSexes);
    }
    measure();
    if (observer) observer(step + 1, states);
  }
  if (memory != nullptr) *memory = peak;
}

}  // namespace wardsim::engine::agent
