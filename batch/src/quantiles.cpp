#include "wardsim/batch/quantiles.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace wardsim::batch {

std::vector<double> quantiles(std::span<double> values, std::span<const double> probabilities) {
  if (values.empty()) throw std::invalid_argument("quantiles: no values");
  const std::size_t n = values.size();
  std::vector<double> result;
  result.reserve(probabilities.size());
  // After a selection at `last`, values before it are <= it and values after it are >= it, so the
  // next order statistic is selected within one side only (the whole range the first time).
  auto last = values.end();
  for (const double p : probabilities) {
    const double h = static_cast<double>(n - 1) * p;
    const auto below = static_cast<std::size_t>(std::floor(h));
    const auto nth = values.begin() + static_cast<std::ptrdiff_t>(below);
    if (last == values.end()) {
      std::nth_element(values.begin(), nth, values.end());
    } else if (nth > last) {
      std::nth_element(last + 1, nth, values.end());
    } else if (nth < last) {
      std::nth_element(values.begin(), nth, last);
    }
    last = nth;
    const double low = *nth;
    // After nth_element everything past `nth` is ≥ it: the next order statistic is their minimum.
    const double high = below + 1 < n ? *std::min_element(nth + 1, values.end()) : low;
    result.push_back(low + (h - static_cast<double>(below)) * (high - low));
  }
  return result;
}

}  // namespace wardsim::batch
