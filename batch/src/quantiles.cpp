#include "wardsim/batch/quantiles.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>

namespace wardsim::batch {
namespace {

// The value of rank `rank` (0-based) among `values`, which it reorders.
double order_statistic(std::span<double> values, std::size_t rank) {
  const auto nth = values.begin() + static_cast<std::ptrdiff_t>(rank);
  std::nth_element(values.begin(), nth, values.end());
  return *nth;
}

// Fewer values than this: selection over all of them is as quick as bucketing.
constexpr std::size_t kBucketFrom = 512;
// About 8 values per bucket when the values are spread evenly between their extremes.
constexpr std::size_t kValuesPerBucket = 8;
constexpr std::uint32_t kNotWanted = 0xFFFFFFFFu;

// The values of the given ranks (sorted ascending), by bucketing: bucket(v) = ⌊(v - lowest) ×
// scale⌋ never decreases as v grows (a subtraction and a multiplication by a positive number,
// each correctly rounded, preserve order), so a count per bucket tells in which bucket each rank
// lies and how many smaller values come before it; only the few values in those buckets are then
// selected among. Exact, whatever the distribution (a crowded bucket is only slower).
std::vector<double> ranked_values(std::span<const double> values,
                                  const std::vector<std::size_t>& ranks, double lowest,
                                  double highest) {
  const std::size_t buckets = values.size() / kValuesPerBucket;
  const double scale = static_cast<double>(buckets) / (highest - lowest);
  const auto bucket_of = [&](double v) {
    return std::min(static_cast<std::size_t>((v - lowest) * scale), buckets - 1);
  };
  std::vector<std::uint32_t> before(buckets + 1, 0);  // first: counts; then values before each
  for (const double v : values) ++before[bucket_of(v) + 1];
  for (std::size_t b = 1; b <= buckets; ++b) before[b] += before[b - 1];

  // The buckets holding a wanted rank, and their values side by side in `members`: a wanted
  // bucket b's values go to members[cursor[b]...].
  std::vector<std::size_t> bucket_of_rank;
  std::vector<std::uint32_t> cursor(buckets, kNotWanted);
  std::uint32_t wanted_values = 0;
  for (const std::size_t rank : ranks) {
    const auto above = std::upper_bound(before.begin(), before.end(), rank);
    const auto b = static_cast<std::size_t>(above - before.begin()) - 1;
    bucket_of_rank.push_back(b);
    if (cursor[b] == kNotWanted) {
      cursor[b] = wanted_values;
      wanted_values += before[b + 1] - before[b];
    }
  }
  std::vector<double> members(wanted_values);
  std::vector<std::uint32_t> start = cursor;
  for (const double v : values) {
    const std::size_t b = bucket_of(v);
    if (cursor[b] != kNotWanted) members[cursor[b]++] = v;
  }
  std::vector<double> result;
  for (std::size_t i = 0; i < ranks.size(); ++i) {
    const std::size_t b = bucket_of_rank[i];
    const std::span<double> bucket(members.data() + start[b], before[b + 1] - before[b]);
    result.push_back(order_statistic(bucket, ranks[i] - before[b]));
  }
  return result;
}

}  // namespace

std::vector<double> quantiles(std::span<double> values, std::span<const double> probabilities) {
  if (values.empty()) throw std::invalid_argument("quantiles: no values");
  if (!std::all_of(values.begin(), values.end(), [](double v) { return std::isfinite(v); })) {
    throw std::invalid_argument("quantiles: values must be finite");  // they could not be ordered
  }
  const std::size_t n = values.size();
  // Each quantile needs the values of ranks ⌊h⌋ and ⌊h⌋ + 1 (h = (n - 1) p).
  std::vector<std::size_t> ranks;
  for (const double p : probabilities) {
    const auto below = static_cast<std::size_t>(std::floor(static_cast<double>(n - 1) * p));
    ranks.push_back(below);
    ranks.push_back(std::min(below + 1, n - 1));
  }
  const auto [low, high] = std::minmax_element(values.begin(), values.end());
  std::vector<double> ranked;
  if (!(*high > *low)) {
    ranked.assign(ranks.size(), *low);                           // all equal
  } else if (n < kBucketFrom || !std::isfinite(*high - *low)) {  // or a range beyond doubles
    for (const std::size_t rank : ranks) ranked.push_back(order_statistic(values, rank));
  } else {
    ranked = ranked_values(values, ranks, *low, *high);
  }
  std::vector<double> result;
  result.reserve(probabilities.size());
  for (std::size_t q = 0; q < probabilities.size(); ++q) {
    const double h = static_cast<double>(n - 1) * probabilities[q];
    const double below = std::floor(h);
    const double x = ranked[2 * q];
    const double next = ranked[2 * q + 1];
    result.push_back(x + (h - below) * (next - x));
  }
  return result;
}

}  // namespace wardsim::batch
