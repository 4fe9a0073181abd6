#include "wardsim/batch/quantiles.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

namespace wardsim::batch {
namespace {

TEST(Quantiles, HandSolvedType7) {
  // Sorted 1..5: h = 4p. p = 0.25 → x[1] = 2; p = 0.1 → x[0] + 0.4 (x[1] - x[0]) = 1.4.
  std::vector<double> values = {5, 3, 1, 4, 2};
  const double p[] = {0.0, 0.1, 0.25, 0.5, 0.95, 1.0};
  const auto q = quantiles(values, p);
  EXPECT_DOUBLE_EQ(q[0], 1.0);
  EXPECT_DOUBLE_EQ(q[1], 1.4);
  EXPECT_DOUBLE_EQ(q[2], 2.0);
  EXPECT_DOUBLE_EQ(q[3], 3.0);
  EXPECT_DOUBLE_EQ(q[4], 4.8);
  EXPECT_DOUBLE_EQ(q[5], 5.0);
  // Two values: the median is their mean; one value: every quantile is it.
  std::vector<double> two = {20, 10};
  EXPECT_DOUBLE_EQ(quantiles(two, std::vector<double>{0.5})[0], 15.0);
  std::vector<double> one = {7};
  EXPECT_DOUBLE_EQ(quantiles(one, std::vector<double>{0.05})[0], 7.0);
}

TEST(Quantiles, AgreeWithTheSortedDefinitionWhateverTheOrder) {
  std::mt19937_64 generator(42);
  std::lognormal_distribution<double> distribution(0.0, 1.0);
  std::vector<double> values(1001);
  for (double& value : values) value = distribution(generator);
  values[10] = values[20];  // ties
  std::vector<double> sorted = values;
  std::sort(sorted.begin(), sorted.end());
  const std::vector<double> p = {0.05, 0.25, 0.5, 0.75, 0.95, 0.333};
  std::vector<double> shuffled = values;
  std::shuffle(shuffled.begin(), shuffled.end(), generator);
  const auto a = quantiles(values, p);
  const auto b = quantiles(shuffled, p);
  for (std::size_t i = 0; i < p.size(); ++i) {
    const double h = 1000.0 * p[i];
    const auto lo = static_cast<std::size_t>(std::floor(h));
    const double expected =
        sorted[lo] + (h - static_cast<double>(lo)) * (sorted[lo + 1] - sorted[lo]);
    EXPECT_EQ(a[i], expected) << "p = " << p[i];
    EXPECT_EQ(b[i], a[i]) << "p = " << p[i];
  }
}

// Enough values for the bucketed path, from distributions that crowd buckets (heavy tails, an
// atom of ties, two far-apart clusters) and from an even one: every quantile is the sorted
// definition's, bit for bit.
TEST(Quantiles, BucketedSelectionEqualsTheSortedDefinition) {
  std::mt19937_64 generator(7);
  std::lognormal_distribution<double> heavy(0.0, 3.0);
  std::uniform_real_distribution<double> even(1000.0, 2000.0);
  std::vector<std::vector<double>> samples(4, std::vector<double>(10000));
  for (std::size_t i = 0; i < 10000; ++i) {
    samples[0][i] = heavy(generator);
    samples[1][i] = i % 3 == 0 ? 5.0 : even(generator);           // a third of the values tied
    samples[2][i] = (i % 2 == 0 ? 1e-3 : 1e6) + even(generator);  // two clusters
    samples[3][i] = even(generator);
  }
  const std::vector<double> p = {0.0, 0.05, 0.25, 0.5, 0.75, 0.95, 0.999, 1.0};
  for (std::size_t s = 0; s < samples.size(); ++s) {
    std::vector<double> sorted = samples[s];
    std::sort(sorted.begin(), sorted.end());
    const auto q = quantiles(samples[s], p);
    for (std::size_t i = 0; i < p.size(); ++i) {
      const double h = 9999.0 * p[i];
      const auto lo = static_cast<std::size_t>(std::floor(h));
      const double next = sorted[std::min<std::size_t>(lo + 1, 9999)];
      ASSERT_EQ(q[i], sorted[lo] + (h - static_cast<double>(lo)) * (next - sorted[lo]))
          << "sample " << s << ", p = " << p[i];
    }
  }
  std::vector<double> constant(5000, 3.25);
  EXPECT_EQ(quantiles(constant, p), std::vector<double>(p.size(), 3.25));
}

// A range wider than the largest double (its width overflows): still the sorted definition.
TEST(Quantiles, ValuesSpanningBeyondTheLargestDoubleAreStillExact) {
  std::vector<double> values(1000);
  for (std::size_t i = 0; i < values.size(); ++i) {
    values[i] = (static_cast<double>(i) - 499.5) * 3e305;  // -1.5e308 .. 1.5e308
  }
  std::vector<double> shuffled = values;
  std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937_64(3));
  const double p[] = {0.0, 0.5, 1.0};
  const auto q = quantiles(shuffled, p);
  EXPECT_EQ(q[0], values.front());
  EXPECT_EQ(q[1], values[499] + 0.5 * (values[500] - values[499]));
  EXPECT_EQ(q[2], values.back());
}

TEST(Quantiles, RefusesValuesThatCannotBeOrdered) {
  std::vector<double> values(1000, 1.0);
  values[500] = std::nan("");
  const double p[] = {0.5};
  EXPECT_THROW(quantiles(values, p), std::invalid_argument);
}

}  // namespace
}  // namespace wardsim::batch
