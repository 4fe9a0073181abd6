#include "wardsim/engine/cohort_kernel.h"

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/task_arena.h>

#include <algorithm>
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
// cell is computed by the same expression whatever the width, so the width never shows.
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
    rows.deaths[col + i] = died;
    rows.out[col + i] = left;
    rows.moves[col + i] = moved;
    rows.remaining[col + i] = rest;
  }
}

// The decrements of one sex's cohorts first_age .. first_age + count - 1 in district d.
void decrement_cohorts(Index d, int sex, int first_age, const double* cohort, int count,
                       const YearRates& rates, const DecrementRows& rows) {
  decrement(cohort, rates.death_probability.row(sex).data() + first_age,
            rates.out_migration_probability.row(sex).data() + first_age,
            rates.move_probability.row(sex).data() + first_age, rates.mortality_multiplier(d),
            rates.out_migration_multiplier(d), rates.move_multiplier(d), count,
            cell(sex, first_age), rows);
}

// moves_in = destinationᵀ × moves_out: cell (j, c) of moves_in is Σ_o destination(o, j) ×
// moves_out(o, c), summed from 0 in origin order. Every cell is one sequential sum whatever the
// vector width, so the width never shows in the numbers. A block of kBlock destinations ×
// kChunk vectors of cells stays in registers while the origins stream past.
// Lanes are exactly one register of the build's processor: a wider vector type would be split by
// the compiler, which then builds each broadcast share through the stack (7 times slower, measured
// on the SSE2 build).
#if defined(__AVX512F__)
constexpr int kLanes = 8;  // one AVX-512 register of doubles
constexpr int kChunk = 4;  // 16 sums + 4 loads of 32 registers
#elif defined(__AVX__)
constexpr int kLanes = 4;  // one AVX register
constexpr int kChunk = 2;  // 8 sums + 2 loads of 16 registers
#else
constexpr int kLanes = 2;  // one SSE2 register
constexpr int kChunk = 2;
#endif
constexpr int kBlock = 4;
using Lanes = double __attribute__((vector_size(kLanes * sizeof(double))));

void gather_moves(const Eigen::MatrixXd& destination, const DistrictCube& moves_out,
                  DistrictCube& moves_in) {
  constexpr int kWide = kLanes * kChunk;
  constexpr int kBlockedCells = kCells / kWide * kWide;
  const Index districts = moves_out.rows();
  const double* out = moves_out.data();
  double* in = moves_in.data();
  // Column j of the (column-major) destination matrix: share(o) of origin o going to j.
  const auto share = [&](Index o, Index j) { return destination.data()[j * districts + o]; };
  const auto one_cell = [&](Index j, int c) {
    double sum = 0.0;
    for (Index o = 0; o < districts; ++o) sum += share(o, j) * out[o * kCells + c];
    in[j * kCells + c] = sum;
  };
  const Index blocked = districts / kBlock * kBlock;
  // Cells outer, destinations inner: the origins' rows of one chunk of cells (28 × 256 bytes
  // with AVX-512) stay in L1 while every block of destinations reads them.
  for (int c = 0; c < kBlockedCells; c += kWide) {
    for (Index j = 0; j < blocked; j += kBlock) {
      // Origin 0's products start the sums (0 + x is x, so this is the sum from 0).
      Lanes sum[kBlock][kChunk];
      for (int k = 0; k < kChunk; ++k) {
        Lanes movers;
        std::memcpy(&movers, out + c + k * kLanes, sizeof movers);
        for (int b = 0; b < kBlock; ++b) sum[b][k] = share(0, j + b) * movers;
      }
      for (Index o = 1; o < districts; ++o) {
        const double* row = out + o * kCells + c;
        for (int k = 0; k < kChunk; ++k) {
          Lanes movers;
          std::memcpy(&movers, row + k * kLanes, sizeof movers);
          for (int b = 0; b < kBlock; ++b) sum[b][k] += share(o, j + b) * movers;
        }
      }
      for (int b = 0; b < kBlock; ++b) {
        std::memcpy(in + (j + b) * kCells + c, &sum[b], sizeof sum[b]);
      }
    }
  }
  // The last cells, fewer than a register block: every (destination, cell) sum of a block at
  // once, so that the additions of different sums overlap.
  constexpr int kTail = kCells - kBlockedCells;
  for (Index j = 0; j < blocked; j += kBlock) {
    double tail[kBlock][kTail] = {};
    for (Index o = 0; o < districts; ++o) {
      const double* row = out + o * kCells + kBlockedCells;
      for (int b = 0; b < kBlock; ++b) {
        const double s = share(o, j + b);
        for (int t = 0; t < kTail; ++t) tail[b][t] += s * row[t];
      }
    }
    for (int b = 0; b < kBlock; ++b) {
      std::memcpy(in + (j + b) * kCells + kBlockedCells, tail[b], sizeof tail[b]);
    }
  }
  for (Index j = blocked; j < districts; ++j) {
    for (int c = 0; c < kCells; ++c) one_cell(j, c);
  }
}

