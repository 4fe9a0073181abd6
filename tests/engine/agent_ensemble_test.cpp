#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "engine/agent_fixture.h"
#include "wardsim/engine/agent/ensemble.h"
#include "wardsim/engine/agent/integer_histogram.h"
#include "wardsim/engine/cohort_kernel.h"
#include "wardsim/error.h"

namespace wardsim::engine::agent {
namespace {

using testing::household_parameters;
using testing::small_city;

TEST(IntegerHistogram, ExactMomentsAndQuantilesAsNumPyComputesThem) {
  IntegerHistogram h;
  for (const int v : {10, 3, 1, 4, 2}) h.add(v);
  EXPECT_EQ(h.count(), 5U);
  EXPECT_DOUBLE_EQ(h.mean(), 4.0);
  EXPECT_DOUBLE_EQ(h.sd(), std::sqrt(50.0 / 4.0));
  // numpy.quantile([1, 2, 3, 4, 10], p) with the default (linear) method.
  EXPECT_DOUBLE_EQ(h.quantile(0.05), 1.2);
  EXPECT_DOUBLE_EQ(h.quantile(0.25), 2.0);
  EXPECT_DOUBLE_EQ(h.quantile(0.50), 3.0);
  EXPECT_DOUBLE_EQ(h.quantile(0.95), 8.8);
  EXPECT_DOUBLE_EQ(h.quantile(1.0), 10.0);
}

TEST(IntegerHistogram, OrderOfAddingDoesNotMatter) {
  IntegerHistogram forward, backward, merged, part;
  for (int v = -20; v <= 20; v += 3) forward.add(v * v - 50);
  for (int v = 20; v >= -20; v -= 3) backward.add(v * v - 50);
  for (int v = -20; v <= 0; v += 3) merged.add(v * v - 50);
  for (int v = 1; v <= 20; v += 3) part.add(v * v - 50);
  merged.merge(part);
  for (const double p : kQuantiles) {
    EXPECT_EQ(forward.quantile(p), backward.quantile(p));
    EXPECT_EQ(forward.quantile(p), merged.quantile(p));
  }
  EXPECT_EQ(forward.mean(), backward.mean());
  EXPECT_EQ(forward.sd(), merged.sd());
}

EnsembleResult ensemble(int replicates, int threads, bool keep = false, int steps = 6) {
  const ProjectionInputs inputs = small_city(steps);
  return run_agent_ensemble(
      inputs, household_parameters(),
      {.replicates = replicates, .seed = 2024, .threads = threads, .keep_trajectories = keep});
}

void expect_same(const CellStatistics& a, const CellStatistics& b, const char* what) {
  EXPECT_EQ(a.mean, b.mean) << what;
  EXPECT_EQ(a.sd, b.sd) << what;
  for (std::size_t q = 0; q < kQuantiles.size(); ++q)
    EXPECT_EQ(a.quantiles[q], b.quantiles[q]) << what;
}

TEST(AgentEnsemble, OneAndTwoThreadsGiveBitIdenticalResults) {
  const EnsembleResult one = ensemble(4, 1, true);
  const EnsembleResult two = ensemble(4, 2, true);
  ASSERT_EQ(one.trajectories.size(), 4U);
  EXPECT_EQ(one.trajectories, two.trajectories);
  for (std::size_t y = 0; y < one.mean.population.size(); ++y) {
    EXPECT_TRUE((one.mean.population[y] == two.mean.population[y]).all()) << "year " << y;
  }
  for (std::size_t y = 0; y < one.mean.flows.size(); ++y) {
    EXPECT_TRUE((one.mean.flows[y].moves_in == two.mean.flows[y].moves_in).all());
    EXPECT_TRUE((one.mean.flows[y].births == two.mean.flows[y].births).all());
  }
  expect_same(one.population_by_band, two.population_by_band, "population_by_band");
  expect_same(one.ward_population, two.ward_population, "ward_population");
  for (std::size_t k = 0; k < one.indicators.size(); ++k) {
    expect_same(one.indicators[k], two.indicators[k], "indicator");
  }
}

TEST(AgentEnsemble, ReplicatesOrZeroThreadsBelowOneAreRejected) {
  const ProjectionInputs inputs = small_city(2);
  try {
    run_agent_ensemble(inputs, household_parameters(), {.replicates = 0});
    FAIL() << "expected an InputError";
  } catch (const InputError& error) {
    ASSERT_EQ(error.problems().size(), 1U);
    EXPECT_EQ(error.problems()[0], "the number of replicates must be at least 1, found 0");
  }
}

// Replicates are independent: the deviations of two replicates from the ensemble mean are
// uncorrelated over cells. With C cells the sample correlation of two independent replicates has
// sd ≈ 1/√C; the mean over P disjoint pairs has sd ≈ 1/√(C·P), and the test allows 5 of those.
TEST(AgentEnsemble, ReplicatesAreUncorrelated) {
  const int replicates = 60;
  const EnsembleResult result = ensemble(replicates, 2, true, 4);
  const std::size_t last = result.trajectories[0].size() -
                           static_cast<std::size_t>(result.mean.population.back().size());
  const DistrictCube& mean = result.mean.population.back();
  const auto cells = static_cast<std::size_t>(mean.size());
  double sum_correlation = 0.0;
  for (int pair = 0; pair < replicates / 2; ++pair) {
    const auto& x = result.trajectories[static_cast<std::size_t>(2 * pair)];
    const auto& y = result.trajectories[static_cast<std::size_t>(2 * pair + 1)];
    double xy = 0, xx = 0, yy = 0;
    for (std::size_t k = 0; k < cells; ++k) {
      const double m = mean.data()[k];  // row-major, like the trajectory's last year
      const double dx = x[last + k] - m;
      const double dy = y[last + k] - m;
      xy += dx * dy;
      xx += dx * dx;
      yy += dy * dy;
    }
    sum_correlation += xy / std::sqrt(xx * yy);
  }
  const double mean_correlation = sum_correlation / (replicates / 2);
  EXPECT_LT(std::abs(mean_correlation),
            5.0 / std::sqrt(static_cast<double>(cells) * replicates / 2))
      << "mean correlation " << mean_correlation;
}

// The agents' mean agrees with the cohort kernel within Monte Carlo error, cell by cell
// (district × sex × five-year band × year). Test: |mean − cohort| ≤ 5 · sd / √N, with sd the
// sample sd over the N replicates, on cells where the cohort kernel expects at least 20 persons
// (so that the mean of N replicates is close to normal). Per cell a 5-sd excursion has probability
// about 6e-7 (normal; about 2e-6 for Student's t with N − 1 = 199 degrees of freedom), so over the
// roughly 1,000 cells tested the chance of a false alarm is below 0.2 % (Bonferroni), while a
// systematic bias of a few percent in any sizeable cell fails the test.
TEST(AgentEnsemble, MeanOverReplicatesAgreesWithTheCohortKernel) {
  const int replicates = 200;
  const int steps = 8;
  const ProjectionInputs inputs = small_city(steps);
  const EnsembleResult result = run_agent_ensemble(
      inputs, household_parameters(), {.replicates = replicates, .seed = 77, .threads = 0});
  const Projection cohort = project_cohort(inputs, {.threads = 1});
  const auto D = static_cast<std::size_t>(inputs.dims.district_count());
  const double root_n = std::sqrt(static_cast<double>(replicates));
  int tested = 0;
  for (std::size_t y = 1; y < cohort.population.size(); ++y) {
    for (std::size_t d = 0; d < D; ++d) {
      for (int sex = 0; sex < kSexes; ++sex) {
        for (int band = 0; band < kAgeBands; ++band) {
          double expected = 0.0;
          for (int age = 0; age < kAges; ++age) {
            if (band_of(age) == band) {
              expected += cohort.population[y](static_cast<Eigen::Index>(d), cell(sex, age));
            }
          }
          if (expected < 20.0) continue;
          const std::size_t k = ((y * D + d) * kSexes + static_cast<std::size_t>(sex)) * kAgeBands +
                                static_cast<std::size_t>(band);
          const double mean = result.population_by_band.mean[k];
          const double sd = result.population_by_band.sd[k];
          ++tested;
          EXPECT_LE(std::abs(mean - expected), 5.0 * sd / root_n)
              << "year " << inputs.dims.base_year + static_cast<int>(y) << " district " << d
              << " sex " << sex << " band " << age_band_label(band) << ": agents " << mean << " ± "
              << sd / root_n << ", cohort " << expected;
        }
      }
    }
  }
  EXPECT_GT(tested, 500);
}

}  // namespace
}  // namespace wardsim::engine::agent
