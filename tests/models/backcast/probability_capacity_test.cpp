#include "wardsim/models/backcast/probability_capacity.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <numeric>
#include <random>
#include <vector>

namespace wardsim::models::backcast {
namespace {

TEST(CapacityAtProbability, IsTheEmpiricalQuantileOfShuffledDraws) {
  std::vector<double> values(100);
  std::iota(values.begin(), values.end(), 1.0);  // 1 … 100, each with probability 1/100
  std::mt19937 generator(7);
  std::shuffle(values.begin(), values.end(), generator);
  Eigen::ArrayXXd draws(100, 1);
  for (int r = 0; r < 100; ++r) draws(r, 0) = values[static_cast<std::size_t>(r)];
  EXPECT_EQ(capacity_at_probability(draws, 0.9)(0), 90.0);
  EXPECT_EQ(capacity_at_probability(draws, 0.901)(0), 91.0);  // 90 meets only 90 %
  EXPECT_EQ(capacity_at_probability(draws, 1.0)(0), 100.0);
  EXPECT_EQ(capacity_at_probability(draws, 0.005)(0), 1.0);
}

TEST(CapacityAtProbability, ApproachesTheNormalQuantile) {
  // Draws at the normal's quantiles of (k − 0.5)/n: their empirical distribution is the normal's.
  const boost::math::normal_distribution<double> demand(1000.0, 50.0);
  const int n = 20000;
  Eigen::ArrayXXd draws(n, 2);
  for (int k = 0; k < n; ++k) {
    const double x = boost::math::quantile(demand, (k + 0.5) / n);
    draws(n - 1 - k, 0) = x;  // any order
    draws(k, 1) = 2.0 * x;
  }
  const Eigen::ArrayXd capacity = capacity_at_probability(draws, 0.9);
  const double expected = boost::math::quantile(demand, 0.9);  // 1000 + 1.2816 × 50
  EXPECT_NEAR(capacity(0), expected, 0.1);
  EXPECT_NEAR(capacity(1), 2.0 * expected, 0.2);
  // And it really is met by 90 % of the draws.
  EXPECT_GE((draws.col(0) <= capacity(0)).count(), 0.9 * n);
}

TEST(CapacityAtProbability, RejectsAProbabilityOutsideZeroToOne) {
  const Eigen::ArrayXXd draws = Eigen::ArrayXXd::Ones(3, 1);
  EXPECT_THROW((void)capacity_at_probability(draws, 0.0), std::invalid_argument);
  EXPECT_THROW((void)capacity_at_probability(draws, 1.5), std::invalid_argument);
}

}  // namespace
}  // namespace wardsim::models::backcast
