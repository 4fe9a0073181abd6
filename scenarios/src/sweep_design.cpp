#include "wardsim/scenarios/sweep_design.h"

#include <Random123/philox.h>

#include <cstddef>
#include <numeric>

namespace wardsim::scenarios {
namespace {

// The i-th uniform number in [0, 1) of the stream keyed by (seed, dimension, purpose).
double uniform(std::uint64_t seed, int dimension, int purpose, std::uint64_t i) {
  using Philox = r123::Philox4x32;
  const Philox::key_type key = {
      {static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}};
  const Philox::ctr_type counter = {
      {static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i >> 32),
       static_cast<std::uint32_t>(dimension), static_cast<std::uint32_t>(purpose)}};
  const Philox::ctr_type bits = Philox()(counter, key);
  // 53 random bits → a double in [0, 1).
  const std::uint64_t word = (std::uint64_t{bits[0]} << 32) | bits[1];
  return static_cast<double>(word >> 11) * 0x1.0p-53;
}

constexpr int kPermutation = 0;
constexpr int kJitter = 1;

}  // namespace

std::vector<std::vector<double>> grid_points(const std::vector<std::vector<double>>& values) {
  std::vector<std::vector<double>> points{{}};
  for (const auto& key_values : values) {
    std::vector<std::vector<double>> next;
    next.reserve(points.size() * key_values.size());
    for (const auto& point : points) {
      for (const double value : key_values) {
        next.push_back(point);
        next.back().push_back(value);
      }
    }
    points = std::move(next);
  }
  return values.empty() ? std::vector<std::vector<double>>{} : points;
}

std::vector<std::vector<double>> latin_hypercube(int samples, int dimensions, std::uint64_t seed) {
  const auto n = static_cast<std::size_t>(samples);
  std::vector<std::vector<double>> points(
      n, std::vector<double>(static_cast<std::size_t>(dimensions)));
  std::vector<std::size_t> stratum(n);
  for (int k = 0; k < dimensions; ++k) {
    // Fisher-Yates shuffle: sample i falls into stratum[i].
    std::iota(stratum.begin(), stratum.end(), std::size_t{0});
    for (std::size_t i = n; i > 1; --i) {
      const auto j =
          static_cast<std::size_t>(uniform(seed, k, kPermutation, i) * static_cast<double>(i));
      std::swap(stratum[i - 1], stratum[j]);
    }
    for (std::size_t i = 0; i < n; ++i) {
      points[i][static_cast<std::size_t>(k)] =
          (static_cast<double>(stratum[i]) + uniform(seed, k, kJitter, i)) / static_cast<double>(n);
    }
  }
  return points;
}

}  // namespace wardsim::scenarios
