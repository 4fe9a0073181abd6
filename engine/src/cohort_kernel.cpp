#include "wardsim/engine/cohort_kernel.h"

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/task_arena.h>

#include <cstring>

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

// Applies deaths, out-migration and moves out, in that order, to the cohorts of one district in
// columns [first, first + count) of each sex, whose start-of-year sizes are in `cohort`.
// Sequential decrements make the split exact: cohort = deaths + out + moves_out + remaining.
// Count is a compile-time size so that Eigen unrolls and vectorises the whole cohort.
template <int Count, typename Cohort>
void decrement(Index d, int first_age, const Cohort& cohort, int sex, const YearRates& rates,
               YearFlows& flows, DistrictCube& remaining) {
  const Index col = cell(sex, first_age);
  const auto q = (rates.death_probability.row(sex).template segment<Count>(first_age) *
                  rates.mortality_multiplier(d))
                     .min(1.0);
  const auto o = (rates.out_migration_probability.row(sex).template segment<Count>(first_age) *
                  rates.out_migration_multiplier(d))
                     .min(1.0);
  const auto m = (rates.move_probability.row(sex).template segment<Count>(first_age) *
                  rates.move_multiplier(d))
                     .min(1.0);

  auto deaths = flows.deaths.row(d).template segment<Count>(col);
  auto out = flows.out_migration.row(d).template segment<Count>(col);
  auto moves = flows.moves_out.row(d).template segment<Count>(col);
  auto rest = remaining.row(d).template segment<Count>(col);

  deaths = cohort * q;
  rest = cohort - deaths;
  out = rest * o;
  rest -= out;
  moves = rest * m;
  rest -= moves;
}

// Four doubles: one AVX register in the AVX2 clone below, two SSE2 registers otherwise.
using Lanes = double __attribute__((vector_size(4 * sizeof(double))));
constexpr int kLanes = 4;
constexpr int kBlock = 4;  // destinations accumulated together, so each load feeds four sums

// moves_in = destinationᵀ × moves_out: cell (j, c) of moves_in is Σ_o destination(o, j) ×
// moves_out(o, c), summed from 0 in origin order. Every cell is one sequential sum whatever the
// vector width, so every processor gets the same numbers; the AVX2 clone (chosen at load time)
// only does four cells per instruction, and no FMA is enabled, so nothing is contracted.
__attribute__((target_clones("avx2", "default"))) void gather_moves(
    const double* __restrict destination, const double* __restrict moves_out,
    double* __restrict moves_in, Index districts) {
  constexpr int kVectorCells = kCells / kLanes * kLanes;
  Index j = 0;
  for (; j + kBlock <= districts; j += kBlock) {
    const double* share = destination + j * districts;  // column j: share(o) of origin o
    for (int c = 0; c < kVectorCells; c += kLanes) {
      Lanes sum[kBlock] = {};
      for (Index o = 0; o < districts; ++o) {
        Lanes movers;
        std::memcpy(&movers, moves_out + o * kCells + c, sizeof movers);
        for (int b = 0; b < kBlock; ++b) sum[b] += share[b * districts + o] * movers;
      }
      for (int b = 0; b < kBlock; ++b) {
        std::memcpy(moves_in + (j + b) * kCells + c, &sum[b], sizeof sum[b]);
      }
    }
    for (int c = kVectorCells; c < kCells; ++c) {
      for (int b = 0; b < kBlock; ++b) {
        double sum = 0.0;
        for (Index o = 0; o < districts; ++o) {
          sum += share[b * districts + o] * moves_out[o * kCells + c];
        }
        moves_in[(j + b) * kCells + c] = sum;
      }
    }
  }
  for (; j < districts; ++j) {
    const double* share = destination + j * districts;
    for (int c = 0; c < kCells; ++c) {
      double sum = 0.0;
      for (Index o = 0; o < districts; ++o) sum += share[o] * moves_out[o * kCells + c];
      moves_in[j * kCells + c] = sum;
    }
  }
}

}  // namespace

StepWorkspace::StepWorkspace(int districts) : survivors(DistrictCube::Zero(districts, kCells)) {}

void cohort_step(const DistrictCube& start, const YearRates& rates, DistrictCube& end,
                 YearFlows& flows, StepWorkspace& workspace) {
  const Index districts = start.rows();
  DistrictCube& remaining = workspace.survivors;
  const Eigen::MatrixXd& destination = rates.move_destination;

  // 1. Cohorts 1..100 (alive on 1 January): deaths, emigration, moves out.
  for_each_district(districts, [&](Index d) {
    for (int sex = 0; sex < kSexes; ++sex) {
      const Index from = cell(sex, 0);
      // Cohort a was aged a-1 on 1 January; the open cohort 100 also gathers those aged 100+.
      Eigen::Array<double, 1, kAges - 1> cohort = start.row(d).segment<kAges - 1>(from);
      cohort(kAges - 2) += start(d, cell(sex, kOpenAge));
      decrement<kAges - 1>(d, 1, cohort, sex, rates, flows, remaining);
    }
  });

  // 2. Moves between districts are gathered per destination in a fixed origin order, and
  //    in-migrants are allocated over districts by the year's profile.
  for (int sex = 0; sex < kSexes; ++sex) {
    flows.moves_out(Eigen::all, cell(sex, 0)) = 0.0;  // cohort 0 is handled after births
  }
  gather_moves(destination.data(), flows.moves_out.data(), flows.moves_in.data(), districts);
  const Eigen::Map<const Eigen::Array<double, 1, kCells>> profile(rates.in_migrant_profile.data());
  flows.in_migration.matrix().noalias() =
      (rates.in_migrant_allocation * rates.in_migrants).matrix() * profile.matrix();
  end = remaining + flows.moves_in + flows.in_migration;

  // 3. Births on the mean female population of the year, then the newborns' own decrements.
  for_each_district(districts, [&](Index d) {
    const auto women_start = start.row(d).segment<kAges>(cell(kFemale, 0));
    const auto women_end = end.row(d).segment<kAges>(cell(kFemale, 0));
    const double births = 0.5 * (rates.fertility.row(d) * (women_start + women_end)).sum();
    flows.births(d, kMale) = births * rates.male_birth_share;
    flows.births(d, kFemale) = births - flows.births(d, kMale);
    for (int sex = 0; sex < kSexes; ++sex) {
      const Eigen::Array<double, 1, 1> newborns(flows.births(d, sex));
      decrement<1>(d, 0, newborns, sex, rates, flows, remaining);
    }
  });

  // 4. Newborns who moved, and the end-of-year count of cohort 0.
  for (int sex = 0; sex < kSexes; ++sex) {
    const Index col = cell(sex, 0);
    flows.moves_in.col(col).matrix().noalias() =
        destination.transpose() * flows.moves_out.col(col).matrix();
    end.col(col) = remaining.col(col) + flows.moves_in.col(col) + flows.in_migration.col(col);
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
