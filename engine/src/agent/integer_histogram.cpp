#include "wardsim/engine/agent/integer_histogram.h"

#include <cmath>
#include <limits>

namespace wardsim::engine::agent {

void IntegerHistogram::add(std::int64_t value) {
  if (counts_.empty()) {
    lowest_ = value;
    counts_.assign(1, 0);
  } else if (value < lowest_) {
    counts_.insert(counts_.begin(), static_cast<std::size_t>(lowest_ - value), 0);
    lowest_ = value;
  } else if (value - lowest_ >= static_cast<std::int64_t>(counts_.size())) {
    counts_.resize(static_cast<std::size_t>(value - lowest_) + 1, 0);
  }
  ++counts_[static_cast<std::size_t>(value - lowest_)];
  ++count_;
}

void IntegerHistogram::merge(const IntegerHistogram& other) {
  for (std::size_t k = 0; k < other.counts_.size(); ++k) {
    for (std::uint32_t n = 0; n < other.counts_[k]; ++n) {
      add(other.lowest_ + static_cast<std::int64_t>(k));
    }
  }
}

double IntegerHistogram::mean() const {
  if (count_ == 0) return std::numeric_limits<double>::quiet_NaN();
  std::int64_t offset_sum = 0;  // Σ (value − lowest): exact
  for (std::size_t k = 0; k < counts_.size(); ++k) {
    offset_sum += static_cast<std::int64_t>(k) * counts_[k];
  }
  return static_cast<double>(lowest_) +
         static_cast<double>(offset_sum) / static_cast<double>(count_);
}

double IntegerHistogram::sd() const {
  if (count_ < 2) return 0.0;
  const double centre = mean() - static_cast<double>(lowest_);
  double squares = 0.0;
  for (std::size_t k = 0; k < counts_.size(); ++k) {
    const double deviation = static_cast<double>(k) - centre;
    squares += deviation * deviation * counts_[k];
  }
  return std::sqrt(squares / static_cast<double>(count_ - 1));
}

std::int64_t IntegerHistogram::order_statistic(std::uint64_t k) const {
  std::uint64_t seen = 0;
  for (std::size_t v = 0; v < counts_.size(); ++v) {
    seen += counts_[v];
    if (seen > k) return lowest_ + static_cast<std::int64_t>(v);
  }
  return lowest_ + static_cast<std::int64_t>(counts_.size()) - 1;
}

double IntegerHistogram::quantile(double p) const {
  if (count_ == 0) return std::numeric_limits<double>::quiet_NaN();
  const double h = static_cast<double>(count_ - 1) * p;
  const auto below = static_cast<std::uint64_t>(std::floor(h));
  const auto low = static_cast<double>(order_statistic(below));
  if (below + 1 >= count_) return low;
  const auto high = static_cast<double>(order_statistic(below + 1));
  return low + (h - static_cast<double>(below)) * (high - low);
}

}  // namespace wardsim::engine::agent
