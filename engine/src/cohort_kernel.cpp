#include "wardsim/engine/cohort_kernel.h"

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/task_arena.h>

#include <algorithm>

#include "moves_product.h"
#include "wardsim/engine/thread_count.h"

namespace wardsim::engine {
namespace {

using Eigen::Index;

// Runs body(d) for every district; in parallel when the current arena has more than one thread.
// Each district writes only its own rows, so the result does not depend on the schedule.
template <typename Body>
void for_each_district(Index districts, const Body& body) {
  if (tbb::this_task_arena::max_concurrency() <= 1) {
    for (Index d = 0; d < districts; ++d) body(d);
    return;
  }
  tbb::parallel_for(tbb::blocked_range<Index>(0, districts, 4), [&](const auto& range) {
    for (Index d = range.begin(); d != range.end(); ++d) body(d);
  });
}

// Where one district's decrements go: the four flows of a cohort cell, by column.
struct DecrementRows {
  double* __restrict deaths;
  double* __restrict out;
  double* __restrict moves;
  double* __restrict remaining;
};

DecrementRows district_rows(Index d, YearFlows& flows, DistrictCube& remaining) {
  return {flows.deaths.row(d).data(), flows.out_migration.row(d).data(),
          flows.moves_out.row(d).data(), remaining.row(d).data()};
}

// Applies deaths, out-migration and moves out, in that order, to `count` cohorts of one sex whose
// start-of-year sizes are `cohort[0..count)`, writing columns [col, col + count).
// Sequential decrements make the split exact: cohort = deaths + out + moves_out + remaining.
// A plain loop over arrays: the compiler vectorises it for the build's processor, and every
// cell is computed by the same expression whatever the width, so the width never shows. Without
// kKeepFlows, deaths and emigrants are computed the same way but not stored; this file is compiled
// without floating-point contraction, so that no product is fused into the subtraction that
// follows it when it is not stored (the population stays the same bit for bit).
template <bool kKeepFlows>
void decrement(const double* __restrict cohort, const double* __restrict death,
               const double* __restrict emigrate, const double* __restrict move, double mortality,
               double emigration, double moving, int count, int col, const DecrementRows& rows) {
  for (int i = 0; i < count; ++i) {
    const double q = std::min(death[i] * mortality, 1.0);
    const double o = std::min(emigrate[i] * emigration, 1.0);
    const double m = std::min(move[i] * moving, 1.0);
    const double died = cohort[i] * q;
    double rest = cohort[i] - died;
    const double left = rest * o;
    rest -= left;
    const double moved = rest * m;
    rest -= moved;
    if constexpr (kKeepFlows) {
      rows.deaths[col + i] = died;
      rows.out[col + i] = left;
    }
    rows.moves[col + i] = moved;
    rows.remaining[col + i] = rest;
  }
}

// The decrements of one sex's cohorts first_age .. first_age + count - 1 in district d.
template <bool kKeepFlows>
void decrement_cohorts(Index d, int sex, int first_age, const double* cohort, int count,
                       const YearRates& rates, const DecrementRows& rows) {
  decrement<kKeepFlows>(cohort, rates.death_probability.row(sex).data() + first_age,
                        rates.out_migration_probability.row(sex).data() + first_age,
                        rates.move_probability.row(sex).data() + first_age,
                        rates.mortality_multiplier(d), rates.out_migration_multiplier(d),
                        rates.move_multiplier(d), count, cell(sex, first_age), rows);
}

// District d's share of the year's in-migrants.
double in_migrant_share(const YearRates& rates, Index d) {
  return rates.in_migrant_allocation(d) * rates.in_migrants;
}

// One district's end-of-year population: survivors who stayed, plus movers in, plus in-migrants
// (`share` × the profile, recorded in `arrivals` if kKeepFlows), added in that order.
template <bool kKeepFlows>
void settle(double share, const double* __restrict profile, const double* __restrict survivors,
            const double* __restrict moved_in, double* __restrict arrivals,
            double* __restrict end) {
  for (int c = 0; c < kCells; ++c) {
    const double arrived = share * profile[c];
    if constexpr (kKeepFlows) arrivals[c] = arrived;
    end[c] = survivors[c] + moved_in[c] + arrived;
  }
}

}  // namespace

StepWorkspace::StepWorkspace(int districts) : survivors(DistrictCube::Zero(districts, kCells)) {}

namespace {

template <bool kKeepFlows>
void step(const DistrictCube& start, const YearRates& rates, DistrictCube& end, YearFlows& flows,
          StepWorkspace& workspace) {
  const Index districts = start.rows();
  DistrictCube& remaining = workspace.survivors;
  const Eigen::MatrixXd& destination = rates.move_destination;
  // Population only: districts one after another (an ensemble runs its draws in parallel).
  const auto districts_loop = [&](const auto& body) {
    if constexpr (kKeepFlows) {
      for_each_district(districts, body);
    } else {
      for (Index d = 0; d < districts; ++d) body(d);
    }
  };

  // 1. Cohorts 1..100 (alive on 1 January): deaths, emigration, moves out.
  districts_loop([&](Index d) {
    const DecrementRows rows = district_rows(d, flows, remaining);
    for (int sex = 0; sex < kSexes; ++sex) {
      // Cohort a was aged a-1 on 1 January; the open cohort 100 also gathers those aged 100+.
      const double* ages = start.row(d).data() + cell(sex, 0);
      decrement_cohorts<kKeepFlows>(d, sex, 1, ages, kOpenAge - 1, rates, rows);
      const double open = ages[kOpenAge - 1] + ages[kOpenAge];
      decrement_cohorts<kKeepFlows>(d, sex, kOpenAge, &open, 1, rates, rows);
    }
  });

  // 2. Moves between districts, gathered per destination.
  for (int sex = 0; sex < kSexes; ++sex) {
    flows.moves_out(Eigen::all, cell(sex, 0)) = 0.0;  // cohort 0 is handled after births
  }
  gather_moves(destination, flows.moves_out, flows.moves_in);

  // 3. In-migrants allocated over districts by the year's profile, the end-of-year population,
  //    births on the mean female population of the year, then the newborns' own decrements.
  const double* profile = rates.in_migrant_profile.data();
  districts_loop([&](Index d) {
    settle<kKeepFlows>(in_migrant_share(rates, d), profile, remaining.row(d).data(),
                       flows.moves_in.row(d).data(), flows.in_migration.row(d).data(),
                       end.row(d).data());
    const auto women_start = start.row(d).segment<kAges>(cell(kFemale, 0));
    const auto women_end = end.row(d).segment<kAges>(cell(kFemale, 0));
    const double births =
        0.5 *
        ((rates.fertility.row(d) * rates.fertility_multiplier) * (women_start + women_end)).sum();
    flows.births(d, kMale) = births * rates.male_birth_share;
    flows.births(d, kFemale) = births - flows.births(d, kMale);
    const DecrementRows rows = district_rows(d, flows, remaining);
    for (int sex = 0; sex < kSexes; ++sex) {
      const double newborns = flows.births(d, sex);
      decrement_cohorts<kKeepFlows>(d, sex, 0, &newborns, 1, rates, rows);
    }
  });

  // 4. Newborns who moved, and the end-of-year count of cohort 0.
  for (int sex = 0; sex < kSexes; ++sex) {
    const Index col = cell(sex, 0);
    flows.moves_in.col(col).matrix().noalias() =
        destination.transpose() * flows.moves_out.col(col).matrix();
    for (Index d = 0; d < districts; ++d) {
      const double arrived = in_migrant_share(rates, d) * profile[col];
      if constexpr (kKeepFlows) flows.in_migration(d, col) = arrived;
      end(d, col) = remaining(d, col) + flows.moves_in(d, col) + arrived;
    }
  }
}

}  // namespace

void cohort_step(const DistrictCube& start, const YearRates& rates, DistrictCube& end,
                 YearFlows& flows, StepWorkspace& workspace, StepFlows detail) {
  if (detail == StepFlows::kAll) {
    step<true>(start, rates, end, flows, workspace);
  } else {
    step<false>(start, rates, end, flows, workspace);
  }
}

void project_cohort(const ProjectionInputs& inputs, const RunOptions& options, Projection& out) {
  check_inputs(inputs);
  const int districts = inputs.dims.district_count();
  const auto steps = static_cast<std::size_t>(inputs.dims.steps());

  out.dims = inputs.dims;
  out.population.resize(steps + 1);
  for (DistrictCube& cube : out.population) {
    if (cube.rows() != districts) cube.resize(districts, kCells);
  }
  if (out.flows.size() != steps) out.flows.resize(steps, YearFlows(districts));
  for (YearFlows& flows : out.flows) {
    if (flows.deaths.rows() != districts) flows = YearFlows(districts);
  }
  out.population.front() = inputs.base_population;

  // cohort_step writes every cell of the next year and of its flows, so reused storage never
  // carries values from an earlier run.
  tbb::task_arena arena(resolve_thread_count(options.threads));
  arena.execute([&] {
    StepWorkspace workspace(districts);
    for (std::size_t step = 0; step < steps; ++step) {
      cohort_step(out.population[step], inputs.rates[step], out.population[step + 1],
                  out.flows[step], workspace);
    }
  });
}

Projection project_cohort(const ProjectionInputs& inputs, const RunOptions& options) {
  Projection projection;
  project_cohort(inputs, options, projection);
  return projection;
}

}  // namespace wardsim::engine
