#include "wardsim/engine/agent/ensemble.h"

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/task_arena.h>

#include <mutex>

#include "wardsim/engine/agent/integer_histogram.h"
#include "wardsim/engine/thread_count.h"

namespace wardsim::engine::agent {
namespace {

// Sums and distributions of everything reported, fed one replicate at a time. Every update is
// integer arithmetic, so the result does not depend on the order replicates arrive in.
class Accumulator {
 public:
  Accumulator(int years, int districts)
      : years_(static_cast<std::size_t>(years)),
        districts_(static_cast<std::size_t>(districts)),
        population_(years_ * districts_ * kCells, 0),
        births_((years_ - 1) * districts_ * kSexes, 0),
        bands_(years_ * districts_ * kSexes * kAgeBands),
        district_totals_(years_ * districts_),
        ward_totals_(years_),
        indicators_(years_ * districts_ * kIndicators) {
    for (auto& flow : flows_) flow.assign((years_ - 1) * districts_ * kCells, 0);
  }

  void add(const ReplicateTrajectory& r) {
    ++replicates_;
    add_to(population_, r.population);
    add_to(births_, r.births);
    const std::array<const std::vector<std::int32_t>*, 5> flows = {
        &r.deaths, &r.out_migration, &r.in_migration, &r.moves_out, &r.moves_in};
    for (std::size_t f = 0; f < flows.size(); ++f) add_to(flows_[f], *flows[f]);

    std::vector<std::int64_t> band(kSexes * kAgeBands);
    for (std::size_t y = 0; y < years_; ++y) {
      std::int64_t ward = 0;
      for (std::size_t d = 0; d < districts_; ++d) {
        std::fill(band.begin(), band.end(), 0);
        const std::int32_t* cells = r.population.data() + (y * districts_ + d) * kCells;
        std::int64_t total = 0;
        for (int c = 0; c < kCells; ++c) {
          band[static_cast<std::size_t>((c / kAges) * kAgeBands + band_of(c % kAges))] += cells[c];
          total += cells[c];
        }
        for (std::size_t b = 0; b < band.size(); ++b) {
          bands_[(y * districts_ + d) * band.size() + b].add(band[b]);
        }
        district_totals_[y * districts_ + d].add(total);
        ward += total;
        for (std::size_t k = 0; k < kIndicators; ++k) {
          const std::size_t at = (y * districts_ + d) * kIndicators + k;
          indicators_[at].add(r.indicators[at]);
        }
      }
      ward_totals_[y].add(ward);
    }
  }

  void finish(EnsembleResult& result, const Dimensions& dims) const {
    result.replicates = static_cast<int>(replicates_);
    Projection& mean = result.mean;
    mean.dims = dims;
    const int districts = static_cast<int>(districts_);
    const double n = static_cast<double>(replicates_);
    mean.population.assign(years_, DistrictCube::Zero(districts, kCells));
    for (std::size_t y = 0; y < years_; ++y) fill_mean(population_, y, n, mean.population[y]);
    mean.flows.assign(years_ - 1, YearFlows(districts));
    for (std::size_t y = 0; y + 1 < years_; ++y) {
      YearFlows& f = mean.flows[y];
      const std::array<DistrictCube*, 5> cubes = {&f.deaths, &f.out_migration, &f.in_migration,
                                                  &f.moves_out, &f.moves_in};
      for (std::size_t k = 0; k < cubes.size(); ++k) fill_mean(flows_[k], y, n, *cubes[k]);
      for (std::size_t d = 0; d < districts_; ++d) {
        for (int sex = 0; sex < kSexes; ++sex) {
          f.births(static_cast<Eigen::Index>(d), sex) =
              static_cast<double>(
                  births_[(y * districts_ + d) * kSexes + static_cast<std::size_t>(sex)]) /
              n;
        }
      }
    }
    result.population_by_band = statistics(bands_, {years_, districts_, kSexes, kAgeBands});
    result.district_population = statistics(district_totals_, {years_, districts_});
    result.ward_population = statistics(ward_totals_, {years_});
    result.indicators.clear();
    for (std::size_t k = 0; k < kIndicators; ++k) {
      std::vector<IntegerHistogram> one(years_ * districts_);
      for (std::size_t cell_index = 0; cell_index < one.size(); ++cell_index) {
        one[cell_index] = indicators_[cell_index * kIndicators + k];
      }
      result.indicators.push_back(statistics(one, {years_, districts_}));
    }
  }

 private:
  static void add_to(std::vector<std::int64_t>& sums, const std::vector<std::int32_t>& values) {
    for (std::size_t i = 0; i < sums.size(); ++i) sums[i] += values[i];
  }

  void fill_mean(const std::vector<std::int64_t>& sums, std::size_t year, double n,
                 DistrictCube& cube) const {
    for (std::size_t d = 0; d < districts_; ++d) {
      for (int c = 0; c < kCells; ++c) {
        cube(static_cast<Eigen::Index>(d), c) =
            static_cast<double>(
                sums[(year * districts_ + d) * kCells + static_cast<std::size_t>(c)]) /
            n;
      }
    }
  }

  static CellStatistics statistics(const std::vector<IntegerHistogram>& cells,
                                   std::vector<std::uint64_t> shape) {
    CellStatistics s;
    s.shape = std::move(shape);
    for (const auto& h : cells) {
      s.mean.push_back(h.mean());
      s.sd.push_back(h.sd());
      for (std::size_t q = 0; q < kQuantiles.size(); ++q) {
        s.quantiles[q].push_back(h.quantile(kQuantiles[q]));
      }
    }
    return s;
  }

  std::size_t years_;
  std::size_t districts_;
  std::uint64_t replicates_ = 0;
  std::vector<std::int64_t> population_;
  std::vector<std::int64_t> births_;
  std::array<std::vector<std::int64_t>, 5> flows_;
  std::vector<IntegerHistogram> bands_;
  std::vector<IntegerHistogram> district_totals_;
  std::vector<IntegerHistogram> ward_totals_;
  std::vector<IntegerHistogram> indicators_;
};

}  // namespace

std::string age_band_label(int band) {
  if (band == kAgeBands - 1) return std::to_string(5 * band) + "+";
  return std::to_string(5 * band) + "-" + std::to_string(5 * band + 4);
}

EnsembleResult run_agent_ensemble(const ProjectionInputs& inputs, const AgentParameters& parameters,
                                  const EnsembleOptions& options) {
  check_options(options);
  const AgentModel model(inputs, parameters);
  Accumulator accumulator(inputs.dims.years(), inputs.dims.district_count());
  EnsembleResult result;
  result.seed = options.seed;
  if (options.keep_trajectories) {
    result.trajectories.resize(static_cast<std::size_t>(options.replicates));
  }
  std::mutex mutex;
  tbb::task_arena arena(resolve_thread_count(options.threads));
  arena.execute([&] {
    tbb::parallel_for(tbb::blocked_range<int>(0, options.replicates, 1), [&](const auto& range) {
      ReplicateTrajectory trajectory;
      for (int r = range.begin(); r != range.end(); ++r) {
        MemoryUse memory;
        model.run(options.seed, r, trajectory, r == 0 ? &memory : nullptr);
        const std::lock_guard lock(mutex);
        accumulator.add(trajectory);
        if (r == 0) result.memory = memory;
        if (options.keep_trajectories) {
          result.trajectories[static_cast<std::size_t>(r)] = trajectory.population;
        }
      }
    });
  });
  accumulator.finish(result, inputs.dims);
  return result;
}

}  // namespace wardsim::engine::agent