// District d's share of the year's in-migrants.
double in_migrant_share(const YearRates& rates, Index d) {
  return rates.in_migrant_allocation(d) * rates.in_migrants;
}

// One district's end-of-year population: survivors who stayed, plus movers in, plus in-migrants
// (`share` × the profile, recorded in `arrivals`), added in that order.
void settle(double share, const double* __restrict profile, const double* __restrict survivors,
            const double* __restrict moved_in, double* __restrict arrivals,
            double* __restrict end) {
  for (int c = 0; c < kCells; ++c) {
    arrivals[c] = share * profile[c];
    end[c] = survivors[c] + moved_in[c] + arrivals[c];
  }
}

}  // namespace

StepWorkspace::StepWorkspace(int districts)
    : survivors(DistrictCube::Zero(districts, kCells)), discarded(DiscardedRows::Zero()) {}

void cohort_step(const DistrictCube& start, const YearRates& rates, DistrictCube& end,
                 YearFlows& flows, StepWorkspace& workspace, StepFlows detail) {
  const Index districts = start.rows();
  DistrictCube& remaining = workspace.survivors;
  const Eigen::MatrixXd& destination = rates.move_destination;
  const bool all_flows = detail == StepFlows::kAll;
  // Population only: the discarded flows share one row each, so districts go one at a time.
  const auto districts_loop = [&](const auto& body) {
    if (all_flows) {
      for_each_district(districts, body);
    } else {
      for (Index d = 0; d < districts; ++d) body(d);
    }
  };
  const auto rows_of = [&](Index d) {
    DecrementRows rows = district_rows(d, flows, remaining);
    if (!all_flows) {
      rows.deaths = workspace.discarded.row(0).data();
      rows.out = workspace.discarded.row(1).data();
    }
    return rows;
  };

  // 1. Cohorts 1..100 (alive on 1 January): deaths, emigration, moves out.
  districts_loop([&](Index d) {
    const DecrementRows rows = rows_of(d);
    for (int sex = 0; sex < kSexes; ++sex) {
      // Cohort a was aged a-1 on 1 January; the open cohort 100 also gathers those aged 100+.
      const double* ages = start.row(d).data() + cell(sex, 0);
      decrement_cohorts(d, sex, 1, ages, kOpenAge - 1, rates, rows);
      const double open = ages[kOpenAge - 1] + ages[kOpenAge];
      decrement_cohorts(d, sex, kOpenAge, &open, 1, rates, rows);
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
    double* arrivals =
        all_flows ? flows.in_migration.row(d).data() : workspace.discarded.row(2).data();
    settle(in_migrant_share(rates, d), profile, remaining.row(d).data(),
           flows.moves_in.row(d).data(), arrivals, end.row(d).data());
    const auto women_start = start.row(d).segment<kAges>(cell(kFemale, 0));
    const auto women_end = end.row(d).segment<kAges>(cell(kFemale, 0));
    const double births =
        0.5 *
        ((rates.fertility.row(d) * rates.fertility_multiplier) * (women_start + women_end)).sum();
    flows.births(d, kMale) = births * rates.male_birth_share;
    flows.births(d, kFemale) = births - flows.births(d, kMale);
    const DecrementRows rows = rows_of(d);
    for (int sex = 0; sex < kSexes; ++sex) {
      const double newborns = flows.births(d, sex);
      decrement_cohorts(d, sex, 0, &newborns, 1, rates, rows);
    }
  });

  // 4. Newborns who moved, and the end-of-year count of cohort 0.
  for (int sex = 0; sex < kSexes; ++sex) {
    const Index col = cell(sex, 0);
    flows.moves_in.col(col).matrix().noalias() =
        destination.transpose() * flows.moves_out.col(col).matrix();
    for (Index d = 0; d < districts; ++d) {
      double& arrivals = all_flows ? flows.in_migration(d, col) : workspace.discarded(2, col);
      arrivals = in_migrant_share(rates, d) * profile[col];
      end(d, col) = remaining(d, col) + flows.moves_in(d, col) + arrivals;
    }
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
